#pragma once
/// \file
/// Newton's method and the secant method for a function of one variable (MEDL §4.6).
/// Both record every iterate and say why they stopped: converged (at a minimum or,
/// as the book warns, at a maximum), iteration limit, diverged, or zero curvature.

#include <optional>
#include <vector>

#include "descent/core/status.hpp"
#include "descent/problems/univariate.hpp"

namespace descent::optim {

/// Options shared by the univariate methods; `validate()` throws descent::invalid_argument
/// naming the field and its allowed range.
struct Univariate1dOptions {
  /// Most steps to take: 1 <= max_iterations <= 10^6.
  int max_iterations = 50;
  /// Stop once a step is small: |θ_s| <= step_tolerance · (1 + |θ|); 0 <= tol < 1.
  double step_tolerance = 1e-12;

  /// Throws descent::invalid_argument naming the first field out of its range.
  void validate() const;
};

/// One iterate θ⁽ᵗ⁾ with what the method saw there.
struct Iterate1d {
  int t = 0;         ///< the iteration index
  double theta = 0;  ///< θ⁽ᵗ⁾
  double value = 0;  ///< C(θ⁽ᵗ⁾)
  double d1 = 0;     ///< C'(θ⁽ᵗ⁾)
  /// C''(θ⁽ᵗ⁾) for Newton; the secant estimate (4.53) for secant, which has none at t = 0
  std::optional<double> curvature;
  std::optional<double> step;  ///< θ_s⁽ᵗ⁾ = θ⁽ᵗ⁺¹⁾ − θ⁽ᵗ⁾; empty for the last iterate
};

/// A univariate run (Newton or secant): every iterate and why it stopped.
struct Trajectory1d {
  std::vector<Iterate1d> iterates;  ///< θ⁽⁰⁾, θ⁽¹⁾, ... in order, the last where the method stopped
  Status status;                    ///< why the method stopped
  /// The last iterate's θ (the run always has at least θ⁽⁰⁾).
  [[nodiscard]] double final_theta() const { return iterates.back().theta; }
};

/// The Newton step of MEDL (4.51): θ_s = −C'(θ)/C''(θ). Throws std::domain_error if C'' = 0.
[[nodiscard]] double newton_step(double d1, double d2);

/// The secant step of MEDL (4.53): Newton's step with C'' replaced by the slope of C'
/// between the last two iterates. Throws std::domain_error if that slope is 0 or undefined.
[[nodiscard]] double secant_step(double theta_prev, double theta, double d1_prev, double d1);

/// Newton's method (4.51) from θ⁽⁰⁾.
[[nodiscard]] Trajectory1d newton_1d(const problems::Univariate& f, double theta0,
                                     const Univariate1dOptions& options = {});

/// The secant method (4.53) from θ⁽⁰⁾ ≠ θ⁽¹⁾.
[[nodiscard]] Trajectory1d secant_1d(const problems::Univariate& f, double theta0, double theta1,
                                     const Univariate1dOptions& options = {});

}  // namespace descent::optim
