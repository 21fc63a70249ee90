// bench_gemm: descent::gemm (xtensor-blas) against raw cblas_dgemm, side by side in one run
// (docs/pages/design.md, build budget, issue 17). C = A B for n x n standard normal matrices.
// Timed variants:
//   cblas   cblas_dgemm into a preallocated buffer: the reference
//   xt      descent::gemm(a, b), returning a new matrix (the result is fresh memory)
//   into    descent::gemm(a, b, out) into a preallocated matrix
//   ldot    `return xt::linalg::dot(a, b);` from a function returning a matrix: the xarray that
//           dot returns is copied into a new matrix (what descent::gemm avoids)
//   fresh   cblas_dgemm into a buffer just taken from malloc: what first touching a new result
//           costs the raw call, without any of descent's code
// The variants run interleaved, round after round (the first one rotating), so that a burst
// of load hits all alike; each variant's time is the median of its wall times (OpenBLAS's
// threads make the calling thread's CPU time meaningless here), with the minimum beside it.
// Page faults per call (getrusage, minor faults of the process) show where a fresh result's
// time goes: a 2048 x 2048 result is 8192 pages of 4 KiB.
//
// Printed per n: median and minimum times, GFLOP/s (2 n^3 / t), faults per call, and the
// ratios t_cblas / t_variant (goal >= 0.95 for xt and into). Ratios are reported, never
// asserted. The exit status is 1 only if a product disagrees with cblas beyond rounding.
//
// Usage: bench_gemm [--quick] [--sizes N1,N2,...] [--repeats K] [--json FILE]
//   --quick    n = 256 and 512, 3 rounds (the ctest smoke test)
//   --sizes    default 256,512,1024,2048
//   --repeats  rounds (default: about 1.5 s per variant, between 15 and 200)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>
#include <xtensor-blas/xlinalg.hpp>  // for the ldot variant; no <cblas.h> in this TU

#include "cblas_gemm.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"
#include "measure.hpp"
#include "openblas_info.hpp"
#include "results.hpp"

namespace {

using descent::bench::median;
using descent::bench::minimum;

long minor_faults() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

double max_abs(const descent::matrix& m) {
  double r = 0.0;
  for (double x : m) r = std::max(r, std::abs(x));
  return r;
}

double max_abs_diff(const descent::matrix& x, const double* y) {
  double r = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) r = std::max(r, std::abs(x.flat(i) - y[i]));
  return r;
}

struct Variant {
  Variant(const char* k, std::function<void()> f) : key(k), run(std::move(f)) {}
  const char* key;
  std::function<void()> run;
  std::vector<double> wall;
  long faults = 0;  // minor page faults in all timed calls
  [[nodiscard]] double t() const { return median(wall); }
};

double gflops(std::size_t n, double t) {
  const double nd = static_cast<double>(n);
  return 2.0 * nd * nd * nd / t * 1e-9;
}

std::vector<std::size_t> parse_sizes(const char* text) {
  std::vector<std::size_t> sizes;
  for (const char* p = text; *p;) {
    char* end = nullptr;
    const long v = std::strtol(p, &end, 10);
    if (end == p || v < 1 || v > 16384 || (*end != ',' && *end != '\0')) {
      std::fprintf(stderr, "bench_gemm: --sizes %s: allowed: integers 1..16384, comma-separated\n",
                   text);
      std::exit(2);
    }
    sizes.push_back(static_cast<std::size_t>(v));
    p = *end == ',' ? end + 1 : end;
  }
  return sizes;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes{256, 512, 1024, 2048};
  int repeats = 0;
  double target_seconds = 1.5;
  std::string json;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--quick") {
      sizes = {256, 512};
      repeats = 3;
    } else if (a == "--sizes" && i + 1 < argc) {
      sizes = parse_sizes(argv[++i]);
    } else if (a == "--repeats" && i + 1 < argc) {
      repeats = std::atoi(argv[++i]);
      if (repeats < 1) {
        std::fprintf(stderr, "bench_gemm: --repeats %s: allowed: an integer >= 1\n", argv[i]);
        return 2;
      }
    } else if (!descent::bench::json_option(argc, argv, i, json)) {
      std::fprintf(stderr,
                   "bench_gemm: unknown argument %s; allowed: --quick, --sizes N1,N2,..., "
                   "--repeats K, --json FILE\n",
                   a.c_str());
      return a == "--help" ? 0 : 2;
    }
  }

  descent::bench::Results results(
      "gemm", "GEMM: descent::gemm (xtensor-blas) against raw cblas_dgemm", argc, argv);
  std::printf("bench_gemm: C = A B, A and B n x n standard normal (descent::Rng seed 1)\n");
  std::printf("%s, load average %s\n", descent::bench::openblas_summary().c_str(),
              descent::bench::load_average_text().c_str());
  std::printf(
      "median (min) wall time per call in ms over interleaved rounds; GF/s = 2 n^3 / median;\n"
      "faults = minor page faults per call; r_* = t_cblas / t_* (goal >= 0.95 for xt, into)\n"
      "  cblas = cblas_dgemm into a preallocated buffer   xt   = descent::gemm(a, b), a new "
      "matrix\n"
      "  into  = descent::gemm(a, b, out), preallocated   ldot = `return xt::linalg::dot(a, b);`\n"
      "  fresh = cblas_dgemm into a buffer fresh from malloc (first touch, no descent code)\n\n");

  auto& rows = results.table("gemm", "Median wall time per product",
                             {{"n", "n", ""},
                              {"rounds", "rounds", ""},
                              {"cblas", "cblas", "ms"},
                              {"xt", "xt", "ms"},
                              {"into", "into", "ms"},
                              {"ldot", "ldot", "ms"},
                              {"fresh", "fresh", "ms"},
                              {"gflops_cblas", "GFLOP/s cblas", ""},
                              {"faults_xt", "faults xt", ""},
                              {"faults_fresh", "faults fresh", ""},
                              {"r_xt", "cblas / xt", ""},
                              {"r_into", "cblas / into", ""},
                              {"r_ldot", "cblas / ldot", ""},
                              {"r_fresh", "cblas / fresh", ""}});
  results.parameters()["sizes"] = sizes;
  results.parameters()["timing"] = "median wall time over interleaved rounds";

  descent::Rng rng(1);
  bool agree = true;
  for (std::size_t n : sizes) {
    const descent::matrix a = rng.normal_matrix(n, n);
    const descent::matrix b = rng.normal_matrix(n, n);
    descent::matrix c_xt, c_ldot;
    descent::matrix c_into = descent::matrix::from_shape({n, n});
    std::vector<double> c_cblas(n * n);
    std::unique_ptr<double[]> c_fresh;
    auto dot_returned = [&]() -> descent::matrix { return xt::linalg::dot(a, b); };
    std::vector<Variant> variants;
    variants.emplace_back(
        "cblas", [&] { descent::bench::cblas_gemm(n, n, n, a.data(), b.data(), c_cblas.data()); });
    variants.emplace_back("xt", [&] { c_xt = descent::gemm(a, b); });
    variants.emplace_back("into", [&] { descent::gemm(a, b, c_into); });
    variants.emplace_back("ldot", [&] { c_ldot = dot_returned(); });
    variants.emplace_back("fresh", [&] {
      // a new buffer replaces the previous one, as c_xt's storage does
      c_fresh.reset(new double[n * n]);
      descent::bench::cblas_gemm(n, n, n, a.data(), b.data(), c_fresh.get());
    });
    // warm-up (threads started, buffers touched), then rounds for about target_seconds each
    double slowest = 0;
    for (auto& v : variants) {
      v.run();
      const auto start = std::chrono::steady_clock::now();
      v.run();
      slowest = std::max(
          slowest, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    const int rounds =
        repeats ? repeats
                : static_cast<int>(std::clamp(std::ceil(target_seconds / slowest), 15.0, 200.0));
    for (int r = 0; r < rounds; ++r)
      for (std::size_t j = 0; j < variants.size(); ++j) {
        Variant& v = variants[(j + static_cast<std::size_t>(r)) % variants.size()];
        const long faults = minor_faults();
        const auto start = std::chrono::steady_clock::now();
        v.run();
        v.wall.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        v.faults += minor_faults() - faults;
      }
    auto t = [&](const char* key) {
      for (const auto& v : variants)
        if (std::strcmp(v.key, key) == 0) return v.t();
      return 0.0;
    };
    auto faults = [&](const char* key) {
      for (const auto& v : variants)
        if (std::strcmp(v.key, key) == 0) return double(v.faults) / rounds;
      return 0.0;
    };

    // The same dgemm call on the same data agrees bit for bit; allow the rounding bound of a
    // different summation order anyway (n eps max|a| max|b| per entry, factor 4).
    const double tolerance = 4.0 * static_cast<double>(n) * std::numeric_limits<double>::epsilon() *
                             max_abs(a) * max_abs(b);
    const double diff =
        std::max({max_abs_diff(c_xt, c_cblas.data()), max_abs_diff(c_into, c_cblas.data()),
                  max_abs_diff(c_ldot, c_cblas.data()), max_abs_diff(c_xt, c_fresh.get())});
    if (!(diff <= tolerance)) agree = false;

    std::printf("n = %zu, %d rounds, load average %s%s\n", n, rounds,
                descent::bench::load_average_text().c_str(), diff <= tolerance ? "" : "  MISMATCH");
    std::printf("  %-6s %11s %11s %9s %9s %8s\n", "", "median ms", "min ms", "GF/s", "faults",
                "r_*");
    for (const auto& v : variants)
      std::printf("  %-6s %11.3f %11.3f %9.1f %9.0f %8.3f\n", v.key, 1e3 * v.t(),
                  1e3 * minimum(v.wall), gflops(n, v.t()), double(v.faults) / rounds,
                  t("cblas") / v.t());
    std::fflush(stdout);
    rows.push_back({{"n", n},
                    {"rounds", rounds},
                    {"cblas", 1e3 * t("cblas")},
                    {"xt", 1e3 * t("xt")},
                    {"into", 1e3 * t("into")},
                    {"ldot", 1e3 * t("ldot")},
                    {"fresh", 1e3 * t("fresh")},
                    {"gflops_cblas", gflops(n, t("cblas"))},
                    {"faults_xt", faults("xt")},
                    {"faults_fresh", faults("fresh")},
                    {"r_xt", t("cblas") / t("xt")},
                    {"r_into", t("cblas") / t("into")},
                    {"r_ldot", t("cblas") / t("ldot")},
                    {"r_fresh", t("cblas") / t("fresh")}});
  }
  results.chart({"Raw cblas_dgemm time over ours (1 = as fast as cblas)", "gemm", "n", "n",
                 std::vector<std::string>{"r_xt", "r_into", "r_ldot", "r_fresh"},
                 "t_cblas / t_variant", true, false, 0.95, "goal: 0.95"});
  if (!json.empty() && !results.write(json)) return 1;
  if (!agree) {
    std::fprintf(stderr, "bench_gemm: descent::gemm and cblas_dgemm disagree\n");
    return 1;
  }
  return 0;
}
