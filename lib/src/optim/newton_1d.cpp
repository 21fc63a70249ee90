#include "descent/optim/newton_1d.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"

namespace descent::optim {

void Univariate1dOptions::validate() const {
  require("max_iterations", max_iterations, Interval::closed(1, 1e6));
  require("step_tolerance", step_tolerance, Interval{0, 1, false, true});
}

//! [newton-step]
double newton_step(double d1, double d2) {
  if (d2 == 0) throw std::domain_error("Newton step undefined: C''(theta) = 0");
  return -d1 / d2;  // MEDL (4.51): minimize the local quadratic Q(t)
}
//! [newton-step]

//! [secant-step]
double secant_step(double theta_prev, double theta, double d1_prev, double d1) {
  if (theta == theta_prev) throw std::domain_error("secant step undefined: theta(t) = theta(t-1)");
  const double curvature = (d1 - d1_prev) / (theta - theta_prev);  // MEDL (4.53)
  if (curvature == 0) throw std::domain_error("secant step undefined: C'(theta) did not change");
  return -d1 / curvature;
}
//! [secant-step]

namespace {

bool finite(const Iterate1d& it) {
  return std::isfinite(it.theta) && std::isfinite(it.value) && std::isfinite(it.d1) &&
         (!it.curvature || std::isfinite(*it.curvature));
}

std::string tolerance_text(double tol) {
  return "|step| <= " + short_number(tol) + " (1 + |theta|)";
}

// Ends a run that reached a stationary point, saying which kind: Newton's method only
// looks for C' = 0 and is as happy with a maximum as with a minimum (MEDL p. 155).
void converged(Trajectory1d& run, const problems::Univariate& f, const std::string& criterion) {
  run.status.reason = StopReason::converged;
  run.status.detail = criterion + "; theta = " + short_number(run.final_theta()) + " is a " +
                      problems::classify_stationary_point(f, run.final_theta());
}

//! [newton-loop]
// The loop both methods share. `curvature(iterates)` gives the second derivative (or
// its estimate) at the newest iterate, or nullopt when it cannot be formed yet. Both
// methods then take the same step θ_s = −C'/curvature.
template <class Curvature>
Trajectory1d iterate(const problems::Univariate& f, std::vector<double> starts,
                     const Univariate1dOptions& options, const char* curvature_name,
                     Curvature curvature) {
  options.validate();
  Trajectory1d run;
  auto evaluate = [&](double theta) {
    Iterate1d it;
    it.t = static_cast<int>(run.iterates.size());
    it.theta = theta;
    it.value = f.value(theta);
    it.d1 = f.d1(theta);
    run.iterates.push_back(it);
    run.iterates.back().curvature = curvature(run.iterates);
    return run.iterates.back();
  };
  for (std::size_t i = 0; i + 1 < starts.size(); ++i) {  // secant's extra start point
    evaluate(starts[i]);
    run.iterates.back().step = starts[i + 1] - starts[i];
  }
  double theta = starts.back();
  for (int steps = 0;; ++steps) {
    const Iterate1d it = evaluate(theta);
    run.status.iterations = steps;
    if (!finite(it)) {
      run.status.reason = StopReason::diverged;
      run.status.detail = "non-finite value at theta = " + short_number(it.theta);
      return run;
    }
    if (it.d1 == 0) {
      converged(run, f, "C'(theta) = 0 exactly");
      return run;
    }
    if (*it.curvature == 0) {
      run.status.reason = StopReason::zero_curvature;
      run.status.detail = std::string(curvature_name) + " = 0 at theta = " + short_number(theta);
      return run;
    }
    if (steps == options.max_iterations) {
      run.status.reason = StopReason::iteration_limit;
      run.status.detail = "last theta = " + short_number(theta);
      return run;
    }
    const double step = newton_step(it.d1, *it.curvature);  // (4.51), or (4.53) for secant
    run.iterates.back().step = step;
    theta += step;
    if (std::fabs(step) <= options.step_tolerance * (1 + std::fabs(it.theta))) {
      evaluate(theta);
      run.status.iterations = steps + 1;
      if (!finite(run.iterates.back())) {
        run.status.reason = StopReason::diverged;
        run.status.detail = "non-finite value at theta = " + short_number(theta);
        return run;
      }
      converged(run, f, tolerance_text(options.step_tolerance));
      return run;
    }
  }
}

//! [newton-loop]
}  // namespace

//! [newton-1d]
Trajectory1d newton_1d(const problems::Univariate& f, double theta0,
                       const Univariate1dOptions& options) {
  return iterate(f, {theta0}, options, "C''(theta)",
                 [&](const std::vector<Iterate1d>& its) -> std::optional<double> {
                   return f.d2(its.back().theta);
                 });
}
//! [newton-1d]

//! [secant-1d]
Trajectory1d secant_1d(const problems::Univariate& f, double theta0, double theta1,
                       const Univariate1dOptions& options) {
  if (theta0 == theta1)
    throw invalid_argument("secant method needs theta0 != theta1; both are " +
                           short_number(theta0));
  return iterate(f, {theta0, theta1}, options, "secant slope of C'",
                 [](const std::vector<Iterate1d>& its) -> std::optional<double> {
                   if (its.size() < 2) return std::nullopt;  // one point has no slope
                   const Iterate1d& a = its[its.size() - 2];
                   const Iterate1d& b = its.back();
                   return (b.d1 - a.d1) / (b.theta - a.theta);  // MEDL (4.53)
                 });
}
//! [secant-1d]

}  // namespace descent::optim
