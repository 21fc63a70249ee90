#pragma once
// The peers of bench_lbfgs, each in its own translation unit (Eigen for LBFGSpp, the C API of
// libLBFGS), minimizing the same extended Rosenbrock from (−1.2, 1, ...).
#include <cstddef>
#include <string>

namespace descent::bench {

struct PeerRun {
  int iterations = 0;
  int evaluations = 0;  ///< objective calls (value and gradient together)
  double value = 0;
  double gradient_norm = 0;
  double seconds = 0;  ///< solver time, excluding allocation of the start point
  std::string status;
};

/// LBFGSpp with LineSearchBacktracking and LBFGS_LINESEARCH_BACKTRACKING_STRONG_WOLFE.
PeerRun run_lbfgspp_backtracking(std::size_t d, int m, double epsilon);
/// LBFGSpp with LineSearchNocedalWright (strong Wolfe, bracketing and zoom).
PeerRun run_lbfgspp_nocedal_wright(std::size_t d, int m, double epsilon);
/// libLBFGS with its default More–Thuente line search.
PeerRun run_liblbfgs(std::size_t d, int m, double epsilon);

/// Σ (1 − x₂ᵢ₋₁)² + 100(x₂ᵢ − x₂ᵢ₋₁²)² and its gradient over raw arrays: the same loop as
/// descent::problems::ExtendedRosenbrock, for the peers.
double extended_rosenbrock(const double* x, double* g, std::size_t d);

}  // namespace descent::bench
