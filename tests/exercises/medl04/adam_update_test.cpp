// Exercise medl04/adam_update: the ADAM, MEDL Algorithm 4.2 update.
// Compiled twice: against chapters/medl04/exercises/adam_update.hpp (the stub, every case must
// fail) and against solutions/medl04/adam_update.hpp (every case must pass).

#include "adam_update.hpp"

#include <doctest/doctest.h>

#include "update_exercise.hpp"

namespace adam_update_test {

using namespace descent::testing::update_exercise;

std::vector<std::vector<double>> steps_of_adam(int steps) {
  descent::exercises::AdamState state;
  return run("adam", steps, [&](std::vector<double>& theta, const Params& p) {
    descent::exercises::adam_update(theta, gradient(theta), state, p("alpha"), p("beta"),
                                    p("gamma"), p("epsilon"));
  });
}

TEST_CASE("adam_update: the first step from a zero state") {
  check_step("adam", steps_of_adam(1)[0], 0);
}

TEST_CASE("adam_update: three steps, the state carried between them") {
  const auto thetas = steps_of_adam(3);
  for (int t = 0; t < 3; ++t) {
    CAPTURE(t);
    check_step("adam", thetas[static_cast<std::size_t>(t)], t);
  }
}

}  // namespace adam_update_test
