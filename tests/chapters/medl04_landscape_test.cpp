// MEDL Figure 4.5 (the two-parameter network's landscapes) and the softmax case of (4.8),
// against the values of catalogue C17 and C07 (the reference catalogue of MEDL ch. 4, numpy
// closed forms) and tests/reference/fixtures/problems_network_softmax.json (torch float64,
// numpy; tests/reference/generate_problems.py).

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"
#include "fixtures.hpp"

using descent::app::compute;
using descent::testing::load_fixture;

namespace {

using descent::testing::medl04;

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(medl04(), id);
}

using descent::testing::cell;

}  // namespace

TEST_CASE("medl04 figure-4.5: losses at the catalogue's points (C17, 12 decimals)") {
  const auto r = compute(item("figure-4.5"), {"grid=40", "iterations=1"});
  const auto& t = r.table("losses");
  const double ref[][2] = {{1.5, 0.693147180560},
                           {1.552447976450, 0.713235646041},
                           {2.008575038136, 0.918674998195},
                           {2.714559022903, 2.008236788754},
                           {1.750022723151, 2.013300797401},
                           {1.750000006183, 3.679906928079}};
  REQUIRE(t.rows.size() == 6);
  for (std::size_t i = 0; i < 6; ++i) {
    CAPTURE(i);
    CHECK(std::fabs(cell(t, i, "squared (sum)") - ref[i][0]) < 1e-12);
    CHECK(std::fabs(cell(t, i, "cross entropy (mean)") - ref[i][1]) < 1e-12);
  }
  // Other points on request.
  const auto one = compute(item("figure-4.5"), {"grid=40", "iterations=1", "points=0,0"});
  CHECK(one.table("losses").rows.size() == 1);
}

TEST_CASE("medl04 figure-4.5: grid extremes on the authors' grid equal numpy's") {
  const auto r = compute(item("figure-4.5"));
  const auto fx = load_fixture("problems_network_softmax.json");
  const auto& grid = fx["network"]["grid"];
  for (const auto& [key, ref] :
       {std::pair<std::string, std::string>{"squared", "squared"}, {"ce", "cross_entropy"}}) {
    CAPTURE(key);
    const auto& g = grid[ref];
    // The same 160 000 closed-form evaluations in another order: 1e-13 relative.
    CHECK(r.value(key + "_min") == doctest::Approx(g["min"].get<double>()).epsilon(1e-13));
    CHECK(r.value(key + "_max") == doctest::Approx(g["max"].get<double>()).epsilon(1e-13));
    // numpy's arange accumulates -20 + 0.1 k with its own rounding: grid points agree to 1e-12.
    CHECK(std::fabs(r.value(key + "_argmin_w1") - g["argmin"][0].get<double>()) < 1e-12);
    CHECK(std::fabs(r.value(key + "_argmin_w2") - g["argmin"][1].get<double>()) < 1e-12);
  }
  // Catalogue C17: grid minima 1.4166736085 and 0.6648332816 at (−20, −0.7), maxima 2.999728
  // and 7.013240; the limits w1 → −∞: 17/12 and 0.664830.
  CHECK(std::fabs(r.value("squared_min") - 1.4166736085) < 1e-10);
  CHECK(std::fabs(r.value("ce_min") - 0.6648332816) < 1e-10);
  CHECK(std::fabs(r.value("squared_max") - 2.999728) < 1e-6);
  CHECK(std::fabs(r.value("ce_max") - 7.013240) < 1e-6);
  CHECK(r.value("squared_limit") == doctest::Approx(1.416667).epsilon(1e-6));
  CHECK(std::fabs(r.value("ce_limit") - 0.664830) < 1e-6);
  // The grid minimum lies just above the limit: the infimum is approached, not attained.
  CHECK(r.value("squared_min") > r.value("squared_limit"));
  CHECK(r.value("ce_min") > r.value("ce_limit"));
  // The book's point, as a number: the squared landscape is flat (|∇C| < 1e-3) on a third of
  // the square, cross entropy almost nowhere.
  CHECK(r.value("squared_flat_share") > 0.3);
  CHECK(r.value("ce_flat_share") < 0.01);
}

TEST_CASE("medl04 figure-4.5: gradient descent from (10, -15) equals torch's") {
  const auto r = compute(item("figure-4.5"), {"grid=40"});
  const auto fx = load_fixture("problems_network_softmax.json");
  const auto& runs = fx["network"]["gd"]["runs"];
  // 2000 steps on a smooth non-chaotic landscape: 1e-9 absolute.
  for (const auto& [key, ref] :
       {std::pair<std::string, std::string>{"squared", "squared"}, {"ce", "cross_entropy"}}) {
    CAPTURE(key);
    CHECK(std::fabs(r.value(key + "_gd_w1") - runs[ref]["w"][0].get<double>()) < 1e-9);
    CHECK(std::fabs(r.value(key + "_gd_w2") - runs[ref]["w"][1].get<double>()) < 1e-9);
    CHECK(std::fabs(r.value(key + "_gd_final") - runs[ref]["value"].get<double>()) < 1e-9);
  }
  // Stuck on the squared loss's plateau, near the infimum with cross entropy.
  CHECK(r.value("squared_gd_final") > 2.7);
  CHECK(r.value("ce_gd_final") - r.value("ce_limit") < 1e-5);
  REQUIRE(r.figures.size() == 1);
  CHECK(r.figures[0].panels.size() == 4);  // (a), (b) landscapes; (c) a slice; (d) progress
}

TEST_CASE("medl04 figure-4.5 rejects bad parameters") {
  CHECK_THROWS_AS(compute(item("figure-4.5"), {"points=1,2,3"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("figure-4.5"), {"box=1,0,-1,1"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("figure-4.5"), {"contour_grid=1"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("figure-4.5"), {"alpha=0"}), descent::invalid_argument);
}

TEST_CASE("medl04 eq-4.8: log-sum-exp at v = (1, 2, 0.5) and softmax regression (C07)") {
  const auto r = compute(item("eq-4.8"));
  // Catalogue C07: eigenvalues (≈0, 0.168127239, 0.363687661), 1e-9.
  CHECK(std::fabs(r.value("v_eigenvalue_1")) < 1e-9);
  CHECK(std::fabs(r.value("v_eigenvalue_2") - 0.168127239) < 1e-9);
  CHECK(std::fabs(r.value("v_eigenvalue_3") - 0.363687661) < 1e-9);
  // Softmax regression on nine points, K = 3, p = 1: PSD at every draw, exactly p + 1 = 2
  // zero eigenvalues (the shift invariance of softmax), below every chord (4.3).
  CHECK(r.value("softmax_min_eigenvalue") > -1e-15);
  CHECK(r.value("softmax_zero_eigenvalues") == 2);
  CHECK(r.value("softmax_smallest_positive") > 1e-6);
  CHECK(r.value("softmax_max_chord_gap") <= 1e-15);
  const auto& softmax = r.table("softmax regression Hessians");
  for (std::size_t row = 0; row < softmax.rows.size(); ++row)
    CHECK(cell(softmax, row, "zero eigenvalues") == 2);
  const auto other = compute(item("eq-4.8"), {"v=0,0,0,0"});  // π uniform: eigenvalues 0, ¼, ¼, ¼
  CHECK(std::fabs(other.value("v_eigenvalue_1")) < 1e-15);
  CHECK(other.value("v_eigenvalue_4") == doctest::Approx(0.25).epsilon(1e-14));
}
