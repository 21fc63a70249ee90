#pragma once
/// \file
/// A trace of both sweeps over a recorded graph: for every node its primal a_i, its tangent
/// ȧ_i (forward mode, MEDL (4.29)) and its adjoint ζ_i (backward mode, MEDL (4.31)), with the
/// iteration in which each becomes computable and the formulas that compute it, written
/// from the recorded operations. This is what prints MEDL Tables 4.1–4.3 and the notes'
/// adjoint table (2.11): the tables come from the graph, not from typed text.

#include <cstdint>
#include <string>
#include <vector>

#include "descent/autodiff/tape.hpp"

namespace descent::autodiff {

/// One node of a traced graph.
struct TraceRow {
  std::uint32_t index = 0;  ///< the node's position on the tape (recording order)
  std::string name;  ///< "a4", "theta2", "v5"
  Op op = Op::input;            ///< the operation that computed it
  int forward_iteration = 0;    ///< 0 for inputs and constants (Tape::forward_iterations)
  int backward_iteration = -1;  ///< 0 for the output; −1 if the output does not depend on it
  double value = 0;             ///< a_i
  double tangent = 0;           ///< ȧ_i for the given input tangents
  double adjoint = 0;           ///< ζ_i = ∂(output)/∂a_i
  std::string primal_formula;   ///< "a4 = sin(a1)"
  std::string tangent_formula;  ///< "a4' = cos(a1)*a1'"
  std::string adjoint_formula;  ///< "zeta(a1) = cos(a1)*zeta(a4)"
};

/// Every node of `tape` with its primal, its tangent for `input_tangents` (one per input)
/// and its adjoint for the seed ζ_output = 1.
[[nodiscard]] std::vector<TraceRow> trace(const Tape& tape, std::uint32_t output,
                                          const std::vector<double>& input_tangents);

/// The symbolic local partial ∂a_i/∂(k-th parent of i), e.g. "cos(a1)", "theta2", "1".
[[nodiscard]] std::string local_partial_formula(const Tape& tape, std::uint32_t i, std::uint32_t k);

}  // namespace descent::autodiff
