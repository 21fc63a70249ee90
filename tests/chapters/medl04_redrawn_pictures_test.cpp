// MEDL Figures 4.5, 4.6 and 4.10 and the picture of (4.26), as drawn: the series behind each
// panel checked against the catalogue's values (C17, C20, C25), closed forms written out here
// (Rosenbrock (4.9), the quartic of Figure 4.10) and the properties each panel is there to show.

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"

using descent::app::compute;
using descent::report::Layer;

namespace {

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(descent::testing::medl04(), id);
}

double at(const descent::report::Series& s, std::size_t row, const std::string& column) {
  return s.rows.at(row).at(s.column(column));
}

// MEDL (4.9), a = 1, b = 100, written out independently of the library.
double rosenbrock(double x, double y) {
  return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
}

// The quartic of the authors' Figure 4.10 code (catalogue C44).
double quartic(double t) {
  return t * t * t * t - 4 * t * t * t - 2 * t * t + 10 * t + 15;
}

}  // namespace

TEST_CASE("medl04 figure-4.5 picture: markers, the minimum inside the frame, (c) and (d)") {
  const auto r = compute(item("figure-4.5"), {"grid=40"});
  const auto& f = r.figures.at(0);
  REQUIRE(f.panels.size() == 4);
  for (std::size_t p = 0; p < 2; ++p) {
    const auto& panel = f.panels[p];
    const std::string key = p == 0 ? "squared" : "ce";
    CAPTURE(key);
    // the path carries start and end markers
    CHECK(panel.layers.at(0).series == "gd_" + key);
    CHECK(panel.layers.at(0).markers);
    // the grid minimum (on the grid's edge, w1 = -20) lies strictly inside the frame
    const double w1 = r.value(key + "_argmin_w1"), w2 = r.value(key + "_argmin_w2");
    REQUIRE(panel.xrange);
    REQUIRE(panel.yrange);
    CHECK(w1 == -20);
    CHECK(panel.xrange->first < w1 - 0.5);
    CHECK(panel.yrange->first < w2);
    CHECK(w2 < panel.yrange->second);
  }
  // (c): the slice through the start w1 = 10 passes the catalogue's point (10, 10) (C17)
  const auto& slice = r.find_series("slice");
  REQUIRE(slice.rows.size() == 401);
  CHECK(at(slice, 300, "w2") == 10);
  CHECK(std::fabs(at(slice, 300, "squared") - 1.750022723151) < 1e-12);
  CHECK(std::fabs(at(slice, 300, "ce") - 2.013300797401) < 1e-12);
  // the book's "much smoother": on w2 in [-20, -10] the squared loss is a plateau (it changes
  // by less than 1e-3), while cross entropy falls steadily, by more than 1
  double lo = INFINITY, hi = -INFINITY;
  for (std::size_t j = 0; j <= 100; ++j) {
    lo = std::min(lo, at(slice, j, "squared"));
    hi = std::max(hi, at(slice, j, "squared"));
    if (j > 0) CHECK(at(slice, j, "ce") < at(slice, j - 1, "ce"));
  }
  CHECK(hi - lo < 1e-3);
  CHECK(at(slice, 0, "ce") - at(slice, 100, "ce") > 1);
  // (d): C(θ⁽ᵗ⁾) − inf C of both descents, on a log axis; the last rows are the runs' ends
  CHECK(f.panels[3].logy);
  const auto& sq = r.find_series("gap_squared");
  const auto& ce = r.find_series("gap_ce");
  CHECK(at(sq, sq.rows.size() - 1, "C - inf C") ==
        doctest::Approx(r.value("squared_gd_final") - r.value("squared_limit")).epsilon(1e-14));
  CHECK(at(ce, ce.rows.size() - 1, "C - inf C") ==
        doctest::Approx(r.value("ce_gd_final") - r.value("ce_limit")).epsilon(1e-12));
  for (std::size_t k = 0; k < sq.rows.size(); ++k) CHECK(at(sq, k, "C - inf C") > 1.3);
  CHECK(at(ce, ce.rows.size() - 1, "C - inf C") < 1e-5);
  CHECK(at(ce, 0, "C - inf C") > 1);
}

TEST_CASE("medl04 figure-4.6 picture: ends marked, the first steps enlarged, C along each run") {
  const auto r = compute(item("figure-4.6"));
  const auto& f = r.figures.at(0);
  REQUIRE(f.panels.size() == 3);
  const char* names[] = {"beta=0.9", "beta=0.5", "beta=0"};
  // (a): the three paths with start and end markers, the minimizer without
  for (const auto& layer : f.panels[0].layers)
    if (layer.style != Layer::Style::contour) CHECK(layer.markers == (layer.series != "minimizer"));
  // (b) enlarges (a) around the first 40 steps of every run: all of them lie inside
  REQUIRE(f.panels[1].zoom);
  const auto& zoom = *f.panels[1].zoom;
  CHECK(zoom.panel == 0);
  double width = 0;
  for (const char* name : names) {
    const auto& s = r.find_series(name);
    for (std::size_t k = 0; k <= 40; ++k) {
      const double x = at(s, k, "theta1"), y = at(s, k, "theta2");
      CHECK(zoom.xrange.first < x);
      CHECK(x < zoom.xrange.second);
      CHECK(zoom.yrange.first < y);
      CHECK(y < zoom.yrange.second);
    }
    width = zoom.xrange.second - zoom.xrange.first;
  }
  CHECK(width < 0.75);  // an enlargement: (a) is 1.4 wide
  // (c): C(θ⁽ᵗ⁾) of each run on a log axis; the column is Rosenbrock at the path's points, and
  // after the same 1000 steps the larger β is further down (the book's "accelerates")
  CHECK(f.panels[2].logy);
  REQUIRE(f.panels[2].layers.size() == 3);
  double previous = 0;
  for (const char* name : names) {
    CAPTURE(name);
    const auto& s = r.find_series(name);
    REQUIRE(s.rows.size() == 1001);
    for (std::size_t k = 0; k < s.rows.size(); k += 50)
      CHECK(at(s, k, "C") ==
            doctest::Approx(rosenbrock(at(s, k, "theta1"), at(s, k, "theta2"))).epsilon(1e-12));
    const double last = at(s, 1000, "C");
    CHECK(last > previous);
    previous = last;
  }
  CHECK_THROWS_AS(compute(item("figure-4.6"), {"zoom_steps=0"}), descent::invalid_argument);
}

TEST_CASE("medl04 figure-4.10 picture: C over the whole frame and guide lines at the step") {
  const auto r = compute(item("figure-4.10"));
  const auto& curve = r.find_series("C");
  CHECK(at(curve, 0, "theta") == -1);
  CHECK(at(curve, curve.rows.size() - 1, "theta") == doctest::Approx(4.2).epsilon(1e-12));
  for (std::size_t k = 0; k < curve.rows.size(); k += 13)
    CHECK(at(curve, k, "C") == doctest::Approx(quartic(at(curve, k, "theta"))).epsilon(1e-12));
  for (const auto& panel : r.figures.at(0).panels) {
    // the Q curve ends where C's frame does, and the guides stand on θ⁽ᵗ⁾ and θ⁽ᵗ⁺¹⁾
    const auto guide = std::find_if(panel.layers.begin(), panel.layers.end(), [](const Layer& l) {
      return l.style == Layer::Style::impulses;
    });
    REQUIRE(guide != panel.layers.end());
    const auto& steps = r.find_series(guide->series);
    REQUIRE(steps.rows.size() == 2);
    CHECK(at(steps, 1, "C") == doctest::Approx(quartic(at(steps, 1, "theta"))).epsilon(1e-12));
  }
  CHECK(at(r.find_series("step_b"), 1, "theta") == doctest::Approx(40.0 / 11.0).epsilon(1e-14));
}

TEST_CASE("medl04 eq-4.26 picture: the error against h itself, on log axes") {
  const auto r = compute(item("eq-4.26"));
  const auto& s = r.find_series("errors");
  REQUIRE(s.rows.size() == 12);
  for (std::size_t k = 0; k < 12; ++k) {
    CHECK(at(s, k, "h") == std::pow(10.0, -double(k + 1)));
    CHECK(at(s, k, "forward") == r.value("error_h_1e-" + std::to_string(k + 1)));
  }
  const auto& panel = r.figures.at(0).panels.at(0);
  CHECK(panel.logx);
  CHECK(panel.logy);
  CHECK(panel.layers.at(0).x == "h");
}
