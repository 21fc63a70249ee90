#pragma once
/// \file
/// Exercise (MEDL §4.4, (4.30)–(4.32)): write the backward sweep over a recorded graph.
///
/// A descent::autodiff::Tape holds nodes in recording order (a topological order). Node i
/// has `tape.node(i).count` parents; its e-th edge, for e from `tape.node(i).first`, goes to
/// parent `tape.parent(e)` with local partial ∂a_i/∂a_parent = `tape.partial(e)`.
/// Fill in `backward_sweep`, then run
///
///     cmake --build build --target exercise-medl04-backward_sweep

#include <cstdint>
#include <vector>

#include "descent/autodiff/tape.hpp"
#include "descent/core/error.hpp"

namespace descent::exercises {

/// The adjoints ζ_i = ∂a_output/∂a_i of every node of `tape` (size tape.size()), with
/// ζ_output = 1.
/// TODO: start from ζ_output = 1 and visit the nodes from `output` down to 0, pushing each
/// node's adjoint to its parents: ζ_parent += (∂a_i/∂a_parent) ζ_i (4.31).
/// Hint: a node used twice (x·x) gets two contributions. A node whose adjoint is 0 has
/// nothing to push — and an infinite local partial (sqrt at 0) must not turn 0 into NaN.
inline std::vector<double> backward_sweep(const autodiff::Tape& tape, std::uint32_t output) {
  (void)tape;
  (void)output;
  throw descent::not_implemented("backward_sweep in chapters/medl04/exercises/backward_sweep.hpp");
}

}  // namespace descent::exercises
