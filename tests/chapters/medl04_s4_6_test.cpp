// MEDL §4.6, univariate Newton and secant: every item against the values the book
// prints and against tests/reference/fixtures/medl04_s4_6.json (exact rational
// iterations and scipy.optimize.newton, see tests/reference/generate.py).

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"
#include "descent/optim/newton_1d.hpp"
#include "fixtures.hpp"

using descent::app::compute;
using descent::testing::load_fixture;

namespace {

using descent::testing::medl04;

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(medl04(), id);
}

using descent::testing::cell;
using descent::testing::text_cell;

// Float64 iterates against exact rational ones: a Newton step loses a few ulps, and the
// catalogue states 1e-12 for these short runs.
constexpr double kIterateTolerance = 1e-12;

}  // namespace

TEST_CASE("medl04 eq-4.51: one Newton step reaches the minimum of a convex quadratic") {
  const auto r = compute(item("eq-4.51"));
  CHECK(r.value("theta_1") == doctest::Approx(2.0).epsilon(1e-15));  // closed form: m = 2
  // from any start, and for any convex quadratic
  const auto other = compute(item("eq-4.51"), {"theta0=-40", "a=0.5", "m=-7"});
  CHECK(other.value("theta_1") == doctest::Approx(-7.0).epsilon(1e-15));
  CHECK(r.status.find("local minimum") != std::string::npos);
}

TEST_CASE("medl04 eq-4.52: the book's overshoot iterates") {
  const auto r = compute(item("eq-4.52"));
  // Values printed in MEDL p. 155-156.
  CHECK(r.value("C_theta_0") == doctest::Approx(10.125).epsilon(1e-15));
  CHECK(r.value("step_0") == doctest::Approx(3.75).epsilon(1e-15));
  CHECK(r.value("theta_1") == doctest::Approx(5.25).epsilon(1e-15));
  CHECK(std::round(r.value("C_theta_1") * 100) / 100 == 41.77);  // "≈ 41.77"
  CHECK(std::round(r.value("theta_2") * 1e4) / 1e4 == 3.5956);   // 4 decimals as printed
  CHECK(std::round(r.value("theta_3") * 1e4) / 1e4 == 3.0683);
  CHECK(std::round(r.value("theta_4") * 1e4) / 1e4 == 3.0011);
  CHECK(r.value("error_theta_6") < 1e-13);  // "the error for θ(6) is already less than 1e-13"
  CHECK(r.value("limit") == 3.0);
  CHECK(r.status.rfind("converged", 0) == 0);
  CHECK(r.status.find("local minimum") != std::string::npos);
}

TEST_CASE("medl04 eq-4.52: iterates from many starts match exact rational arithmetic") {
  const auto fixture = load_fixture("medl04_s4_6.json")["newton_4_52"];
  for (const auto& [start, expected] : fixture.items()) {
    CAPTURE(start);
    const auto r = compute(item("eq-4.52"), {"theta0=" + start});
    const auto& table = r.table("iterates");
    const auto thetas = expected["theta"].get<std::vector<double>>();
    const auto values = expected["C"].get<std::vector<double>>();
    const std::size_t n = std::min(thetas.size(), table.rows.size());
    REQUIRE(n >= 4);
    for (std::size_t t = 0; t < n; ++t) {
      CAPTURE(t);
      CHECK(cell(table, t, "theta") == doctest::Approx(thetas[t]).epsilon(kIterateTolerance));
      CHECK(cell(table, t, "C(theta)") ==
            doctest::Approx(values[t]).epsilon(kIterateTolerance).scale(1));
    }
    // The limit agrees with scipy's own Newton iteration.
    CHECK(r.value("limit") ==
          doctest::Approx(expected["limit_scipy_newton"].get<double>()).epsilon(1e-12));
  }
}

TEST_CASE("medl04 eq-4.52: starting left of the inflection point climbs to the maximum") {
  // MEDL p. 156: for θ(0) < 1 Newton's method converges to the local maximum −1.
  const auto r = compute(item("eq-4.52"), {"theta0=0.5"});
  CHECK(r.value("limit") == doctest::Approx(-1.0).epsilon(1e-15));
  CHECK(r.status.find("local maximum") != std::string::npos);
  const auto& starts = r.table("starts");
  for (std::size_t row = 0; row < starts.rows.size(); ++row) {
    const double theta0 = cell(starts, row, "theta0");
    const std::string kind = text_cell(starts, row, "kind");
    CAPTURE(theta0);
    CHECK(kind == (theta0 < 1 ? "local maximum" : "local minimum"));
  }
}

TEST_CASE("medl04 eq-4.52: an iteration limit is reported, not hidden") {
  const auto r = compute(item("eq-4.52"), {"max_iterations=2"});
  CHECK(r.status.rfind("iteration limit reached after 2 iterations", 0) == 0);
}

TEST_CASE("medl04 section-4.6-oscillation: the perfect cycle and its escape") {
  const auto fixture = load_fixture("medl04_s4_6.json")["oscillation"];
  const auto r = compute(item("section-4.6-oscillation"));
  // MEDL p. 156: θ_s = −2 from 1, then +2 from −1.
  CHECK(r.value("step_0") == -2.0);
  CHECK(r.value("theta_1") == -1.0);
  CHECK(r.value("step_1") == 2.0);
  CHECK(r.value("theta_2") == 1.0);
  const auto cycle = fixture["cycle"].get<std::vector<double>>();
  const auto& table = r.table("iterates");
  REQUIRE(table.rows.size() == cycle.size());
  for (std::size_t t = 0; t < cycle.size(); ++t) CHECK(cell(table, t, "theta") == cycle[t]);
  CHECK(r.status.rfind("iteration limit", 0) == 0);
  // 1.001 escapes the cycle (exact iterates for 5 steps) and ends at the maximum √5.
  const auto perturbed = fixture["perturbed"].get<std::vector<double>>();
  const auto& escape = r.table("perturbed");
  for (std::size_t t = 0; t < perturbed.size(); ++t)
    CHECK(cell(escape, t, "theta") == doctest::Approx(perturbed[t]).epsilon(1e-10));
  CHECK(r.value("perturbed_limit") ==
        doctest::Approx(fixture["perturbed_limit_scipy"].get<double>()).epsilon(1e-12));
  CHECK(r.value("perturbed_limit") == doctest::Approx(std::sqrt(5.0)).epsilon(1e-14));
}

TEST_CASE("medl04 eq-4.53: secant iterates match exact arithmetic and scipy") {
  const auto fixture = load_fixture("medl04_s4_6.json")["secant_4_52"];
  for (const auto& [pair, expected] : fixture.items()) {
    CAPTURE(pair);
    const auto comma = pair.find(',');
    const auto r = compute(item("eq-4.53"),
                           {"theta0=" + pair.substr(0, comma), "theta1=" + pair.substr(comma + 1)});
    const auto thetas = expected["theta"].get<std::vector<double>>();
    const auto& table = r.table("iterates");
    const std::size_t n = std::min<std::size_t>(thetas.size(), table.rows.size());
    REQUIRE(n >= 6);
    // Secant converges superlinearly but not quadratically: rounding differences stay
    // at the 1e-10 level over these steps (catalogue C47 states 1e-9).
    for (std::size_t t = 0; t < n; ++t)
      CHECK(cell(table, t, "theta") == doctest::Approx(thetas[t]).epsilon(1e-10));
    CHECK(r.value("limit") ==
          doctest::Approx(expected["limit_scipy_secant"].get<double>()).epsilon(1e-12));
  }
}

TEST_CASE("medl04 eq-4.53: Newton needs fewer steps than secant from the same place") {
  // MEDL p. 156: "the secant method may require more iterations than Newton's method".
  const auto r = compute(item("eq-4.53"), {"theta0=4", "theta1=4.1"});
  CHECK(r.value("newton_steps") < r.value("secant_steps"));
}

TEST_CASE("medl04 eq-4.53: equal start points are rejected with a clear message") {
  CHECK_THROWS_WITH_AS(compute(item("eq-4.53"), {"theta0=2", "theta1=2"}),
                       doctest::Contains("theta0 != theta1"), descent::invalid_argument);
}

TEST_CASE("medl04 figure-4.10: one step each side of the inflection point") {
  const auto fixture = load_fixture("medl04_s4_6.json")["figure_4_10"];
  const auto r = compute(item("figure-4.10"));
  const auto& steps = r.table("steps");
  for (std::size_t row = 0; row < 2; ++row) {
    const auto& expected = fixture["steps"][row == 0 ? "a" : "b"];
    CHECK(cell(steps, row, "theta_t") == expected["theta"].get<double>());
    CHECK(cell(steps, row, "C") == doctest::Approx(expected["C"].get<double>()).epsilon(1e-13));
    CHECK(cell(steps, row, "C''") == doctest::Approx(expected["d2"].get<double>()).epsilon(1e-13));
    CHECK(cell(steps, row, "theta_t+1") ==
          doctest::Approx(expected["next"].get<double>()).epsilon(1e-13));
  }
  CHECK(text_cell(steps, 0, "Q") == "concave");
  CHECK(text_cell(steps, 1, "Q") == "convex");
  CHECK(r.value("theta_next_b") == doctest::Approx(40.0 / 11.0).epsilon(1e-14));  // closed form
  REQUIRE(r.figures.size() == 1);
  CHECK(r.figures[0].panels.size() == 2);
}

TEST_CASE("medl04 figure-4.10: the problem's stationary points are numpy's roots") {
  const auto fixture = load_fixture("medl04_s4_6.json")["figure_4_10"];
  const auto f = descent::problems::figure_4_10_quartic();
  const auto roots = fixture["critical_points"].get<std::vector<double>>();
  CHECK(f.local_minima[0] == doctest::Approx(roots[0]).epsilon(1e-12));
  CHECK(f.local_maxima[0] == doctest::Approx(roots[1]).epsilon(1e-12));
  CHECK(f.local_minima[1] == doctest::Approx(roots[2]).epsilon(1e-12));
  for (double x : roots) CHECK(std::fabs(f.d1(x)) < 1e-12);
}

TEST_CASE("medl04: every item computes at its defaults") {
  for (const auto& it : medl04().items) {
    CAPTURE(it.id);
    // A slow item (figure-4.4) is computed at its defaults once per test run, by the docs
    // export, and compared byte for byte with its committed figure (figures/up-to-date).
    if (it.slow) continue;
    CHECK_NOTHROW((void)compute(it));
  }
}

TEST_CASE("medl04 section-4.6-oscillation: a start where C'' = 0 stops, with no step to report") {
  // C''(theta) = -3 theta^2 + 5 is exactly 0 in double at theta = sqrt(5/3) = 1.2909944487358056
  // (checked in Python): there is no Newton step, and step_0 read an empty optional before.
  const auto r = compute(item("section-4.6-oscillation"), {"theta0=1.2909944487358056"});
  CHECK(r.status.find("zero curvature") != std::string::npos);
  CHECK_THROWS_AS((void)r.value("step_0"), std::out_of_range);
}

TEST_CASE("medl04 figure-4.10: an inflection point has no Newton step: refused in one line") {
  // C'' = (12 theta - 24) theta - 4 is exactly 0 at theta = -0.15470053837925155 (numpy
  // scan of the doubles around 1 - sqrt(4/3)): exit 1 with "Newton step undefined" before.
  CHECK_THROWS_WITH_AS(compute(item("figure-4.10"), {"theta_a=-0.15470053837925155"}),
                       doctest::Contains("inflection point"), descent::invalid_argument);
}

TEST_CASE("medl04 eq-4.51: coefficients whose squares overflow are refused") {
  CHECK_THROWS_AS(compute(item("eq-4.51"), {"a=1e308"}), descent::invalid_argument);
  CHECK(compute(item("eq-4.51"), {"a=1e100", "theta0=-1e6"}).value("theta_1") == 2);
}
