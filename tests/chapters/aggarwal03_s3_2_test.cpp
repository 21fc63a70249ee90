// Aggarwal §3.2 backpropagation items against torch autograd (tests/reference/generate_nn.py ->
// fixtures/nn_backprop.json) and the catalogue values (A9-A18), and Exercises 5, 9, 10.

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"
#include "fixtures.hpp"

using descent::app::compute;
using descent::testing::cell;
using descent::testing::load_fixture;

namespace {

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(descent::testing::aggarwal03(), id);
}

// Float64 backprop against float64 autograd on O(1) values: a few ulps (catalogue: 2e-18
// differences); 1e-12 as the catalogue states.
constexpr double kTol = 1e-12;

void check_toy_gradients(const descent::report::Result& r, const nlohmann::json& fx) {
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 3; ++j) {
      CAPTURE(i);
      CAPTURE(j);
      CHECK(std::fabs(r.value("dL_dW1_" + std::to_string(i + 1) + std::to_string(j + 1)) -
                      fx["grad_W1"][i][j].get<double>()) <= kTol);
    }
  for (int j = 0; j < 3; ++j) {
    CHECK(std::fabs(r.value("dL_db1_" + std::to_string(j + 1)) - fx["grad_b1"][j].get<double>()) <=
          kTol);
    CHECK(std::fabs(r.value("dL_dW2_" + std::to_string(j + 1) + "1") -
                    fx["grad_W2"][j][0].get<double>()) <= kTol);
  }
  CHECK(std::fabs(r.value("dL_db2_1") - fx["grad_b2"][0].get<double>()) <= kTol);
}

}  // namespace

TEST_CASE("aggarwal03 section-3.2.3 and 3.2.4: both forms equal torch on the A9 network") {
  const auto fx = load_fixture("nn_backprop.json")["a9"];
  for (const char* id : {"section-3.2.3", "section-3.2.4"}) {
    CAPTURE(id);
    const auto r = compute(item(id));
    check_toy_gradients(r, fx);
    CHECK(std::fabs(r.value("L") - fx["loss"].get<double>()) <= kTol);
    CHECK(std::fabs(r.value("o") - fx["o"][0][0].get<double>()) <= kTol);
    for (int j = 0; j < 3; ++j)
      CHECK(std::fabs(r.value("Delta_h_" + std::to_string(j + 1)) -
                      fx["grad_h"][0][j].get<double>()) <= kTol);
    CHECK(r.value("max_diff_other_form") <= 1e-17);
  }
  // Catalogue A11: δ(h) printed values.
  const auto r = compute(item("section-3.2.4"));
  CHECK(std::fabs(r.value("delta_h_1") - -0.012782217691528963) <= kTol);
}

TEST_CASE("aggarwal03 exercise-9: pre-, post-activation and decoupled forms agree") {
  const auto r = compute(item("exercise-9"));
  // Same arithmetic in a different order: rounding only. Gradients are O(1)–O(10) here.
  CHECK(r.value("max_difference") <= 1e-12);
  CHECK(r.table("forms").rows.size() == 5);
}

TEST_CASE("aggarwal03 section-3.2.5: activation backward passes equal torch") {
  const auto fx = load_fixture("nn_backprop.json")["activations"]["torch"];
  const auto r = compute(item("section-3.2.5"));
  for (const char* kind : {"sigmoid", "tanh", "relu", "leaky_relu", "hard_tanh"})
    for (int i = 0; i < 7; ++i) {
      CAPTURE(kind);
      CAPTURE(i);
      CHECK(std::fabs(r.value(std::string(kind) + "_" + std::to_string(i + 1)) -
                      fx[kind]["backward"][i].get<double>()) <= kTol);
    }
  // Table 3.1's closed interval differs from torch exactly at ±1 (errata T6): catalogue A12.
  const double closed[] = {0, 2, 3, 4, 5, 6, 0};
  for (int i = 0; i < 7; ++i)
    CHECK(r.value("hard_tanh_closed_" + std::to_string(i + 1)) == closed[i]);
}

TEST_CASE("aggarwal03 section-3.2.5.1 and exercise-10: softmax cross-entropy against torch") {
  const auto fixture = load_fixture("nn_backprop.json");
  REQUIRE(fixture["softmax"].size() == 4);
  for (const auto& c : fixture["softmax"]) {
    std::string v, y;
    for (const auto& x : c["v"]) v += (v.empty() ? "" : ",") + std::to_string(x.get<double>());
    for (const auto& x : c["y"]) y += (y.empty() ? "" : ",") + std::to_string(x.get<double>());
    CAPTURE(v);
    for (const char* id : {"section-3.2.5.1", "exercise-10"}) {
      const auto r = compute(item(id), {"v=" + v, "y=" + y});
      CHECK(std::fabs(r.value("L") - c["loss"].get<double>()) <= kTol);
      for (std::size_t i = 0; i < c["grad"].size(); ++i) {
        CHECK(std::fabs(r.value("grad_" + std::to_string(i + 1)) - c["grad"][i].get<double>()) <=
              kTol);
        CHECK(std::fabs(r.value("o_" + std::to_string(i + 1)) - c["o"][i].get<double>()) <= kTol);
      }
      CHECK(r.value("max_diff_chain_rule") <= kTol);
      // Central differences at ε = 1e-6: truncation ~1e-12, rounding ~1e-10 relative.
      CHECK(r.value("max_rho") < 1e-7);
      if (std::string(id) == "exercise-10") {
        CHECK(r.value("max_diff_closed_form_jacobian") <= 1e-16);
        CHECK(r.value("max_diff_numerical_jacobian") <= 1e-9);
        const auto& J = r.table("jacobian");
        for (std::size_t i = 0; i < c["jacobian"].size(); ++i)
          for (std::size_t j = 0; j < c["jacobian"].size(); ++j)
            CHECK(std::fabs(cell(J, i, "d o_i / d v_" + std::to_string(j + 1)) -
                            c["jacobian"][i][j].get<double>()) <= kTol);
      }
    }
  }
  CHECK_THROWS_AS(compute(item("section-3.2.5.1"), {"y=0.5,0.6,0"}), descent::invalid_argument);
}

TEST_CASE("aggarwal03 table-3.1: every row's backward matches central differences") {
  const auto r = compute(item("table-3.1"));
  REQUIRE(r.table("rows").rows.size() == 7);
  // The book's threshold for a correct gradient: ρ < 1e-6 (§3.2.10).
  for (const char* row : {"linear", "sigmoid", "tanh", "relu", "hard_tanh", "max", "arbitrary"}) {
    CAPTURE(row);
    CHECK(r.value(std::string("rho_") + row) < 1e-6);
  }
}

TEST_CASE("aggarwal03 section-3.2.7: a hidden L1 loss equals torch (catalogue A15)") {
  const auto fx = load_fixture("nn_backprop.json")["a15_hidden_l1_0.1"];
  const auto r = compute(item("section-3.2.7"));
  check_toy_gradients(r, fx);
  CHECK(std::fabs(r.value("L_total") - fx["loss"].get<double>()) <= kTol);
  CHECK(r.value("max_diff_post_form") <= 1e-17);
  CHECK(r.value("max_rho") < 1e-6);
}

TEST_CASE("aggarwal03 section-3.2.9: shared weights sum their gradients") {
  const auto r = compute(item("section-3.2.9"));
  // o = w² x: do/dw = 2 w x = 6 (closed form), 3 + 3 from the two uses (catalogue A17).
  CHECK(r.value("dL_dw1") == 3);
  CHECK(r.value("dL_dw2") == 3);
  CHECK(r.value("dL_dw") == 6);
  CHECK(std::fabs(r.value("central_difference") - 6) <= 1e-8);
  CHECK(r.value("autoencoder_max_rho") < 1e-6);
}

TEST_CASE("aggarwal03 section-3.2.10: gradient checking meets the book's thresholds") {
  const auto r = compute(item("section-3.2.10"));
  CHECK(std::fabs(r.value("G_a_W1_11") - -0.00639110884576448) <= 1e-15);
  // Book: ρ < 1e-6 for a correct gradient; catalogue A18 asserts it for ε in [1e-7, 1e-3].
  const auto& sweep = r.table("epsilon sweep (W1_11)");
  for (std::size_t row = 0; row < sweep.rows.size(); ++row) {
    const double eps = cell(sweep, row, "epsilon");
    if (eps >= 1e-7 && eps <= 1e-3) {
      CAPTURE(eps);
      CHECK(cell(sweep, row, "rho forward") < 1e-6);
      CHECK(cell(sweep, row, "rho central") < 1e-6);
    }
  }
  CHECK(r.value("max_rho_central") < 1e-6);
  CHECK(r.value("max_rho_wrong_gradient") > 1e-3);  // a 1% error is caught
}

TEST_CASE("aggarwal03 exercise-5: the sigmoid Jacobian is diagonal") {
  const auto r = compute(item("exercise-5"));
  // Catalogue A14: diag(0.25, 0.19661193324148185, 0.1049935854035065); central differences
  // at h = 1e-6 are accurate to ~1e-10.
  CHECK(std::fabs(r.value("J_11") - 0.25) <= 1e-9);
  CHECK(std::fabs(r.value("J_22") - 0.19661193324148185) <= 1e-9);
  CHECK(std::fabs(r.value("J_33") - 0.1049935854035065) <= 1e-9);
  CHECK(r.value("max_off_diagonal") == 0);
}
