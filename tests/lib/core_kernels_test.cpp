// The vector kernels of core/kernels.hpp against closed forms (integer entries, whose sums of
// products are exact in double precision, so every comparison is ==) and against their
// partial sums written out term by term (entries that round: the order is checked too).

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

// The summation order is part of the contract (results are the same bits on every machine and
// run): on entries whose products round, the kernels must equal their partial sums written out
// here one term at a time, bit for bit. Lengths cover every remainder of the unrolled loops.
TEST_CASE("core/kernels: axpy_dot and secant_pair sum in their documented order, bit for bit") {
  auto wave = [](std::size_t n, double phase) {
    std::vector<double> x(n);
    for (std::size_t i = 0; i < n; ++i) x[i] = std::sin(phase + 0.917 * double(i)) / 3;
    return x;
  };
  for (std::size_t n : {1u, 2u, 3u, 4u, 5u, 6u, 7u, 101u, 1002u}) {
    CAPTURE(n);
    const auto src = wave(n, 0.1), y = wave(n, 0.7), w = wave(n, 1.3);
    const double a = 0.3711, scale = -1.173;
    // axpy_dot: four partial sums over i mod 4 up to the last multiple of 4, the rest into s0
    std::vector<double> q(n);
    const double r = kernels::axpy_dot(src.data(), a, y.data(), scale, q.data(), w.data(), n);
    double part[4] = {0, 0, 0, 0};
    const std::size_t whole = n / 4 * 4;
    for (std::size_t i = 0; i < n; ++i) {
      const double qi = scale * (src[i] - a * y[i]);
      CHECK(q[i] == qi);
      part[i < whole ? i % 4 : 0] += w[i] * qi;
    }
    CHECK(r == (part[0] + part[1]) + (part[2] + part[3]));
    // secant_pair: two partial sums over even and odd i, an odd n's last entry into the even one
    auto theta = wave(n, 2.1), g = wave(n, 2.9);
    const auto theta_old = theta, g_old = g;
    const auto theta_new = wave(n, 3.3), g_new = wave(n, 4.1);
    std::vector<double> s(n), yv(n);
    const auto p = kernels::secant_pair(theta_new.data(), g_new.data(), theta.data(), g.data(),
                                        s.data(), yv.data(), n);
    double sums[2][5] = {};
    const std::size_t pairs = n / 2 * 2;
    for (std::size_t i = 0; i < n; ++i) {
      const double si = theta_new[i] - theta_old[i], yi = g_new[i] - g_old[i];
      CHECK(s[i] == si);
      CHECK(yv[i] == yi);
      CHECK(theta[i] == theta_new[i]);
      CHECK(g[i] == g_new[i]);
      double* lane = sums[i < pairs ? i % 2 : 0];
      lane[0] += yi * si;
      lane[1] += yi * yi;
      lane[2] += si * si;
      lane[3] += g_new[i] * g_new[i];
      lane[4] += theta_new[i] * theta_new[i];
    }
    CHECK(p.ys == sums[0][0] + sums[1][0]);
    CHECK(p.yy == sums[0][1] + sums[1][1]);
    CHECK(p.ss == sums[0][2] + sums[1][2]);
    CHECK(p.gg == sums[0][3] + sums[1][3]);
    CHECK(p.xx == sums[0][4] + sums[1][4]);
  }
}
