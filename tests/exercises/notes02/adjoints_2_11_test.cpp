// Exercise notes02/adjoints_2_11 (Exercise 2.5): the adjoints (2.11) by hand.
// Compiled against the stub (every case must fail) and the solution (every case must pass).

#include "adjoints_2_11.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "descent/autodiff/finite_difference.hpp"
#include "descent/autodiff/tape.hpp"
#include "descent/core/random.hpp"
#include "exercise_checks.hpp"

using descent::exercises::adjoints_2_11;
namespace ad = descent::autodiff;
using descent::testing::check_all_close;

namespace adjoints_2_11_test {
// The tape of (2.10) and its adjoints.
std::vector<double> tape_adjoints(double x, double y) {
  ad::Tape t;
  const auto v1 = t.input(x), v2 = t.input(y);
  const auto v3 = v1 * v2, v4 = ad::exp(v3), v5 = 1.0 + v4, v6 = ad::log(v5), v7 = v3 - v6;
  std::vector<double> zeta;
  t.backward({v7.index}, {1.0}, zeta);
  return {zeta.begin(), zeta.begin() + 7};  // nodes are v1..v7 in order
}

TEST_CASE("adjoints_2_11 at the catalogue's points (torch-checked values)") {
  // catalogue N18, abs 1e-13
  // v̄1 ... v̄7 at (1.5, 2); v̄5 = v̄4 = −1/v5, v̄3 = 1/v5
  check_all_close(
      "adjoints at (1.5, 2)", adjoints_2_11(1.5, 2.0),
      std::vector<double>{0.09485174635513349, 0.07113880976635012, 0.047425873177566746,
                          -0.04742587317756678, -0.04742587317756678, -1.0, 1.0},
      1e-13);
  const auto b = adjoints_2_11(-1.0, 0.5);
  CHECK(b[0] == doctest::Approx(0.31122966560092724).epsilon(1e-13));
  CHECK(b[1] == doctest::Approx(-0.6224593312018545).epsilon(1e-13));
}

TEST_CASE("adjoints_2_11 equals the tape's backward sweep and satisfies the identities") {
  for (const auto& [x, y] :
       std::vector<std::pair<double, double>>{{1.5, 2.0}, {-1.0, 0.5}, {0.7, -3.0}}) {
    CAPTURE(x);
    CAPTURE(y);
    const auto a = adjoints_2_11(x, y);
    check_all_close("adjoints against the tape", a, tape_adjoints(x, y), 1e-14);
    const double v5 = 1 + std::exp(x * y);
    CHECK(a[2] == doctest::Approx(1 / v5).epsilon(1e-14));        // v̄3 = 1/v5
    CHECK(a[3] == a[4]);                                          // v̄4 = v̄5
    CHECK(a[0] * x == doctest::Approx(a[1] * y).epsilon(1e-14));  // v̄1/v̄2 = y/x
  }
}

TEST_CASE("adjoints_2_11 agrees with central differences at random points, |xy| < 30") {
  descent::Rng rng(7);
  const ad::ScalarFunction f = [](const std::vector<double>& v) {
    return v[0] * v[1] - std::log(1 + std::exp(v[0] * v[1]));
  };
  for (int k = 0; k < 20; ++k) {
    const double x = rng.uniform(-5, 5), y = rng.uniform(-5, 5);
    const auto a = adjoints_2_11(x, y);
    const auto fd = ad::central_difference(f, {x, y}, 1e-6);
    // h = 1e-6: truncation ~h² plus round-off ~1e-16·|f|/h; 1e-8 bounds both here
    CAPTURE(x);
    CAPTURE(y);
    CHECK(a[0] == doctest::Approx(fd[0]).epsilon(1e-8));
    CHECK(a[1] == doctest::Approx(fd[1]).epsilon(1e-8));
  }
}

}  // namespace adjoints_2_11_test
