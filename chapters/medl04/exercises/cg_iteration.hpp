#pragma once
/// \file
/// Exercise (MEDL §4.5, (4.46)–(4.47)): one iteration of the conjugate gradient method for C(θ) =
/// ½θᵀAθ − bᵀθ.
///
/// The tests compare with exact rational arithmetic on a 2 × 2 system.
///
/// Fill it in, then check it:
///
///     scripts/exercises check cg_iteration
///
/// Stuck? `scripts/exercises hint cg_iteration` gives a nudge first, then the equations.

#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

using Matrix = std::vector<std::vector<double>>;  ///< row by row

/// The state between iterations: θ⁽ᵗ⁾, the gradient g = Aθ⁽ᵗ⁾ − b and the direction θ_d⁽ᵗ⁾.
struct CgState {
  std::vector<double> theta;      ///< θ⁽ᵗ⁾
  std::vector<double> g;          ///< the gradient Aθ⁽ᵗ⁾ − b
  std::vector<double> direction;  ///< the search direction θ_d⁽ᵗ⁾
};

/// One iteration: α⁽ᵗ⁾ from (4.46), θ⁽ᵗ⁺¹⁾ = θ⁽ᵗ⁾ + α⁽ᵗ⁾θ_d⁽ᵗ⁾, the new gradient, β⁽ᵗ⁾ from (4.47),
/// and θ_d⁽ᵗ⁺¹⁾ = −g⁽ᵗ⁺¹⁾ + β⁽ᵗ⁾θ_d⁽ᵗ⁾, all written into `state`. A is symmetric positive definite.
///
/// TODO: one iteration as above, with a single product of A with a vector.
inline void cg_iteration(const Matrix& a, CgState& state) {
  (void)a;
  (void)state;
  throw descent::not_implemented("cg_iteration in chapters/medl04/exercises/cg_iteration.hpp");
}

}  // namespace descent::exercises
