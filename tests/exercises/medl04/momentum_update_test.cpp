// Exercise medl04/momentum_update: the momentum, MEDL (4.16)-(4.17) update.
// Compiled twice: against chapters/medl04/exercises/momentum_update.hpp (the stub, every case must
// fail) and against solutions/medl04/momentum_update.hpp (every case must pass).

#include "momentum_update.hpp"

#include <doctest/doctest.h>

#include "update_exercise.hpp"

namespace momentum_update_test {

using namespace descent::testing::update_exercise;

std::vector<std::vector<double>> steps_of_momentum(int steps) {
  descent::exercises::MomentumState state;
  return run("momentum", steps, [&](std::vector<double>& theta, const Params& p) {
    descent::exercises::momentum_update(theta, gradient(theta), state, p("alpha"), p("beta"));
  });
}

TEST_CASE("momentum_update: the first step from a zero state") {
  check_step("momentum", steps_of_momentum(1)[0], 0);
}

TEST_CASE("momentum_update: three steps, the state carried between them") {
  const auto thetas = steps_of_momentum(3);
  for (int t = 0; t < 3; ++t) {
    CAPTURE(t);
    check_step("momentum", thetas[static_cast<std::size_t>(t)], t);
  }
}

}  // namespace momentum_update_test
