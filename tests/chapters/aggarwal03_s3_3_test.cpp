// Aggarwal §3.3 (preprocessing, whitening, initialization) and §3.4 (vanishing gradients,
// activation derivatives, dying ReLU): the items against the catalogue's values (A21-A29,
// computed with numpy/torch) and closed forms.

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"

using descent::app::compute;

using descent::testing::cell;

namespace {

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(descent::testing::aggarwal03(), id);
}

bool near(double a, double b, double tol) {
  return std::fabs(a - b) <= tol;
}

}  // namespace

TEST_CASE("aggarwal03 section-3.3.2: whitening of D0 (catalogue A22)") {
  const auto r = compute(item("section-3.3.2"));
  // Catalogue values are printed to 10 digits: 1e-9.
  CHECK(near(r.value("lambda_1"), 2.8878640959, 1e-9));
  CHECK(near(r.value("lambda_2"), 1.8773426862, 1e-9));
  CHECK(near(r.value("lambda_3"), 1.2347932179, 1e-9));
  CHECK(near(r.value("mahalanobis2_2"), 3.7510373444, 1e-9));
  CHECK(near(r.value("std_2"), 1.6329931619, 1e-9));
  CHECK(r.value("max_whitened_cov_minus_identity") <= 1e-12);
  // The squared norms sum to n k = 18.
  double sum = 0;
  for (int i = 1; i <= 6; ++i) sum += r.value("mahalanobis2_" + std::to_string(i));
  CHECK(near(sum, 18, 1e-12));
  // The regularizer alternative shrinks every whitened norm.
  const auto reg = compute(item("section-3.3.2"), {"reg=1e-5"});
  CHECK(reg.value("mahalanobis2_1") < r.value("mahalanobis2_1"));
}

TEST_CASE("aggarwal03 section-3.3.3: r Var(w) is the output variance of each scheme") {
  const auto r = compute(item("section-3.3.3"), {"samples=20000"});
  // Catalogue A23 closed forms.
  CHECK(near(r.value("std_fan_in_gaussian_2"), 0.707106781187, 1e-12));
  CHECK(near(r.value("std_fan_in_uniform_book_100"), 0.057735026919, 1e-12));
  CHECK(near(r.value("std_xavier_100"), 0.115470053838, 1e-12));
  CHECK(near(r.value("std_he_100"), 0.141421356237, 1e-12));
  // Var(Σ w x) = r σ_w² with σ_x = 1. With 20000 neurons the relative standard error of a
  // variance is at most √((κ − 1)/n) ≈ 1.6% (κ ≤ 6 for r = 2): 6% is about 4 standard errors.
  for (const char* s : {"fan_in_gaussian", "fan_in_uniform", "fan_in_uniform_book", "xavier", "he"})
    for (int fan : {2, 100}) {
      CAPTURE(s);
      CAPTURE(fan);
      const std::string key = std::string(s) + "_" + std::to_string(fan);
      const double sd = r.value("std_" + key);
      CHECK(r.value("var_out_" + key) == doctest::Approx(fan * sd * sd).epsilon(0.06));
    }
  // The fan-in schemes keep the output variance 1 whatever r; the printed uniform gives 1/3.
  CHECK(r.value("var_out_fan_in_uniform_book_100") == doctest::Approx(1.0 / 3).epsilon(0.06));
}

TEST_CASE("aggarwal03 figure-3.8: vanishing and exploding gradients (catalogue A24)") {
  const auto r = compute(item("figure-3.8"));
  // Monte Carlo medians with 20000 chains; the catalogue's (10^6 chains) to ±0.1.
  CHECK(near(r.value("chain_median_sigmoid"), -8.98, 0.1));
  CHECK(near(r.value("chain_median_tanh"), -3.13, 0.1));
  CHECK(near(r.value("chain_median_relu"), -2.67, 0.15));  // only 0.09% of chains survive
  CHECK(near(r.value("chain_dead_relu"), 0.9991, 0.001));
  CHECK(r.value("bound_0.25^r") == 9.5367431640625e-07);  // exact 0.25^10
  // Width-100 networks: the catalogue's means over 50 seeds, within 3 of its per-seed SDs.
  CHECK(near(r.value("network_mean_sigmoid_fan_in"), -12.663, 3 * 0.153));
  CHECK(near(r.value("network_mean_tanh_fan_in"), -0.800, 3 * 0.193));
  CHECK(near(r.value("network_mean_relu_fan_in"), -3.129, 3 * 0.239));
  CHECK(near(r.value("network_mean_relu_he"), -0.119, 3 * 0.239));
  CHECK(near(r.value("network_mean_tanh_std1"), 6.605, 3 * 0.647));
  CHECK(near(r.value("network_mean_relu_std1"), 16.871, 3 * 0.239));
}

TEST_CASE("aggarwal03 figure-3.10: activation derivatives (catalogue A26)") {
  const auto r = compute(item("figure-3.10"));
  CHECK(r.value("max_sigmoid_derivative") == 0.25);  // at v = 0, on the grid
  CHECK(r.value("tanh_derivative_at_0") == 1);
  const auto& t = r.table("values");
  for (std::size_t row = 0; row < t.rows.size(); ++row) {
    const double v = cell(t, row, "v");
    if (v == 2.0) {
      CHECK(near(cell(t, row, "sigmoid'"), 0.104993585404, 1e-12));
      CHECK(near(cell(t, row, "tanh'"), 0.0706508248532, 1e-12));
    }
    if (v == -5.0) CHECK(near(cell(t, row, "sigmoid'"), 0.00664805667079, 1e-12));
  }
  REQUIRE(r.figures.size() == 1);
  CHECK(r.figures[0].panels.size() == 4);
}

TEST_CASE("aggarwal03 section-3.4.3: dying ReLU and leaky recovery (catalogue A27-A29)") {
  const auto r = compute(item("section-3.4.3"));
  CHECK(r.value("jumped_w") == -4);
  CHECK(r.value("jumped_b") == -3);
  CHECK(r.value("stuck_w") == -4);  // dead: zero gradient forever
  CHECK(r.value("stuck_b") == -3);
  CHECK(near(r.value("modest_w"), 2.0000000020, 1e-9));
  CHECK(near(r.value("leaky_w"), 2.032103621473458, 1e-9));
  CHECK(near(r.value("leaky_b"), -0.07297907755496288, 1e-9));
  CHECK(near(r.value("leaky_long_w"), 2, 1e-9));
  CHECK(r.value("maxout_relu") == 0);
  CHECK(near(r.value("maxout_leaky"), -0.02, 1e-15));
}
