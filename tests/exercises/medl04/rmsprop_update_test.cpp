// Exercise medl04/rmsprop_update: the RMSprop, MEDL (4.21)-(4.22) update.
// Compiled twice: against chapters/medl04/exercises/rmsprop_update.hpp (the stub, every case must
// fail) and against solutions/medl04/rmsprop_update.hpp (every case must pass).

#include "rmsprop_update.hpp"

#include <doctest/doctest.h>

#include "update_exercise.hpp"

namespace rmsprop_update_test {

using namespace descent::testing::update_exercise;

std::vector<std::vector<double>> steps_of_rmsprop(int steps) {
  descent::exercises::RmspropState state;
  return run("rmsprop", steps, [&](std::vector<double>& theta, const Params& p) {
    descent::exercises::rmsprop_update(theta, gradient(theta), state, p("alpha"), p("gamma"),
                                       p("epsilon"));
  });
}

TEST_CASE("rmsprop_update: the first step from a zero state") {
  check_step("rmsprop", steps_of_rmsprop(1)[0], 0);
}

TEST_CASE("rmsprop_update: three steps, the state carried between them") {
  const auto thetas = steps_of_rmsprop(3);
  for (int t = 0; t < 3; ++t) {
    CAPTURE(t);
    check_step("rmsprop", thetas[static_cast<std::size_t>(t)], t);
  }
}

}  // namespace rmsprop_update_test
