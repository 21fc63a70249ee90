// The consumer project's program: L-BFGS (MEDL Algorithm 4.3) on the Rosenbrock function
// (MEDL (4.9)) from the classical start (-1.2, 1). It prints the run and exits 0 only if the
// run converged to the known minimizer (1, 1): a broken link or a wrong build shows up as a
// failure, not as a line nobody reads.
#include <cmath>
#include <cstdio>

#include "descent/optim/quasi_newton.hpp"
#include "descent/problems/rosenbrock.hpp"

int main() {
  const descent::problems::Rosenbrock objective;  // a = 1, b = 100
  const descent::vector theta0 = objective.initial_point();
  const descent::optim::QuasiNewtonRun run = descent::optim::lbfgs(objective, theta0);
  const descent::optim::Iterate& last = run.trajectory.last();
  std::printf("%s from (%g, %g): %s\n", objective.name().c_str(), theta0(0), theta0(1),
              run.trajectory.status.to_string().c_str());
  std::printf("theta = (%.10f, %.10f), C(theta) = %.3e, %d evaluations\n", last.theta(0),
              last.theta(1), last.value, run.trajectory.evaluations);
  // The minimizer is (a, a^2) = (1, 1); the run stops at |grad C| < 1e-10, so θ is far closer
  // than 1e-6 (C is locally quadratic with a Hessian of norm about 1000).
  const bool at_minimizer =
      std::fabs(last.theta(0) - 1) < 1e-6 && std::fabs(last.theta(1) - 1) < 1e-6;
  if (!run.trajectory.status.converged() || !at_minimizer) {
    std::fprintf(stderr, "rosenbrock_lbfgs: did not reach the minimizer (1, 1)\n");
    return 1;
  }
  return 0;
}
