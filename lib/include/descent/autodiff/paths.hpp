#pragma once
/// \file
/// The derivative ∂o/∂w of a recorded graph as a sum over paths (Aggarwal's pathwise
/// aggregation lemma, Eq. 3.4: ∂o/∂w = Σ_paths Π_edges z(i, j), with z(i, j) = ∂y(j)/∂y(i)),
/// computed two ways with their costs counted:
/// - path enumeration ("an exponential-time algorithm", Aggarwal §3.2.1): every path from w
///   to o is walked and its edge derivatives multiplied;
/// - dynamic programming (Aggarwal Eqs. 3.7–3.8, = the backward sweep): S(i, o) =
///   Σ_{children j} z(i, j) S(j, o) from S(o, o) = 1, one multiply-add per edge.

#include <cstdint>
#include <vector>

#include "descent/autodiff/tape.hpp"

namespace descent::autodiff {

/// A derivative and what computing it cost.
struct PathCost {
  double derivative = 0;       ///< ∂o/∂w, the value both methods compute (equal up to rounding)
  double paths = 0;            ///< number of w → o paths (enumeration; DP counts them too)
  double multiplications = 0;  ///< edge-derivative multiplications performed
  double edge_visits = 0;      ///< edges traversed
  /// dynamic_programming only: S(i, o) of Eq. 3.8 for every node i up to o (0 where o does not
  /// depend on i), the aggregated values a drawing of the recursion shows; S[w] = derivative.
  std::vector<double> S{};
};

/// Enumerates every path from node `w` to node `o` (depth-first through the parents of `o`)
/// and sums the products of the edge derivatives along each. Throws descent::invalid_argument
/// when there are more than `max_paths` paths (the cost is exponential in depth).
[[nodiscard]] PathCost enumerate_paths(const Tape& tape, std::uint32_t w, std::uint32_t o,
                                       double max_paths = 1 << 22);

/// The same derivative by dynamic programming over the nodes between `w` and `o` (Aggarwal
/// Eq. 3.8); also counts the paths by the same recursion (with additions only).
[[nodiscard]] PathCost dynamic_programming(const Tape& tape, std::uint32_t w, std::uint32_t o);

}  // namespace descent::autodiff
