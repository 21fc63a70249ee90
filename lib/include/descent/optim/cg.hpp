#pragma once
/// \file
/// The conjugate gradient method for Aθ = b with A symmetric positive definite, i.e. for
/// minimizing C(θ) = ½θᵀAθ − bᵀθ (MEDL §4.5, (4.46)–(4.47); Aggarwal (3.49)–(3.50)):
///
///   θ_d⁽⁰⁾ = −∇C(θ⁽⁰⁾),  α⁽ᵗ⁾ = −θ_d⁽ᵗ⁾ᵀ∇C(θ⁽ᵗ⁾) / (θ_d⁽ᵗ⁾ᵀAθ_d⁽ᵗ⁾)          (4.46)
///   θ_d⁽ᵗ⁺¹⁾ = −∇C(θ⁽ᵗ⁺¹⁾) + β⁽ᵗ⁾θ_d⁽ᵗ⁾,  β⁽ᵗ⁾ = ∇C(θ⁽ᵗ⁺¹⁾)ᵀAθ_d⁽ᵗ⁾ / (θ_d⁽ᵗ⁾ᵀAθ_d⁽ᵗ⁾)  (4.47)
///
/// Successive directions are A-conjugate, so in exact arithmetic θ⁽ᵈ⁾ = A⁻¹b. A is only
/// touched through products Av, so the same loop serves Hessian-free Newton (Aggarwal 3.51).

#include <functional>
#include <vector>

#include "descent/core/status.hpp"
#include "descent/core/tensor.hpp"

namespace descent::optim {

/// v ↦ Av for a symmetric A, written into the second argument.
using LinearOperator = std::function<void(const vector& v, vector& av)>;

/// Options of linear CG; validate() throws descent::invalid_argument naming the bad field.
struct CgOptions {
  int max_iterations = 0;         ///< 0: the dimension d; otherwise 1 <= max_iterations <= 10^9
  double tolerance = 1e-12;       ///< stop when ‖Aθ − b‖ <= tolerance ‖b‖: >= 0
  bool record_directions = true;  ///< keep every θ_d (for the conjugacy check)
  bool record_steps = true;       ///< keep every CgStep (with its θ: off for large d)
  /// Relative test for zero curvature, in [0, 1]. With 0 (the textbook test) CG stops only when
  /// θ_dᵀAθ_d <= 0. Otherwise it also stops when θ_dᵀAθ_d <= curvature_tolerance · ρ ‖θ_d‖²,
  /// ρ the largest Rayleigh quotient θ_dᵀAθ_d / ‖θ_d‖² met so far (an estimate of ‖A‖): along
  /// the null space of a singular A the computed curvature is rounding noise, ~1e-17 ‖A‖ ‖θ_d‖²,
  /// of either sign depending on the machine's rounding, and a step of α = −θ_dᵀ∇C / noise along
  /// it is huge. Hessian-free Newton sets 1e-10.
  double curvature_tolerance = 0;
  /// Throws descent::invalid_argument naming the first field out of its range.
  void validate() const;
};

/// One iteration as MEDL (4.46)/(4.47) name its quantities.
struct CgStep {
  int t = 0;             ///< the iteration index t (0 for the first step)
  vector theta;          ///< θ⁽ᵗ⁺¹⁾
  double alpha = 0;      ///< α⁽ᵗ⁾
  double beta = 0;       ///< β⁽ᵗ⁾
  double residual = 0;   ///< ‖∇C(θ⁽ᵗ⁺¹⁾)‖ = ‖Aθ⁽ᵗ⁺¹⁾ − b‖
  double curvature = 0;  ///< θ_d⁽ᵗ⁾ᵀAθ_d⁽ᵗ⁾
};

/// A linear CG run: the final θ, the recorded steps and directions, and why it stopped.
struct CgRun {
  vector theta;                    ///< the final θ
  std::vector<CgStep> steps;       ///< every iteration (when options.record_steps)
  std::vector<vector> directions;  ///< θ_d⁽⁰⁾, θ_d⁽¹⁾, ... when recorded
  int products = 0;                ///< products Av computed
  Status status;  ///< converged, iteration_limit, or zero_curvature when θ_dᵀAθ_d ≤ 0
};

/// CG from θ⁽⁰⁾ = `theta0`. Stops converged when the residual is small, with
/// StopReason::zero_curvature (reported, not hidden) when θ_dᵀAθ_d <= 0, i.e. A is not
/// positive definite along θ_d — the exit truncated Newton relies on.
[[nodiscard]] CgRun conjugate_gradient(const LinearOperator& a, const vector& b,
                                       const vector& theta0, const CgOptions& options = {});
/// The same with a dense matrix.
[[nodiscard]] CgRun conjugate_gradient(const matrix& a, const vector& b, const vector& theta0,
                                       const CgOptions& options = {});

/// max over i != j of |θ_d⁽ⁱ⁾ᵀAθ_d⁽ʲ⁾| / (‖θ_d⁽ⁱ⁾‖_A ‖θ_d⁽ʲ⁾‖_A): 0 for A-conjugate directions.
[[nodiscard]] double max_conjugacy_cosine(const matrix& a, const std::vector<vector>& directions);

}  // namespace descent::optim
