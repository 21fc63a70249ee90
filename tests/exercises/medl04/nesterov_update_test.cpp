// Exercise medl04/nesterov_update: the Nesterov momentum, MEDL (4.33)-(4.34) update.
// Compiled twice: against chapters/medl04/exercises/nesterov_update.hpp (the stub, every case must
// fail) and against solutions/medl04/nesterov_update.hpp (every case must pass).

#include "nesterov_update.hpp"

#include <doctest/doctest.h>

#include "update_exercise.hpp"

namespace nesterov_update_test {

using namespace descent::testing::update_exercise;

std::vector<std::vector<double>> steps_of_nesterov(int steps) {
  descent::exercises::NesterovState state;
  return run("nesterov", steps, [&](std::vector<double>& theta, const Params& p) {
    descent::exercises::nesterov_update(theta, gradient, state, p("alpha"), p("beta"));
  });
}

TEST_CASE("nesterov_update: the first step from a zero state") {
  check_step("nesterov", steps_of_nesterov(1)[0], 0);
}

TEST_CASE("nesterov_update: three steps, the state carried between them") {
  const auto thetas = steps_of_nesterov(3);
  for (int t = 0; t < 3; ++t) {
    CAPTURE(t);
    check_step("nesterov", thetas[static_cast<std::size_t>(t)], t);
  }
}

}  // namespace nesterov_update_test
