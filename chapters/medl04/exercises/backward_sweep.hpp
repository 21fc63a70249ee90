#pragma once
/// \file
/// Exercise (MEDL §4.4, (4.30)–(4.32)): the backward sweep over a recorded graph.
///
/// A descent::autodiff::Tape holds nodes in recording order (a topological order). Node i has
/// `tape.node(i).count` parents; its e-th edge, for e from `tape.node(i).first`, goes to parent
/// `tape.parent(e)` with local partial ∂a_i/∂a_parent = `tape.partial(e)`. The tests rebuild Table
/// 4.3 and compare with torch.
///
/// Fill it in, then check it:
///
///     scripts/exercises check backward_sweep
///
/// Stuck? `scripts/exercises hint backward_sweep` gives a nudge first, then the equations.

#include <cstdint>
#include <vector>

#include "descent/autodiff/tape.hpp"
#include "descent/core/error.hpp"

namespace descent::exercises {

/// The adjoints ζ_i = ∂a_output/∂a_i of every node of `tape` (size tape.size()), with ζ_output = 1.
///
/// TODO: compute every adjoint by (4.31), from the output back to the inputs (4.32).
inline std::vector<double> backward_sweep(const autodiff::Tape& tape, std::uint32_t output) {
  (void)tape;
  (void)output;
  throw descent::not_implemented("backward_sweep in chapters/medl04/exercises/backward_sweep.hpp");
}

}  // namespace descent::exercises
