// Exercise medl04/vjp_from_jvp: uᵀJ from d Jacobian-vector products (MEDL §4.4).
// Compiled against the stub (every case must fail) and the solution (every case must pass).

#include "vjp_from_jvp.hpp"

#include <doctest/doctest.h>

#include "descent/autodiff/api.hpp"
#include "exercise_fixtures.hpp"

using descent::exercises::vjp_from_jvp;
namespace ad = descent::autodiff;

namespace vjp_from_jvp_test {
auto g = [](const auto& t) {  // MEDL §4.4's example
  using T = std::decay_t<decltype(t[0])>;
  return std::vector<T>{t[0] - 7.0 * t[1] + 5.0 * t[2], t[1] * t[2]};
};

TEST_CASE("vjp_from_jvp gives the rows of torch's Jacobian of g") {
  using descent::testing::fixture_number;
  for (std::size_t k = 0; k < descent::testing::fixture_size("autodiff.json", "/medl_g"); ++k) {
    const std::string ref = "/medl_g/" + std::to_string(k);
    const auto theta = descent::testing::fixture_numbers("autodiff.json", ref + "/theta");
    CAPTURE(ref);
    const auto jvp = [&](const std::vector<double>& v) { return ad::jvp(g, theta, v); };
    for (std::size_t i = 0; i < 2; ++i) {
      std::vector<double> u(2, 0.0);
      u[i] = 1;
      const auto row = vjp_from_jvp(jvp, 3, u);
      REQUIRE(row.size() == 3);
      CAPTURE(i);
      for (std::size_t j = 0; j < 3; ++j) {
        CAPTURE(j);
        const auto entry = ref + "/jacobian/" + std::to_string(i) + "/" + std::to_string(j);
        CHECK(row[j] == doctest::Approx(fixture_number("autodiff.json", entry)).epsilon(1e-14));
      }
    }
  }
}

TEST_CASE("vjp_from_jvp agrees with one reverse sweep and needs d forward sweeps") {
  const std::vector<double> theta{2.5, 2.1, 1.4}, u{0.3, -2.0};
  int calls = 0;
  const auto jvp = [&](const std::vector<double>& v) {
    ++calls;
    return ad::jvp(g, theta, v);
  };
  const auto row = vjp_from_jvp(jvp, 3, u);
  const auto reverse = ad::vjp(g, theta, u);  // MEDL: vjp is one backward sweep
  REQUIRE(row.size() == 3);
  for (std::size_t j = 0; j < 3; ++j) {
    CAPTURE(j);
    CHECK(row[j] == doctest::Approx(reverse[j]).epsilon(1e-14));
  }
  CHECK(calls == 3);
}

}  // namespace vjp_from_jvp_test
