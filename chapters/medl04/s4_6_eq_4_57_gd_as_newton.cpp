/// \file
/// MEDL §4.6, Eq. (4.57): replacing the Hessian H_t of Newton's quadratic model (4.55) by
/// the constant (1/α)I turns the Newton step (4.56) into the gradient-descent step (2.20);
/// on an elliptical quadratic the true Hessian takes Newton to the minimum in one step,
/// while gradient descent zig-zags across the valley (the book's Figure 2.8 argument).

#include <cmath>
#include <string>

#include "common/first_order.hpp"
#include "common/grid.hpp"
#include "descent/core/linalg.hpp"
#include "descent/optim/newton.hpp"
#include "descent/problems/quadratic.hpp"
#include "medl04/sections.hpp"

namespace descent::chapters::medl04 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

double distance(const vector& a, const vector& b) {
  return std::hypot(a(0) - b(0), a(1) - b(1));
}

// The first recorded iterate within `tolerance` of the minimizer, or nullptr.
const optim::Iterate* first_within(const optim::Trajectory& run, const vector& minimizer,
                                   double tolerance) {
  for (const auto& it : run.iterates)
    if (distance(it.theta, minimizer) < tolerance) return &it;
  return nullptr;
}

//! [eq-4.57]
// The step that minimizes the model (4.55) with H_t replaced by (1/α)I, i.e. the minimizer
// of Q̃ (4.57): it solves (1/α)I θ_s = −∇C(θ⁽ᵗ⁾) by the same LU solve as the Newton step (4.56).
vector scaled_identity_newton_step(const vector& gradient, double alpha) {
  const matrix h = xt::eye<double>(gradient.size()) / alpha;
  return solve(h, -gradient);
}

Result gd_as_newton(const Params& p) {
  const auto lambda = descent::to_vector(p.vector("lambda"));
  const vector centre({0.0, 0.0});
  const problems::Quadratic C(lambda, centre, descent::to_vector(p.vector("theta0")));
  const double alpha = p.number("alpha"), tolerance = p.number("tolerance");
  const double lmin = std::min(lambda(0), lambda(1)), lmax = std::max(lambda(0), lambda(1));
  // GD on ½θᵀΛθ multiplies mode j by 1 − αλ_j each step (notes (2.4)).
  const double rate = std::max(std::fabs(1 - alpha * lmin), std::fabs(1 - alpha * lmax));

  common::Run r;  // gradient descent (2.20): θ ← θ − α∇C
  r.schedule = optim::Schedule::fixed_rate(alpha);
  r.iterations = static_cast<int>(p.integer("max_iterations"));
  const auto gd = common::run(C, r, C.initial_point());
  optim::NewtonOptions o;  // Newton (4.54)-(4.56) with the true Hessian Λ
  o.stop.max_iterations = r.iterations;
  o.stop.gradient_tolerance = 0;
  o.stop.step_tolerance = tolerance;
  const auto newton = optim::newton(C, C.initial_point(), o);

  // (4.57): along the whole GD run, the step of the model with (1/α)I is the GD step.
  double identity = 0;
  vector g;
  for (std::size_t t = 0; t + 1 < gd.iterates.size(); ++t) {
    const auto& now = gd.iterates[t];
    C.gradient(now.theta, g);
    const vector next = now.theta + scaled_identity_newton_step(g, alpha);
    identity = std::max(identity, distance(next, gd.iterates[t + 1].theta));
  }

  Result result;
  result.status =
      "GD: " + gd.status.to_string() + "; Newton: " + newton.trajectory.status.to_string();
  common::report_divergence(result, "GD", gd, {"gd path", "runs", "values"});
  const auto* gd_hit = first_within(gd, centre, tolerance);
  const auto* newton_hit = first_within(newton.trajectory, centre, tolerance);
  auto& runs = result.table("runs", {"method", "model Hessian", "steps to |theta - theta*| < tol",
                                     "theta1 after 1 step", "theta2 after 1 step"});
  auto steps = [](const optim::Iterate* hit, int ran) {
    return hit ? report::Cell{double(hit->t)}
               : report::Cell{std::string("none in " + std::to_string(ran))};
  };
  runs.add({std::string("Newton (4.56)"), std::string("H = diag(lambda)"),
            steps(newton_hit, newton.trajectory.status.iterations),
            newton.trajectory.after(1).theta(0), newton.trajectory.after(1).theta(1)});
  runs.add({std::string("GD (2.20)"), std::string("(1/alpha) I, (4.57)"),
            steps(gd_hit, gd.status.iterations), gd.after(1).theta(0), gd.after(1).theta(1)});
  if (newton_hit) result.value("newton_steps", newton_hit->t);
  if (gd_hit) result.value("gd_steps", gd_hit->t);
  result.value("newton_theta1_1", newton.trajectory.after(1).theta(0));
  result.value("newton_theta2_1", newton.trajectory.after(1).theta(1));
  result.value("gd_theta1_1", gd.after(1).theta(0));
  result.value("gd_theta2_1", gd.after(1).theta(1));
  result.value("identity_max_difference", identity);
  result.value("contraction", rate);
  result.value("best_alpha", 2 / (lmin + lmax));
  // The measured contraction of the first step, |θ⁽¹⁾ − θ*| / |θ⁽⁰⁾ − θ*|.
  const double start = distance(gd.iterates[0].theta, centre);
  if (start > 0 && gd.iterates.size() > 1)
    result.value("gd_first_ratio", distance(gd.iterates[1].theta, centre) / start);
  auto& modes = result.table("GD modes", {"lambda_j", "1 - alpha lambda_j", "sign each step"});
  for (const double l : {lambda(0), lambda(1)})
    modes.add({l, 1 - alpha * l, std::string(1 - alpha * l < 0 ? "flips (zig-zag)" : "keeps")});

  // The figure: both paths over the level sets, GD up to where it is within tol.
  auto& path = result.add_series("gd path", {"t", "theta1", "theta2", "C"});
  for (const auto& it : gd.iterates) {
    path.add({double(it.t), it.theta(0), it.theta(1), it.value});
    if (&it == gd_hit) break;
  }
  common::add_path(result, "newton path", newton.trajectory);
  const auto box = common::box_from(p);
  common::add_grid(result, "landscape", C, box.x, box.y);
  report::Panel panel;
  panel.title = "C = (λ₁θ₁² + λ₂θ₂²)/2";
  panel.xlabel = "θ₁";
  panel.ylabel = "θ₂";
  const double c0 = C.value(C.initial_point());
  std::vector<double> levels;
  for (int k = 12; k >= 0; --k) levels.push_back(c0 * std::pow(0.5, k));
  panel.layers.push_back(common::contour_layer("landscape", levels));
  panel.layers.push_back({"gd path", "theta1", "theta2", report::Layer::Style::linespoints,
                          "GD, α = " + short_number(alpha) + " (H = I/α)"});
  panel.layers.push_back({"newton path", "theta1", "theta2", report::Layer::Style::linespoints,
                          "Newton, H = diag(λ): one step"});
  common::frame(panel, box);
  result.figures.push_back(
      {"eq-4.57",
       "Newton's model adapts to the ellipse; GD's model (4.57) assumes a circle",
       {panel},
       "The book points to its Figure 2.8, which is not in Chapter 4; the quadratic "
       "diag(1, 100) and the start (1, 1) are the companion's."});
  return result;
}
//! [eq-4.57]

}  // namespace

app::Item eq_4_57_item() {
  return {"eq-4.57",
          "GD is Newton's method with H replaced by I/alpha (4.57); on an ellipse Newton takes "
          "one step, GD zig-zags",
          "MEDL §4.6, Eq. (4.57)",
          {Param::vector("lambda", "1,100", Provenance::companion,
                         "eigenvalues of the quadratic's Hessian diag(lambda1, lambda2)", 2, 2,
                         Interval{0, 1e6, true, false}),
           Param::vector("theta0", "1,1", Provenance::companion, "the start", 2, 2,
                         Interval::closed(-1e6, 1e6)),
           Param::number(
               "alpha", "2/101", Provenance::companion,
               "GD learning rate; 2/(lambda_min + lambda_max) = 2/101 is the best fixed "
               "one for the default lambda (at least 1e-300, so that the model Hessian I/alpha is "
               "finite)",
               Interval::closed(1e-300, 1e6)),
           Param::number("tolerance", "1e-8", Provenance::companion,
                         "a run has arrived when |theta - theta*| < tolerance",
                         Interval::closed(1e-300, 1e6)),
           Param::integer("max_iterations", "10000", Provenance::companion,
                          "most steps of each method", Interval::closed(1, 1e5)),
           common::box_param("-0.6,1.2,-1.2,1.2", Provenance::companion),
           common::contour_grid_param("101", Provenance::companion)},
          gd_as_newton};
}

}  // namespace descent::chapters::medl04
