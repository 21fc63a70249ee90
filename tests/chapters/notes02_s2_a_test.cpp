// Notes Ch. 2, Algorithm 2 and Appendix 2.A Eqs. (2.12)-(2.18): the items against torch
// autograd (tests/reference/generate_nn.py -> fixtures/notes02_backprop.json) and the
// catalogue's values (N20, N21).

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"
#include "fixtures.hpp"

using descent::app::compute;
using descent::testing::load_fixture;

namespace {

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(descent::testing::notes02(), id);
}

// Float64 against float64 autograd, O(1) values (catalogue: agreement to 2.8e-17): 1e-12.
constexpr double kTol = 1e-12;

void check_gradients(const descent::report::Result& r, const nlohmann::json& fx) {
  for (std::size_t l = 0; l < fx["grad_W"].size(); ++l)
    for (std::size_t j = 0; j < fx["grad_W"][l].size(); ++j)
      for (std::size_t i = 0; i < fx["grad_W"][l][j].size(); ++i) {
        const std::string name =
            "dL_dW" + std::to_string(l + 1) + "_" + std::to_string(j + 1) + std::to_string(i + 1);
        CAPTURE(name);
        CHECK(std::fabs(r.value(name) - fx["grad_W"][l][j][i].get<double>()) <= kTol);
      }
}

}  // namespace

TEST_CASE("notes02 eq-2.18: elementwise (2.15)-(2.17) = matrix (2.18) = torch") {
  const auto fx = load_fixture("notes02_backprop.json")["two_layer"];
  const auto r = compute(item("eq-2.18"));
  check_gradients(r, fx);
  CHECK(std::fabs(r.value("L") - fx["loss"].get<double>()) <= kTol);
  CHECK(std::fabs(r.value("L") - 1.4629943806043513) <= kTol);  // catalogue N21
  for (std::size_t i = 0; i < 4; ++i)
    CHECK(std::fabs(r.value("z_" + std::to_string(i + 1)) - fx["z"][0][i].get<double>()) <= kTol);
  CHECK(std::fabs(r.value("delta1_1") - 0.132217591153722) <= kTol);  // catalogue N21
  CHECK(r.value("max_diff_elementwise_matrix") <= 1e-16);
  CHECK(r.value("max_diff_library") <= 1e-16);
  CHECK(std::fabs(r.value("norm_dW1") - 0.2338510551380168) <= kTol);
  CHECK(std::fabs(r.value("norm_dW2") - 1.1689629125683625) <= kTol);
  CHECK_THROWS_AS(compute(item("eq-2.18"), {"label=3"}), descent::invalid_argument);
}

TEST_CASE("notes02 algorithm-2: the 3-layer network equals torch") {
  const auto fx = load_fixture("notes02_backprop.json")["three_layer"];
  const auto r = compute(item("algorithm-2"));
  check_gradients(r, fx);
  CHECK(std::fabs(r.value("L") - fx["loss"].get<double>()) <= kTol);
  CHECK(std::fabs(r.value("p_1") - 0.546345785011075) <= kTol);  // catalogue N20
  CHECK(r.value("max_diff_library") <= 1e-16);
  // At L = 2 Algorithm 2 is the appendix's computation (label 1 as there).
  const auto two = compute(item("algorithm-2"), {"layers=2", "label=1"});
  check_gradients(two, load_fixture("notes02_backprop.json")["two_layer"]);
}
