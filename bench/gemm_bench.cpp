// bench_gemm: descent::gemm (xtensor-blas) against raw cblas_dgemm, side by side in one run
// (DESIGN.md §10). Prints the OpenBLAS core and thread count, then one row per size: best-of-k
// times, GFLOP/s (2 n^3 / t) and ratio = t_cblas / t_xt (goal >= 0.95), where xt is
// descent::gemm(a, b) returning a new matrix. Also timed: descent::gemm(a, b, out) into a
// preallocated matrix (into) and `return xt::linalg::dot(a, b);` from a function returning a
// matrix (ldot): the xarray that dot returns is copied into a new matrix.
//
// The ratio is reported, not asserted: timings on a shared 2-core machine are noisy. The exit
// status is 1 only if the products disagree (max |difference| above a rounding bound).
//
// Usage: bench_gemm [--quick]   (--quick: n = 256 and 512 only, shorter measurements)
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <vector>
#include <xtensor-blas/xlinalg.hpp>  // for the ldot column; no <cblas.h> in this TU

#include "cblas_gemm.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"
#include "openblas_info.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

template <class F>
double seconds(F&& f) {
  const auto start = clock_type::now();
  f();
  return std::chrono::duration<double>(clock_type::now() - start).count();
}

double max_abs(const descent::matrix& m) {
  double r = 0.0;
  for (double x : m) r = std::max(r, std::abs(x));
  return r;
}

double max_abs_diff(const descent::matrix& x, const descent::matrix& y) {
  double r = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) r = std::max(r, std::abs(x.flat(i) - y.flat(i)));
  return r;
}

struct Row {
  std::size_t n = 0;
  int k = 0;           // timed repetitions of each variant (best of k)
  double t_xt = 0;     // descent::gemm(a, b): returns a new matrix (allocates)
  double t_into = 0;   // descent::gemm(a, b, out): preallocated output
  double t_ldot = 0;   // `return xt::linalg::dot(a, b);` from a function returning matrix
  double t_cblas = 0;  // cblas_dgemm into a preallocated buffer
  double diff = 0;     // max |C - C_cblas| over the three xtensor variants
  double tolerance = 0;
};

Row measure(std::size_t n, double target_seconds, descent::Rng& rng) {
  Row row;
  row.n = n;
  const descent::matrix a = rng.normal_matrix(n, n);
  const descent::matrix b = rng.normal_matrix(n, n);
  descent::matrix c_xt;
  descent::matrix c_ldot;
  descent::matrix c_into = descent::matrix::from_shape({n, n});
  descent::matrix c_cblas = descent::matrix::from_shape({n, n});

  auto run_xt = [&] { c_xt = descent::gemm(a, b); };
  auto run_into = [&] { descent::gemm(a, b, c_into); };
  // What `matrix gemm(a, b) { return xt::linalg::dot(a, b); }` costs: the return statement
  // copy-initializes the matrix from the xarray, which copies (the xarray&& constructor that
  // would steal the storage is explicit).
  auto dot_returned = [&]() -> descent::matrix { return xt::linalg::dot(a, b); };
  auto run_ldot = [&] { c_ldot = dot_returned(); };
  auto run_cblas = [&] { descent::bench::cblas_gemm(n, n, n, a.data(), b.data(), c_cblas.data()); };

  // Warm-up (threads started, pages touched, caches filled), then one timed call of each to
  // choose k: each variant gets about target_seconds in total, at least 5 and at most 2000 runs.
  run_xt(), run_into(), run_ldot(), run_cblas();
  const double estimate =
      std::max({seconds(run_xt), seconds(run_into), seconds(run_ldot), seconds(run_cblas)});
  row.k = static_cast<int>(std::clamp(std::ceil(target_seconds / estimate), 5.0, 2000.0));

  row.t_xt = row.t_into = row.t_ldot = row.t_cblas = std::numeric_limits<double>::infinity();
  for (int rep = 0; rep < row.k; ++rep) {  // interleaved, so that noise hits all alike
    row.t_xt = std::min(row.t_xt, seconds(run_xt));
    row.t_into = std::min(row.t_into, seconds(run_into));
    row.t_ldot = std::min(row.t_ldot, seconds(run_ldot));
    row.t_cblas = std::min(row.t_cblas, seconds(run_cblas));
  }

  // The same dgemm call on the same data should agree bit for bit; allow the rounding bound of
  // a different summation order anyway (n eps max|a| max|b| per entry, factor 4).
  row.diff = std::max(
      {max_abs_diff(c_xt, c_cblas), max_abs_diff(c_into, c_cblas), max_abs_diff(c_ldot, c_cblas)});
  row.tolerance = 4.0 * static_cast<double>(n) * std::numeric_limits<double>::epsilon() *
                  max_abs(a) * max_abs(b);
  return row;
}

double gflops(std::size_t n, double t) {
  const double nd = static_cast<double>(n);
  return 2.0 * nd * nd * nd / t * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) {
      quick = true;
    } else {
      std::fprintf(stderr, "usage: %s [--quick]\n", argv[0]);
      return std::strcmp(argv[i], "--help") == 0 ? 0 : 2;
    }
  }
  const std::vector<std::size_t> sizes =
      quick ? std::vector<std::size_t>{256, 512} : std::vector<std::size_t>{256, 512, 1024, 2048};
  const double target_seconds = quick ? 0.05 : 0.25;

  std::printf("bench_gemm: C = A B, A and B n x n standard normal (descent::Rng seed 1)\n");
  std::printf("%s\n", descent::bench::openblas_summary().c_str());
  std::printf(
      "best of k runs, times in ms, GF/s = 2 n^3 / t\n"
      "  xt    = descent::gemm(a, b), returns a new matrix\n"
      "  cblas = cblas_dgemm into a preallocated buffer\n"
      "  into  = descent::gemm(a, b, out), out preallocated\n"
      "  ldot  = `return xt::linalg::dot(a, b);` as a matrix: an xarray, copied\n"
      "  ratio = t_cblas / t_xt (goal >= 0.95; reported, not asserted), r_* = t_cblas / t_*\n\n");
  std::printf("%5s %4s %9s %9s %8s %8s %6s | %9s %6s | %9s %6s | %9s\n", "n", "k", "t_xt",
              "t_cblas", "GF/s xt", "GF/s cb", "ratio", "t_into", "r_into", "t_ldot", "r_ldot",
              "max|diff|");

  descent::Rng rng(1);
  bool agree = true;
  for (std::size_t n : sizes) {
    const Row r = measure(n, target_seconds, rng);
    std::printf("%5zu %4d %9.3f %9.3f %8.1f %8.1f %6.3f | %9.3f %6.3f | %9.3f %6.3f | %9.2g%s\n",
                r.n, r.k, r.t_xt * 1e3, r.t_cblas * 1e3, gflops(r.n, r.t_xt),
                gflops(r.n, r.t_cblas), r.t_cblas / r.t_xt, r.t_into * 1e3, r.t_cblas / r.t_into,
                r.t_ldot * 1e3, r.t_cblas / r.t_ldot, r.diff,
                r.diff <= r.tolerance ? "" : "  MISMATCH");
    std::fflush(stdout);
    if (!(r.diff <= r.tolerance)) agree = false;
  }
  if (!agree) {
    std::fprintf(stderr, "bench_gemm: descent::gemm and cblas_dgemm disagree\n");
    return 1;
  }
  return 0;
}
