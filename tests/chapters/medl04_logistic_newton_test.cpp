// MEDL §4.6, Newton's method against gradient descent on the logistic regression of (4.7):
// θ*, Newton's and GD's iterates against numpy and scipy.optimize on the same data and start
// (tests/reference/fixtures/medl04_logistic_newton.json, written by
// tests/reference/generate_logistic_newton.py), the catalogue's values for the nine points
// (C06: θ*, C*, 87 GD steps), and the orders of convergence: Newton's |e(t+1)|/|e(t)|² bounded,
// GD's |e(t+1)|/|e(t)| tending to max|1 − αλᵢ(H*)|.

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "chapters.hpp"
#include "descent/core/error.hpp"
#include "fixtures.hpp"

using descent::app::compute;
using descent::testing::load_fixture;

namespace {

const descent::app::Item& item() {
  return descent::testing::item(descent::testing::medl04(), "section-4.6-logistic-newton");
}

// ∇C of the mean cross-entropy at (b, w), written out here: (1/n) Σ (σ(b + w xᵢ) − yᵢ)(1, xᵢ).
std::vector<double> gradient(const std::vector<double>& x, const std::vector<double>& y, double b,
                             double w) {
  double gb = 0, gw = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double r = 1 / (1 + std::exp(-(b + w * x[i]))) - y[i];
    gb += r / double(x.size());
    gw += r * x[i] / double(x.size());
  }
  return {gb, gw};
}

}  // namespace

TEST_CASE("medl04 section-4.6-logistic-newton: theta* and Newton's iterates match scipy/numpy") {
  const auto f = load_fixture("medl04_logistic_newton.json");
  const auto r = compute(item());
  // θ* from scipy.optimize.root (to rounding): 1e-13 leaves room for a few ulps in each.
  CHECK(std::fabs(r.value("theta_star_b") - f["theta_star"][0].get<double>()) < 1e-13);
  CHECK(std::fabs(r.value("theta_star_w") - f["theta_star"][1].get<double>()) < 1e-13);
  CHECK(std::fabs(r.value("C_star") - f["C_star"].get<double>()) < 1e-15);
  // The catalogue's numbers (C06, numpy, 15 digits printed).
  CHECK(std::fabs(r.value("theta_star_b") - 0.307576264352315) < 1e-12);
  CHECK(std::fabs(r.value("theta_star_w") - 0.989804195924203) < 1e-12);
  CHECK(std::fabs(r.value("C_star") - 0.538578714496617) < 1e-12);
  CHECK(r.value("gradient_norm_at_star") < 1e-15);
  // Newton's iterates from (0, 0), numpy.linalg.solve on the same Hessian (4.7).
  const auto& theta = f["newton"]["theta"];
  for (std::size_t t = 0; t < theta.size(); ++t) {
    CAPTURE(t);
    CHECK(std::fabs(r.value("newton_b_" + std::to_string(t)) - theta[t][0].get<double>()) < 1e-13);
    CHECK(std::fabs(r.value("newton_w_" + std::to_string(t)) - theta[t][1].get<double>()) < 1e-13);
  }
  // The catalogue's first Newton step (0.2222..., 0.8) in closed form: 2/9 and 4/5.
  CHECK(std::fabs(r.value("newton_b_1") - 2.0 / 9) < 1e-15);
  CHECK(std::fabs(r.value("newton_w_1") - 0.8) < 1e-15);
}

TEST_CASE("medl04 section-4.6-logistic-newton: the error series match numpy's") {
  const auto f = load_fixture("medl04_logistic_newton.json");
  const auto r = compute(item());
  // Errors above 1e-12 are known to a relative 1e-4 or better (θ* to ~1e-16).
  for (const auto& [name, key] : {std::pair{"newton error", "newton"}, {"gd error", "gd"}}) {
    CAPTURE(name);
    const auto& expected = f[key]["error"];
    const auto& s = r.find_series(name);
    int compared = 0;
    for (const auto& row : s.rows) {
      const auto t = static_cast<std::size_t>(row[0]);
      if (t >= expected.size() || expected[t].get<double>() < 1e-12) continue;
      CAPTURE(t);
      CHECK(row[1] == doctest::Approx(expected[t].get<double>()).epsilon(1e-4));
      ++compared;
    }
    CHECK(compared >= (std::string(key) == "gd" ? 100 : 5));
  }
}

TEST_CASE("medl04 section-4.6-logistic-newton: quadratic against linear convergence") {
  const auto f = load_fixture("medl04_logistic_newton.json");
  const auto r = compute(item());
  // Newton: within 1e-12 of θ* after 5 steps (numpy's errors say the same), and the ratio
  // |e(t+1)|/|e(t)|² stays bounded (about 0.53 on this data) where GD's |e(t+1)|/|e(t)| would
  // have to blow up like 1/|e(t)|.
  const auto& ne = f["newton"]["error"];
  std::size_t numpy_steps = 0;
  while (ne[numpy_steps].get<double>() >= 1e-12) ++numpy_steps;
  CHECK(r.value("newton_steps_to_1e-12") == double(numpy_steps));
  CHECK(r.value("newton_steps_to_1e-12") <= 5);
  CHECK(r.value("newton_ratio_max") < 1);
  CHECK(r.value("newton_ratio_last") ==
        doctest::Approx(ne[4].get<double>() / std::pow(ne[3].get<double>(), 2)).epsilon(1e-6));
  // GD, alpha = 1: 87 steps to |grad C| < 1e-8 (catalogue C06 and numpy), and the ratio tends
  // to max|1 − αλᵢ(H*)| computed from numpy's eigenvalues of H(θ*).
  CHECK(r.value("gd_steps_grad_1e-8") == 87);
  CHECK(r.value("gd_steps_grad_1e-8") == f["gd"]["steps_to_gradient_1e-8"].get<double>());
  const double rate = f["gd"]["rate"].get<double>();
  CHECK(r.value("gd_rate") == doctest::Approx(rate).epsilon(1e-12));
  CHECK(r.value("gd_ratio_last") == doctest::Approx(rate).epsilon(1e-5));
  CHECK(r.value("gd_ratio_max") < 1);
  // Linear: the error shrinks by about `rate` per step, so GD needs about
  // log(1e-12 / |e(0)|) / log(rate) ≈ 153 steps to come within 1e-12, 30 times Newton's 5.
  const double predicted = std::log(1e-12 / f["gd"]["error"][0].get<double>()) / std::log(rate);
  CHECK(r.value("gd_steps_to_1e-12") == doctest::Approx(predicted).epsilon(0.05));
  CHECK(r.value("gd_steps_to_1e-12") > 25 * r.value("newton_steps_to_1e-12"));
}

TEST_CASE("medl04 section-4.6-logistic-newton: other data and alpha") {
  // Twelve points with a different overlap and a second start: θ* is a zero of the gradient
  // written out in this test, and the orders of convergence are the same.
  const std::vector<double> x{-3, -2.2, -1.7, -1, -0.4, 0, 0.3, 0.9, 1.4, 2, 2.6, 3.1};
  const std::vector<double> y{0, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1};
  const auto r = compute(
      item(), {"x=-3,-2.2,-1.7,-1,-0.4,0,0.3,0.9,1.4,2,2.6,3.1", "y=0,0,1,0,0,1,0,1,1,0,1,1",
               "theta0=0.5,-0.3", "alpha=2", "iterations=400"});
  const auto g = gradient(x, y, r.value("theta_star_b"), r.value("theta_star_w"));
  CHECK(std::hypot(g[0], g[1]) < 1e-15);
  CHECK(r.value("newton_steps_to_1e-12") <= 6);
  CHECK(r.value("newton_ratio_max") < 10);
  CHECK(r.value("gd_ratio_last") == doctest::Approx(r.value("gd_rate")).epsilon(1e-4));
  CHECK(r.value("gd_rate") < 1);
}

TEST_CASE("medl04 section-4.6-logistic-newton: a far start and a large alpha are reported") {
  // From far away the pure Newton step need not converge and GD with a large alpha need not
  // either; the item says so in its status rather than failing.
  const auto r = compute(item(), {"theta0=30,-30", "newton_iterations=20"});
  CHECK(std::fabs(r.value("theta_star_b") - 0.307576264352315) < 1e-12);
  const auto s = compute(item(), {"alpha=100", "iterations=50"});
  CHECK(s.value("gd_rate") > 1);
  CHECK_THROWS((void)s.value("gd_steps_grad_1e-8"));
}

TEST_CASE("medl04 section-4.6-logistic-newton rejects bad parameters") {
  for (const std::string bad :
       {"y=0,0,0,0,1,1,1,1,1", "y=1,1,1,1,1,1,1,1,1", "y=0,0,1,0,1,1,0,1,2", "y=0,1",
        "x=1,2,3,4,5,6,7,8,1e4", "alpha=0", "alpha=nan", "alpha=1e3", "iterations=0",
        "iterations=1e6", "newton_iterations=0", "newton_iterations=101", "theta0=1",
        "theta0=1e4,0", "table_every=0", "contour_grid=1"})
    CHECK_THROWS_AS(compute(item(), {bad}), descent::invalid_argument);
}

TEST_CASE("medl04 section-4.6-logistic-newton: the figure's paths and contours") {
  // Every row of the two paths and of the contour grid carries C of its own (b, w), computed
  // here from the nine points; the grid holds C − C*, so its smallest value is >= 0.
  const std::vector<double> x{-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2};
  const std::vector<double> y{0, 0, 1, 0, 1, 1, 0, 1, 1};
  auto loss = [&](double b, double w) {
    double c = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      const double z = b + w * x[i];
      c += (std::log1p(std::exp(-std::fabs(z))) + std::max(z, 0.0) - y[i] * z) / 9;
    }
    return c;
  };
  const auto r = compute(item());
  for (const char* name : {"newton path", "gd path"}) {
    CAPTURE(name);
    const auto& s = r.find_series(name);
    CHECK(s.rows.front()[1] == 0);  // both start at (0, 0)
    CHECK(s.rows.front()[2] == 0);
    for (const auto& row : s.rows) CHECK(row[3] == doctest::Approx(loss(row[1], row[2])));
  }
  const double c_star = r.value("C_star");
  const auto& grid = r.find_series("landscape");
  double smallest = INFINITY;
  for (const auto& row : grid.rows) {
    CHECK(row[2] == doctest::Approx(loss(row[0], row[1]) - c_star).epsilon(1e-9));
    smallest = std::min(smallest, row[2]);
  }
  CHECK(smallest >= 0);
  CHECK(smallest < 1e-3);  // the grid reaches close to theta*
  // The drawn rate line is the one the ratios are tested against.
  CHECK(r.find_series("gd rate").rows[0][1] == r.value("gd_rate"));
}
