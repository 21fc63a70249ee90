// Exercise medl04/adamax_update: the Adamax, MEDL (4.41)-(4.42) update.
// Compiled twice: against chapters/medl04/exercises/adamax_update.hpp (the stub, every case must
// fail) and against solutions/medl04/adamax_update.hpp (every case must pass).

#include "adamax_update.hpp"

#include <doctest/doctest.h>

#include "update_exercise.hpp"

namespace adamax_update_test {

using namespace descent::testing::update_exercise;

std::vector<std::vector<double>> steps_of_adamax(int steps) {
  descent::exercises::AdamaxState state;
  return run("adamax", steps, [&](std::vector<double>& theta, const Params& p) {
    descent::exercises::adamax_update(theta, gradient(theta), state, p("alpha"), p("beta"),
                                      p("gamma"), p("epsilon"));
  });
}

TEST_CASE("adamax_update: the first step from a zero state") {
  check_step("adamax", steps_of_adamax(1)[0], 0);
}

TEST_CASE("adamax_update: three steps, the state carried between them") {
  const auto thetas = steps_of_adamax(3);
  for (int t = 0; t < 3; ++t) {
    CAPTURE(t);
    check_step("adamax", thetas[static_cast<std::size_t>(t)], t);
  }
}

}  // namespace adamax_update_test
