// Aggarwal §3.5, the pictures of figure-3.13 (the cliff), figure-3.15 (the valley),
// section-3.5.6.1 (nonlinear CG) and figure-3.17 (saddle points): every drawn series is checked
// against closed forms or iterations written out here, and the property each figure is meant
// to show (the jump off the cliff, the bouncing across the valley, the halving of x on x³) is
// tested as a property of the drawn data.

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "chapters.hpp"

using descent::app::compute;
using descent::report::Layer;
using descent::testing::figure;

namespace {

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(descent::testing::aggarwal03(), id);
}

double at(const descent::report::Series& s, std::size_t row, const std::string& column) {
  return s.rows.at(row).at(s.column(column));
}

// The layer of `panel` that draws column y of `series`.
const Layer& layer(const descent::report::Panel& panel, const std::string& series,
                   const std::string& y) {
  for (const auto& l : panel.layers)
    if (l.series == series && l.y == y) return l;
  FAIL("no layer of " << series << ":" << y);
  return panel.layers.front();
}

// The figure's words are UTF-8 text, not code: no gnuplot markup, no ASCII Greek.
void check_text(const descent::report::Figure& f) {
  std::vector<std::string> words{f.caption, f.note};
  for (const auto& p : f.panels) {
    words.insert(words.end(), {p.title, p.xlabel, p.ylabel});
    for (const auto& l : p.layers) words.push_back(l.title);
  }
  for (const auto& w : words) {
    CAPTURE(w);
    CHECK(w.find('^') == std::string::npos);
    CHECK(w.find('_') == std::string::npos);
    for (const char* code : {"theta", "alpha", "lambda", "grad L", "sqrt", "Ribiere"})
      CHECK(w.find(code) == std::string::npos);
  }
}

// L(x) = 0.1(x − 4)² + 5(1 − tanh(10(x − 3))), the catalogue's cliff (A40), and L'
double cliff(double x) {
  return 0.1 * (x - 4) * (x - 4) + 5 * (1 - std::tanh(10 * (x - 3)));
}
double cliff_slope(double x) {
  const double s = 1 / std::cosh(10 * (x - 3));
  return 0.2 * (x - 4) - 50 * s * s;
}

}  // namespace

TEST_CASE("aggarwal03 figure-3.13 picture: the cliff, the jump off it, and the clipped walk") {
  const auto r = compute(item("figure-3.13"));  // x0 = 0, alpha = 0.1, threshold 1, 400 steps
  const auto& f = figure(r, "figure-3.13");
  REQUIRE(f.panels.size() == 2);
  check_text(f);
  // (a) draws L(x), closed form, over the start and past the farthest landing point
  const auto& loss = r.find_series("loss");
  for (std::size_t k = 0; k < loss.rows.size(); ++k)
    CHECK(at(loss, k, "L") == doctest::Approx(cliff(at(loss, k, "x"))).epsilon(1e-14));
  CHECK(at(loss, 0, "x") <= -0.5);
  CHECK(at(loss, loss.rows.size() - 1, "x") >= r.value("max_x_plain"));
  // the wall: somewhere on the drawn curve L falls by more than 1 within 0.05 in x
  double steepest = 0;
  for (std::size_t k = 1; k < loss.rows.size(); ++k)
    steepest = std::max(steepest, (at(loss, k - 1, "L") - at(loss, k, "L")) /
                                      (at(loss, k, "x") - at(loss, k - 1, "x")));
  CHECK(steepest > 40);  // L'(3) = −50.2 (catalogue A40)
  // both runs, iterated here: x ← x − α L'(x), and with L' clipped to [−1, 1]
  for (const bool clipped : {false, true}) {
    const auto& path = r.find_series(clipped ? "clipped" : "plain");
    REQUIRE(path.rows.size() == 401);
    double x = 0;
    for (std::size_t t = 0; t < path.rows.size(); ++t) {
      CHECK(at(path, t, "t") == double(t));
      CHECK(at(path, t, "x") == doctest::Approx(x).epsilon(1e-12));
      CHECK(at(path, t, "L") == doctest::Approx(cliff(at(path, t, "x"))).epsilon(1e-14));
      const double g = cliff_slope(x);
      x -= 0.1 * (clipped ? std::clamp(g, -1.0, 1.0) : g);
    }
  }
  // the drawn jump: the largest plain step, from the wall (x < 3) to past the optimum 4
  const auto& jump = r.find_series("jump");
  REQUIRE(jump.rows.size() == 2);
  CHECK(at(jump, 0, "x") < 3);
  CHECK(at(jump, 1, "x") > 4);
  CHECK(at(jump, 1, "x") - at(jump, 0, "x") ==
        doctest::Approx(-0.1 * cliff_slope(at(jump, 0, "x"))).epsilon(1e-12));
  CHECK(at(jump, 1, "x") - at(jump, 0, "x") == doctest::Approx(3.25551).epsilon(1e-5));
  // the clipped run never passes the optimum: every step is at most α · 1
  const auto& clipped = r.find_series("clipped");
  for (std::size_t t = 1; t < clipped.rows.size(); ++t) {
    CHECK(std::fabs(at(clipped, t, "x") - at(clipped, t - 1, "x")) <= 0.1 + 1e-15);
    CHECK(at(clipped, t, "x") < 4);
  }
  CHECK(layer(f.panels[0], "plain", "L").markers);
}

TEST_CASE("aggarwal03 figure-3.15 picture: gradient descent bounces across the valley") {
  const auto r = compute(item("figure-3.15"));  // from (0, 3), lr = 0.075, 40 steps drawn
  const auto& f = figure(r, "figure-3.15");
  REQUIRE(f.panels.size() == 2);
  check_text(f);
  // H = [[5.2, −10], [−10, 20]]: λ = (25.2 ± √(25.2² − 16))/2; the across-valley eigenvector
  // (λ_max) is (10, 5.2 − λ_max) normalized, the along-valley one is orthogonal to it
  const double root = std::sqrt(25.2 * 25.2 - 16);
  const double big = (25.2 + root) / 2, small = (25.2 - root) / 2;
  const double n = std::hypot(10.0, 5.2 - big);
  const double across[2] = {10 / n, (5.2 - big) / n}, along[2] = {-across[1], across[0]};
  const double lr = 0.075;
  const auto& path = r.find_series("gd");
  REQUIRE(path.rows.size() == 41);
  // gradient descent on ½WᵀHW − bᵀW, iterated here; across the valley the offset from
  // W* = (5, 2.5) is c_t = c_0 (1 − lr λ_max)^t, along it a_t = a_0 (1 − lr λ_min)^t
  double x = 0, y = 3;
  const double c0 = across[0] * (0 - 5) + across[1] * (3 - 2.5);
  const double a0 = along[0] * (0 - 5) + along[1] * (3 - 2.5);
  int flips = 0;
  double previous = c0;
  for (std::size_t t = 0; t < path.rows.size(); ++t) {
    CHECK(at(path, t, "x") == doctest::Approx(x).epsilon(1e-12));
    CHECK(at(path, t, "y") == doctest::Approx(y).epsilon(1e-12));
    const double c = across[0] * (at(path, t, "x") - 5) + across[1] * (at(path, t, "y") - 2.5);
    const double a = along[0] * (at(path, t, "x") - 5) + along[1] * (at(path, t, "y") - 2.5);
    CHECK(c == doctest::Approx(c0 * std::pow(1 - lr * big, double(t))).epsilon(1e-9));
    CHECK(a == doctest::Approx(a0 * std::pow(1 - lr * small, double(t))).epsilon(1e-9));
    if (t > 0 && c * previous < 0) ++flips;
    previous = c;
    const double gx = 5.2 * x - 10 * y - 1, gy = -10 * x + 20 * y;
    x -= lr * gx;
    y -= lr * gy;
  }
  // the bouncing: the across-valley coordinate changes sign at every one of the 40 steps,
  // and the first steps reverse direction (consecutive steps at an obtuse angle)
  CHECK(flips == 40);
  // ... visibly: after 10 steps the bounce is still more than a fifth of the first one
  const auto across_at = [&](std::size_t t) {
    return across[0] * (at(path, t, "x") - 5) + across[1] * (at(path, t, "y") - 2.5);
  };
  CHECK(std::fabs(across_at(10)) > 0.2 * std::fabs(across_at(0)));
  for (std::size_t t = 1; t + 1 < 10; ++t) {
    const double dx0 = at(path, t, "x") - at(path, t - 1, "x");
    const double dy0 = at(path, t, "y") - at(path, t - 1, "y");
    const double dx1 = at(path, t + 1, "x") - at(path, t, "x");
    const double dy1 = at(path, t + 1, "y") - at(path, t, "y");
    CHECK(dx0 * dx1 + dy0 * dy1 < 0);
  }
  // ... while the along-valley coordinate keeps its sign: progress down the valley is slow
  const auto& coordinates = r.find_series("eigen_coordinates");
  REQUIRE(coordinates.rows.size() == path.rows.size());
  for (std::size_t t = 0; t < coordinates.rows.size(); ++t) {
    // the item's eigenvectors may have either sign: compare magnitudes and sign patterns
    CHECK(std::fabs(at(coordinates, t, "across")) ==
          doctest::Approx(std::fabs(c0) * std::pow(big * lr - 1, double(t))).epsilon(1e-9));
    CHECK(std::fabs(at(coordinates, t, "along")) ==
          doctest::Approx(std::fabs(a0) * std::pow(1 - lr * small, double(t))).epsilon(1e-9));
    if (t > 0) {
      CHECK(at(coordinates, t, "across") * at(coordinates, t - 1, "across") < 0);
      CHECK(at(coordinates, t, "along") * at(coordinates, t - 1, "along") > 0);
    }
  }
  CHECK(r.value("across_factor") == doctest::Approx(1 - lr * big).epsilon(1e-12));
  // Newton: one step to W*, drawn with start and end markers
  const auto& newton = r.find_series("newton");
  REQUIRE(newton.rows.size() == 2);
  CHECK(at(newton, 1, "x") == doctest::Approx(5).epsilon(1e-14));
  CHECK(at(newton, 1, "y") == doctest::Approx(2.5).epsilon(1e-14));
  CHECK(layer(f.panels[0], "newton", "y").markers);
  CHECK(layer(f.panels[0], "gd", "y").markers);
  // the contours: L closed form on a grid that holds every drawn point
  const auto& grid = r.find_series("loss");
  double lo_x = INFINITY, hi_x = -INFINITY, lo_y = INFINITY, hi_y = -INFINITY;
  for (std::size_t k = 0; k < grid.rows.size(); ++k) {
    const double gx = at(grid, k, "theta1"), gy = at(grid, k, "theta2");
    CHECK(at(grid, k, "C") ==
          doctest::Approx(10 * (gy - gx / 2) * (gy - gx / 2) + 0.1 * (gx - 5) * (gx - 5))
              .epsilon(1e-13));
    lo_x = std::min(lo_x, gx), hi_x = std::max(hi_x, gx);
    lo_y = std::min(lo_y, gy), hi_y = std::max(hi_y, gy);
  }
  for (std::size_t t = 0; t < path.rows.size(); ++t) {
    CHECK(at(path, t, "x") > lo_x);
    CHECK(at(path, t, "x") < hi_x);
    CHECK(at(path, t, "y") > lo_y);
    CHECK(at(path, t, "y") < hi_y);
  }
  CHECK(f.panels[0].layers.front().style == Layer::Style::contour);
}

TEST_CASE("aggarwal03 section-3.5.6.1 picture: two CG paths told apart, and without restarts") {
  const auto r = compute(item("section-3.5.6.1"));  // from (−1.2, 1), restart every d = 2
  const auto& f = figure(r, "section-3.5.6.1");
  REQUIRE(f.panels.size() == 2);
  check_text(f);
  // the drawn ‖∇L‖ is Rosenbrock's gradient at the drawn point, written out here
  for (const char* name : {"fr_path", "pr_path"}) {
    const auto& s = r.find_series(name);
    for (std::size_t k = 0; k < s.rows.size(); ++k) {
      const double x = at(s, k, "x"), y = at(s, k, "y");
      const double gx = -2 * (1 - x) - 400 * x * (y - x * x), gy = 200 * (y - x * x);
      CHECK(at(s, k, "gradient_norm") ==
            doctest::Approx(std::hypot(gx, gy)).epsilon(1e-12).scale(1e-12));
      CHECK(at(s, k, "t") == double(k));
    }
    CHECK(at(s, 0, "x") == -1.2);
    CHECK(at(s, s.rows.size() - 1, "gradient_norm") < 1e-6);
  }
  // the two paths are drawn differently (a line with start and end markers; points)
  const auto& fr = layer(f.panels[0], "fr_path", "y");
  const auto& pr = layer(f.panels[0], "pr_path", "y");
  CHECK((fr.style != pr.style || fr.markers != pr.markers));
  // the caption's distance is the largest step-by-step distance of the drawn paths
  const auto& a = r.find_series("fr_path");
  const auto& b = r.find_series("pr_path");
  double apart = 0;
  for (std::size_t k = 0; k < std::min(a.rows.size(), b.rows.size()); ++k)
    apart =
        std::max(apart, std::hypot(at(a, k, "x") - at(b, k, "x"), at(a, k, "y") - at(b, k, "y")));
  CHECK(r.value("max_iterate_distance") == apart);
  CHECK(apart < 0.15);  // they follow the same valley floor
  // without periodic restarts the formulas part: Polak–Ribière+ is then the scipy-like run of
  // the item's own test (26 steps), Fletcher–Reeves needs several times as many
  const auto scipy_like = compute(item("section-3.5.6.1"), {"restart_every=1000000000"});
  CHECK(r.value("rosenbrock_pr_no_restart_iterations") ==
        scipy_like.value("rosenbrock_pr_iterations"));
  CHECK(r.value("rosenbrock_fr_no_restart_iterations") ==
        scipy_like.value("rosenbrock_fr_iterations"));
  CHECK(r.value("rosenbrock_fr_no_restart_iterations") >
        3 * r.value("rosenbrock_pr_no_restart_iterations"));
  CHECK(f.panels[1].logy);
}

TEST_CASE("aggarwal03 figure-3.17 picture: x3 and its Newton iterates x0/2^t, and the saddle") {
  for (const double x0 : {1.0, 3.0}) {
    CAPTURE(x0);
    const auto r = compute(item("figure-3.17"), {"x0=" + std::to_string(x0)});
    const auto& f = figure(r, "figure-3.17");
    REQUIRE(f.panels.size() == 2);
    check_text(f);
    // (a) the curve x³, Newton's iterates on it at x_t = x0 / 2^t (x − 3x²/(6x) = x/2)
    const auto& curve = r.find_series("cubic");
    for (std::size_t k = 0; k < curve.rows.size(); ++k)
      CHECK(at(curve, k, "f") == doctest::Approx(std::pow(at(curve, k, "x"), 3)).epsilon(1e-14));
    CHECK(at(curve, 0, "x") < 0);  // both sides of the inflection point
    const auto& newton = r.find_series("cubic_newton");
    REQUIRE(newton.rows.size() == 7);  // 6 steps
    for (std::size_t t = 0; t < newton.rows.size(); ++t) {
      CHECK(at(newton, t, "x") == x0 / std::pow(2.0, double(t)));  // exact in binary
      CHECK(at(newton, t, "f") ==
            doctest::Approx(std::pow(x0 / std::pow(2.0, double(t)), 3)).epsilon(1e-15));
    }
    // the quadratic model at x0: q(x) = x0³/4 + 3x0 (x − x0/2)², bottom at Newton's x1
    const auto& model = r.find_series("cubic_model");
    for (std::size_t k = 0; k < model.rows.size(); ++k) {
      const double x = at(model, k, "x");
      CHECK(at(model, k, "q") ==
            doctest::Approx(x0 * x0 * x0 / 4 + 3 * x0 * (x - x0 / 2) * (x - x0 / 2))
                .epsilon(1e-12)
                .scale(x0 * x0 * x0));
    }
    CHECK(layer(f.panels[0], "cubic_newton", "f").markers);
    // (b) Newton's jump (3, 2) → (0, 0), and gradient descent x ← 0.8x, y ← 1.2y
    const auto& jump = r.find_series("saddle_newton");
    REQUIRE(jump.rows.size() == 2);
    CHECK(at(jump, 0, "x") == 3);
    CHECK(at(jump, 0, "y") == 2);
    CHECK(at(jump, 1, "x") == 0);
    CHECK(at(jump, 1, "y") == 0);
    CHECK(layer(f.panels[1], "saddle_newton", "y").markers);
    const auto& gd = r.find_series("gd");
    REQUIRE(gd.rows.size() == 51);
    for (std::size_t t = 0; t < gd.rows.size(); ++t) {
      CHECK(at(gd, t, "x") == doctest::Approx(3 * std::pow(0.8, double(t))).epsilon(1e-13));
      CHECK(at(gd, t, "y") == doctest::Approx(1e-3 * std::pow(1.2, double(t))).epsilon(1e-13));
    }
    CHECK(f.panels[1].equal_aspect);
  }
}
