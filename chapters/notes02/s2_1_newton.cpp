/// \file
/// Notes §2.1, Eqs. (2.2)–(2.3): Newton's update θ** = θ* − (H_L(θ*))⁻¹∇L(θ*) and the claim that
/// it "converges at least quadratically" — true near a minimum with L''' bounded, false globally.

#include <cmath>
#include <string>

#include "common/errata.hpp"
#include "descent/core/linalg.hpp"
#include "descent/optim/newton.hpp"
#include "descent/problems/quadratic_form.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "notes02/sections.hpp"

namespace descent::chapters::notes02 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

Result eq_2_3(const Params& p) {
  Result result;
  // (a) L = e^θ − 2θ, minimum ln 2: Newton's map θ − (e^θ − 2)/e^θ, errors e_k = |θ_k − ln 2|
  const double target = std::log(2.0);
  auto& a = result.table("(a) L = e^theta - 2 theta", {"k", "theta_k", "e_k", "e_k / e_(k-1)^2"});
  result.allow_non_finite("(a) L = e^theta - 2 theta:e_k / e_(k-1)^2",
                          "n/a (NaN) in row 0, before there is an e_(k-1), and after an iterate "
                          "that hit ln 2 exactly");
  double theta = p.number("theta0"), previous_error = 0;
  for (int k = 0; k <= 6; ++k) {
    const double e = std::fabs(theta - target);
    a.add({double(k), theta, e,
           k > 0 && previous_error > 0 ? e / (previous_error * previous_error) : std::nan("")});
    result.value("exp_theta_" + std::to_string(k), theta);
    if (k >= 1 && k <= 4 && previous_error > 0)
      result.value("ratio_" + std::to_string(k), e / (previous_error * previous_error));
    previous_error = e;
    const double next = theta - (std::exp(theta) - 2) / std::exp(theta);  // (2.3) in one dimension
    if (!std::isfinite(next)) {  // e^theta is 0 or inf in double: the map overflows
      result.status = "(a) Newton's map overflows at k = " + std::to_string(k + 1) +
                      ": e^theta = " + short_number(std::exp(theta)) + " for theta_" +
                      std::to_string(k) + " = " + short_number(theta) +
                      " (allowed without overflow: -745 < theta < 709)";
      break;
    }
    theta = next;
  }
  // (b) Rosenbrock from (−1.2, 1): the loss rises to 1411.8 at k = 2
  const problems::Rosenbrock rosenbrock;
  const auto run = optim::newton(rosenbrock, vector{-1.2, 1.0});
  auto& b = result.table("(b) Rosenbrock", {"k", "theta1", "theta2", "L"});
  for (const auto& it : run.trajectory.iterates) {
    b.add({double(it.t), it.theta(0), it.theta(1), it.value});
    result.value("rosenbrock_L_" + std::to_string(it.t), it.value);
  }
  result.value("rosenbrock_iterations", run.trajectory.status.iterations);
  // (c) ½θᵀAθ + bᵀθ is solved in one step: θ = −A⁻¹b
  const matrix a2{{3.0, 1.0}, {1.0, 2.0}};
  const problems::QuadraticForm quadratic(a2, vector{-1.0, 1.0});  // −bᵀθ form: b → −b
  const auto one = optim::newton(quadratic, vector{5.0, -7.0});
  result.value("quadratic_theta_1", one.trajectory.iterates[1].theta(0));
  result.value("quadratic_theta_2", one.trajectory.iterates[1].theta(1));
  // (d) L = √(1 + θ²): Newton's map θ ↦ −θ³ converges only for |θ| < 1
  auto& d = result.table("(d) L = sqrt(1 + theta^2)", {"start", "k", "theta_k"});
  for (const double start : p.vector("starts")) {
    double x = start;
    for (int k = 0; k <= 4; ++k) {
      d.add({start, double(k), x});
      result.value("sqrt_" + short_number(start) + "_" + std::to_string(k), x);
      x -= (x / std::sqrt(1 + x * x)) / std::pow(1 + x * x, -1.5);  // L'/L''
    }
  }
  return result;
}

app::Item eq_2_3_item() {
  return {
      "eq-2.3",
      "Newton's update converges quadratically near a minimum, and only there",
      "Notes §2.1, Eqs. (2.2)-(2.3)",
      {Param::number("theta0", "0", Provenance::companion, "start of Newton on e^theta - 2 theta"),
       Param::vector("starts", "0.5,1,1.1", Provenance::companion,
                     "starts of Newton on sqrt(1 + theta^2)", 1, 10, Interval::closed(-2, 2))},
      eq_2_3,
      /*errata=*/common::errata({"notes-2-3"})};
}

}  // namespace

void add_section_2_1_newton(app::Chapter& chapter) {
  chapter.add(eq_2_3_item());
}

}  // namespace descent::chapters::notes02
