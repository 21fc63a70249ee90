// The two-parameter network of MEDL Figure 4.5 and softmax regression (MEDL (4.8)) against
// tests/reference/fixtures/problems_network_softmax.json (torch float64 autograd and
// torch.autograd.functional.hessian, numpy eigvalsh; generate_problems.py) and the values
// of catalogue C07 and C17.

#include <doctest/doctest.h>

#include <cmath>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/problems/softmax_regression.hpp"
#include "descent/problems/two_parameter_network.hpp"
#include "fixtures.hpp"

using descent::matrix;
using descent::vector;
using descent::testing::load_fixture;
using descent::testing::to_matrix;
using descent::testing::to_vector;
namespace problems = descent::problems;
using Net = problems::TwoParameterNetwork;

namespace {
const nlohmann::json& fixture() {
  static const auto f = load_fixture("problems_network_softmax.json");
  return f;
}
}  // namespace

TEST_CASE("two-parameter network: losses of catalogue C17 (numpy closed form, 1e-12)") {
  const auto sq = Net::figure_4_5(Net::Loss::squared);
  const auto ce = Net::figure_4_5(Net::Loss::cross_entropy);
  const double table[][4] = {{0, 0, 1.5, 0.693147180560},
                             {1, 1, 1.552447976450, 0.713235646041},
                             {-1, 2, 2.008575038136, 0.918674998195},
                             {5, -5, 2.714559022903, 2.008236788754},
                             {10, 10, 1.750022723151, 2.013300797401},
                             {-20, -20, 1.750000006183, 3.679906928079}};
  for (const auto& row : table) {
    CAPTURE(row[0]);
    CAPTURE(row[1]);
    const vector w({row[0], row[1]});
    // The catalogue prints 12 decimals: agreement to 1e-12 absolute.
    CHECK(std::fabs(sq.value(w) - row[2]) < 1e-12);
    CHECK(std::fabs(ce.value(w) - row[3]) < 1e-12);
  }
}

TEST_CASE("two-parameter network: values and gradients equal torch autograd") {
  const auto sq = Net::figure_4_5(Net::Loss::squared);
  const auto ce = Net::figure_4_5(Net::Loss::cross_entropy);
  vector g;
  for (const auto& point : fixture()["network"]["points"]) {
    const auto w = to_vector(point["w"]);
    CAPTURE(w(0));
    CAPTURE(w(1));
    for (const auto& [C, key] :
         {std::pair<const Net*, const char*>{&sq, "squared"}, {&ce, "cross_entropy"}}) {
      const auto& ref = point[key];
      const double v = C->value_and_gradient(w, g);
      // Sums of six terms of size <= 1, evaluated in another order: 1e-14 relative.
      CHECK(v == doctest::Approx(ref["value"].get<double>()).epsilon(1e-14));
      CHECK(C->value(w) == v);
      for (std::size_t i = 0; i < 2; ++i)
        CHECK(g(i) ==
              doctest::Approx(ref["gradient"][i].get<double>()).epsilon(1e-12).scale(1e-15));
    }
  }
}

TEST_CASE("two-parameter network: bad data is rejected") {
  CHECK_THROWS_AS(Net({1.0, 2.0}, {1.0}, Net::Loss::squared, Net::Reduction::sum),
                  descent::invalid_argument);
  CHECK_THROWS_AS(Net({1.0}, {2.0}, Net::Loss::cross_entropy, Net::Reduction::mean),
                  descent::invalid_argument);
}

TEST_CASE("log-sum-exp: value and Hessian diag(pi) - pi pi^T equal torch's (catalogue C07)") {
  for (const auto& e : fixture()["softmax"]["log_sum_exp"]) {
    const auto v = to_vector(e["v"]);
    const auto ref = to_matrix(e["hessian"]);
    CHECK(problems::log_sum_exp(v) == doctest::Approx(e["value"].get<double>()).epsilon(1e-15));
    const matrix h = problems::log_sum_exp_hessian(v);
    for (std::size_t a = 0; a < v.size(); ++a)
      for (std::size_t b = 0; b < v.size(); ++b) CHECK(std::fabs(h(a, b) - ref(a, b)) < 1e-15);
    const auto eig = descent::eigh(h);
    for (std::size_t k = 0; k < v.size(); ++k)
      CHECK(std::fabs(eig.values(k) - e["eigenvalues"][k].get<double>()) < 1e-14);
    CHECK(eig.values(0) > -1e-15);  // PSD, with 1 in the null space
  }
  // Catalogue C07: v = (1, 2, 0.5) has eigenvalues (0, 0.168127239, 0.363687661), 1e-9.
  const auto eig = descent::eigh(problems::log_sum_exp_hessian(vector({1.0, 2.0, 0.5})));
  CHECK(std::fabs(eig.values(0)) < 1e-9);
  CHECK(std::fabs(eig.values(1) - 0.168127239) < 1e-9);
  CHECK(std::fabs(eig.values(2) - 0.363687661) < 1e-9);
}

TEST_CASE("softmax regression: value, gradient and Hessian equal torch; Hessian PSD") {
  for (const char* set : {"nine_points", "five_points"}) {
    CAPTURE(set);
    const auto& data = fixture()["softmax"][set];
    const auto labels = data["y"].get<std::vector<std::size_t>>();
    const problems::SoftmaxRegression C(to_matrix(data["x"]), labels,
                                        data["classes"].get<std::size_t>());
    const std::size_t d = C.dimension();
    const std::size_t p1 = d / C.classes();  // p + 1
    vector g;
    matrix h;
    for (const auto& e : data["evaluations"]) {
      const auto theta = to_vector(e["theta"]);
      const auto H = to_matrix(e["hessian"]);
      CHECK(C.value(theta) == doctest::Approx(e["value"].get<double>()).epsilon(1e-14));
      C.gradient(theta, g);
      C.hessian(theta, h);
      for (std::size_t i = 0; i < d; ++i) {
        CHECK(std::fabs(g(i) - e["gradient"][i].get<double>()) < 1e-15);
        for (std::size_t j = 0; j < d; ++j) CHECK(std::fabs(h(i, j) - H(i, j)) < 1e-15);
      }
      // PSD, and singular exactly along the p + 1 directions that add one vector to every
      // class's (b_j, w_(j)) (softmax is shift invariant); the rest positive.
      const auto eig = descent::eigh(h);
      for (std::size_t k = 0; k < d; ++k) {
        CHECK(std::fabs(eig.values(k) - e["eigenvalues"][k].get<double>()) < 1e-14);
        if (k < p1)
          CHECK(std::fabs(eig.values(k)) < 1e-14);
        else
          CHECK(eig.values(k) > 1e-4);
      }
    }
  }
}

TEST_CASE("softmax regression with K = 2 is logistic regression in b_2 - b_1, w_2 - w_1") {
  const auto C = problems::SoftmaxRegression::nine_points();
  CHECK(C.dimension() == 6);
  CHECK(C.index(2, 0) == 2);  // b_3
  CHECK(C.index(2, 1) == 5);  // w_(3)
  matrix x({2, 1});
  x(0, 0) = -1;
  x(1, 0) = 2;
  const problems::SoftmaxRegression two(x, {0, 1}, 2);
  const vector theta({0.3, -0.4, 0.5, 1.2});  // (b1, b2, w1, w2)
  // Closed form: C_i = log(1 + e^{z}) − y z with z = (b2 − b1) + (w2 − w1) x.
  double ref = 0;
  for (int i = 0; i < 2; ++i) {
    const double z = -0.7 + 0.7 * x(i, 0);
    ref += (std::log1p(std::exp(z)) - i * z) / 2;
  }
  CHECK(two.value(theta) == doctest::Approx(ref).epsilon(1e-15));
  CHECK_THROWS_AS(problems::SoftmaxRegression(x, {0, 2}, 2), descent::invalid_argument);
  CHECK_THROWS_AS(problems::SoftmaxRegression(x, {0, 1}, 1), descent::invalid_argument);
}
