#pragma once
/// \file
/// Exercise 2.5 of the notes: derive the adjoints (2.11) of f(x, y) = xy − log(1 + exp(xy)) from
/// the instrumental variables (2.10) and the rule v̄_i = Σ_{j ∈ ch(i)} v̄_j ∂v_j/∂v_i.
///
/// The tests compare with a recorded tape, with identities the adjoints satisfy and with finite
/// differences.
///
/// Fill it in, then check it:
///
///     scripts/exercises check adjoints_2_11
///
/// Stuck? `scripts/exercises hint adjoints_2_11` gives a nudge first, then the equations.

#include <array>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// {v̄1, v̄2, ..., v̄7} at (x, y), with v̄_i = ∂f/∂v_i.
///
/// TODO: write each adjoint as a formula in x, y and the primals of (2.10), from v̄7 = 1 backwards.
inline std::array<double, 7> adjoints_2_11(double x, double y) {
  (void)x;
  (void)y;
  throw descent::not_implemented("adjoints_2_11 in chapters/notes02/exercises/adjoints_2_11.hpp");
}

}  // namespace descent::exercises
