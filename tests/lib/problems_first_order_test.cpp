// The problems of the first-order chapters against independent references in
// tests/reference/fixtures/optim_first_order.json: peaks (sympy derivatives, scipy root
// finding), logistic regression (torch autograd), the quadratic sum (4.12) (numpy), and
// the stochastic descent loop's sampling (exact finite-population moments).

#include <doctest/doctest.h>

#include <cmath>

#include "descent/core/error.hpp"
#include "descent/core/random.hpp"
#include "descent/optim/descent.hpp"
#include "descent/problems/logistic.hpp"
#include "descent/problems/peaks.hpp"
#include "descent/problems/quadratic.hpp"
#include "fixtures.hpp"

using descent::matrix;
using descent::vector;
using descent::testing::as_vector;
using descent::testing::load_fixture;
namespace optim = descent::optim;
namespace problems = descent::problems;

namespace {
const nlohmann::json& fixture() {
  static const auto f = load_fixture("optim_first_order.json");
  return f;
}
vector vec(const nlohmann::json& j) {
  const auto v = as_vector(j);
  vector out = xt::zeros<double>({v.size()});
  for (std::size_t i = 0; i < v.size(); ++i) out(i) = v[i];
  return out;
}
}  // namespace

TEST_CASE("peaks: value, gradient and Hessian equal sympy's") {
  const problems::Peaks peaks;
  vector g;
  matrix h;
  for (const auto& e : fixture()["peaks"]["points"]) {
    const auto theta = vec(e["theta"]);
    // closed forms evaluated in another order: a few ulps of values of order 10
    CHECK(peaks.value(theta) == doctest::Approx(e["value"].get<double>()).epsilon(1e-13));
    peaks.gradient(theta, g);
    peaks.hessian(theta, h);
    for (std::size_t i = 0; i < 2; ++i) {
      CHECK(g(i) == doctest::Approx(e["gradient"][i].get<double>()).epsilon(1e-12).scale(1));
      for (std::size_t j = 0; j < 2; ++j)
        CHECK(h(i, j) == doctest::Approx(e["hessian"][i][j].get<double>()).epsilon(1e-12).scale(1));
    }
  }
}

TEST_CASE("peaks: nine critical points, three of each kind, as scipy finds them") {
  const auto found = problems::critical_points(problems::Peaks{}, -3, 3, 41);
  const auto& expected = fixture()["peaks"]["critical_points"];
  REQUIRE(found.size() == expected.size());
  REQUIRE(found.size() == 9);
  for (std::size_t k = 0; k < found.size(); ++k) {
    CAPTURE(k);
    // Newton converged to |step| < 1e-13 on both sides: locations agree to 1e-10
    CHECK(found[k].theta(0) ==
          doctest::Approx(expected[k]["theta"][0].get<double>()).epsilon(1e-10));
    CHECK(found[k].theta(1) ==
          doctest::Approx(expected[k]["theta"][1].get<double>()).epsilon(1e-10));
    CHECK(found[k].kind == expected[k]["kind"].get<std::string>());
    CHECK(found[k].lambda_min ==
          doctest::Approx(expected[k]["eigenvalues"][0].get<double>()).epsilon(1e-9));
  }
  // MEDL Figure 4.1 / catalogue C02: the global minimum on the square is −6.551133.
  CHECK(found[0].value == doctest::Approx(-6.551133).epsilon(1e-6));
}

TEST_CASE("logistic regression: value, gradient and Hessian (4.7) equal torch autograd") {
  const auto C = problems::LogisticRegression::nine_points();
  vector g;
  matrix h;
  for (const auto& e : fixture()["logistic"]["evaluations"]) {
    const auto theta = vec(e["theta"]);
    CHECK(C.value(theta) == doctest::Approx(e["value"].get<double>()).epsilon(1e-14));
    C.gradient(theta, g);
    C.hessian(theta, h);
    for (std::size_t i = 0; i < 2; ++i) {
      CHECK(g(i) == doctest::Approx(e["gradient"][i].get<double>()).epsilon(1e-14).scale(1e-16));
      for (std::size_t j = 0; j < 2; ++j)
        CHECK(h(i, j) == doctest::Approx(e["hessian"][i][j].get<double>()).epsilon(1e-14));
    }
  }
  // Each per-sample Hessian is rank one (footnote 4): its determinant vanishes.
  C.sample_hessian(vector({0.3, 1.0}), 4, h);
  CHECK(std::fabs(h(0, 0) * h(1, 1) - h(0, 1) * h(1, 0)) < 1e-16);
}

TEST_CASE("quadratic sum (4.12): per-sample gradients, minimizer and GD iterates") {
  const auto& f = fixture()["quadratic_sum"];
  const auto C = problems::QuadraticSum::figure_4_3a();
  vector g;
  const auto theta = vec(f["theta"]);
  for (std::size_t i = 0; i < 5; ++i) {
    C.sample_gradient(theta, i, g);
    CHECK(g(0) == f["sample_gradients"][i][0].get<double>());  // exact small integers
    CHECK(g(1) == f["sample_gradients"][i][1].get<double>());
  }
  const auto star = *C.minimizer();
  CHECK(star(0) == doctest::Approx(f["minimizer"][0].get<double>()).epsilon(1e-15));
  CHECK(star(1) == doctest::Approx(f["minimizer"][1].get<double>()).epsilon(1e-15));
  auto gd = optim::make_rule("gd");
  optim::DescentOptions o;
  o.schedule = optim::Schedule::fixed_rate(0.01);
  o.stop.max_iterations = 1000;
  const auto run = optim::descend(C, *gd, theta, o);
  for (const auto& [t, x] : f["gd"].get<std::vector<std::pair<int, std::vector<double>>>>())
    for (std::size_t i = 0; i < 2; ++i)  // contractive linear map: rounding stays at 1e-14
      CHECK(run.iterates[t].theta(i) == doctest::Approx(x[i]).epsilon(1e-12));
}

TEST_CASE("mini-batch gradients: unbiased, variance ∝ 1/n_b (MEDL (4.13))") {
  // Exact finite-population moments at θ = (6, 6): mean (20, 9.2), variance (107.2, 4.16).
  const auto& f = fixture()["quadratic_sum"];
  const auto C = problems::QuadraticSum::figure_4_3a();
  const auto theta = vec(f["theta"]);
  const auto variance = as_vector(f["variance"]);
  descent::Rng rng(11);
  vector g;
  for (const int nb : {1, 2, 5}) {
    CAPTURE(nb);
    const int draws = 40000;
    double m0 = 0, m1 = 0, q0 = 0, q1 = 0;
    std::vector<std::size_t> batch(static_cast<std::size_t>(nb));
    for (int k = 0; k < draws; ++k) {
      for (auto& i : batch) i = rng.below(5);
      C.batch_gradient(theta, batch, g);
      m0 += g(0);
      m1 += g(1);
      q0 += g(0) * g(0);
      q1 += g(1) * g(1);
    }
    m0 /= draws;
    m1 /= draws;
    // 40000 draws: the sample mean's sd is sqrt(107.2/40000) ≈ 0.05 -> 0.25 is 5 sd;
    // the sample variance's relative sd is about sqrt(2/40000) ≈ 0.7% (x kurtosis) -> 5%.
    CHECK(m0 == doctest::Approx(20).epsilon(0.0125));
    CHECK(m1 == doctest::Approx(9.2).epsilon(0.02));
    CHECK(q0 / draws - m0 * m0 == doctest::Approx(variance[0] / nb).epsilon(0.05));
    CHECK(q1 / draws - m1 * m1 == doctest::Approx(variance[1] / nb).epsilon(0.05));
  }
}

TEST_CASE("SGD is reproducible from its seed and epochs visit every sample once") {
  const auto C = problems::QuadraticSum::figure_4_3a();
  optim::DescentOptions o;
  o.schedule = optim::Schedule::fixed_rate(0.01);
  o.stop.max_iterations = 200;
  optim::Sampling s;
  s.seed = 3;
  auto r1 = optim::make_rule("gd");
  auto r2 = optim::make_rule("gd");
  const auto a = optim::descend_stochastic(C, *r1, C.initial_point(), o, s);
  const auto b = optim::descend_stochastic(C, *r2, C.initial_point(), o, s);
  CHECK(a.last().theta(0) == b.last().theta(0));  // bit for bit
  CHECK(a.last().theta(1) == b.last().theta(1));
  // With a full batch drawn without replacement, each step is exactly a GD step.
  s.batch_size = 5;
  auto r3 = optim::make_rule("gd");
  auto r4 = optim::make_rule("gd");
  const auto full = optim::descend_stochastic(C, *r3, C.initial_point(), o, s);
  const auto gd = optim::descend(C, *r4, C.initial_point(), o);
  CHECK(full.last().theta(0) == doctest::Approx(gd.last().theta(0)).epsilon(1e-14));
  s.batch_size = 6;
  CHECK_THROWS_AS((void)optim::descend_stochastic(C, *r3, C.initial_point(), o, s),
                  descent::invalid_argument);
}

TEST_CASE("quadratics of chosen condition number") {
  const auto q = problems::Quadratic::with_condition(100);
  matrix h;
  q.hessian(q.initial_point(), h);
  CHECK(h(0, 0) / h(1, 1) == 100);
  CHECK_THROWS_AS((void)problems::Quadratic::with_condition(0.5), descent::invalid_argument);
}
