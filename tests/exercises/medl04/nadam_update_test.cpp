// Exercise medl04/nadam_update: the Nadam, MEDL §4.5 update.
// Compiled twice: against chapters/medl04/exercises/nadam_update.hpp (the stub, every case must
// fail) and against solutions/medl04/nadam_update.hpp (every case must pass).

#include "nadam_update.hpp"

#include <doctest/doctest.h>

#include "update_exercise.hpp"

namespace nadam_update_test {

using namespace descent::testing::update_exercise;

std::vector<std::vector<double>> steps_of_nadam(int steps) {
  descent::exercises::NadamState state;
  return run("nadam", steps, [&](std::vector<double>& theta, const Params& p) {
    descent::exercises::nadam_update(theta, gradient(theta), state, p("alpha"), p("beta"),
                                     p("gamma"), p("epsilon"));
  });
}

TEST_CASE("nadam_update: the first step from a zero state") {
  check_step("nadam", steps_of_nadam(1)[0], 0);
}

TEST_CASE("nadam_update: three steps, the state carried between them") {
  const auto thetas = steps_of_nadam(3);
  for (int t = 0; t < 3; ++t) {
    CAPTURE(t);
    check_step("nadam", thetas[static_cast<std::size_t>(t)], t);
  }
}

}  // namespace nadam_update_test
