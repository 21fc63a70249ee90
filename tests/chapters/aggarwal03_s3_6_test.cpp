// Aggarwal §3.6 batch normalization: the item against torch's F.batch_norm (training mode,
// autograd, float64; tests/reference/generate_nn.py -> fixtures/nn_batch_norm.json) and the
// catalogue values (A48).

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
  return descent::testing::item(descent::testing::aggarwal03(), id);
}

std::string join(const nlohmann::json& column) {
  std::string s;
  for (const auto& row : column) {
    if (!s.empty()) s += ",";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", row[0].get<double>());
    s += buf;
  }
  return s;
}

// The book's formulas and torch agree to a few ulps of the O(1) results (catalogue: 4.4e-16);
// 1e-12 leaves room for a different summation order.
constexpr double kTol = 1e-12;

void check_case(const nlohmann::json& c, double tol) {
  const auto r =
      compute(item("section-3.6"), {"batch=" + join(c["batch"]), "upstream=" + join(c["upstream"]),
                                    "gamma=" + std::to_string(c["gamma"][0].get<double>()),
                                    "beta=" + std::to_string(c["beta"][0].get<double>()),
                                    "eps=" + std::to_string(c["eps"].get<double>())});
  for (std::size_t i = 0; i < c["a"].size(); ++i) {
    CAPTURE(i);
    const auto n = std::to_string(i + 1);
    CHECK(std::fabs(r.value("a_" + n) - c["a"][i][0].get<double>()) <= tol);
    CHECK(std::fabs(r.value("dv_" + n) - c["grad_v"][i][0].get<double>()) <= tol);
  }
  CHECK(std::fabs(r.value("dL_dgamma") - c["grad_gamma"][0].get<double>()) <= tol);
  CHECK(std::fabs(r.value("dL_dbeta") - c["grad_beta"][0].get<double>()) <= tol);
  // The closed form gives the same gradient as the book's three-step derivation.
  CHECK(r.value("max_book_minus_closed_form") <= tol);
}

}  // namespace

TEST_CASE("aggarwal03 section-3.6: eps = 1e-5 against torch and the catalogue") {
  const auto fx = load_fixture("nn_batch_norm.json");
  check_case(fx["eps_1e-5"], kTol);
  const auto r = compute(item("section-3.6"));
  // Catalogue A48 (closed forms of Eqs. 3.58-3.59 on 1,2,4,7).
  CHECK(r.value("mu") == 3.5);
  CHECK(std::fabs(r.value("sigma2") - 5.25001) <= 1e-15);
  CHECK(std::fabs(r.value("sigma") - 2.291290029655783) <= 1e-15);
  CHECK(std::fabs(r.value("dL_dsigma2") - -0.09975646480356139) <= kTol);
  CHECK(std::fabs(r.value("dL_dmu") - -0.39279182833750886) <= kTol);
  // The second term of ∂L/∂μ is exactly zero: Σ(v − μ) = 0 (errata T30).
  CHECK(std::fabs(r.value("dL_dmu_second_term")) <= 1e-15);
  // Errata T27: the output std is |γ| √(s²/(s² + ε)), not γ.
  CHECK(std::fabs(r.value("std_a") - 1.4999985714306123) <= kTol);
  CHECK(std::fabs(r.value("mean_a") - 0.5) <= kTol);
  // PyTorch's running statistics after one batch: momentum 0.1, unbiased variance.
  CHECK(std::fabs(r.value("running_mean") -
                  fx["running_after_one_batch"]["mean"][0].get<double>()) <= 1e-15);
  CHECK(std::fabs(r.value("running_var") - fx["running_after_one_batch"]["var"][0].get<double>()) <=
        1e-15);
}

TEST_CASE("aggarwal03 section-3.6: eps = 0.5 exposes where epsilon goes") {
  check_case(load_fixture("nn_batch_norm.json")["eps_0.5"], kTol);
  // Catalogue A48: ∂L/∂γ = 0.6672461249826394 with ε inside σ².
  const auto r = compute(item("section-3.6"), {"eps=0.5"});
  CHECK(std::fabs(r.value("dL_dgamma") - 0.6672461249826394) <= kTol);
}

TEST_CASE("aggarwal03 section-3.6: a constant batch stays finite (what eps is for)") {
  // γ/√ε = 474.34 multiplies the upstream deviations: 1e-9 absolute on values of size 100.
  check_case(load_fixture("nn_batch_norm.json")["constant"], 1e-9);
  const auto r = compute(item("section-3.6"), {"batch=3,3,3,3"});
  CHECK(std::fabs(r.value("dv_2") - -166.0195771588) <= 1e-9);
}

TEST_CASE("aggarwal03 section-3.6: bad input is named") {
  CHECK_THROWS_AS(compute(item("section-3.6"), {"upstream=1,2"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("section-3.6"), {"eps=0"}), descent::invalid_argument);
}
