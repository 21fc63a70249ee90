// bench_lbfgs: descent's L-BFGS against LBFGSpp and libLBFGS, side by side in one run
// (docs/pages/design.md, build budget, issue 5). Extended Rosenbrock, start (−1.2, 1, ...), m = 6,
// stop when ‖∇C‖ <= 1e-5 max(1, ‖θ‖) (the criterion both peers use), at d = 10³, 10⁵, 10⁶.
// LBFGSpp runs with a strong-Wolfe line search: with its default Armijo-only search it does
// not reach the tolerance on this problem.
//
// Every solver evaluates the same objective the same way: one loop over raw arrays
// (descent::bench::extended_rosenbrock for the peers, the identical loop in
// descent::problems::ExtendedRosenbrock::value_and_gradient for descent), so the comparison
// measures the optimizers, not the objectives.
//
// Each solver runs `repeats` times, the solvers interleaved (round r starts with solver r mod 4)
// so that a burst of load on the shared machine hits all of them alike. Printed per d:
// iterations, evaluations, final C, the median and the minimum wall time, the median CPU time
// of the thread, and the ratios of our medians to the faster peer's (goal <= 1.0 at d = 10⁶
// with no more evaluations). Timings are reported, never asserted. Exit status 1 only if our
// run does not converge (the smoke test checks that).
//
// Usage: bench_lbfgs [--quick] [--dims D1,D2,...] [--repeats K] [--only NAME] [--json FILE]
//   --quick      d = 1000, one run each
//   --dims       the dimensions (even), default 1000,100000,1000000
//   --repeats    runs per solver and d (default 51 at d <= 10^3, 11 at d <= 10^5, 5 above)
//   --only       run one solver: descent, lbfgspp, lbfgspp-nw or liblbfgs (for profiling)
//   --json       also write the results to FILE (bench/results.hpp; bench/make_page.py)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "descent/optim/quasi_newton.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "lbfgs_peers.hpp"
#include "measure.hpp"
#include "openblas_info.hpp"
#include "results.hpp"

namespace {

using descent::bench::median;
using descent::bench::PeerRun;
using descent::bench::thread_cpu_seconds;

constexpr int kMemory = 6;
constexpr double kEpsilon = 1e-5;

PeerRun run_descent(std::size_t d) {
  const descent::problems::ExtendedRosenbrock f(d);
  descent::optim::QuasiNewtonOptions o;
  o.m = kMemory;
  o.stop.max_iterations = 10000;
  o.stop.gradient_tolerance = 0;
  o.relative_gradient_tolerance = kEpsilon;
  o.record_theta = false;
  o.line_search = descent::optim::WolfeOptions{};  // strong Wolfe
  const descent::vector theta0 = f.initial_point();
  const auto run = descent::optim::lbfgs(f, theta0, o);
  PeerRun r;
  r.iterations = run.trajectory.status.iterations;
  r.evaluations = run.trajectory.evaluations;
  r.value = run.trajectory.last().value;
  r.gradient_norm = run.trajectory.last().gradient_norm;
  r.status = run.trajectory.status.converged() ? "ok" : run.trajectory.status.to_string();
  return r;
}

struct Solver {
  const char* key;
  const char* name;
  std::function<PeerRun(std::size_t)> run;
  bool peer;
};

struct Timed {
  PeerRun last;
  std::vector<double> wall, cpu;
};

std::vector<std::size_t> parse_dims(const char* text) {
  std::vector<std::size_t> dims;
  for (const char* p = text; *p;) {
    char* end = nullptr;
    const long v = std::strtol(p, &end, 10);
    if (end == p || v < 2 || v % 2) {
      std::fprintf(stderr, "bench_lbfgs: --dims %s: allowed: even integers >= 2, comma-separated\n",
                   text);
      std::exit(2);
    }
    dims.push_back(static_cast<std::size_t>(v));
    p = *end == ',' ? end + 1 : end;
  }
  return dims;
}

}  // namespace

int main(int argc, char** argv) {
  int repeats = 0;
  std::string only;
  std::vector<std::size_t> dims{1000, 100000, 1000000};
  std::string json;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--quick") {
      dims = {1000};
      repeats = 1;
    } else if (a == "--dims" && i + 1 < argc) {
      dims = parse_dims(argv[++i]);
    } else if (a == "--repeats" && i + 1 < argc) {
      repeats = std::atoi(argv[++i]);
      if (repeats < 1) {
        std::fprintf(stderr, "bench_lbfgs: --repeats %s: allowed: an integer >= 1\n", argv[i]);
        return 2;
      }
    } else if (a == "--only" && i + 1 < argc) {
      only = argv[++i];
    } else if (descent::bench::json_option(argc, argv, i, json)) {
    } else {
      std::fprintf(stderr,
                   "bench_lbfgs: unknown argument %s; allowed: --quick, --dims D1,D2,..., "
                   "--repeats K, --only descent|lbfgspp|lbfgspp-nw|liblbfgs, --json FILE\n",
                   a.c_str());
      return 2;
    }
  }
  std::vector<Solver> solvers{
      {"descent", "descent L-BFGS (strong Wolfe zoom)", run_descent, false},
      {"lbfgspp", "LBFGSpp Backtracking+StrongWolfe",
       [](std::size_t d) { return descent::bench::run_lbfgspp_backtracking(d, kMemory, kEpsilon); },
       true},
      {"lbfgspp-nw", "LBFGSpp NocedalWright",
       [](std::size_t d) {
         return descent::bench::run_lbfgspp_nocedal_wright(d, kMemory, kEpsilon);
       },
       true},
      {"liblbfgs", "libLBFGS More-Thuente",
       [](std::size_t d) { return descent::bench::run_liblbfgs(d, kMemory, kEpsilon); }, true}};
  if (!only.empty()) {
    std::erase_if(solvers, [&](const Solver& s) { return only != s.key; });
    if (solvers.empty()) {
      std::fprintf(stderr,
                   "bench_lbfgs: --only %s; allowed: descent, lbfgspp, lbfgspp-nw, "
                   "liblbfgs\n",
                   only.c_str());
      return 2;
    }
  }
  std::printf("bench_lbfgs: extended Rosenbrock, m = %d, |grad| <= %g max(1, |theta|)\n", kMemory,
              kEpsilon);
  std::printf("%s, load average %s\n", descent::bench::openblas_summary().c_str(),
              descent::bench::load_average_text().c_str());
  std::printf("(the solvers run on one thread; OpenBLAS is not called by any of them)\n");
  descent::bench::Results results("lbfgs",
                                  "L-BFGS: descent against LBFGSpp and libLBFGS on extended "
                                  "Rosenbrock",
                                  argc, argv);
  results.parameters()["memory"] = kMemory;
  results.parameters()["stop"] = "|grad C| <= 1e-5 max(1, |theta|)";
  results.parameters()["dims"] = dims;
  auto& runs = results.table("runs", "Every solver at every d (times in ms)",
                             {{"d", "d", ""},
                              {"solver", "solver", ""},
                              {"iterations", "iterations", ""},
                              {"evaluations", "evaluations", ""},
                              {"runs", "runs", ""},
                              {"wall_median", "wall median", "ms"},
                              {"wall_min", "wall min", "ms"},
                              {"cpu_median", "CPU median", "ms"},
                              {"status", "status", ""}});
  auto& ratios = results.table("ratios", "Ours against the faster converged peer (medians)",
                               {{"d", "d", ""},
                                {"peer", "faster peer", ""},
                                {"wall_ratio", "wall ratio", ""},
                                {"cpu_ratio", "CPU ratio", ""},
                                {"evaluations", "evaluations, ours", ""},
                                {"peer_evaluations", "evaluations, peer", ""}});
  std::printf("%-34s %8s %5s %5s %10s %10s %5s %10s %10s %10s  %s\n", "solver", "d", "iters",
              "evals", "final C", "|grad C|", "runs", "wall med", "wall min", "cpu med", "status");
  bool ok = true;
  for (const std::size_t d : dims) {
    const int k = repeats ? repeats : (d <= 1000 ? 51 : d <= 100000 ? 11 : 5);
    std::vector<Timed> timed(solvers.size());
    for (int round = 0; round < k; ++round)
      for (std::size_t j = 0; j < solvers.size(); ++j) {
        const std::size_t s = (j + static_cast<std::size_t>(round)) % solvers.size();
        const double cpu0 = thread_cpu_seconds();
        const auto wall0 = std::chrono::steady_clock::now();
        PeerRun r = solvers[s].run(d);
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
        timed[s].cpu.push_back(thread_cpu_seconds() - cpu0);
        timed[s].wall.push_back(wall);
        timed[s].last = std::move(r);
      }
    for (std::size_t s = 0; s < solvers.size(); ++s) {
      const auto& t = timed[s];
      runs.push_back({{"d", d},
                      {"solver", solvers[s].name},
                      {"iterations", t.last.iterations},
                      {"evaluations", t.last.evaluations},
                      {"runs", k},
                      {"wall_median", 1e3 * median(t.wall)},
                      {"wall_min", 1e3 * *std::min_element(t.wall.begin(), t.wall.end())},
                      {"cpu_median", 1e3 * median(t.cpu)},
                      {"status", t.last.status}});
      std::printf("%-34s %8zu %5d %5d %10.3e %10.3e %5d %10.3f %10.3f %10.3f  %s\n",
                  solvers[s].name, d, t.last.iterations, t.last.evaluations, t.last.value,
                  t.last.gradient_norm, k, 1e3 * median(t.wall),
                  1e3 * *std::min_element(t.wall.begin(), t.wall.end()), 1e3 * median(t.cpu),
                  t.last.status.c_str());
    }
    // ours against the faster converged peer, by median wall time and by median CPU time
    if (!solvers.front().peer && solvers.size() > 1) {
      std::size_t by_wall = 0, by_cpu = 0;
      for (std::size_t s = 1; s < solvers.size(); ++s) {
        if (timed[s].last.status != "ok") continue;
        if (!by_wall || median(timed[s].wall) < median(timed[by_wall].wall)) by_wall = s;
        if (!by_cpu || median(timed[s].cpu) < median(timed[by_cpu].cpu)) by_cpu = s;
      }
      if (by_wall)
        ratios.push_back({{"d", d},
                          {"peer", solvers[by_wall].key},
                          {"wall_ratio", median(timed[0].wall) / median(timed[by_wall].wall)},
                          {"cpu_ratio", median(timed[0].cpu) / median(timed[by_cpu].cpu)},
                          {"evaluations", timed[0].last.evaluations},
                          {"peer_evaluations", timed[by_wall].last.evaluations}});
      if (by_wall)
        std::printf(
            "  ratio d = %zu: median wall ours / %s = %.3f, median cpu ours / %s = %.3f; "
            "evaluations %d vs %d\n",
            d, solvers[by_wall].key, median(timed[0].wall) / median(timed[by_wall].wall),
            solvers[by_cpu].key, median(timed[0].cpu) / median(timed[by_cpu].cpu),
            timed[0].last.evaluations, timed[by_wall].last.evaluations);
    }
    if (!solvers.front().peer) ok = ok && timed[0].last.status == "ok";
  }
  results.chart({"descent's L-BFGS time over the faster peer's (below 1: faster)", "ratios", "d",
                 "d (variables)", std::vector<std::string>{"wall_ratio", "cpu_ratio"},
                 "ours / faster peer", true, false, 1.0, "goal: 1"});
  if (!json.empty() && !results.write(json)) return 1;
  if (!ok) std::printf("FAILED: descent's L-BFGS did not converge\n");
  return ok ? 0 : 1;
}
