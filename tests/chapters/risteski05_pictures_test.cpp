// Risteski lecture 5, the picture of slide-stationary-points: a minimum, a maximum and a saddle,
// checked against the closed forms of f = x^3 - 3x + y^2 (grad f = (3x^2 - 3, 2y)) and -f, and
// the directions the gradient-descent paths take near each.

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "chapters.hpp"

using descent::app::compute;

namespace {

double at(const descent::report::Series& s, std::size_t row, const std::string& column) {
  return s.rows.at(row).at(s.column(column));
}

double f(double x, double y) {
  return x * x * x - 3 * x + y * y;
}

// The paths of a `descent_<kind>` series, split at its NaN rows.
std::vector<std::vector<std::pair<double, double>>> paths(const descent::report::Series& s) {
  std::vector<std::vector<std::pair<double, double>>> out(1);
  for (const auto& row : s.rows) {
    if (std::isnan(row[0])) {
      out.emplace_back();
      continue;
    }
    out.back().emplace_back(row[0], row[1]);
  }
  return out;
}

}  // namespace

TEST_CASE("risteski05 slide-stationary-points picture: one panel per kind of stationary point") {
  const auto r =
      compute(descent::testing::item(descent::testing::risteski05(), "slide-stationary-points"));
  REQUIRE(r.figures.size() == 1);
  CHECK(r.figures[0].panels.size() == 3);
  // grad f = 0 at (±1, 0): f(1, 0) = -2 (minimum), f(-1, 0) = 2 (saddle); -f has its maximum 2
  // at (1, 0)
  const auto& min = r.find_series("point_minimum");
  const auto& max = r.find_series("point_maximum");
  const auto& saddle = r.find_series("point_saddle");
  CHECK(at(min, 0, "theta1") == doctest::Approx(1).epsilon(1e-12));
  CHECK(std::fabs(at(min, 0, "theta2")) < 1e-12);
  CHECK(at(min, 0, "f") == doctest::Approx(-2).epsilon(1e-12));
  CHECK(at(max, 0, "theta1") == doctest::Approx(1).epsilon(1e-12));
  CHECK(at(max, 0, "f") == doctest::Approx(2).epsilon(1e-12));
  CHECK(at(saddle, 0, "theta1") == doctest::Approx(-1).epsilon(1e-12));
  CHECK(at(saddle, 0, "f") == doctest::Approx(2).epsilon(1e-12));
  for (const char* kind : {"minimum", "maximum", "saddle"}) {
    CAPTURE(kind);
    const double sign = std::string(kind) == "maximum" ? -1 : 1;
    const auto& grid = r.find_series(std::string("f_") + kind);
    for (std::size_t k = 0; k < grid.rows.size(); k += 53)
      CHECK(at(grid, k, "C") ==
            doctest::Approx(sign * f(at(grid, k, "theta1"), at(grid, k, "theta2"))).epsilon(1e-12));
    // every step of the drawn paths is -0.03 grad(sign f)
    const auto drawn = paths(r.find_series(std::string("descent_") + kind));
    REQUIRE(drawn.size() == 8);
    const double x0 = at(r.find_series(std::string("point_") + kind), 0, "theta1");
    for (const auto& path : drawn) {
      REQUIRE(path.size() >= 2);
      for (std::size_t k = 1; k < path.size(); ++k) {
        const auto [x, y] = path[k - 1];
        CHECK(path[k].first == doctest::Approx(x - 0.03 * sign * (3 * x * x - 3)).epsilon(1e-12));
        CHECK(path[k].second == doctest::Approx(y - 0.03 * sign * 2 * y).epsilon(1e-12));
      }
      const auto [xs, ys] = path.front();
      const auto [xe, ye] = path.back();
      CHECK(std::hypot(xs - x0, ys) == doctest::Approx(1));  // the starts ring the point
      if (std::string(kind) == "minimum") CHECK(std::hypot(xe - x0, ye) < 0.1);  // drawn in
      if (std::string(kind) == "maximum") CHECK(std::hypot(xe - x0, ye) > 1.2);  // pushed out
      if (std::string(kind) == "saddle") {  // in along y, out along x
        CHECK(std::fabs(ye) < std::fabs(ys));
        CHECK(std::fabs(xe - x0) > std::fabs(xs - x0));
      }
    }
  }
}
