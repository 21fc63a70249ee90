#include <lbfgs.h>

#include <chrono>
#include <cmath>

#include "lbfgs_peers.hpp"

namespace descent::bench {

namespace {

struct State {
  int evaluations = 0;
  int iterations = 0;
};

lbfgsfloatval_t evaluate(void* instance, const lbfgsfloatval_t* x, lbfgsfloatval_t* g, const int n,
                         const lbfgsfloatval_t) {
  ++static_cast<State*>(instance)->evaluations;
  return extended_rosenbrock(x, g, static_cast<std::size_t>(n));
}

int progress(void* instance, const lbfgsfloatval_t*, const lbfgsfloatval_t*, const lbfgsfloatval_t,
             const lbfgsfloatval_t, const lbfgsfloatval_t, const lbfgsfloatval_t, int, int k, int) {
  static_cast<State*>(instance)->iterations = k;
  return 0;
}

}  // namespace

PeerRun run_liblbfgs(std::size_t d, int m, double epsilon) {
  const int n = static_cast<int>(d);
  lbfgsfloatval_t* x = lbfgs_malloc(n);
  for (int i = 0; i < n; i += 2) {
    x[i] = -1.2;
    x[i + 1] = 1;
  }
  lbfgs_parameter_t param;
  lbfgs_parameter_init(&param);
  param.m = m;
  param.epsilon = epsilon;
  param.max_iterations = 10000;
  State state;
  lbfgsfloatval_t fx = 0;
  const auto start = std::chrono::steady_clock::now();
  const int ret = lbfgs(n, x, &fx, evaluate, progress, &state, &param);
  PeerRun r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.iterations = state.iterations;
  r.evaluations = state.evaluations;
  r.value = fx;
  lbfgsfloatval_t* g = lbfgs_malloc(n);
  extended_rosenbrock(x, g, d);
  double gg = 0;
  for (int i = 0; i < n; ++i) gg += g[i] * g[i];
  r.gradient_norm = std::sqrt(gg);
  r.status = ret == 0 ? "ok" : "code " + std::to_string(ret);
  lbfgs_free(g);
  lbfgs_free(x);
  return r;
}

}  // namespace descent::bench
