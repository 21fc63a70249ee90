// Exercise medl04/adadelta_update: the Adadelta, MEDL (4.38) update.
// Compiled twice: against chapters/medl04/exercises/adadelta_update.hpp (the stub, every case must
// fail) and against solutions/medl04/adadelta_update.hpp (every case must pass).

#include "adadelta_update.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "fixtures.hpp"

namespace {

const nlohmann::json& fixture() {
  static const auto f = descent::testing::load_fixture("optim_first_order.json")["exercises"];
  return f;
}

// C = ½ Σ λᵢθᵢ², so ∇C(θ) = λ ⊙ θ.
std::vector<double> gradient(const std::vector<double>& theta) {
  const auto lambda = fixture()["lambda"].get<std::vector<double>>();
  std::vector<double> g(theta.size());
  for (std::size_t i = 0; i < theta.size(); ++i) g[i] = lambda[i] * theta[i];
  return g;
}

// Three steps from the fixture's θ₀; returns θ after each.
std::vector<std::vector<double>> run(int steps) {
  const auto& p = fixture()["rules"]["adadelta"]["params"];
  auto theta = fixture()["theta0"].get<std::vector<double>>();
  descent::exercises::AdadeltaState state;
  std::vector<std::vector<double>> out;
  for (int t = 0; t < steps; ++t) {
    descent::exercises::adadelta_update(theta, gradient(theta), state, p["gamma"].get<double>(),
                                        p["rho"].get<double>(), p["epsilon"].get<double>());
    out.push_back(theta);
  }
  return out;
}

// The reference does the same arithmetic in another order (torch) or the same order
// (numpy): a few ulps per step, so 1e-12 relative (CS231n's checks use ~1e-7).
void check_step(const std::vector<double>& got, int t) {
  const auto expected = fixture()["rules"]["adadelta"]["theta"][static_cast<std::size_t>(t)]
                            .get<std::vector<double>>();
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    CHECK(got[i] == doctest::Approx(expected[i]).epsilon(1e-12));
  }
}

}  // namespace

TEST_CASE("adadelta_update: the first step from a zero state") {
  const auto thetas = run(1);
  check_step(thetas[0], 0);
}

TEST_CASE("adadelta_update: three steps, the state carried between them") {
  const auto thetas = run(3);
  for (int t = 0; t < 3; ++t) {
    CAPTURE(t);
    check_step(thetas[static_cast<std::size_t>(t)], t);
  }
}
