#include "descent/optim/line_search.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"
#include "descent/core/kernels.hpp"

namespace descent::optim {

Ray::Ray(const problems::Objective& objective, const vector& theta, const vector& direction)
    : objective_(&objective), theta_(&theta), direction_(&direction) {
  reset(theta, direction);
}

void Ray::reset(const vector& theta, const vector& direction) {
  if (theta.size() != objective_->dimension() || direction.size() != theta.size())
    throw invalid_argument("line search: theta has " + std::to_string(theta.size()) +
                           " entries and the direction " + std::to_string(direction.size()) +
                           "; allowed: both equal to the dimension " +
                           std::to_string(objective_->dimension()));
  theta_ = &theta;
  direction_ = &direction;
  if (trial_.size() != theta.size()) trial_.resize({theta.size()});
  if (g_.size() != theta.size()) g_.resize({theta.size()});
}

Ray::Point Ray::at(double alpha) {
  const std::size_t d = trial_.size();
  const double* t = theta_->data();
  const double* dir = direction_->data();
  double* x = trial_.data();
  for (std::size_t i = 0; i < d; ++i) x[i] = t[i] + alpha * dir[i];
  const double phi = objective_->value_and_gradient(trial_, g_);
  const double dphi = kernels::dot(dir, g_.data(), d);  // φ′(α) = θ_dᵀ∇C
  ++evaluations_;
  return {alpha, phi, dphi};
}

const char* to_string(LineSearchFailure failure) {
  switch (failure) {
    case LineSearchFailure::none: return "none";
    case LineSearchFailure::not_descent_direction: return "not a descent direction";
    case LineSearchFailure::no_sufficient_decrease: return "no sufficient decrease";
    case LineSearchFailure::interval_collapsed: return "interval collapsed";
    case LineSearchFailure::non_finite_value: return "non-finite value";
  }
  return "unknown";
}

bool armijo(double phi0, double dphi0, double alpha, double phi_alpha, double c1) {
  return phi_alpha <= phi0 + c1 * alpha * dphi0;  // MEDL (4.48)
}
bool wolfe_curvature(double dphi0, double dphi_alpha, double c2) {
  return dphi_alpha >= c2 * dphi0;  // MEDL (4.49)
}
bool strong_wolfe_curvature(double dphi0, double dphi_alpha, double c2) {
  return std::fabs(dphi_alpha) <= -c2 * dphi0;  // MEDL (4.50)
}

namespace {

bool finite(const Ray::Point& p) {
  return std::isfinite(p.phi) && std::isfinite(p.dphi);
}

LineSearchResult accept(const Ray::Point& p, int evaluations) {
  return {LineSearchFailure::none, p.alpha, p.phi, p.dphi, evaluations, "accepted"};
}

LineSearchResult fail(LineSearchFailure why, const Ray::Point& last, int evaluations,
                      const std::string& detail) {
  return {why,
          last.alpha,
          last.phi,
          last.dphi,
          evaluations,
          std::string(to_string(why)) + ": " + detail + " (last alpha = " +
              short_number(last.alpha) + ", " + std::to_string(evaluations) + " evaluations)"};
}

LineSearchResult not_descent(double dphi0) {
  return {LineSearchFailure::not_descent_direction,
          0,
          0,
          dphi0,
          0,
          "not a descent direction: phi'(0) = " + short_number(dphi0) + " >= 0"};
}

void check_c1_c2(double c1, double c2) {
  require("c1", c1, Interval::open(0, 1));
  require("c2", c2, Interval::open(0, 1));
  if (!(c1 < c2))
    throw invalid_argument("c1 = " + short_number(c1) + " is not below c2 = " + short_number(c2) +
                           "; allowed: 0 < c1 < c2 < 1");
}

bool conditions_hold(Conditions which, double phi0, double dphi0, const Ray::Point& p, double c1,
                     double c2) {
  if (!armijo(phi0, dphi0, p.alpha, p.phi, c1)) return false;
  switch (which) {
    case Conditions::armijo: return true;
    case Conditions::wolfe: return wolfe_curvature(dphi0, p.dphi, c2);
    case Conditions::strong_wolfe: return strong_wolfe_curvature(dphi0, p.dphi, c2);
  }
  return false;
}

}  // namespace

// --- exact ------------------------------------------------------------------------------------

double exact_step_quadratic(double slope, double curvature) {
  if (!(curvature > 0))
    throw invalid_argument("exact_step_quadratic: theta_d^T A theta_d = " +
                           short_number(curvature) + "; allowed: > 0 (A positive definite)");
  return -slope / curvature;  // MEDL (4.46)
}

void ExactOptions::validate() const {
  require("initial_step", initial_step, Interval::greater_than(0));
  require("expansion", expansion, Interval::greater_than(1));
  require("alpha_max", alpha_max, Interval::at_least(initial_step));
  require("tolerance", tolerance, Interval::open(0, 1));
  require("max_evaluations", max_evaluations, Interval::closed(1, 1e6));
}

const char* to_string(ExactOptions::Rule rule) {
  for (const auto& [name, value] : exact_rule_names)
    if (value == rule) return name.data();
  return "unknown";
}

namespace {

// One exact line search: the march over the bracket, then the refinement of what it found.
class ExactSearch {
 public:
  ExactSearch(Ray& ray, const ExactOptions& options)
      : ray_(ray), o_(options), start_(ray.evaluations()) {}

  LineSearchResult run() {
    const Ray::Point origin = ray_.at(0);
    if (!finite(origin))
      return fail(LineSearchFailure::non_finite_value, origin, used(), "at alpha = 0");
    if (!(origin.dphi < 0)) return not_descent(origin.dphi);
    direction_norm_ = euclidean_norm(ray_.direction());
    const bool first_local = o_.rule == ExactOptions::Rule::first_local;

    // The march: a local minimizer lies in [a, b] when φ′(a) < 0 and either φ rose
    // (φ(b) > φ(a)) or the slope turned (φ′(b) >= 0).
    struct Bracket {
      Ray::Point lo, hi;
    };
    std::vector<Bracket> brackets;
    Ray::Point previous = origin;
    bool out_of_budget = false;
    for (double alpha = o_.initial_step; alpha <= o_.alpha_max; alpha *= o_.expansion) {
      if (used() >= o_.max_evaluations) {
        out_of_budget = true;
        break;
      }
      const auto p = ray_.at(alpha);
      const bool closes = !finite(p) || p.phi > previous.phi || p.dphi >= 0;
      if (previous.dphi < 0 && closes) {
        brackets.push_back({previous, p});
        if (first_local) break;
      } else if (first_local && small_slope(p)) {
        return accept(p, used());  // a march point where φ′ already vanishes
      }
      if (!finite(p)) break;  // C overflowed: the ray ends here
      previous = p;
    }
    if (brackets.empty())
      return fail(LineSearchFailure::no_sufficient_decrease, previous, used(),
                  out_of_budget
                      ? "phi kept decreasing along the ray"
                      : "phi kept decreasing up to alpha_max = " + short_number(o_.alpha_max));

    // Refine every bracket; keep the lowest minimizer (the first of equals), MEDL (4.43).
    std::optional<LineSearchResult> best, failure;
    bool best_is_last = false;  // whether the ray's buffers hold the best point
    for (const auto& b : brackets) {
      auto r = refine(b.lo, b.hi);
      best_is_last = false;
      if (!r.ok()) {
        if (!failure) failure = std::move(r);
      } else if (!best || r.phi < best->phi) {
        best = std::move(r);
        best_is_last = true;
      }
    }
    if (!best) return *failure;
    if (best_is_last) return *best;
    const auto p = ray_.at(best->alpha);  // leave the ray's buffers at the accepted point
    return accept(p, used());
  }

 private:
  [[nodiscard]] int used() const { return ray_.evaluations() - start_; }

  // |cos ∠(θ_d, ∇C(θ + αθ_d))| <= tolerance: the orthogonality an exact search promises (4.45)
  [[nodiscard]] bool small_slope(const Ray::Point& p) const {
    return std::fabs(p.dphi) <= o_.tolerance * direction_norm_ * euclidean_norm(ray_.gradient());
  }

  // Closes in on the local minimizer in [lo, hi], keeping the invariant; lo is always the
  // lowest point seen.
  LineSearchResult refine(Ray::Point lo, Ray::Point hi) {
    Ray::Point best = lo;
    while (used() < o_.max_evaluations) {
      const double width = hi.alpha - lo.alpha;
      double alpha = 0.5 * (lo.alpha + hi.alpha);
      if (finite(hi) && hi.dphi > 0) {
        // the root of the secant of φ′ through lo and hi, if it lies well inside
        const double secant = lo.alpha - lo.dphi * width / (hi.dphi - lo.dphi);
        if (secant > lo.alpha + 0.01 * width && secant < hi.alpha - 0.01 * width) alpha = secant;
      }
      if (!(alpha > lo.alpha && alpha < hi.alpha)) break;  // no double left between them
      const auto p = ray_.at(alpha);
      // Once φ′ changes sign across the bracket, its sign alone decides: near the minimizer φ
      // is flat below rounding, and comparing values there would shrink onto the wrong side.
      const bool sign_bracket = finite(hi) && hi.dphi >= 0;
      const bool right_side = !finite(p) || p.dphi >= 0 || (!sign_bracket && p.phi > lo.phi);
      if (right_side) {
        hi = p;
      } else {
        lo = p;
        best = p;
      }
      if (finite(p) && small_slope(p)) return accept(p, used());
    }
    // The bracket is as small as doubles allow: φ′ is as close to 0 as rounding lets it be.
    // Leave the ray at the best point found, so its buffers hold the accepted θ.
    if (hi.alpha - lo.alpha <= 8 * std::numeric_limits<double>::epsilon() * hi.alpha) {
      const auto p = ray_.at(best.alpha);
      return accept(p, used());
    }
    return fail(LineSearchFailure::no_sufficient_decrease, best, used(),
                "the slope did not fall to " + short_number(o_.tolerance) + " |theta_d| |grad C|");
  }

  Ray& ray_;
  const ExactOptions& o_;
  int start_;
  double direction_norm_ = 0;
};

}  // namespace

LineSearchResult exact_line_search(Ray& ray, const ExactOptions& options) {
  options.validate();
  return ExactSearch(ray, options).run();
}

// --- backtracking ------------------------------------------------------------------------------

void BacktrackingOptions::validate() const {
  require("alpha0", alpha0, Interval::greater_than(0));
  require("factor", factor, Interval::open(0, 1));
  check_c1_c2(c1, c2);
  require("max_evaluations", max_evaluations, Interval::closed(1, 1e6));
}

//! [backtracking]
LineSearchResult backtracking(Ray& ray, double phi0, double dphi0,
                              const BacktrackingOptions& options) {
  options.validate();
  if (!(dphi0 < 0)) return not_descent(dphi0);
  double alpha = options.alpha0;
  Ray::Point p{};
  for (int k = 0; k < options.max_evaluations; ++k, alpha *= options.factor) {
    p = ray.at(alpha);
    // A NaN or an overflow means the step went too far: shrink like any rejected step.
    if (finite(p) && conditions_hold(options.conditions, phi0, dphi0, p, options.c1, options.c2))
      return accept(p, k + 1);
  }
  return fail(
      finite(p) ? LineSearchFailure::no_sufficient_decrease : LineSearchFailure::non_finite_value,
      p, options.max_evaluations, "no trial step satisfied the conditions");
}
//! [backtracking]

// --- Wolfe: bracketing and zoom ---------------------------------------------------------------

void WolfeOptions::validate() const {
  check_c1_c2(c1, c2);
  require("alpha0", alpha0, Interval::greater_than(0));
  require("alpha_max", alpha_max, Interval::at_least(alpha0));
  require("expansion", expansion, Interval::greater_than(1));
  require("max_evaluations", max_evaluations, Interval::closed(1, 1e6));
}

namespace {

// The minimizer of the cubic through (a, φa, φ′a) and (b, φb, φ′b) (Nocedal–Wright (3.59)),
// or NaN when it does not exist.
double cubic_minimizer(const Ray::Point& a, const Ray::Point& b) {
  const double d1 = a.dphi + b.dphi - 3 * (a.phi - b.phi) / (a.alpha - b.alpha);
  const double disc = d1 * d1 - a.dphi * b.dphi;
  if (!(disc >= 0)) return std::numeric_limits<double>::quiet_NaN();
  const double d2 = std::copysign(std::sqrt(disc), b.alpha - a.alpha);
  const double denom = b.dphi - a.dphi + 2 * d2;
  if (denom == 0) return std::numeric_limits<double>::quiet_NaN();
  return b.alpha - (b.alpha - a.alpha) * (b.dphi + d2 - d1) / denom;
}

//! [zoom]
// Nocedal–Wright Algorithm 3.6. Invariants: lo satisfies (4.48) and has the lowest φ of
// the points that do; φ′(lo)(hi − lo) < 0, so a step satisfying the conditions lies between.
LineSearchResult zoom(Ray& ray, double phi0, double dphi0, Ray::Point lo, Ray::Point hi,
                      const WolfeOptions& o, int& evaluations) {
  while (evaluations < o.max_evaluations) {
    const double left = std::min(lo.alpha, hi.alpha), right = std::max(lo.alpha, hi.alpha);
    const double width = right - left;
    if (width <= 1e-15 * right)
      return fail(LineSearchFailure::interval_collapsed, lo, evaluations,
                  "bracket [" + short_number(left) + ", " + short_number(right) + "]");
    double alpha = finite(hi) ? cubic_minimizer(lo, hi) : std::nan("");
    // safeguard: stay in the inner 80% of the bracket, else bisect
    if (!(alpha > left + 0.1 * width && alpha < right - 0.1 * width)) alpha = 0.5 * (left + right);
    const auto p = ray.at(alpha);
    ++evaluations;
    if (!finite(p) || !armijo(phi0, dphi0, p.alpha, p.phi, o.c1) || p.phi >= lo.phi) {
      hi = p;
      continue;
    }
    if (o.strong ? strong_wolfe_curvature(dphi0, p.dphi, o.c2)
                 : wolfe_curvature(dphi0, p.dphi, o.c2))
      return accept(p, evaluations);
    if (p.dphi * (hi.alpha - lo.alpha) >= 0) hi = lo;
    lo = p;
  }
  return fail(LineSearchFailure::no_sufficient_decrease, lo, evaluations,
              "the evaluation budget ran out while zooming");
}
//! [zoom]

}  // namespace

LineSearchResult wolfe_line_search(Ray& ray, double phi0, double dphi0, const WolfeOptions& o) {
  o.validate();
  if (!(dphi0 < 0)) return not_descent(dphi0);
  Ray::Point previous{0, phi0, dphi0};
  double alpha = o.alpha0;
  int evaluations = 0;
  // Nocedal–Wright Algorithm 3.5: grow α until the conditions hold or a bracket appears.
  while (evaluations < o.max_evaluations) {
    const auto p = ray.at(alpha);
    ++evaluations;
    if (!finite(p) || !armijo(phi0, dphi0, p.alpha, p.phi, o.c1) ||
        (evaluations > 1 && p.phi >= previous.phi))
      return zoom(ray, phi0, dphi0, previous, p, o, evaluations);
    if (o.strong ? strong_wolfe_curvature(dphi0, p.dphi, o.c2)
                 : wolfe_curvature(dphi0, p.dphi, o.c2))
      return accept(p, evaluations);
    if (p.dphi >= 0) return zoom(ray, phi0, dphi0, p, previous, o, evaluations);
    if (alpha >= o.alpha_max)
      return fail(LineSearchFailure::no_sufficient_decrease, p, evaluations,
                  "reached alpha_max = " + short_number(o.alpha_max) + " still descending");
    previous = p;
    alpha = std::min(o.expansion * alpha, o.alpha_max);
  }
  return fail(LineSearchFailure::no_sufficient_decrease, previous, evaluations,
              "the evaluation budget ran out while bracketing");
}

// --- one value: which search -----------------------------------------------------------------

void FixedStep::validate() const {
  require("alpha", alpha, Interval::greater_than(0));
}

const char* to_string(LineSearchKind kind) {
  for (const auto& [name, value] : line_search_or_none_names)
    if (value == kind) return name.data();
  return "unknown";
}

LineSearchKind kind_of(const LineSearch& search) {
  struct Kind {
    LineSearchKind operator()(const FixedStep&) const { return LineSearchKind::none; }
    LineSearchKind operator()(const ExactOptions&) const { return LineSearchKind::exact; }
    LineSearchKind operator()(const BacktrackingOptions&) const {
      return LineSearchKind::backtracking;
    }
    LineSearchKind operator()(const WolfeOptions& o) const {
      return o.strong ? LineSearchKind::strong_wolfe : LineSearchKind::wolfe;
    }
  };
  return std::visit(Kind{}, search);
}

LineSearch default_line_search(LineSearchKind kind) {
  switch (kind) {
    case LineSearchKind::none: return FixedStep{};
    case LineSearchKind::exact: return ExactOptions{};
    case LineSearchKind::backtracking: return BacktrackingOptions{};
    case LineSearchKind::wolfe: {
      WolfeOptions weak;
      weak.strong = false;
      return weak;
    }
    case LineSearchKind::strong_wolfe: return WolfeOptions{};
  }
  return WolfeOptions{};
}

void validate(const LineSearch& search) {
  std::visit([](const auto& options) { options.validate(); }, search);
}

double first_trial_step(const LineSearch& search, const SearchStart& start, double dphi0,
                        const vector& direction) {
  if (const auto* b = std::get_if<BacktrackingOptions>(&search)) return b->alpha0;
  const auto* w = std::get_if<WolfeOptions>(&search);
  if (!w) return std::numeric_limits<double>::quiet_NaN();  // FixedStep, exact: no trial step
  if (start.newton_step) return w->alpha0;
  if (!std::isnan(start.last_decrease)) {
    const double guess = 2.02 * -start.last_decrease / dphi0;  // Nocedal–Wright (3.60)
    return guess > 0 && std::isfinite(guess) ? std::min(w->alpha0, guess) : w->alpha0;
  }
  return 1 / euclidean_norm(direction);
}

LineSearchResult search(const LineSearch& how, Ray& ray, double phi0, double dphi0,
                        const SearchStart& start) {
  if (const auto* fixed = std::get_if<FixedStep>(&how)) {
    fixed->validate();
    const auto p = ray.at(fixed->alpha);
    return {LineSearchFailure::none, p.alpha, p.phi, p.dphi, 1, "fixed step"};
  }
  if (const auto* exact = std::get_if<ExactOptions>(&how)) return exact_line_search(ray, *exact);
  const double alpha0 = first_trial_step(how, start, dphi0, ray.direction());
  if (const auto* b = std::get_if<BacktrackingOptions>(&how)) {
    BacktrackingOptions o = *b;
    o.alpha0 = alpha0;
    return backtracking(ray, phi0, dphi0, o);
  }
  WolfeOptions o = std::get<WolfeOptions>(how);
  o.alpha0 = alpha0;
  o.alpha_max = std::max(o.alpha_max, alpha0);
  return wolfe_line_search(ray, phi0, dphi0, o);
}

}  // namespace descent::optim
