// MEDL §4.5 items against the book (Figure 4.8: α ≈ 0.00165, p. 145) and the catalogue's
// independent computations (the reference catalogue of MEDL ch. 4 C38–C42: sympy roots of the
// quartic φ, exact rational CG, numpy runs of GD with exact line search).

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"
#include "fixtures.hpp"

using descent::app::compute;

namespace {

using descent::testing::medl04;

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(medl04(), id);
}

}  // namespace

TEST_CASE(
    "medl04 figure-4.8: alpha* is the lowest minimizer on the ray, (4.43); first_local on "
    "request") {
  // From (-0.8, 0.5) the ray has two local minima (roots of the cubic phi' in exact arithmetic,
  // tests/reference/generate_optim_harness.py); (4.43) asks for the lower one, the second.
  const auto minima =
      descent::testing::load_fixture("optim_harness.json")["rosenbrock_ray"]["local_minima"];
  const double first_alpha = minima[0]["alpha"], second_alpha = minima[1]["alpha"];
  const double second_C = minima[1]["C"];
  const auto global = compute(item("figure-4.8"), {"theta=-0.8,0.5"});
  CHECK(global.value("alpha_star") == doctest::Approx(second_alpha).epsilon(1e-10));
  CHECK(global.value("C_next") == doctest::Approx(second_C).epsilon(1e-10));
  const auto first = compute(item("figure-4.8"), {"theta=-0.8,0.5", "rule=first_local"});
  CHECK(first.value("alpha_star") == doctest::Approx(first_alpha).epsilon(1e-10));
  CHECK_THROWS_AS(compute(item("figure-4.8"), {"rule=nearest"}), descent::invalid_argument);
}

TEST_CASE("medl04 figure-4.8: alpha* is the root of the cubic phi', the book's 0.00165") {
  const auto r = compute(item("figure-4.8"));
  // sympy nroots of φ′ (catalogue C38): 0.0016483282074149259711...; 1e-12 absolute
  CHECK(std::fabs(r.value("alpha_star") - 0.0016483282074149265) < 1e-12);
  CHECK(std::fabs(r.value("alpha_star") - 0.00165) < 5e-6);  // the book prints ≈ 0.00165
  CHECK(r.value("C_next") == doctest::Approx(0.28947748084280533).epsilon(1e-12));
  CHECK(r.value("theta_next_1") == doctest::Approx(0.46308171).epsilon(1e-8));
  CHECK(r.value("theta_next_2") == doctest::Approx(0.21098601).epsilon(1e-8));
  // (4.45): ∇C(t)·∇C(t+1) = 0 up to rounding of terms of size ‖∇C‖² ≈ 58000
  CHECK(std::fabs(r.value("gradient_dot")) < 1e-9);
  // φ on the grid: φ(0) = 41, and φ is the quartic of C38 at every grid point
  const auto& phi = r.find_series("phi");
  REQUIRE(phi.rows.size() == 301);  // the authors' grid of [0, 0.003], coarsened to 1e-5
  const auto alpha = phi.column("alpha"), C = phi.column("C");
  for (const auto& row : phi.rows) {
    const double a = row[alpha];
    const double quartic = 41 - 58163.36 * a + 26095677.6 * a * a - 3802255994.88 * a * a * a +
                           174551492200.96 * a * a * a * a;
    CHECK(row[C] == doctest::Approx(quartic).epsilon(1e-10));
  }
  REQUIRE(r.figures.size() == 1);
  CHECK(r.figures[0].panels.size() == 2);
}

TEST_CASE("medl04 figure-4.9: the zig-zag matches the catalogue's 1000 exact steps") {
  const auto r = compute(item("figure-4.9"));
  // catalogue C39 (exact-quartic line search, numpy): tolerance 1e-8 on 8 printed digits
  CHECK(r.value("alpha_0") == doctest::Approx(0.0033365478).epsilon(1e-8));
  CHECK(r.value("theta1_1") == doctest::Approx(0.21181871).epsilon(1e-7));
  CHECK(r.value("theta1_2") == doctest::Approx(0.04023144).epsilon(1e-7));
  CHECK(r.value("alpha_1") == doctest::Approx(0.31721251).epsilon(1e-7));
  CHECK(r.value("theta2_1") == doctest::Approx(0.58726804).epsilon(1e-7));
  CHECK(r.value("theta3_1") == doctest::Approx(0.58365347).epsilon(1e-7));
  CHECK(r.value("theta10_1") == doctest::Approx(0.63675622).epsilon(1e-7));
  CHECK(r.value("C_10") == doctest::Approx(0.137437491).epsilon(1e-7));
  CHECK(r.value("theta100_2") == doctest::Approx(0.62442855).epsilon(1e-7));
  CHECK(r.value("C_100") == doctest::Approx(0.044002030).epsilon(1e-7));
  // After 1000 steps rounding differences between two exact searches have had time to grow;
  // the catalogue's two independent implementations agreed at 1e-9 and so do we at 1e-6.
  CHECK(r.value("theta1000_1") == doctest::Approx(0.96706352).epsilon(1e-6));
  CHECK(r.value("theta1000_2") == doctest::Approx(0.93492565).epsilon(1e-6));
  CHECK(r.value("C_1000") == doctest::Approx(1.093003e-3).epsilon(1e-5));
  // (4.45) at every step: consecutive gradients orthogonal (catalogue: max cosine 2.3e-12)
  CHECK(r.value("max_abs_cosine") < 1e-11);
}

TEST_CASE("medl04 section-4.5-cg: two steps in exact rationals; d steps on a random system") {
  const auto r = compute(item("section-4.5-cg"));
  // Python fractions (catalogue C40), tolerance 1e-14
  CHECK(r.value("alpha_0") == doctest::Approx(73.0 / 331).epsilon(1e-14));
  CHECK(r.value("beta_0") == doctest::Approx(961.0 / 109561).epsilon(1e-14));
  CHECK(r.value("theta1_1") == doctest::Approx(78.0 / 331).epsilon(1e-14));
  CHECK(r.value("theta1_2") == doctest::Approx(112.0 / 331).epsilon(1e-14));
  CHECK(r.value("alpha_1") == doctest::Approx(331.0 / 803).epsilon(1e-14));
  CHECK(r.value("theta2_1") == doctest::Approx(1.0 / 11).epsilon(1e-14));
  CHECK(r.value("theta2_2") == doctest::Approx(7.0 / 11).epsilon(1e-14));
  CHECK(r.value("cg_iterations_2x2") == 2);
  CHECK(r.value("steepest_descent_iterations_2x2") == 13);  // catalogue C40
  CHECK(r.value("cg_iterations_random") == 10);             // d = 10
  CHECK(r.value("error_random") < 1e-12);                   // against LAPACK's solve
  // late directions are conjugate only to ε‖b‖/‖residual‖ (see the unit test)
  CHECK(r.value("max_conjugacy_cosine_random") < 1e-6);
  const auto big = compute(item("section-4.5-cg"), {"d=40", "seed=5"});
  CHECK(big.value("cg_iterations_random") <= 40);
  CHECK_THROWS_WITH_AS(compute(item("section-4.5-cg"), {"A=1,2,2,1"}),
                       doctest::Contains("positive definite"), descent::invalid_argument);
  CHECK_THROWS_WITH_AS(compute(item("section-4.5-cg"), {"A=4,1,0,3"}),
                       doctest::Contains("symmetric"), descent::invalid_argument);
}

TEST_CASE("medl04 eq-4.48: accepted sets and searches match the catalogue (C41)") {
  const auto r = compute(item("eq-4.48"));
  // grid scan of the catalogue: Armijo(1e-4) on (0, 0.010787], strong Wolfe(1e-4, 0.9) on
  // [0.000114, 0.010755]; our grid has step 6e-6, so the ends agree to one step
  CHECK(r.value("armijo_last_alpha") == doctest::Approx(0.010787).epsilon(6e-6 / 0.010787));
  CHECK(r.value("strong_wolfe_first_alpha") == doctest::Approx(0.000114).epsilon(6e-6 / 0.000114));
  CHECK(r.value("strong_wolfe_last_alpha") == doctest::Approx(0.010755).epsilon(6e-6 / 0.010755));
  CHECK(r.value("backtracking_alpha") == doctest::Approx(std::pow(2.0 / 3, 12)).epsilon(1e-12));
  // the zoom's step lies in the strong-Wolfe set
  CHECK(r.value("strong_wolfe_alpha") >= r.value("strong_wolfe_first_alpha") - 6e-6);
  CHECK(r.value("strong_wolfe_alpha") <= r.value("strong_wolfe_last_alpha") + 6e-6);
  CHECK_THROWS_WITH_AS(compute(item("eq-4.48"), {"c1=0.5", "c2=0.4"}),
                       doctest::Contains("0 < c1 < c2 < 1"), descent::invalid_argument);
}

TEST_CASE("medl04 eq-4.48: backtracking starts from alpha0 like the Wolfe searches") {
  // phi(alpha) along -grad C from (0.8, 0) is the quartic of catalogue C38 (checked in the
  // figure-4.8 test): the first of alpha0 (2/3)^k with Armijo's phi <= phi(0) + c1 alpha phi'(0)
  // is found here from that closed form.
  auto phi = [](double a) {
    return 41 - 58163.36 * a + 26095677.6 * a * a - 3802255994.88 * a * a * a +
           174551492200.96 * a * a * a * a;
  };
  const double c1 = 1e-4, dphi0 = -58163.36;
  for (const double alpha0 : {0.5, 1.0, 0.004}) {
    CAPTURE(alpha0);
    double expected = alpha0;
    while (!(phi(expected) <= 41 + c1 * expected * dphi0)) expected *= 2.0 / 3;
    const auto r = compute(item("eq-4.48"), {"alpha0=" + std::to_string(alpha0)});
    // before, backtracking ignored alpha0: (2/3)^12 whatever it was
    CHECK(r.value("backtracking_alpha") == doctest::Approx(expected).epsilon(1e-12));
  }
}

TEST_CASE("medl04 eq-4.48: the NaN that breaks the drawn line is declared, not flagged") {
  const auto r = compute(item("eq-4.48"));
  CHECK(r.status.find("not finite") == std::string::npos);
  CHECK(std::isnan(r.find_series("phi").rows.back()[r.find_series("phi").column("armijo")]));
}

// --- what the figures show, checked from their series --------------------------------------

namespace {

// Rosenbrock (4.9) and its gradient in closed form, independent of descent::problems.
double rosenbrock(double a, double b) {
  return (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a);
}
std::pair<double, double> rosenbrock_gradient(double a, double b) {
  return {-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)};
}

}  // namespace

TEST_CASE("medl04 figure-4.8: the ray touches the level set it draws at alpha*") {
  const auto r = compute(item("figure-4.8"));
  const auto& points = r.find_series("points");
  REQUIRE(points.rows.size() == 2);
  const auto t1 = points.column("theta1"), t2 = points.column("theta2");
  const double a0 = points.rows[0][t1], b0 = points.rows[0][t2];
  const double a1 = points.rows[1][t1], b1 = points.rows[1][t2];
  // the ray's direction from the two drawn points; the gradient at θ + α* d in closed form
  const double d1 = a1 - a0, d2 = b1 - b0;
  const auto [g1, g2] = rosenbrock_gradient(a1, b1);
  // tangency: ∇C(θ + α* d) ⊥ d, the cosine at the rounding of terms of size |∇C(θ)|² ≈ 6e4
  CHECK(std::fabs(g1 * d1 + g2 * d2) / std::hypot(g1, g2) / std::hypot(d1, d2) < 1e-9);
  // panel (a) draws the level set through θ + α* d, black, named in the legend
  const auto& a = r.figures.at(0).panels.at(0);
  CHECK(a.equal_aspect);
  bool drawn = false;
  for (const auto& layer : a.layers)
    if (layer.style == descent::report::Layer::Style::contour && !layer.title.empty()) {
      REQUIRE(layer.levels.size() == 1);
      CHECK(layer.levels[0] == doctest::Approx(rosenbrock(a1, b1)).epsilon(1e-12));
      drawn = true;
    }
  CHECK(drawn);
  // the contour grid covers the ray's two ends
  const auto& grid = r.find_series("contours");
  const auto grid_theta1 = grid.column("theta1");
  CHECK(grid.rows.front()[grid_theta1] < std::min(a0, a1));
  CHECK(grid.rows.back()[grid_theta1] > std::max(a0, a1));
}

TEST_CASE("medl04 figure-4.9: the zoom shows turns at right angles, the steps shrink") {
  const auto r = compute(item("figure-4.9"));
  const auto& zoom = r.find_series("zoom");
  REQUIRE(zoom.rows.size() == 7);  // t = 2, ..., 8 at zoom_steps = 6
  const auto t = zoom.column("t"), x = zoom.column("theta1"), y = zoom.column("theta2");
  CHECK(zoom.rows.front()[t] == 2);
  // consecutive steps θ(t+1) − θ(t) and θ(t+2) − θ(t+1) are orthogonal: the steps are −α∇C
  // and exact line search makes consecutive gradients orthogonal, MEDL (4.45)
  for (std::size_t k = 0; k + 2 < zoom.rows.size(); ++k) {
    CAPTURE(k);
    const double u1 = zoom.rows[k + 1][x] - zoom.rows[k][x];
    const double u2 = zoom.rows[k + 1][y] - zoom.rows[k][y];
    const double v1 = zoom.rows[k + 2][x] - zoom.rows[k + 1][x];
    const double v2 = zoom.rows[k + 2][y] - zoom.rows[k + 1][y];
    CHECK(std::fabs(u1 * v1 + u2 * v2) / (std::hypot(u1, u2) * std::hypot(v1, v2)) < 1e-6);
  }
  // panel (b) enlarges a box of panel (a) holding every zoomed iterate, at equal aspect
  const auto& panels = r.figures.at(0).panels;
  REQUIRE(panels.size() == 3);
  REQUIRE(panels[1].zoom.has_value());
  const auto& box = *panels[1].zoom;
  CHECK(box.panel == 0);
  CHECK(panels[1].equal_aspect);
  for (const auto& row : zoom.rows) {
    CHECK(row[x] > box.xrange.first);
    CHECK(row[x] < box.xrange.second);
    CHECK(row[y] > box.yrange.first);
    CHECK(row[y] < box.yrange.second);
  }
  // (b) enlarges (a) more than tenfold: (a) is 1.4 wide, the box a few hundredths
  REQUIRE(panels[0].xrange.has_value());
  CHECK((panels[0].xrange->second - panels[0].xrange->first) /
            (box.xrange.second - box.xrange.first) >
        10);
  // panel (c): the first two steps are long jumps, the later ones far shorter
  const auto& steps = r.find_series("steps");
  REQUIRE(steps.rows.size() == 1000);
  const auto step = steps.column("step");
  CHECK(steps.rows[0][step] > 0.1);
  CHECK(steps.rows[1][step] > 0.1);
  for (std::size_t k = 2; k < steps.rows.size(); ++k) CHECK(steps.rows[k][step] < 0.05);
  CHECK_THROWS_AS(compute(item("figure-4.9"), {"zoom_steps=0"}), descent::invalid_argument);
}

TEST_CASE("medl04 eq-4.48: the shaded intervals are where the conditions hold") {
  const auto r = compute(item("eq-4.48"));
  // φ and φ′ along −∇C from (0.8, 0): the quartic of catalogue C38, differentiated
  auto phi = [](double a) {
    return 41 - 58163.36 * a + 26095677.6 * a * a - 3802255994.88 * a * a * a +
           174551492200.96 * a * a * a * a;
  };
  auto dphi = [](double a) {
    return -58163.36 + 2 * 26095677.6 * a - 3 * 3802255994.88 * a * a +
           4 * 174551492200.96 * a * a * a;
  };
  const double c1 = 1e-4, c2 = 0.9, dphi0 = -58163.36;
  const auto& s = r.find_series("phi");
  const auto alpha = s.column("alpha"), armijo = s.column("armijo"), wolfe = s.column("wolfe"),
             strong = s.column("strong_wolfe");
  int shaded = 0;
  for (const auto& row : s.rows) {
    const double a = row[alpha];
    // skip the grid points within rounding of a boundary of the sets
    const double armijo_margin = 41 + c1 * a * dphi0 - phi(a);
    if (std::fabs(armijo_margin) < 1e-6) continue;
    const bool ok = armijo_margin > 0;
    CAPTURE(a);
    CHECK(std::isnan(row[armijo]) == !ok);
    if (std::fabs(dphi(a) - c2 * dphi0) < 1e-6 || std::fabs(dphi(a) + c2 * dphi0) < 1e-6) continue;
    CHECK(std::isnan(row[wolfe]) == !(ok && dphi(a) >= c2 * dphi0));
    CHECK(std::isnan(row[strong]) == !(ok && std::fabs(dphi(a)) <= -c2 * dphi0));
    shaded += ok;
  }
  CHECK(shaded > 1000);
  // the shading is drawn as bands, not as curves shifted by a constant
  int bands = 0;
  for (const auto& layer : r.figures.at(0).panels.at(0).layers)
    bands += layer.style == descent::report::Layer::Style::band;
  CHECK(bands == 3);
}
