// Exercise medl04/adagrad_update: the Adagrad, MEDL (4.21)-(4.22) update.
// Compiled twice: against chapters/medl04/exercises/adagrad_update.hpp (the stub, every case must
// fail) and against solutions/medl04/adagrad_update.hpp (every case must pass).

#include "adagrad_update.hpp"

#include <doctest/doctest.h>

#include "update_exercise.hpp"

namespace adagrad_update_test {

using namespace descent::testing::update_exercise;

std::vector<std::vector<double>> steps_of_adagrad(int steps) {
  descent::exercises::AdagradState state;
  return run("adagrad", steps, [&](std::vector<double>& theta, const Params& p) {
    descent::exercises::adagrad_update(theta, gradient(theta), state, p("alpha"), p("epsilon"));
  });
}

TEST_CASE("adagrad_update: the first step from a zero state") {
  check_step("adagrad", steps_of_adagrad(1)[0], 0);
}

TEST_CASE("adagrad_update: three steps, the state carried between them") {
  const auto thetas = steps_of_adagrad(3);
  for (int t = 0; t < 3; ++t) {
    CAPTURE(t);
    check_step("adagrad", thetas[static_cast<std::size_t>(t)], t);
  }
}

}  // namespace adagrad_update_test
