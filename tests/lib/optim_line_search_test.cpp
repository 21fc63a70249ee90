// The line-search value of lib/optim (LineSearch, search(), the names table, the first-step
// policy) and the exact search's rule. Reference values: the two local minimizers of the quartic
// φ(α) = C(θ + αθ_d) along one Rosenbrock ray, from the roots of the cubic φ′ in exact rational
// arithmetic (fixtures/optim_harness.json, tests/reference/generate_optim_harness.py); closed
// forms; and the MEDL catalogue's BFGS run with backtracking (C52).

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "descent/core/error.hpp"
#include "descent/core/kernels.hpp"
#include "descent/optim/line_search.hpp"
#include "descent/optim/quasi_newton.hpp"
#include "descent/problems/quadratic_form.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "fixtures.hpp"

using namespace descent;
using namespace descent::optim;
using descent::testing::load_fixture;

namespace {

// The ray of issue 11: from θ = (−0.8, 0.5) along θ_d = −∇C = (48.4, 28), φ has two local
// minima, at α = 0.0014553 (C = 2.99859) and α = 0.0436258 (C = 0.0972562).
struct TwoMinimaRay {
  problems::Rosenbrock f;
  vector theta{-0.8, 0.5};
  vector d{48.4, 28.0};
  Ray ray{f, theta, d};
};

// Rounding moves the computed root of φ′ by about ε‖θ_d‖‖∇C‖/φ″ ≈ 1e-16 · 1e2 / 2e6, and the
// search stops once |cos ∠(θ_d, ∇C)| <= 1e-13, |Δα| <= 1e-13‖θ_d‖‖∇C‖/φ″ <= 6e-18 here
// (φ″ ≈ 1.9e6 at both minima): α to 1e-12 relative is far inside both and far outside the
// distance between the minima.
constexpr double kAlphaTolerance = 1e-12;

}  // namespace

TEST_CASE("exact line search: the lowest local minimizer on the ray, MEDL (4.43)") {
  const auto minima = load_fixture("optim_harness.json")["rosenbrock_ray"]["local_minima"];
  const double first = minima[0]["alpha"], second = minima[1]["alpha"];
  REQUIRE(double(minima[1]["C"]) < double(minima[0]["C"]));  // the farther one is lower
  TwoMinimaRay r;
  const auto global = exact_line_search(r.ray);  // the default rule
  REQUIRE(global.ok());
  CHECK(global.alpha == doctest::Approx(second).epsilon(kAlphaTolerance));
  CHECK(global.phi == doctest::Approx(double(minima[1]["C"])).epsilon(1e-12));
  // the ray's buffers hold the accepted point, although the march went on past it
  CHECK(r.ray.theta()(0) == doctest::Approx(double(minima[1]["theta"][0])).epsilon(1e-12));
  CHECK(r.ray.theta()(1) == doctest::Approx(double(minima[1]["theta"][1])).epsilon(1e-12));

  ExactOptions first_local;
  first_local.rule = ExactOptions::Rule::first_local;
  TwoMinimaRay s;
  const auto near = exact_line_search(s.ray, first_local);
  REQUIRE(near.ok());
  CHECK(near.alpha == doctest::Approx(first).epsilon(kAlphaTolerance));
  CHECK(near.phi == doctest::Approx(double(minima[0]["C"])).epsilon(1e-12));
  CHECK(near.evaluations < global.evaluations);  // it stops at the first bracket

  // a bracket that ends before the second minimum sees only the first
  ExactOptions short_bracket;
  short_bracket.alpha_max = 0.02;
  TwoMinimaRay u;
  const auto inside = exact_line_search(u.ray, short_bracket);
  REQUIRE(inside.ok());
  CHECK(inside.alpha == doctest::Approx(first).epsilon(kAlphaTolerance));
}

TEST_CASE("exact line search: a ray still descending at alpha_max has no minimizer there") {
  // C(θ) = −θ₁ (A = 0, b = e₁) decreases without end along θ_d = e₁
  const problems::QuadraticForm plane(matrix{{0.0, 0.0}, {0.0, 0.0}}, vector{1.0, 0.0});
  const vector theta{0.0, 0.0}, d{1.0, 0.0};
  for (const auto rule :
       {ExactOptions::Rule::global_over_bracket, ExactOptions::Rule::first_local}) {
    CAPTURE(to_string(rule));
    Ray ray(plane, theta, d);
    ExactOptions o;
    o.rule = rule;
    o.alpha_max = 1e3;
    const auto ls = exact_line_search(ray, o);
    CHECK(ls.failure == LineSearchFailure::no_sufficient_decrease);
    CHECK(ls.detail.find("alpha_max = 1000") != std::string::npos);
    // the march 1e-3, 2e-3, ..., 2^19·1e-3 <= 1e3: 20 points, and φ(0)
    CHECK(ls.evaluations == 21);
  }
  ExactOptions bad;
  bad.alpha_max = 1e-4;  // below initial_step = 1e-3
  CHECK_THROWS_WITH_AS(bad.validate(), doctest::Contains("alpha_max"), descent::invalid_argument);
}

TEST_CASE("line search: the names table, the kinds and their default options") {
  CHECK(line_search_or_none_names.size() == line_search_names.size() + 1);
  for (std::size_t k = 0; k < line_search_or_none_names.size(); ++k) {
    const auto& [name, kind] = line_search_or_none_names[k];
    CAPTURE(std::string(name));
    CHECK(std::string(to_string(kind)) == name);
    CHECK(kind_of(default_line_search(kind)) == kind);
    if (k > 0) CHECK(line_search_names[k - 1] == line_search_or_none_names[k]);
  }
  CHECK(line_search_or_none_names[0].second == LineSearchKind::none);
  CHECK(std::holds_alternative<FixedStep>(default_line_search(LineSearchKind::none)));
  CHECK_FALSE(std::get<WolfeOptions>(default_line_search(LineSearchKind::wolfe)).strong);
  CHECK(std::get<WolfeOptions>(default_line_search(LineSearchKind::strong_wolfe)).strong);
  for (const auto& [name, rule] : exact_rule_names) CHECK(std::string(to_string(rule)) == name);
  CHECK(ExactOptions{}.rule == ExactOptions::Rule::global_over_bracket);
  // each kind's options are validated through the one value
  CHECK_THROWS_WITH_AS(validate(FixedStep{0}), "alpha = 0 is out of range; allowed: 0 < alpha",
                       descent::invalid_argument);
  BacktrackingOptions b;
  b.factor = 1;
  CHECK_THROWS_WITH_AS(validate(b), doctest::Contains("factor"), descent::invalid_argument);
}

TEST_CASE("line search: one first-step policy for every method") {
  const vector d{3.0, 4.0};  // ‖θ_d‖ = 5
  BacktrackingOptions b;
  b.alpha0 = 0.5;
  WolfeOptions w;
  w.alpha0 = 1;
  // backtracking: its alpha0, whatever the method knows (MEDL §4.5: α₀ = 1, then 2/3 of it)
  CHECK(first_trial_step(b, {}, -10, d) == 0.5);
  CHECK(first_trial_step(b, {.newton_step = false, .last_decrease = 3}, -10, d) == 0.5);
  // Wolfe along a Newton-type step: the full step
  CHECK(first_trial_step(w, {.newton_step = true}, -10, d) == 1);
  // Wolfe with a known last decrease: Nocedal–Wright (3.60), 2.02 · 3 / 10, at most alpha0
  CHECK(first_trial_step(w, {.last_decrease = 3}, -10, d) == doctest::Approx(0.606));
  CHECK(first_trial_step(w, {.last_decrease = 100}, -10, d) == 1);
  CHECK(first_trial_step(w, {.last_decrease = -1}, -10, d) == 1);  // C rose: no guess
  // Wolfe without either (quasi-Newton's first iteration, B = I): unit length, 1/‖θ_d‖
  CHECK(first_trial_step(w, {}, -10, d) == doctest::Approx(0.2));
  // no trial step for the others
  CHECK(std::isnan(first_trial_step(FixedStep{}, {}, -10, d)));
  CHECK(std::isnan(first_trial_step(ExactOptions{}, {}, -10, d)));
}

TEST_CASE("line search: search() runs the chosen search") {
  // Figure 4.8's ray from (0.8, 0): φ(0) = 41, φ′(0) = −‖∇C‖² = −(204.4² + 128²)
  const problems::Rosenbrock f;
  const vector theta{0.8, 0.0}, d{-204.4, 128.0};
  const double phi0 = 41, dphi0 = -(204.4 * 204.4 + 128.0 * 128.0);
  Ray ray(f, theta, d);
  // FixedStep: one evaluation at its α, accepted even though C rises (φ(1) ≈ 1.8e11)
  const auto fixed = search(FixedStep{1}, ray, phi0, dphi0);
  CHECK(fixed.ok());
  CHECK(fixed.alpha == 1);
  CHECK(fixed.evaluations == 1);
  CHECK(fixed.phi == doctest::Approx(f.value(theta + d)).epsilon(1e-15));
  // backtracking from alpha0 = 1: the catalogue's (2/3)^12 (C41), as backtracking() gives
  const auto bt = search(BacktrackingOptions{}, ray, phi0, dphi0, {.newton_step = true});
  CHECK(bt.alpha == doctest::Approx(std::pow(2.0 / 3.0, 12)).epsilon(1e-12));
  // Wolfe from the unit-length first step 1/‖θ_d‖ equals wolfe_line_search started there
  WolfeOptions w;
  const auto via_search = search(w, ray, phi0, dphi0);
  w.alpha0 = 1 / euclidean_norm(d);
  const auto direct = wolfe_line_search(ray, phi0, dphi0, w);
  CHECK(via_search.alpha == direct.alpha);
  CHECK(via_search.evaluations == direct.evaluations);
  // exact: Figure 4.8's α* (C38), 0.0016483282074149265
  const auto exact = search(ExactOptions{}, ray, phi0, dphi0);
  CHECK(std::fabs(exact.alpha - 0.0016483282074149265) < 1e-12);
}

TEST_CASE("quasi-Newton: the book's backtracking starts at alpha0 = 1, also at t = 0 (C52)") {
  // catalogue C52: BFGS with Armijo backtracking (α₀ = 1, factor 2/3, c1 = 1e-4) from
  // (0.2, −0.2): first α = (2/3)^12 = 0.0077073466, then 0.13168724 = (2/3)^5, 1, 2/3;
  // 26 iterations to ‖∇C‖ < 1e-10
  const problems::Rosenbrock f;
  QuasiNewtonOptions o;
  o.line_search = BacktrackingOptions{};
  const auto run = bfgs(f, vector{0.2, -0.2}, o);
  const auto& it = run.trajectory.iterates;
  REQUIRE(it.size() > 4);
  CHECK(it[1].alpha == doctest::Approx(std::pow(2.0 / 3.0, 12)).epsilon(1e-12));
  CHECK(it[2].alpha == doctest::Approx(std::pow(2.0 / 3.0, 5)).epsilon(1e-12));
  CHECK(it[3].alpha == 1);
  CHECK(it[4].alpha == doctest::Approx(2.0 / 3.0).epsilon(1e-12));
  CHECK(run.trajectory.status.converged());
  CHECK(run.trajectory.status.iterations == 26);
}
