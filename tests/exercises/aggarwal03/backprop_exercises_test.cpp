// Exercise aggarwal03/backprop_exercises: Aggarwal §3.10, Exercises 1-4 by hand.
// Compiled against the stub (every case must fail) and the solution (every case must pass).
// Reference: the catalogue's answers (torch-checked) and a backward sweep over a tape.

#include "backprop_exercises.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "descent/autodiff/tape.hpp"
#include "exercise_checks.hpp"

using namespace descent::exercises;
namespace ad = descent::autodiff;
using descent::testing::check_all_close;

namespace backprop_exercises_test {
// ∂L/∂x by the library's backward sweep, for o = sum or max of the pairwise products.
std::vector<double> tape_gradient(const std::array<double, 4>& x0, double dL_do, bool use_max) {
  ad::Tape t;
  std::vector<ad::Var> x, h;
  for (double v : x0) x.push_back(t.input(v));
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t j = i + 1; j < 4; ++j) h.push_back(x[i] * x[j]);
  ad::Var o = h[0];
  if (use_max) {
    for (std::size_t k = 1; k < h.size(); ++k) o = ad::max(o, h[k]);
  } else {
    o = t.sum(h);
  }
  std::vector<double> zeta;
  t.backward({o.index}, {dL_do}, zeta);
  return {zeta[0], zeta[1], zeta[2], zeta[3]};
}

TEST_CASE("Exercise 1: two steps of f = xy and g = x + y^2 from (1, 2) give 12") {
  // Catalogue instance (the book gives no f, g): x_{t+2} = 10, dx_{t+2}/dx_t = 2xy + y^3 = 12.
  const Recurrence r{
      [](double x, double y) { return x * y; }, [](double x, double y) { return x + y * y; },
      [](double, double y) { return y; },       [](double x, double) { return x; },
      [](double, double) { return 1.0; },       [](double, double y) { return 2 * y; }};
  CHECK(two_step_derivative(r, 1, 2) == 12);
}

TEST_CASE("Exercise 1: a non-polynomial recurrence agrees with a central difference") {
  const Recurrence r{[](double x, double y) { return std::sin(x) + y; },
                     [](double x, double y) { return x * y; },
                     [](double x, double) { return std::cos(x); },
                     [](double, double) { return 1.0; },
                     [](double, double y) { return y; },
                     [](double x, double) { return x; }};
  const double x = 0.3, y = -0.7, h = 1e-5;
  auto x2 = [&](double x0) { return r.f(r.f(x0, y), r.g(x0, y)); };
  const double central = (x2(x + h) - x2(x - h)) / (2 * h);
  // Central differences err by O(h^2) ~ 1e-10 here; 1e-8 leaves room for rounding.
  CHECK(two_step_derivative(r, x, y) == doctest::Approx(central).epsilon(1e-8));
}

TEST_CASE("Exercise 2: o = x1 x2 with dL/do = 5 at (2, 3) gives (15, 10)") {
  check_all_close("dL/dx", product_neuron(2, 3, 5), std::vector<double>{15, 10}, 0);
}

TEST_CASE("Exercise 3: the sum of pairwise products gives (18, 16, 14, 12)") {
  const auto g = pairwise_sum({1, 2, 3, 4}, 2);
  check_all_close("dL/dx", g, std::vector<double>{18, 16, 14, 12}, 0);
  // and at a point of our choosing, against a backward sweep over a recorded tape
  check_all_close("dL/dx at (0.5, -1, 2, 3)", pairwise_sum({0.5, -1, 2, 3}, -1.5),
                  tape_gradient({0.5, -1, 2, 3}, -1.5, false), 1e-15);
}

TEST_CASE("Exercise 4: the max of pairwise products gives (0, 0, 8, 6)") {
  const auto g = pairwise_max({1, 2, 3, 4}, 2);
  check_all_close("dL/dx", g, std::vector<double>{0, 0, 8, 6}, 0);
  // the max is (-3)(-2.5) = 7.5 here
  check_all_close("dL/dx at (-3, 1, 2, -2.5)", pairwise_max({-3, 1, 2, -2.5}, 0.5),
                  tape_gradient({-3, 1, 2, -2.5}, 0.5, true), 0);
}

}  // namespace backprop_exercises_test
