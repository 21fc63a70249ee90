#pragma once
/// \file
/// Exercise (MEDL §4.5, (4.46)–(4.47)): one iteration of the conjugate gradient method for
/// C(θ) = ½θᵀAθ − bᵀθ.
///
///     cmake --build build --target exercise-medl04-cg_iteration

#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

using Matrix = std::vector<std::vector<double>>;  ///< row by row

/// The state between iterations: θ⁽ᵗ⁾, the gradient g = Aθ⁽ᵗ⁾ − b and the direction θ_d⁽ᵗ⁾.
struct CgState {
  std::vector<double> theta;
  std::vector<double> g;
  std::vector<double> direction;
};

/// One iteration: α⁽ᵗ⁾ from (4.46), θ⁽ᵗ⁺¹⁾ = θ⁽ᵗ⁾ + α⁽ᵗ⁾θ_d⁽ᵗ⁾, the new gradient, β⁽ᵗ⁾ from
/// (4.47), and θ_d⁽ᵗ⁺¹⁾ = −g⁽ᵗ⁺¹⁾ + β⁽ᵗ⁾θ_d⁽ᵗ⁾, all written into `state`. A is symmetric
/// positive definite.
///
/// TODO: compute Aθ_d once and use it for α, the new gradient and β.
/// Hint: g⁽ᵗ⁺¹⁾ = g⁽ᵗ⁾ + α⁽ᵗ⁾Aθ_d⁽ᵗ⁾ needs no second product.
inline void cg_iteration(const Matrix& a, CgState& state) {
  (void)a;
  (void)state;
  throw descent::not_implemented("cg_iteration in chapters/medl04/exercises/cg_iteration.hpp");
}

}  // namespace descent::exercises
