// MEDL ch. 4, the pictures of algorithm-4.3, eq-4.52, eq-4.54 and section-4.5-cg: the series
// they draw, checked against closed forms written out here (Rosenbrock (4.9) and its
// gradient, the cubic (4.52)), the catalogue's numpy values and properties of the methods.

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <utility>

#include "chapters.hpp"
#include "descent/core/error.hpp"

using descent::app::compute;
using descent::testing::figure;

namespace {

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(descent::testing::medl04(), id);
}

// MEDL (4.9), a = 1, b = 100, and its gradient, written out independently of the library.
double rosenbrock(double x, double y) {
  return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
}
double rosenbrock_dx(double x, double y) {
  return -2 * (1 - x) - 400 * x * (y - x * x);
}
double rosenbrock_dy(double x, double y) {
  return 200 * (y - x * x);
}

double at(const descent::report::Series& s, std::size_t row, const std::string& column) {
  return s.rows.at(row).at(s.column(column));
}

// Every row of a path series on Rosenbrock carries C and |grad C| of its own θ.
void check_path_on_rosenbrock(const descent::report::Series& s) {
  CAPTURE(s.name);
  REQUIRE(!s.rows.empty());
  for (std::size_t k = 0; k < s.rows.size(); ++k) {
    const double x = at(s, k, "theta1"), y = at(s, k, "theta2");
    CHECK(at(s, k, "t") == double(k));
    CHECK(at(s, k, "C") == doctest::Approx(rosenbrock(x, y)).epsilon(1e-12));
    CHECK(at(s, k, "|grad C|") ==
          doctest::Approx(std::hypot(rosenbrock_dx(x, y), rosenbrock_dy(x, y))).epsilon(1e-9));
  }
}

}  // namespace

TEST_CASE("medl04 algorithm-4.3 picture: four paths from one start, |grad C| on a log axis") {
  const auto r = compute(item("algorithm-4.3"));
  for (const char* name : {"gd", "newton", "bfgs", "lbfgs"}) {
    const auto& s = r.find_series(name);
    check_path_on_rosenbrock(s);
    CHECK(at(s, 0, "theta1") == 0.2);  // the start θ⁽⁰⁾ = (0.2, -0.2) of the item
    CHECK(at(s, 0, "theta2") == -0.2);
  }
  // Newton's full steps are the catalogue's numpy iterates (C48), overshoot included
  const auto& newton = r.find_series("newton");
  CHECK(at(newton, 1, "theta1") == doctest::Approx(0.216326530612).epsilon(1e-10));
  CHECK(at(newton, 2, "theta1") == doctest::Approx(0.960336020529).epsilon(1e-10));
  CHECK(at(newton, 2, "theta2") == doctest::Approx(0.368695151239).epsilon(1e-10));
  CHECK(at(newton, 2, "C") > at(newton, 1, "C"));  // the overshoot: C rises at t = 2
  CHECK(newton.rows.size() == 7);
  // gradient descent: every step is along -grad C at its start, and C never rises
  const auto& gd = r.find_series("gd");
  for (std::size_t k = 1; k < gd.rows.size(); ++k) {
    const double x = at(gd, k - 1, "theta1"), y = at(gd, k - 1, "theta2");
    const double sx = at(gd, k, "theta1") - x, sy = at(gd, k, "theta2") - y;
    const double gx = rosenbrock_dx(x, y), gy = rosenbrock_dy(x, y);
    CHECK(std::fabs(sx * gy - sy * gx) <= 1e-6 * std::hypot(sx, sy) * std::hypot(gx, gy));
    CHECK(sx * gx + sy * gy < 0);
    CHECK(at(gd, k, "C") <= at(gd, k - 1, "C"));
  }
  // the point of panel (b): the quasi-Newton runs reach |grad C| < 1e-8, gradient descent
  // is still far from it after the same iteration limit (1000)
  CHECK(at(r.find_series("bfgs"), r.find_series("bfgs").rows.size() - 1, "|grad C|") < 1e-8);
  CHECK(at(r.find_series("lbfgs"), r.find_series("lbfgs").rows.size() - 1, "|grad C|") < 1e-8);
  CHECK(gd.rows.size() == 1001);
  CHECK(at(gd, 1000, "|grad C|") > 1e-4);
  // the contours: Rosenbrock on the grid, at levels e^k (log-spaced)
  const auto& grid = r.find_series("contours");
  for (std::size_t k = 0; k < grid.rows.size(); k += 97)
    CHECK(at(grid, k, "C") ==
          doctest::Approx(rosenbrock(at(grid, k, "theta1"), at(grid, k, "theta2"))).epsilon(1e-12));
  const auto& a = figure(r, "algorithm-4.3").panels.at(0);
  const auto& levels = a.layers.at(0).levels;
  REQUIRE(levels.size() == 15);
  for (std::size_t k = 1; k < levels.size(); ++k)
    CHECK(levels[k] / levels[k - 1] == doctest::Approx(std::exp(1.0)));
  CHECK(figure(r, "algorithm-4.3").panels.at(1).logy);
  // the drawn gradient descent has its own bound
  CHECK(compute(item("algorithm-4.3"), {"gd_iterations=20"}).find_series("gd").rows.size() == 21);
  CHECK_THROWS_AS(compute(item("algorithm-4.3"), {"gd_iterations=20001"}),
                  descent::invalid_argument);
}

namespace {
double cubic_4_52(double theta) {  // MEDL (4.52)
  return (theta - 3) * (theta - 3) * (theta + 3);
}
}  // namespace

TEST_CASE("medl04 eq-4.52 picture: the iterates lie on C, overshoot from 1.5, climb from 0.5") {
  const auto r = compute(item("eq-4.52"));
  for (const char* name : {"newton", "newton_left", "curve", "extrema"}) {
    const auto& s = r.find_series(name);
    CAPTURE(name);
    REQUIRE(!s.rows.empty());
    for (std::size_t k = 0; k < s.rows.size(); ++k)
      CHECK(at(s, k, "C") == doctest::Approx(cubic_4_52(at(s, k, "theta"))).epsilon(1e-12));
  }
  // the book's numbers (p. 155): θ⁽⁰⁾ = 1.5, C = 10.125, θ⁽¹⁾ = 5.25, C ≈ 41.77, θ⁽⁶⁾ ≈ 3
  const auto& a = r.find_series("newton");
  CHECK(at(a, 0, "theta") == 1.5);
  CHECK(at(a, 0, "C") == doctest::Approx(10.125).epsilon(1e-15));
  CHECK(at(a, 1, "theta") == doctest::Approx(5.25).epsilon(1e-15));
  CHECK(std::fabs(at(a, 1, "C") - 41.77) <= 0.005);  // printed to two decimals
  CHECK(std::fabs(at(a, 6, "theta") - 3) < 1e-13);
  // left of the inflection point: θ⁽¹⁾ = 0.5 - C'(0.5)/C''(0.5) = 0.5 - (-11.25)/(-3) = -3.25,
  // and the run ends at the maximum -1 (MEDL p. 156)
  const auto& b = r.find_series("newton_left");
  CHECK(at(b, 0, "theta") == 0.5);
  CHECK(at(b, 1, "theta") == doctest::Approx(-3.25).epsilon(1e-15));
  CHECK(at(b, b.rows.size() - 1, "theta") == doctest::Approx(-1).epsilon(1e-12));
  const auto& e = r.find_series("extrema");
  CHECK(at(e, 0, "C") == 32);
  CHECK(at(e, 1, "C") == 0);
  // the curve spans every iterate
  const auto& curve = r.find_series("curve");
  CHECK(at(curve, 0, "theta") < -3.25);
  CHECK(at(curve, curve.rows.size() - 1, "theta") > 5.25);
  // another left start is honoured
  const auto other = compute(item("eq-4.52"), {"left_start=0.9"});
  const auto& c = other.find_series("newton_left");
  CHECK(at(c, 0, "theta") == 0.9);
  CHECK(at(c, c.rows.size() - 1, "theta") == doctest::Approx(-1).epsilon(1e-12));
}

TEST_CASE("medl04 eq-4.54 picture: Newton's path on Rosenbrock with its overshoot") {
  const auto r = compute(item("eq-4.54"));
  const auto& s = r.find_series("newton");
  check_path_on_rosenbrock(s);
  // C48 (numpy): θ⁽¹⁾ = (0.2163..., 0.0465...), θ⁽²⁾ = (0.9603..., 0.3687...), C rises to 30.643
  CHECK(at(s, 1, "theta1") == doctest::Approx(0.216326530612).epsilon(1e-10));
  CHECK(at(s, 2, "theta1") == doctest::Approx(0.960336020529).epsilon(1e-10));
  CHECK(at(s, 2, "theta2") == doctest::Approx(0.368695151239).epsilon(1e-10));
  CHECK(at(s, 2, "C") == doctest::Approx(30.643).epsilon(1e-4));
  CHECK(at(s, 2, "C") > at(s, 1, "C"));
  CHECK(s.rows.size() == 7);
  CHECK(std::fabs(at(s, 6, "theta1") - 1) < 1e-9);
  const auto& grid = r.find_series("contours");
  for (std::size_t k = 0; k < grid.rows.size(); k += 89)
    CHECK(at(grid, k, "C") ==
          doctest::Approx(rosenbrock(at(grid, k, "theta1"), at(grid, k, "theta2"))).epsilon(1e-12));
  // the drawn box holds the whole path
  const auto& a = figure(r, "eq-4.54").panels.at(0);
  for (const auto& row : s.rows) {
    CHECK(row[1] > a.xrange->first);
    CHECK(row[1] < a.xrange->second);
    CHECK(row[2] > a.yrange->first);
    CHECK(row[2] < a.yrange->second);
  }
}

TEST_CASE("medl04 section-4.5-cg picture: CG in d = 2 steps, steepest descent zig-zags") {
  const auto r = compute(item("section-4.5-cg"));
  // A = [[4, 1], [1, 3]], b = (1, 2): A⁻¹b = (3 - 2, -1 + 8)/11 = (1/11, 7/11)
  const auto grad = [](double x, double y) { return std::pair{4 * x + y - 1, x + 3 * y - 2}; };
  for (const char* name : {"cg", "steepest"}) {
    const auto& s = r.find_series(name);
    CAPTURE(name);
    CHECK(at(s, 0, "theta1") == 2);
    CHECK(at(s, 0, "theta2") == 1);
    for (std::size_t k = 0; k < s.rows.size(); ++k) {
      const auto [gx, gy] = grad(at(s, k, "theta1"), at(s, k, "theta2"));
      CHECK(at(s, k, "|A theta - b|") == doctest::Approx(std::hypot(gx, gy)).epsilon(1e-9));
    }
    CHECK(at(s, s.rows.size() - 1, "theta1") == doctest::Approx(1.0 / 11).epsilon(1e-9));
    CHECK(at(s, s.rows.size() - 1, "theta2") == doctest::Approx(7.0 / 11).epsilon(1e-9));
  }
  CHECK(r.find_series("cg").rows.size() == 3);  // θ⁽⁰⁾ and d = 2 steps
  const auto& sd = r.find_series("steepest");
  CHECK(double(sd.rows.size()) == r.value("steepest_descent_iterations_2x2") + 1);
  CHECK(sd.rows.size() > 10);
  for (std::size_t k = 1; k < sd.rows.size(); ++k) {
    // each step is along -∇C, and exact: the next gradient is orthogonal to it (4.45); checked
    // while |∇C| is far above the rounding of θ, which limits the angles of tiny vectors
    const auto [gx, gy] = grad(at(sd, k - 1, "theta1"), at(sd, k - 1, "theta2"));
    const auto [hx, hy] = grad(at(sd, k, "theta1"), at(sd, k, "theta2"));
    if (std::hypot(hx, hy) < 1e-6) break;
    const double sx = at(sd, k, "theta1") - at(sd, k - 1, "theta1");
    const double sy = at(sd, k, "theta2") - at(sd, k - 1, "theta2");
    CHECK(std::fabs(sx * gy - sy * gx) <= 1e-9 * std::hypot(sx, sy) * std::hypot(gx, gy));
    CHECK(sx * gx + sy * gy < 0);
    CHECK(std::fabs(gx * hx + gy * hy) <= 1e-9 * std::hypot(gx, gy) * std::hypot(hx, hy));
  }
  // CG on the random system: θ⁽⁰⁾ = 0, so the first residual is |b|; solved at t = d = 10
  const auto& random = r.find_series("cg_random");
  REQUIRE(random.rows.size() == 11);
  CHECK(at(random, 10, "|A theta - b|") < 1e-10 * at(random, 0, "|A theta - b|"));
  CHECK(at(random, 9, "|A theta - b|") > 1e-10 * at(random, 0, "|A theta - b|"));
  CHECK(figure(r, "section-4.5-cg").panels.size() == 3);
  CHECK(figure(r, "section-4.5-cg").panels.at(2).logy);
}
