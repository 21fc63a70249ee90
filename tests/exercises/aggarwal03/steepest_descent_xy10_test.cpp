// Exercise aggarwal03/steepest_descent_xy10 (Aggarwal Exercise 6): steepest descent on x² + y¹⁰.
// References: closed forms (x_t = x_0(1 − 2α)^t, the continuous-time y_t) and numpy runs of the
// same iteration (tests/reference/generate_exercises.py). Compiled against the stub (every case
// must fail) and the solution (every case must pass).

#include "steepest_descent_xy10.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <string>

#include "exercise_figures.hpp"
#include "exercise_fixtures.hpp"

namespace steepest_descent_xy10_test {

using descent::exercises::Point;
using descent::exercises::steepest_descent_xy10;
using descent::exercises::trajectory_figure;

const descent::testing::ExerciseFixture kFixture("aggarwal03/steepest_descent_xy10");

TEST_CASE("from (0.5, 0.5) at alpha = 0.01: x shrinks geometrically, y crawls (the flat y^10)") {
  const auto path = steepest_descent_xy10({0.5, 0.5}, 0.01, 10000);
  REQUIRE(path.size() == 10001);
  CHECK(path[1].x == 0.49);          // exact: 0.5 − 0.01·2·0.5
  CHECK(path[1].y == 0.4998046875);  // exact: 0.5 − 0.01·10·0.5⁹
  for (std::size_t t = 0; t <= 50; t += 10) {
    CAPTURE(t);
    CHECK(path[t].x == doctest::Approx(0.5 * std::pow(0.98, double(t))).epsilon(1e-13));
  }
  CHECK(std::fabs(path[10000].x) < 1e-80);
  const auto last = kFixture.numbers("from_0.5_alpha_0.01/last");
  CHECK(path[10000].y == doctest::Approx(last[1]).epsilon(1e-9));  // numpy: 0.3238869939297819
  // the continuous-time solution of ẏ = −10αy⁹: y_t ≈ (y_0⁻⁸ + 80αt)^(−1/8)
  CHECK(path[10000].y ==
        doctest::Approx(std::pow(std::pow(0.5, -8) + 80 * 0.01 * 10000, -0.125)).epsilon(1e-4));
}

TEST_CASE("from (2, 2) at alpha = 0.01: y overshoots and explodes within four steps") {
  const auto path = steepest_descent_xy10({2, 2}, 0.01, 10000);
  // (1.96, −49.2), then y₂ = 1.689e14, y₃ = −1.12e127, then no finite number: the run stops
  REQUIRE(path.size() == 5);
  const auto finite = kFixture.rows("from_2_alpha_0.01/finite");
  for (std::size_t t = 0; t < 4; ++t) {
    CAPTURE(t);
    CHECK(path[t].x == doctest::Approx(finite[t][0]).epsilon(1e-15));
    CHECK(path[t].y == doctest::Approx(finite[t][1]).epsilon(1e-12));
  }
  CHECK_FALSE(std::isfinite(path[4].y));
}

TEST_CASE("from (2, 2) at alpha = 5e-4, below 2/(10 * 2^8): no explosion, but y crawls") {
  const auto path = steepest_descent_xy10({2, 2}, 5e-4, 10000);
  REQUIRE(path.size() == 10001);
  const auto last = kFixture.numbers("from_2_alpha_5e-4/last");
  CHECK(path[10000].x == doctest::Approx(last[0]).epsilon(1e-9));  // 9.0347e-5
  CHECK(path[10000].y == doctest::Approx(last[1]).epsilon(1e-9));  // −0.4595: it overshot 0
  CHECK(path[1].y == doctest::Approx(-0.56).epsilon(1e-12));       // 2 − 5e-4·10·2⁹
}

TEST_CASE(
    "trajectory_figure: your trajectories as the figure of Exercise 6, written to the build tree") {
  const auto result = trajectory_figure(0.01, 5e-4, 10000);
  REQUIRE(result.figures.size() == 1);
  CHECK(result.find_series("from (0.5, 0.5)").rows.size() == 10001);
  CHECK(result.find_series("from (2, 2)").rows.size() == 4);  // the finite iterates
  CHECK(result.find_series("from (2, 2), smaller rate").rows.size() == 10001);
  const std::string dir =
      descent::testing::write_exercise_figures(result, "aggarwal03", "steepest_descent_xy10");
  CHECK(std::ifstream(dir + "/exercise-6.tsv").good());
  CHECK(std::ifstream(dir + "/exercise-6.gp").good());
}

}  // namespace steepest_descent_xy10_test
