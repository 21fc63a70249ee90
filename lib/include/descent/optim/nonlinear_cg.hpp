#pragma once
/// \file
/// Nonlinear conjugate gradients (Aggarwal §3.5.6.1 mentions them; Nocedal–Wright §5.2): the
/// linear CG recursion (3.49) θ_d⁽ᵗ⁺¹⁾ = −∇C(θ⁽ᵗ⁺¹⁾) + β⁽ᵗ⁾θ_d⁽ᵗ⁾ with a β that needs no
/// Hessian, and a line search for α instead of (4.46):
///
/// - Fletcher–Reeves: β = ‖∇C⁽ᵗ⁺¹⁾‖² / ‖∇C⁽ᵗ⁾‖²;
/// - Polak–Ribière+: β = max(0, ∇C⁽ᵗ⁺¹⁾ᵀ(∇C⁽ᵗ⁺¹⁾ − ∇C⁽ᵗ⁾) / ‖∇C⁽ᵗ⁾‖²) — the PR+ variant, as
///   scipy's method="CG": a negative β (which would let PR cycle, Powell 1984) restarts.
///
/// On a quadratic with an exact line search successive gradients are orthogonal, so both β
/// equal the linear (3.50)/(4.47) and the iterates are linear CG's. Otherwise the search must
/// keep θ_d a descent direction: with the strong Wolfe conditions (4.50) and c2 < 1/2,
/// Fletcher–Reeves directions are descent directions (Al-Baali 1985; Nocedal–Wright Lemma 5.6),
/// which is why c2 must be below 1/2 here (default 0.1, as Nocedal–Wright suggest for CG).
/// Restarts (θ_d = −∇C): every `restart_every` iterations (default d: the quadratic model is
/// stale after d steps), when successive gradients are far from orthogonal (Powell's test
/// |∇C⁽ᵗ⁺¹⁾ᵀ∇C⁽ᵗ⁾| >= ν‖∇C⁽ᵗ⁺¹⁾‖², off by default), and whenever θ_d is not a descent direction.

#include <vector>

#include "descent/optim/line_search.hpp"
#include "descent/optim/trajectory.hpp"
#include "descent/problems/objective.hpp"

namespace descent::optim {

/// Which β of (3.49): Fletcher–Reeves or Polak–Ribière+ (max(β, 0)).
enum class CgBeta { fletcher_reeves, polak_ribiere_plus };
/// "Fletcher-Reeves" or "Polak-Ribiere+".
[[nodiscard]] const char* to_string(CgBeta beta);

/// β from ‖∇C⁽ᵗ⁾‖² = `gg_old`, ‖∇C⁽ᵗ⁺¹⁾‖² = `gg_new` and ∇C⁽ᵗ⁺¹⁾ᵀ∇C⁽ᵗ⁾ = `g_new_g_old`.
[[nodiscard]] double cg_beta(CgBeta formula, double gg_old, double gg_new, double g_new_g_old);

/// default_line_search(kind) with c2 = 0.1 for the Wolfe searches (Nocedal–Wright's choice for
/// CG, and below the 1/2 nonlinear_cg requires): what a command line's choice of search should
/// build for nonlinear CG. Refuses LineSearchKind::none (descent::invalid_argument).
[[nodiscard]] LineSearch nonlinear_cg_line_search(LineSearchKind kind);

/// Options of nonlinear_cg; validate() throws descent::invalid_argument naming the field.
struct NonlinearCgOptions {
  /// Iterations and the §4.1 criteria; by default 10000 steps, ‖∇C‖ < 1e-6.
  StopCriteria stop = [] {
    StopCriteria s;
    s.max_iterations = 10000;
    s.gradient_tolerance = 1e-6;
    return s;
  }();
  CgBeta beta = CgBeta::polak_ribiere_plus;  ///< Fletcher–Reeves or Polak–Ribière+
  /// Exact (4.45), backtracking, Wolfe or strong Wolfe (c2 < 1/2, validated); not FixedStep:
  /// CG's direction has no natural length. The first Wolfe trial step is first_trial_step's
  /// Nocedal–Wright (3.60) guess.
  LineSearch line_search = nonlinear_cg_line_search(LineSearchKind::strong_wolfe);
  int restart_every = 0;     ///< 0: the dimension d; otherwise 1 <= restart_every <= 10^9
  double powell_nu = 0;      ///< Powell's restart test with this ν (0: off): in [0, 1]
  bool record_theta = true;  ///< keep θ in every Iterate (off for large d)
  /// Throws descent::invalid_argument naming the first field out of its range.
  void validate() const;
};

/// A nonlinear CG run: its trajectory, the β used and the restarts.
struct NonlinearCgRun {
  Trajectory trajectory;      ///< the iterates θ⁽ᵗ⁾ and why the run stopped
  std::vector<double> betas;  ///< β⁽ᵗ⁾ actually used (0 at a restart)
  int restarts = 0;  ///< restarts other than the β⁺ clipping (periodic, Powell, non-descent)
  int clipped = 0;   ///< Polak–Ribière+ only: iterations where PR < 0 became 0
};

/// Nonlinear CG from `theta0`: θ_d⁽⁰⁾ = −∇C(θ⁽⁰⁾), a line search for α, then (3.49) with β.
/// The first Wolfe trial step is min(1, 2.02 (C⁽ᵗ⁾ − C⁽ᵗ⁻¹⁾) / φ′(0)) (Nocedal–Wright (3.60),
/// the step that would reach the last decrease again; scipy's choice; first_trial_step), with
/// C⁽⁻¹⁾ = C⁽⁰⁾ + ‖∇C⁽⁰⁾‖/2 at t = 0 (scipy's convention), and 1 when that is not positive.
[[nodiscard]] NonlinearCgRun nonlinear_cg(const problems::Objective& objective,
                                          const vector& theta0,
                                          const NonlinearCgOptions& options = {});

}  // namespace descent::optim
