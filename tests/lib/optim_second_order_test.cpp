// Line search, CG, Newton, BFGS and L-BFGS (lib/optim). Reference values: closed forms, exact
// rational arithmetic and numpy computations recorded in the MEDL Chapter 4 catalogue
// (the reference catalogue of MEDL ch. 4, entries C38, C40, C41, C48, C52, C53).

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"
#include "descent/optim/cg.hpp"
#include "descent/optim/line_search.hpp"
#include "descent/optim/newton.hpp"
#include "descent/optim/quasi_newton.hpp"
#include "descent/problems/quadratic_form.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "fixtures.hpp"

using namespace descent;
using namespace descent::optim;
using descent::testing::max_abs_diff;

namespace {

// Rosenbrock at (0.8, 0) along −∇C = (−204.4, 128), the ray of MEDL Figure 4.8.
struct Figure48Ray {
  problems::Rosenbrock f;
  vector theta{0.8, 0.0};
  vector d{-204.4, 128.0};
  Ray ray{f, theta, d};
  double phi0 = 41;                                 // C(0.8, 0)
  double dphi0 = -(204.4 * 204.4 + 128.0 * 128.0);  // −‖∇C‖²
};

}  // namespace

TEST_CASE("line search: backtracking accepts (2/3)^k as the catalogue counts (C41)") {
  // Exponents are exact integers; the accepted α is (2/3)^k computed by repeated products,
  // so compare to 1e-12 relative (a few ulps of k multiplications).
  struct Case {
    double c1, c2;
    Conditions conditions;
    int k;
  };
  for (const auto& c :
       {Case{1e-4, 0.9, Conditions::armijo, 12}, Case{0.1, 0.9, Conditions::armijo, 14},
        Case{0.5, 0.9, Conditions::armijo, 17}, Case{0.9, 0.95, Conditions::armijo, 21},
        Case{1e-4, 0.9, Conditions::wolfe, 12}, Case{1e-4, 0.1, Conditions::strong_wolfe, 13}}) {
    CAPTURE(c.c1);
    CAPTURE(c.k);
    Figure48Ray r;
    BacktrackingOptions o;
    o.c1 = c.c1;
    o.c2 = c.c2;
    o.conditions = c.conditions;
    const auto ls = backtracking(r.ray, r.phi0, r.dphi0, o);
    REQUIRE(ls.ok());
    CHECK(ls.alpha == doctest::Approx(std::pow(2.0 / 3.0, c.k)).epsilon(1e-12));
    CHECK(ls.evaluations == c.k + 1);
  }
}

TEST_CASE("line search: exact search finds the root of the cubic phi' (Figure 4.8, C38)") {
  Figure48Ray r;
  const auto ls = exact_line_search(r.ray);
  REQUIRE(ls.ok());
  // sympy nroots: α* = 0.0016483282074149259711...; 1e-12 absolute (catalogue C38).
  CHECK(std::fabs(ls.alpha - 0.0016483282074149265) < 1e-12);
  CHECK(ls.phi == doctest::Approx(0.28947748084280533).epsilon(1e-12));
  // the ray's buffers hold the accepted point
  CHECK(r.ray.theta()(0) == doctest::Approx(0.46308171).epsilon(1e-8));
}

TEST_CASE("line search: the strong Wolfe zoom returns a step meeting (4.48) and (4.50)") {
  for (double c2 : {0.9, 0.5, 0.1, 0.01}) {
    CAPTURE(c2);
    Figure48Ray r;
    WolfeOptions o;
    o.c2 = c2;
    const auto ls = wolfe_line_search(r.ray, r.phi0, r.dphi0, o);
    REQUIRE(ls.ok());
    CHECK(armijo(r.phi0, r.dphi0, ls.alpha, ls.phi, o.c1));
    CHECK(strong_wolfe_curvature(r.dphi0, ls.dphi, c2));
    // the reported values are those of the accepted point, from an independent evaluation
    const vector at = r.theta + ls.alpha * r.d;
    CHECK(r.f.value(at) == doctest::Approx(ls.phi).epsilon(1e-14));
  }
}

TEST_CASE("line search: bad constants and ascent directions are reported") {
  Figure48Ray r;
  WolfeOptions o;
  o.c1 = 0.9;
  o.c2 = 0.5;
  CHECK_THROWS_WITH_AS((void)wolfe_line_search(r.ray, r.phi0, r.dphi0, o),
                       doctest::Contains("0 < c1 < c2 < 1"), descent::invalid_argument);
  BacktrackingOptions b;
  b.factor = 1;
  CHECK_THROWS_WITH_AS((void)backtracking(r.ray, r.phi0, r.dphi0, b), doctest::Contains("factor"),
                       descent::invalid_argument);
  const auto up = backtracking(r.ray, r.phi0, -r.dphi0);
  CHECK(up.failure == LineSearchFailure::not_descent_direction);
  // a budget too small to reach sufficient decrease says so
  BacktrackingOptions tiny;
  tiny.max_evaluations = 3;
  const auto short_run = backtracking(r.ray, r.phi0, r.dphi0, tiny);
  CHECK(short_run.failure == LineSearchFailure::no_sufficient_decrease);
  CHECK(short_run.detail.find("no sufficient decrease") != std::string::npos);
}

TEST_CASE("CG: the 2x2 example in exact rational arithmetic (C40)") {
  const matrix a{{4.0, 1.0}, {1.0, 3.0}};
  const vector b{1.0, 2.0};
  const auto run = conjugate_gradient(a, b, vector{2.0, 1.0});
  REQUIRE(run.steps.size() == 2);
  CHECK(run.status.converged());
  // fractions: α(0) = 73/331, θ(1) = (78/331, 112/331), β(0) = 961/109561, α(1) = 331/803,
  // θ(2) = (1/11, 7/11); float64 loses a few ulps per step: 1e-14.
  CHECK(run.steps[0].alpha == doctest::Approx(73.0 / 331).epsilon(1e-14));
  CHECK(run.steps[0].theta(0) == doctest::Approx(78.0 / 331).epsilon(1e-14));
  CHECK(run.steps[0].theta(1) == doctest::Approx(112.0 / 331).epsilon(1e-14));
  CHECK(run.steps[0].beta == doctest::Approx(961.0 / 109561).epsilon(1e-14));
  CHECK(run.steps[1].alpha == doctest::Approx(331.0 / 803).epsilon(1e-14));
  CHECK(run.theta(0) == doctest::Approx(1.0 / 11).epsilon(1e-14));
  CHECK(run.theta(1) == doctest::Approx(7.0 / 11).epsilon(1e-14));
}

TEST_CASE("CG: d iterations on a random SPD system, directions A-conjugate") {
  const std::size_t d = 10;
  const matrix a = problems::random_spd(d, 7);
  Rng rng(3);
  vector b = xt::zeros<double>({d});
  for (auto& x : b) x = rng.normal();
  const auto run = conjugate_gradient(a, b, xt::zeros<double>({d}));
  CHECK(run.status.converged());
  CHECK(run.steps.size() <= d);
  const vector exact = solve(a, b);  // LAPACK, independent of CG
  for (std::size_t i = 0; i < d; ++i)
    CHECK(run.theta(i) == doctest::Approx(exact(i)).epsilon(1e-10));
  // The update g += αAθ_d carries an absolute rounding error ~ ε‖b‖, so a direction's relative
  // error grows like ε‖b‖/‖g‖ as the residual shrinks: the first directions are conjugate to
  // rounding, the last ones (‖g‖ ~ 1e-10‖b‖) only to ~1e-6.
  const std::vector<vector> first(run.directions.begin(), run.directions.begin() + 5);
  CHECK(max_conjugacy_cosine(a, first) < 1e-12);
  CHECK(max_conjugacy_cosine(a, run.directions) < 1e-6);
}

TEST_CASE("CG: an indefinite matrix stops with zero curvature, reported") {
  const matrix a{{1.0, 0.0}, {0.0, -1.0}};
  const auto run = conjugate_gradient(a, vector{0.0, 1.0}, vector{0.0, 0.0});
  CHECK(run.status.reason == StopReason::zero_curvature);
}

TEST_CASE("CG: the relative curvature test stops where A is numerically singular") {
  // A = diag(1, 1e-17): after one step along (1, 1) the direction is (0, 2), whose Rayleigh
  // quotient 1e-17 is rounding-noise size against the first direction's 1/2.
  const matrix a{{1.0, 0.0}, {0.0, 1e-17}};
  const vector b{1.0, 1.0}, zero{0.0, 0.0};
  const auto textbook = conjugate_gradient(a, b, zero);
  CHECK(textbook.status.reason != StopReason::zero_curvature);
  CHECK(textbook.theta(1) == doctest::Approx(1e17).epsilon(1e-6));  // a step of 5e16 along it
  CgOptions relative;
  relative.curvature_tolerance = 1e-10;
  const auto stopped = conjugate_gradient(a, b, zero, relative);
  CHECK(stopped.status.reason == StopReason::zero_curvature);
  CHECK(stopped.status.iterations == 1);
  CHECK(stopped.status.detail.find("numerically singular") != std::string::npos);
  CHECK(stopped.theta(0) == doctest::Approx(2.0));  // the first step, kept
  CHECK(stopped.theta(1) == doctest::Approx(2.0));
  relative.curvature_tolerance = -1;
  CHECK_THROWS_AS(conjugate_gradient(a, b, zero, relative), invalid_argument);
}

TEST_CASE("Newton: Rosenbrock iterates from (0.2, -0.2) match numpy.linalg.solve (C48)") {
  problems::Rosenbrock f;
  const auto run = newton(f, vector{0.2, -0.2});
  const auto& it = run.trajectory.iterates;
  REQUIRE(it.size() >= 3);
  // numpy, 12 digits printed: 1e-10 (catalogue tolerance)
  CHECK(it[1].theta(0) == doctest::Approx(0.216326530612).epsilon(1e-10));
  CHECK(it[1].theta(1) == doctest::Approx(0.046530612245).epsilon(1e-10));
  CHECK(it[2].theta(0) == doctest::Approx(0.960336020529).epsilon(1e-10));
  CHECK(it[2].theta(1) == doctest::Approx(0.368695151239).epsilon(1e-10));
  CHECK(it[2].value == doctest::Approx(30.643).epsilon(1e-4));  // the multivariate overshoot
  CHECK(run.trajectory.status.converged());
  CHECK(run.trajectory.status.iterations == 6);
}

TEST_CASE("Newton: a saddle's indefinite Hessian is reported, a singular one stops the run") {
  problems::QuadraticForm saddle(matrix{{1.0, 0.0}, {0.0, -1.0}}, vector{0.0, 0.0});
  const auto run = newton(saddle, vector{1.0, 1.0});
  CHECK(run.indefinite_hessians >= 1);
  CHECK(run.hessian_kind[0] == "indefinite");
  CHECK(run.trajectory.last().theta(1) == doctest::Approx(0.0).scale(1));  // pulled to the saddle
  problems::QuadraticForm flat(matrix{{1.0, 0.0}, {0.0, 0.0}}, vector{0.0, 0.0});
  const auto stuck = newton(flat, vector{1.0, 1.0});
  CHECK(stuck.trajectory.status.reason == StopReason::singular_hessian);
}

TEST_CASE("BFGS: the literal (4.66) and the O(d^2) rank-two form agree") {
  const std::size_t d = 7;
  Rng rng(11);
  const matrix h = problems::random_spd(d, 5);
  matrix b_literal = xt::eye<double>(d), b_fast = xt::eye<double>(d);
  vector work;
  for (int k = 0; k < 5; ++k) {
    vector s = xt::zeros<double>({d});
    for (auto& x : s) x = rng.normal();
    const vector y = gemv(h, s);  // a quadratic's pairs satisfy the curvature condition
    b_literal = bfgs_update_literal(b_literal, s, y);
    bfgs_update(b_fast, s, y, work);
    // secant equation (4.63): B g_s = θ_s
    const vector by = gemv(b_fast, y);
    for (std::size_t i = 0; i < d; ++i) CHECK(by(i) == doctest::Approx(s(i)).epsilon(1e-12));
  }
  // two algebraically equal forms, rounding only: entries are O(1)
  CHECK(max_abs_diff(b_literal, b_fast) < 1e-13);
  vector s{1.0, 0, 0, 0, 0, 0, 0}, y{-1.0, 0, 0, 0, 0, 0, 0};
  CHECK_THROWS_WITH_AS(bfgs_update(b_fast, s, y, work), doctest::Contains("curvature"),
                       descent::invalid_argument);
}

TEST_CASE("L-BFGS: the two-loop recursion equals the corrected explicit product (4.69)") {
  const std::size_t d = 6, m = 3;
  Rng rng(21);
  const matrix h = problems::random_spd(d, 9);
  std::vector<vector> ss, ys;
  LbfgsMemory memory(m, d);
  for (int k = 0; k < 5; ++k) {  // five pairs into a memory of three: the two oldest drop out
    vector s = xt::zeros<double>({d});
    for (auto& x : s) x = rng.normal();
    const vector y = gemv(h, s);
    memory.push(s, y);
    ss.push_back(s);
    ys.push_back(y);
  }
  const std::vector<vector> last_s(ss.end() - m, ss.end()), last_y(ys.end() - m, ys.end());
  const double gamma = dot(ys.back(), ss.back()) / dot(ys.back(), ys.back());
  CHECK(memory.gamma() == doctest::Approx(gamma).epsilon(1e-15));
  const matrix explicit_b = lbfgs_explicit(last_s, last_y, gamma);
  // the product form against m literal BFGS updates of γI
  matrix recursive = gamma * xt::eye<double>(d);
  for (std::size_t k = 0; k < m; ++k)
    recursive = bfgs_update_literal(recursive, last_s[k], last_y[k]);
  CHECK(max_abs_diff(explicit_b, recursive) < 1e-13);
  vector g = xt::zeros<double>({d});
  for (auto& x : g) x = rng.normal();
  vector r;
  two_loop(memory, g, r);
  const vector expected = gemv(explicit_b, g);
  for (std::size_t i = 0; i < d; ++i) CHECK(r(i) == doctest::Approx(expected(i)).epsilon(1e-12));
}

TEST_CASE("L-BFGS: the fused two-loop direction is -B g with slope -g^T B g, for 0..m pairs") {
  // d = 11: the fused passes run four at a time plus a remainder of three
  const std::size_t d = 11, m = 4;
  Rng rng(8);
  const matrix h = problems::random_spd(d, 3);
  LbfgsMemory memory(m, d);
  std::vector<vector> ss, ys;
  vector g = xt::zeros<double>({d});
  for (auto& x : g) x = rng.normal();
  for (int k = 0; k <= 6; ++k) {
    vector direction;
    const double slope = two_loop_direction(memory, g, direction);
    // the explicit (4.69) over the pairs held (γI alone when there are none)
    matrix b = xt::eye<double>(d);
    if (!ss.empty()) {
      const std::size_t held = std::min<std::size_t>(ss.size(), m);
      const std::vector<vector> last_s(ss.end() - long(held), ss.end()),
          last_y(ys.end() - long(held), ys.end());
      b = lbfgs_explicit(last_s, last_y, memory.gamma());
    }
    const vector expected = -gemv(b, g);
    for (std::size_t i = 0; i < d; ++i)
      CHECK(direction(i) == doctest::Approx(expected(i)).epsilon(1e-11));
    CHECK(slope == doctest::Approx(dot(expected, g)).epsilon(1e-11));
    vector s = xt::zeros<double>({d});
    for (auto& x : s) x = rng.normal();
    const vector y = gemv(h, s);
    memory.push(s, y);
    ss.push_back(s);
    ys.push_back(y);
  }
}

TEST_CASE("BFGS with exact line search equals CG on a quadratic and ends with B = A^-1 (C40)") {
  const matrix a{{4.0, 1.0}, {1.0, 3.0}};
  problems::QuadraticForm q(a, vector{1.0, 2.0});
  QuasiNewtonOptions o;
  o.line_search = ExactOptions{};
  const auto run = bfgs(q, vector{2.0, 1.0}, o);
  CHECK(run.trajectory.status.converged());
  CHECK(run.trajectory.iterates[1].theta(0) == doctest::Approx(78.0 / 331).epsilon(1e-12));
  CHECK(run.trajectory.last().theta(0) == doctest::Approx(1.0 / 11).epsilon(1e-12));
  // after d = 2 exact steps on a quadratic, B = A⁻¹ = (1/11)[[3, −1], [−1, 4]]
  CHECK(run.b(0, 0) == doctest::Approx(3.0 / 11).epsilon(1e-10));
  CHECK(run.b(0, 1) == doctest::Approx(-1.0 / 11).epsilon(1e-10));
}

TEST_CASE("BFGS with exact line search on Rosenbrock from (0.2, -0.2): 16 iterations (C52)") {
  problems::Rosenbrock f;
  QuasiNewtonOptions o;
  o.line_search = ExactOptions{};
  const auto run = bfgs(f, vector{0.2, -0.2}, o);
  REQUIRE(run.trajectory.status.converged());
  const auto& it = run.trajectory.iterates;
  // catalogue C52 (numpy, exact quartic line search), tolerance 1e-9 on iterates
  CHECK(it[1].theta(0) == doctest::Approx(0.122268143666).epsilon(1e-9));
  CHECK(it[2].theta(1) == doctest::Approx(0.107528380955).epsilon(1e-9));
  CHECK(it[5].theta(0) == doctest::Approx(0.685316820294).epsilon(1e-9));
  CHECK(it[12].theta(1) == doctest::Approx(0.991504597044).epsilon(1e-9));
  CHECK(run.trajectory.status.iterations == 16);
}

TEST_CASE("L-BFGS: extended Rosenbrock converges; the curvature guard never fires on Wolfe steps") {
  problems::ExtendedRosenbrock f(1000);
  QuasiNewtonOptions o;
  o.record_theta = false;
  o.stop.gradient_tolerance = 0;
  o.relative_gradient_tolerance = 1e-5;
  const auto run = lbfgs(f, f.initial_point(), o);
  REQUIRE(run.trajectory.status.converged());
  CHECK(run.trajectory.last().value < 1e-8);
  CHECK(run.skipped_updates == 0);  // strong Wolfe implies g_sᵀθ_s > 0 (MEDL after (4.65))
  const auto& x = run.trajectory.last().theta;
  for (std::size_t i = 0; i < 1000; i += 97) CHECK(x(i) == doctest::Approx(1.0).epsilon(1e-4));
}
