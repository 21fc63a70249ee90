#pragma once
/// \file
/// Hessian-free (truncated) Newton, Aggarwal §3.5.6.1: each Newton system Hθ_s = −∇C is solved
/// approximately by linear CG (Aggarwal (3.49)/(3.50), MEDL (4.46)/(4.47)), which needs only
/// products Hv — exact (Objective::hessian_vector) or by the finite difference
/// Hv ≈ (∇C(θ + δv) − ∇C(θ))/δ of Aggarwal (3.51). The Hessian is never formed.

#include "descent/optim/trajectory.hpp"
#include "descent/problems/objective.hpp"

namespace descent::optim {

/// Aggarwal (3.51): (∇C(θ + δv) − ∇C(θ))/δ into `hv`, given g = ∇C(θ). Exact for quadratics up
/// to rounding; O(δ) error otherwise. Throws descent::invalid_argument unless δ > 0.
void finite_difference_hv(const problems::Objective& objective, const vector& theta,
                          const vector& g, const vector& v, double delta, vector& hv);

struct HessianFreeOptions {
  StopCriteria stop = [] {
    StopCriteria s;
    s.max_iterations = 100;
    s.gradient_tolerance = 1e-10;
    return s;
  }();
  int cg_iterations = 0;           ///< inner CG steps per Newton step (0: the dimension d): >= 0
  bool finite_difference = false;  ///< (3.51) instead of the exact product
  double delta = 1e-7;             ///< δ of (3.51): > 0
  void validate() const;
};

struct HessianFreeRun {
  Trajectory trajectory;
  int hessian_products = 0;
  int negative_curvature_exits = 0;  ///< inner CG stopped at θ_dᵀHθ_d <= 0 (reported)
};

/// θ⁽ᵗ⁺¹⁾ = θ⁽ᵗ⁾ + θ_s with θ_s from `cg_iterations` CG steps on Hθ_s = −∇C from θ_s = 0. If
/// CG meets non-positive curvature at its first step, the step is −∇C (steepest descent).
[[nodiscard]] HessianFreeRun hessian_free(const problems::Objective& objective,
                                          const vector& theta0,
                                          const HessianFreeOptions& options = {});

}  // namespace descent::optim
