#pragma once
/// \file
/// Quasi-Newton methods, MEDL Algorithm 4.3: θ_d = −B∇C (4.59), a line search for α,
/// θ ← θ + αθ_d (4.60), then update B ≈ (∇²C)⁻¹ from the pair θ_s = θ⁽ᵗ⁺¹⁾ − θ⁽ᵗ⁾,
/// g_s = ∇C(θ⁽ᵗ⁺¹⁾) − ∇C(θ⁽ᵗ⁾) (4.62):
///
/// - BFGS (4.66)/(4.67): B ← VᵀBV + ρθ_sθ_sᵀ, ρ = 1/(g_sᵀθ_s), V = I − ρg_sθ_sᵀ; kept dense;
/// - L-BFGS (4.68)/(4.69), corrected (docs/pages/errata.md): only the last m pairs, B applied
///   to ∇C by the two-loop recursion with B_init = (g_sᵀθ_s / g_sᵀg_s) I, in O(md).
///
/// The update needs the curvature condition g_sᵀθ_s > 0 (4.64) to keep B positive definite; a
/// pair that violates it is skipped and counted, never used. The updates themselves live in
/// bfgs_update.hpp and lbfgs_memory.hpp; this is the driver.

#include <cstddef>

#include "descent/optim/bfgs_update.hpp"
#include "descent/optim/lbfgs_memory.hpp"
#include "descent/optim/line_search.hpp"
#include "descent/optim/trajectory.hpp"
#include "descent/problems/objective.hpp"

namespace descent::optim {

// --- Algorithm 4.3 ------------------------------------------------------------------------------

/// Options of bfgs and lbfgs (MEDL Algorithm 4.3); validate() throws descent::invalid_argument.
struct QuasiNewtonOptions {
  /// Iterations and the §4.1 criteria; by default 1000 steps, ‖∇C‖ < 1e-10.
  StopCriteria stop = [] {
    StopCriteria s;
    s.max_iterations = 1000;
    s.gradient_tolerance = 1e-10;
    return s;
  }();
  /// Also stop when ‖∇C‖ <= relative_gradient_tolerance · max(1, ‖θ‖), the criterion of
  /// LBFGSpp and libLBFGS (0: off): >= 0.
  double relative_gradient_tolerance = 0;
  /// Step 6, the line search (any: FixedStep{1} takes the full quasi-Newton step). A Wolfe
  /// search's first trial step is 1/‖θ_d‖ at t = 0, where B_init = I knows nothing of the scale
  /// of C, and alpha0 = 1 after (first_trial_step).
  LineSearch line_search = WolfeOptions{};
  std::size_t m = 6;  ///< L-BFGS memory: 1 <= m <= 1000 (Aggarwal ≈ 30, Nocedal–Wright 3–20)
  /// Skip the update unless g_sᵀθ_s > curvature_epsilon · g_sᵀg_s (4.64): >= 0.
  double curvature_epsilon = 2.220446049250313e-16;
  bool record_theta = true;  ///< keep θ in every Iterate (off for large d)
  /// Throws descent::invalid_argument naming the first field out of its range.
  void validate() const;
};

/// A quasi-Newton run: its trajectory, the skipped updates and (BFGS) the final B.
struct QuasiNewtonRun {
  Trajectory trajectory;    ///< the iterates θ⁽ᵗ⁾ and why the run stopped
  int skipped_updates = 0;  ///< pairs rejected by the curvature condition (4.64)
  matrix b;                 ///< BFGS: the final B (empty for L-BFGS)
};

/// Algorithm 4.3 with the dense BFGS update; B_init = I.
[[nodiscard]] QuasiNewtonRun bfgs(const problems::Objective& objective, const vector& theta0,
                                  const QuasiNewtonOptions& options = {});
/// Algorithm 4.3 with L-BFGS (memory m, B_init⁽ᵗ⁾ = γI, B_init⁽⁰⁾ = I). Allocation-free per
/// iteration apart from recording iterates.
[[nodiscard]] QuasiNewtonRun lbfgs(const problems::Objective& objective, const vector& theta0,
                                   const QuasiNewtonOptions& options = {});

}  // namespace descent::optim
