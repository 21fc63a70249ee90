// Nonlinear CG (Fletcher–Reeves, Polak–Ribière+) and Newton–CG (lib/optim). Reference values:
// the CG iterates on x² + 4y² of the Aggarwal Chapter 3 catalogue (A43), LAPACK's A⁻¹b, and
// scipy.optimize.minimize (method="CG", "Newton-CG") in fixtures/second_order_cg.json
// (tests/reference/generate_nonlinear_cg.py).

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"
#include "descent/optim/cg.hpp"
#include "descent/optim/hessian_free.hpp"
#include "descent/optim/nonlinear_cg.hpp"
#include "descent/problems/quadratic_form.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "fixtures.hpp"

using namespace descent;
using namespace descent::optim;

TEST_CASE("nonlinear CG: the two beta formulas (catalogue A43: FR = 46.08/128 = 0.36)") {
  CHECK(cg_beta(CgBeta::fletcher_reeves, 128, 46.08, 0) == doctest::Approx(0.36));
  CHECK(cg_beta(CgBeta::polak_ribiere_plus, 128, 46.08, 0) == doctest::Approx(0.36));
  // PR = (46.08 − 50)/128 < 0 is clipped to 0 (a restart)
  CHECK(cg_beta(CgBeta::polak_ribiere_plus, 128, 46.08, 50) == 0);
  CHECK(cg_beta(CgBeta::polak_ribiere_plus, 4, 9, 1) == doctest::Approx(2.0));
}

TEST_CASE(
    "nonlinear CG with exact line search on x^2 + 4y^2 from (4, 1): the catalogue's CG (A43)") {
  const problems::QuadraticForm bowl(matrix{{2.0, 0.0}, {0.0, 8.0}}, vector{0.0, 0.0});
  for (const auto beta : {CgBeta::fletcher_reeves, CgBeta::polak_ribiere_plus}) {
    NonlinearCgOptions o;
    o.beta = beta;
    o.line_search = ExactOptions{};
    o.stop.gradient_tolerance = 1e-12;
    const auto run = nonlinear_cg(bowl, vector{4.0, 1.0}, o);
    const auto& it = run.trajectory.iterates;
    REQUIRE(it.size() == 3);
    CHECK(it[1].alpha == doctest::Approx(0.2).epsilon(1e-12));
    CHECK(it[1].theta(0) == doctest::Approx(2.4).epsilon(1e-12));
    CHECK(it[1].theta(1) == doctest::Approx(-0.6).epsilon(1e-12));
    CHECK(run.betas[0] == doctest::Approx(0.36).epsilon(1e-12));
    CHECK(it[2].alpha == doctest::Approx(0.3125).epsilon(1e-12));
    CHECK(std::hypot(it[2].theta(0), it[2].theta(1)) < 1e-14);
    CHECK(run.trajectory.status.converged());
  }
}

TEST_CASE(
    "nonlinear CG with exact line search reproduces linear CG's iterates on an SPD quadratic") {
  const std::size_t d = 8;
  const matrix a = problems::random_spd(d, 11);
  Rng rng(5);
  vector b = xt::zeros<double>({d});
  for (auto& x : b) x = rng.normal();
  const problems::QuadraticForm f(a, b);
  const vector theta0 = xt::zeros<double>({d});
  const auto linear = conjugate_gradient(a, b, theta0);
  REQUIRE(linear.status.converged());
  const vector exact = solve(a, b);  // LAPACK
  for (const auto beta : {CgBeta::fletcher_reeves, CgBeta::polak_ribiere_plus}) {
    NonlinearCgOptions o;
    o.beta = beta;
    o.line_search = ExactOptions{};
    o.restart_every = 1000;  // no restart: linear CG never restarts
    o.stop.gradient_tolerance = 1e-9;
    o.stop.max_iterations = static_cast<int>(d);
    const auto run = nonlinear_cg(f, theta0, o);
    const auto& it = run.trajectory.iterates;
    REQUIRE(it.size() >= 4);
    // the first iterates agree to rounding; later ones inherit the line search's 1e-13 slope
    // tolerance, amplified by the conditioning, so compare relative to ‖A⁻¹b‖
    const double scale = std::sqrt(dot(exact, exact));
    for (std::size_t t = 1; t < it.size() && t <= linear.steps.size(); ++t) {
      const vector diff = it[t].theta - linear.steps[t - 1].theta;
      CHECK(std::sqrt(dot(diff, diff)) / scale < 1e-8);
      CHECK(run.betas[t - 1] == doctest::Approx(linear.steps[t - 1].beta).epsilon(1e-6));
    }
    const vector err = run.trajectory.last().theta - exact;
    CHECK(std::sqrt(dot(err, err)) / scale < 1e-8);
    CHECK(run.trajectory.status.iterations <= static_cast<int>(d));
  }
}

TEST_CASE("nonlinear CG on Rosenbrock from (-1.2, 1): PR+ as scipy's CG, FR slower") {
  const auto fx = testing::load_fixture("second_order_cg.json");
  const auto& ref = fx["cg"]["rosenbrock"];
  const problems::Rosenbrock f;
  NonlinearCgOptions o;
  o.stop.gradient_tolerance = fx["gtol"].get<double>();
  std::get<WolfeOptions>(o.line_search).c2 = 0.4;  // scipy's CG
  o.restart_every = 1000000;                       // scipy restarts only through β⁺ = 0
  const auto pr = nonlinear_cg(f, f.initial_point(), o);
  REQUIRE(pr.trajectory.status.converged());
  CHECK(pr.trajectory.last().theta(0) == doctest::Approx(ref["x"][0].get<double>()).epsilon(1e-6));
  CHECK(pr.trajectory.last().theta(1) == doctest::Approx(ref["x"][1].get<double>()).epsilon(1e-6));
  // different line searches (zoom vs MINPACK's dcsrch): the counts agree only roughly
  const int nit = ref["nit"].get<int>();
  CHECK(pr.trajectory.status.iterations >= nit / 2);
  CHECK(pr.trajectory.status.iterations <= 2 * nit);
  o.beta = CgBeta::fletcher_reeves;
  o.restart_every = 0;  // FR needs restarts (every d = 2 steps here)
  const auto fr = nonlinear_cg(f, f.initial_point(), o);
  REQUIRE(fr.trajectory.status.converged());
  CHECK(fr.trajectory.last().theta(0) == doctest::Approx(1).epsilon(1e-6));
  CHECK(fr.trajectory.last().theta(1) == doctest::Approx(1).epsilon(1e-6));
}

TEST_CASE("nonlinear CG: c2 >= 1/2 is refused; a non-finite start is reported") {
  const problems::Rosenbrock f;
  NonlinearCgOptions o;
  std::get<WolfeOptions>(o.line_search).c2 = 0.5;
  CHECK_THROWS_AS((void)nonlinear_cg(f, f.initial_point(), o), invalid_argument);
  std::get<WolfeOptions>(o.line_search).c2 = 0.1;
  const auto run = nonlinear_cg(f, vector{std::nan(""), 1.0}, o);
  CHECK(run.trajectory.status.reason == StopReason::diverged);
}

TEST_CASE("Newton-CG on extended Rosenbrock (d = 1000): scipy's minimizer, iterations alike") {
  const auto fx = testing::load_fixture("second_order_cg.json");
  const auto& ref = fx["newton_cg"]["1000"];
  const problems::ExtendedRosenbrock f(1000);
  HessianFreeOptions o;
  o.forcing = 0.5;
  o.line_search = WolfeOptions{};
  o.record_theta = false;
  o.stop.max_iterations = 1000;
  o.stop.gradient_tolerance = ref["gradient_norm"].get<double>();
  const auto run = hessian_free(f, f.initial_point(), o);
  REQUIRE(run.trajectory.status.converged());
  const vector err = run.trajectory.last().theta - 1.0;
  CHECK(std::sqrt(dot(err, err)) < 10 * ref["distance_to_minimizer"].get<double>());
  const int nit = ref["nit"].get<int>();
  CHECK(run.trajectory.status.iterations >= nit / 3);
  CHECK(run.trajectory.status.iterations <= 2 * nit);
  // every pair is the same 2-D problem, so the inner CG needs at most 2 steps per iteration
  CHECK(run.cg_iterations <= 2 * run.trajectory.status.iterations);
}

TEST_CASE("Newton-CG: the forcing term bounds the inner residual, eta = 0.5 on a quadratic") {
  // On a quadratic H is constant; CG stops once ‖Hθ_s + ∇C‖ <= min(0.5, √‖∇C‖)‖∇C‖.
  const std::size_t d = 30;
  const matrix a = problems::random_spd(d, 2);
  vector b = xt::ones<double>({d});
  const problems::QuadraticForm f(a, b);
  HessianFreeOptions o;
  o.forcing = 0.5;
  o.stop.max_iterations = 1;
  const vector theta0 = xt::zeros<double>({d});
  const auto run = hessian_free(f, theta0, o);
  const vector step = run.trajectory.last().theta;  // θ_s from θ = 0
  const vector r = gemv(a, step) - b;               // Hθ_s + ∇C with ∇C(0) = −b
  const double gnorm = std::sqrt(dot(b, b));
  CHECK(std::sqrt(dot(r, r)) <= std::min(0.5, std::sqrt(gnorm)) * gnorm);
  CHECK(run.cg_iterations < static_cast<int>(d));
}

TEST_CASE("Newton-CG: curvature_tolerance outside [0, 1] is refused, naming the field") {
  const problems::Rosenbrock f;
  HessianFreeOptions o;
  for (const double bad : {-1e-12, 1.5, std::nan("")}) {
    o.curvature_tolerance = bad;
    try {
      (void)hessian_free(f, f.initial_point(), o);
      FAIL("accepted curvature_tolerance = " << bad);
    } catch (const invalid_argument& e) {
      CHECK(std::string(e.what()).find("curvature_tolerance") != std::string::npos);
    }
  }
  o.curvature_tolerance = 0;  // the textbook test alone: Rosenbrock's Hessian is regular here
  CHECK(hessian_free(f, f.initial_point(), o).trajectory.status.converged());
}
