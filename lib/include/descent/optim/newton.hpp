#pragma once
/// \file
/// Newton's method in d dimensions, MEDL (4.54)–(4.56): θ⁽ᵗ⁺¹⁾ = θ⁽ᵗ⁾ + θ_s with θ_s solving
/// H_t θ_s = −∇C(θ⁽ᵗ⁾) (LAPACK LU, descent::solve) — never forming H_t⁻¹. Each Hessian is
/// classified (positive definite, indefinite, singular): where it is not positive definite the
/// pure step (4.54) heads for a saddle or a maximum, and the run says so. The damped variant
/// searches along the Newton direction with any line search (backtracking Armijo is the
/// classical one) and falls back to −∇C when the Newton direction is not a descent direction.

#include <string>
#include <vector>

#include "descent/optim/line_search.hpp"
#include "descent/optim/trajectory.hpp"
#include "descent/problems/objective.hpp"

namespace descent::optim {

/// Options of Newton's method (newton); validate() throws descent::invalid_argument.
struct NewtonOptions {
  /// Iterations and the §4.1 criteria; by default 100 steps, ‖∇C‖ < 1e-10.
  StopCriteria stop = [] {
    StopCriteria s;
    s.max_iterations = 100;
    s.gradient_tolerance = 1e-10;
    return s;
  }();
  /// FixedStep{1}: the pure step (4.54). Any search makes the method damped: it searches along
  /// the Newton direction, or along −∇C where that is not a descent direction.
  LineSearch line_search = FixedStep{};
  /// True when a line search is chosen (anything but FixedStep).
  [[nodiscard]] bool damped() const { return !std::holds_alternative<FixedStep>(line_search); }
  /// Throws descent::invalid_argument naming the first field out of its range.
  void validate() const;
};

/// A Newton run: its trajectory and the kind of every Hessian it met.
struct NewtonRun {
  Trajectory trajectory;  ///< the iterates θ⁽ᵗ⁾ and why the run stopped
  /// For θ⁽⁰⁾, ..., the Hessian there: "positive definite", "indefinite" or "singular".
  std::vector<std::string> hessian_kind;
  int indefinite_hessians = 0;  ///< how many Hessians met were not positive definite
};

/// Newton's method from `theta0` on an objective with has_hessian(). A singular Hessian
/// stops the run with StopReason::singular_hessian.
[[nodiscard]] NewtonRun newton(const problems::Objective& objective, const vector& theta0,
                               const NewtonOptions& options = {});

}  // namespace descent::optim
