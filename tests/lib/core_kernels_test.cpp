// The vector kernels of core/kernels.hpp against closed forms: integer entries, whose sums of
// products are exact in double precision, so every comparison is ==.

#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <vector>

#include "descent/core/kernels.hpp"

using descent::vector;
namespace kernels = descent::kernels;

namespace {

// x = (1, 2, ..., n) as doubles.
std::vector<double> ramp(std::size_t n) {
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i) x[i] = double(i + 1);
  return x;
}

}  // namespace

TEST_CASE("core/kernels: the Euclidean norm of (3, 4) and (1, 2, 2) is 5 and 3") {
  CHECK(descent::euclidean_norm(vector{3.0, 4.0}) == 5.0);
  CHECK(descent::euclidean_norm(vector{1.0, -2.0, 2.0}) == 3.0);
  CHECK(descent::euclidean_norm(vector::from_shape({0})) == 0.0);
}

TEST_CASE("core/kernels: dot of (1..n) with itself is n(n+1)(2n+1)/6 for every remainder mod 4") {
  for (std::size_t n = 0; n <= 13; ++n) {
    CAPTURE(n);
    const auto x = ramp(n);
    const double expected = double(n * (n + 1) * (2 * n + 1) / 6);
    CHECK(kernels::dot(x.data(), x.data(), n) == expected);
  }
}

TEST_CASE("core/kernels: axpy_dot writes scale (src - a y) and returns w^T of it, in place too") {
  for (std::size_t n : {1u, 4u, 7u}) {
    CAPTURE(n);
    const auto src = ramp(n);
    std::vector<double> y(n, 1.0), w(n, 2.0), q(n);
    // with k = i + 1 = 1..n: q = 3 (k − 2), wᵀq = 2 Σ 3(k − 2) = 3n(n + 1) − 12n
    const double r = kernels::axpy_dot(src.data(), 2.0, y.data(), 3.0, q.data(), w.data(), n);
    for (std::size_t i = 0; i < n; ++i) CHECK(q[i] == 3.0 * (double(i + 1) - 2.0));
    CHECK(r == 3.0 * double(n * (n + 1)) - 12.0 * double(n));
    // src may be q itself: q ← −(q − 0·y) = −q
    const double back = kernels::axpy_dot(q.data(), 0.0, y.data(), -1.0, q.data(), w.data(), n);
    CHECK(back == -r);
    for (std::size_t i = 0; i < n; ++i) CHECK(q[i] == -3.0 * (double(i + 1) - 2.0));
  }
}

TEST_CASE("core/kernels: secant_pair forms theta_s, g_s, moves theta and g, and returns products") {
  for (std::size_t d : {1u, 2u, 5u}) {
    CAPTURE(d);
    // θ = 0, θ⁺ = (1..d), ∇C = (1, ..., 1), ∇C⁺ = 2θ⁺: θ_s = θ⁺, g_s = 2θ⁺ − 1
    std::vector<double> theta(d, 0.0), g(d, 1.0), s(d), y(d);
    const auto theta_new = ramp(d);
    std::vector<double> g_new(d);
    for (std::size_t i = 0; i < d; ++i) g_new[i] = 2 * theta_new[i];
    const auto p = kernels::secant_pair(theta_new.data(), g_new.data(), theta.data(), g.data(),
                                        s.data(), y.data(), d);
    double ys = 0, yy = 0, ss = 0, gg = 0, xx = 0;
    for (std::size_t i = 0; i < d; ++i) {
      const double k = double(i + 1);
      CHECK(s[i] == k);
      CHECK(y[i] == 2 * k - 1);
      CHECK(theta[i] == k);
      CHECK(g[i] == 2 * k);
      ys += (2 * k - 1) * k;
      yy += (2 * k - 1) * (2 * k - 1);
      ss += k * k;
      gg += 4 * k * k;
      xx += k * k;
    }
    CHECK(p.ys == ys);
    CHECK(p.yy == yy);
    CHECK(p.ss == ss);
    CHECK(p.gg == gg);
    CHECK(p.xx == xx);
  }
}
