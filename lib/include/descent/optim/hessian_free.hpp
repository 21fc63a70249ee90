#pragma once
/// \file
/// Hessian-free (truncated) Newton, Aggarwal §3.5.6.1: each Newton system Hθ_s = −∇C is solved
/// approximately by linear CG (Aggarwal (3.49)/(3.50), MEDL (4.46)/(4.47)), which needs only
/// products Hv — exact (Objective::hessian_vector) or by the finite difference
/// Hv ≈ (∇C(θ + δv) − ∇C(θ))/δ of Aggarwal (3.51). The Hessian is never formed.
///
/// With a forcing tolerance and a line search this is Newton–CG, the inexact Newton method of
/// Nocedal–Wright Algorithm 7.1 (MEDL (4.56) solved by CG for large d): CG stops once
/// ‖Hθ_s + ∇C‖ <= η_t‖∇C‖ with η_t = min(forcing, √‖∇C‖) (Nocedal–Wright (7.3), superlinear
/// convergence), or at the first direction of non-positive curvature (the iterate so far is
/// kept; −∇C if there is none), and a line search along θ_s (strong Wolfe from α = 1, say)
/// makes it globally convergent. Each step costs a few O(d) products instead of LAPACK's d³/3.
///
/// "Non-positive" is relative: a curvature below 1e-10 times the largest met so far (per unit
/// ‖θ_d‖², HessianFreeOptions::curvature_tolerance) counts as zero, since along the null space
/// of a singular H (softmax regression's redundant scores) the computed θ_dᵀHθ_d is rounding
/// noise whose sign depends on the machine.

#include "descent/optim/line_search.hpp"
#include "descent/optim/trajectory.hpp"
#include "descent/problems/objective.hpp"

namespace descent::optim {

/// Aggarwal (3.51): (∇C(θ + δv) − ∇C(θ))/δ into `hv`, given g = ∇C(θ). Exact for quadratics up
/// to rounding; O(δ) error otherwise. Throws descent::invalid_argument unless δ > 0.
void finite_difference_hv(const problems::Objective& objective, const vector& theta,
                          const vector& g, const vector& v, double delta, vector& hv);

/// Options of hessian_free (Hessian-free / Newton–CG); validate() throws on bad values.
struct HessianFreeOptions {
  /// Outer (Newton) iterations and the §4.1 criteria; by default 100 steps, ‖∇C‖ < 1e-10.
  StopCriteria stop = [] {
    StopCriteria s;
    s.max_iterations = 100;
    s.gradient_tolerance = 1e-10;
    return s;
  }();
  int cg_iterations = 0;           ///< inner CG steps per Newton step (0: the dimension d): >= 0
  bool finite_difference = false;  ///< (3.51) instead of the exact product
  double delta = 1e-7;             ///< δ of (3.51): > 0
  /// η of the forcing sequence η_t = min(η, √‖∇C‖) (0: no forcing test, `cg_iterations`
  /// steps): in [0, 1)
  double forcing = 0;
  /// FixedStep{1}: θ + θ_s, plain Hessian-free Newton. Any search along θ_s instead (strong
  /// Wolfe, c1 = 1e-4, c2 = 0.9, from α = 1: Newton–CG); its first trial step is the full step.
  LineSearch line_search = FixedStep{};
  /// The inner CG's relative zero-curvature test (CgOptions::curvature_tolerance): in [0, 1],
  /// 0 for the textbook test θ_dᵀHθ_d <= 0 alone.
  double curvature_tolerance = 1e-10;
  bool record_theta = true;  ///< keep θ in every Iterate (off for large d)
  /// Throws descent::invalid_argument naming the first field out of its range.
  void validate() const;
};

/// A Hessian-free run: its trajectory and the inner CG's work.
struct HessianFreeRun {
  Trajectory trajectory;  ///< the Newton iterates θ⁽ᵗ⁾ and why the run stopped
  /// Products Hv computed (exact or finite-difference), over all inner CG runs.
  int hessian_products = 0;
  /// Inner CG runs stopped at non-positive (or numerically zero) curvature θ_dᵀHθ_d.
  int negative_curvature_exits = 0;
  int cg_iterations = 0;  ///< inner CG steps over the whole run
};

/// θ⁽ᵗ⁺¹⁾ = θ⁽ᵗ⁾ + αθ_s with θ_s from at most `cg_iterations` CG steps on Hθ_s = −∇C from
/// θ_s = 0 (α = 1 with FixedStep{1}). If CG meets non-positive (or numerically zero)
/// curvature at its first step, θ_s = −∇C (steepest descent).
[[nodiscard]] HessianFreeRun hessian_free(const problems::Objective& objective,
                                          const vector& theta0,
                                          const HessianFreeOptions& options = {});

}  // namespace descent::optim
