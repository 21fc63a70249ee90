#include <LBFGS.h>

#include <Eigen/Core>
#include <chrono>
#include <exception>

#include "lbfgs_peers.hpp"

namespace descent::bench {

double extended_rosenbrock(const double* x, double* g, std::size_t d) {
  double sum = 0;
  for (std::size_t i = 0; i < d; i += 2) {
    const double u = 1 - x[i], w = x[i + 1] - x[i] * x[i];
    sum += u * u + 100 * w * w;
    g[i] = -2 * u - 400 * x[i] * w;
    g[i + 1] = 200 * w;
  }
  return sum;
}

namespace {

struct Functor {
  int evaluations = 0;
  double operator()(const Eigen::VectorXd& x, Eigen::VectorXd& g) {
    ++evaluations;
    return extended_rosenbrock(x.data(), g.data(), static_cast<std::size_t>(x.size()));
  }
};

template <template <class> class LineSearch>
PeerRun run(std::size_t d, int m, double epsilon, int linesearch) {
  LBFGSpp::LBFGSParam<double> param;
  param.m = m;
  param.epsilon = epsilon;
  param.epsilon_rel = epsilon;
  param.max_iterations = 10000;
  param.linesearch = linesearch;
  Eigen::VectorXd x(static_cast<Eigen::Index>(d));
  for (std::size_t i = 0; i < d; i += 2) {
    x[static_cast<Eigen::Index>(i)] = -1.2;
    x[static_cast<Eigen::Index>(i + 1)] = 1;
  }
  Functor f;
  PeerRun r;
  double fx = 0;
  const auto start = std::chrono::steady_clock::now();
  try {
    LBFGSpp::LBFGSSolver<double, LineSearch> solver(param);
    r.iterations = solver.minimize(f, x, fx);
    r.status = "ok";
  } catch (const std::exception& e) {
    r.status = e.what();
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.evaluations = f.evaluations;
  r.value = fx;
  Eigen::VectorXd g(x.size());
  extended_rosenbrock(x.data(), g.data(), d);
  r.gradient_norm = g.norm();
  return r;
}

}  // namespace

PeerRun run_lbfgspp_backtracking(std::size_t d, int m, double epsilon) {
  return run<LBFGSpp::LineSearchBacktracking>(d, m, epsilon,
                                              LBFGSpp::LBFGS_LINESEARCH_BACKTRACKING_STRONG_WOLFE);
}

PeerRun run_lbfgspp_nocedal_wright(std::size_t d, int m, double epsilon) {
  return run<LBFGSpp::LineSearchNocedalWright>(d, m, epsilon,
                                               LBFGSpp::LBFGS_LINESEARCH_BACKTRACKING_STRONG_WOLFE);
}

}  // namespace descent::bench
