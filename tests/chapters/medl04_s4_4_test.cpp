// MEDL §4.4, automatic differentiation: every item against the values the book prints
// (Tables 4.1-4.3, the jvp and partial_derivative results of the g example) and against
// torch.autograd (tests/reference/fixtures/autodiff.json, generate_autodiff.py).

#include <doctest/doctest.h>

#include <cmath>
#include <iomanip>
#include <numbers>
#include <sstream>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"
#include "fixtures.hpp"

using descent::app::compute;
using descent::testing::load_fixture;

namespace {

using descent::testing::cell;
using descent::testing::medl04;
using descent::testing::text_cell;

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(medl04(), id);
}

// A handful of float64 operations from the book's exact values: the catalogue's 1e-12
// relative (C28-C30) leaves room for libm's last-bit differences in sin/exp.
constexpr double kRel = 1e-12;
const double pi = std::numbers::pi;
const double e7 = std::exp(7.0);

// A fixture vector in --set syntax, at full precision (17 digits round-trip).
std::string theta_text(const nlohmann::json& t) {
  std::ostringstream s;
  s << std::setprecision(17);
  for (std::size_t k = 0; k < t.size(); ++k) s << (k ? "," : "") << double(t[k]);
  return s.str();
}

const nlohmann::json& fixture() {
  static const auto j = load_fixture("autodiff.json");
  return j;
}

}  // namespace

TEST_CASE("medl04 section-4.4-example: jvp, vjp, partial_derivative and the Jacobian") {
  const auto r = compute(item("section-4.4-example"));
  // MEDL §4.4: jvp with v = e2 gives [-7, 1.4]; partial_derivative(i=2, j=3) gives 2.1.
  CHECK(r.value("jvp_1") == -7.0);
  CHECK(r.value("jvp_2") == doctest::Approx(1.4).epsilon(kRel));
  CHECK(r.value("partial_derivative") == doctest::Approx(2.1).epsilon(kRel));
  // vjp with u = e1 is "the first row of J_g" = (1, -7, 5) (torch, catalogue C26)
  CHECK(r.value("vjp_1") == 1.0);
  CHECK(r.value("vjp_2") == -7.0);
  CHECK(r.value("vjp_3") == 5.0);
  CHECK(r.value("g_1") == doctest::Approx(-5.2).epsilon(kRel));
  CHECK(r.value("g_2") == doctest::Approx(2.94).epsilon(kRel));
  // the other point of the fixture, with u = e2: the second row of torch's Jacobian
  const auto& ref = fixture()["medl_g"][1];
  const auto other = compute(item("section-4.4-example"), {"theta=" + theta_text(ref["theta"]),
                                                           "u=0,1", "v=1,1,1", "i=1", "j=2"});
  for (int k = 0; k < 3; ++k)
    CHECK(other.value("vjp_" + std::to_string(k + 1)) ==
          doctest::Approx(double(ref["jacobian"][1][k])).epsilon(kRel));
  const double Jv1 =
      double(ref["jacobian"][0][0]) + double(ref["jacobian"][0][1]) + double(ref["jacobian"][0][2]);
  CHECK(other.value("jvp_1") == doctest::Approx(Jv1).epsilon(kRel));
  CHECK(other.value("partial_derivative") ==
        doctest::Approx(double(ref["jacobian"][0][1])).epsilon(kRel));
  CHECK_THROWS_AS(compute(item("section-4.4-example"), {"i=3"}), descent::invalid_argument);
}

TEST_CASE("medl04 table-4.1: primals of (4.27) grouped by iteration") {
  const auto r = compute(item("table-4.1"));
  // MEDL Table 4.1: a1 = pi/3, a2 = 7, a3 = -10; a4 = sqrt(3)/2, a5 = e^7; a6 = sum.
  CHECK(r.value("a1") == doctest::Approx(pi / 3).epsilon(kRel));
  CHECK(r.value("a2") == 7.0);
  CHECK(r.value("a3") == -10.0);
  CHECK(r.value("a4") == doctest::Approx(std::sqrt(3.0) / 2).epsilon(kRel));
  CHECK(r.value("a5") == doctest::Approx(e7).epsilon(kRel));
  CHECK(r.value("a6") == doctest::Approx(std::sqrt(3.0) / 2 + e7 - 10).epsilon(kRel));
  const auto& t = r.table("primal");
  REQUIRE(t.rows.size() == 6);
  const double iterations[] = {1, 1, 1, 2, 2, 3};  // catalogue C28
  for (std::size_t k = 0; k < 6; ++k) CHECK(cell(t, k, "iteration") == iterations[k]);
}

TEST_CASE("medl04 table-4.2: forward mode with j = 2 and the other columns") {
  const auto r = compute(item("table-4.2"));
  // MEDL Table 4.2: tangents pi/6, 1, 0, pi/12, e^7, pi/12 + e^7.
  CHECK(r.value("a1_dot") == doctest::Approx(pi / 6).epsilon(kRel));
  CHECK(r.value("a2_dot") == 1.0);
  CHECK(r.value("a3_dot") == 0.0);
  CHECK(r.value("a4_dot") == doctest::Approx(pi / 12).epsilon(kRel));
  CHECK(r.value("a5_dot") == doctest::Approx(e7).epsilon(kRel));
  CHECK(r.value("dC_dtheta2") == doctest::Approx(pi / 12 + e7).epsilon(kRel));
  // every column j at every fixture point equals torch's gradient entry
  for (const auto& ref : fixture()["medl_c427"])
    for (int j = 1; j <= 3; ++j) {
      const auto rj = compute(item("table-4.2"),
                              {"theta=" + theta_text(ref["theta"]), "j=" + std::to_string(j)});
      CHECK(rj.value("dC_dtheta" + std::to_string(j)) ==
            doctest::Approx(double(ref["gradient"][j - 1])).epsilon(kRel));
    }
}

TEST_CASE("medl04 table-4.3: backward mode gives the whole gradient in one sweep") {
  const auto r = compute(item("table-4.3"));
  // MEDL Table 4.3: zeta4 = zeta5 = zeta3 = 1; zeta1 = 1/2, zeta2 = e^7;
  // gradient (1, pi/12 + e^7, e^7 - 2).
  CHECK(r.value("zeta_a4") == 1.0);
  CHECK(r.value("zeta_a5") == 1.0);
  CHECK(r.value("zeta_a3") == 1.0);
  CHECK(r.value("zeta_a1") == doctest::Approx(0.5).epsilon(kRel));
  CHECK(r.value("zeta_a2") == doctest::Approx(e7).epsilon(kRel));
  CHECK(r.value("dC_dtheta1") == doctest::Approx(1.0).epsilon(kRel));
  CHECK(r.value("dC_dtheta2") == doctest::Approx(pi / 12 + e7).epsilon(kRel));
  CHECK(r.value("dC_dtheta3") == doctest::Approx(e7 - 2).epsilon(kRel));
  CHECK(r.value("iterations") == 3);
  for (const auto& ref : fixture()["medl_c427"]) {
    const auto rt = compute(item("table-4.3"), {"theta=" + theta_text(ref["theta"])});
    for (int j = 1; j <= 3; ++j)
      CHECK(rt.value("dC_dtheta" + std::to_string(j)) ==
            doctest::Approx(double(ref["gradient"][j - 1])).epsilon(kRel));
  }
}

TEST_CASE("medl04 figure-4.7: the graph of (4.27) has Figure 4.7's six operations") {
  const auto r = compute(item("figure-4.7"));
  CHECK(r.value("operation_nodes") == 6);
  const auto& nodes = r.table("nodes");
  // Figure 4.7: 1 = x(theta1, theta2), 2 = +(theta2, theta3), 3 = x(theta3, -2),
  // 4 = sin(a1), 5 = exp(a2), 6 = sum(a4, a5, a3)
  const char* inputs[] = {"theta1, theta2", "theta2, theta3", "theta3, -2", "a1", "a2",
                          "a4, a5, a3"};
  for (std::size_t k = 0; k < 6; ++k) CHECK(text_cell(nodes, k, "inputs") == inputs[k]);
  std::string dot;
  for (const auto& row : r.table("dot").rows) dot += std::get<std::string>(row[0]) + "\n";
  CHECK(dot.rfind("digraph", 0) == 0);
  CHECK(dot.find("n7 -> n9 [label=\"a₄\"];") != std::string::npos);
}

TEST_CASE("medl04 eq-4.26: the forward-difference error is V-shaped in h") {
  const auto r = compute(item("eq-4.26"));
  // catalogue C25 (numpy on the same function): minimum in [1e-9, 1e-7] and the error at
  // 1e-12 more than 100x the minimum; truncation O(h) at large h: 56.71 at 1e-1, 0.05483 at 1e-4.
  CHECK(r.value("best_h") >= 1e-9);
  CHECK(r.value("best_h") <= 1e-7);
  CHECK(r.value("error_h_1e-12") > 100 * r.value("best_error"));
  CHECK(r.value("error_h_1e-1") == doctest::Approx(56.71).epsilon(1e-4));  // 4 digits printed
  CHECK(r.value("error_h_1e-4") == doctest::Approx(0.05483).epsilon(1e-3));
}

TEST_CASE("medl04 section 4.4: points where g or (4.27) overflow are refused in one line") {
  // theta = 1e308 printed g_1 = NaN (1e308 - 7e308 + 5e308) and inf primals in Table 4.1
  CHECK_THROWS_AS(compute(item("section-4.4-example"), {"theta=1e308,1e308,1e308"}),
                  descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("table-4.1"), {"theta=1,1,1e3"}), descent::invalid_argument);
  const auto edge = compute(item("table-4.1"), {"theta=100,100,100"});  // exp(200) is finite
  CHECK(edge.status.empty());
}
