// Exercise medl04/adadelta_update: the Adadelta, MEDL (4.38) update.
// Compiled twice: against chapters/medl04/exercises/adadelta_update.hpp (the stub, every case must
// fail) and against solutions/medl04/adadelta_update.hpp (every case must pass).

#include "adadelta_update.hpp"

#include <doctest/doctest.h>

#include "update_exercise.hpp"

namespace adadelta_update_test {

using namespace descent::testing::update_exercise;

std::vector<std::vector<double>> steps_of_adadelta(int steps) {
  descent::exercises::AdadeltaState state;
  return run("adadelta", steps, [&](std::vector<double>& theta, const Params& p) {
    descent::exercises::adadelta_update(theta, gradient(theta), state, p("gamma"), p("rho"),
                                        p("epsilon"));
  });
}

TEST_CASE("adadelta_update: the first step from a zero state") {
  check_step("adadelta", steps_of_adadelta(1)[0], 0);
}

TEST_CASE("adadelta_update: three steps, the state carried between them") {
  const auto thetas = steps_of_adadelta(3);
  for (int t = 0; t < 3; ++t) {
    CAPTURE(t);
    check_step("adadelta", thetas[static_cast<std::size_t>(t)], t);
  }
}

}  // namespace adadelta_update_test
