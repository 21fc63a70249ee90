// Notes §2.4: the instrumental variables (2.10), Figure 2.1's graph and the adjoints
// (2.11) against the catalogue's reference values (N17, N18: torch.autograd, bit-identical
// there) and tests/reference/fixtures/autodiff.json (torch, generate_autodiff.py).

#include <doctest/doctest.h>

#include <iomanip>
#include <set>
#include <sstream>
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

std::string number(double x) {
  std::ostringstream s;
  s << std::setprecision(17) << x;
  return s.str();
}

// The catalogue states abs 1e-13 for these few operations on O(1)..O(20) values.
constexpr double kAbs = 1e-13;

}  // namespace

TEST_CASE("notes02 eq-2.10: the instrumental variables at (1.5, 2) and (-1, 0.5)") {
  const auto r = compute(item("eq-2.10"));
  CHECK(r.value("v3") == 3.0);
  CHECK(r.value("v4") == doctest::Approx(20.085536923187668).epsilon(kAbs));
  CHECK(std::fabs(r.value("v5") - 21.085536923187668) < kAbs);
  CHECK(std::fabs(r.value("v6") - 3.048587351573742) < kAbs);
  CHECK(std::fabs(r.value("v7") - -0.048587351573742055) < kAbs);
  const auto s = compute(item("eq-2.10"), {"x=-1", "y=0.5"});
  CHECK(std::fabs(s.value("v4") - 0.6065306597126334) < kAbs);
  CHECK(std::fabs(s.value("v6") - 0.4740769841801067) < kAbs);
  CHECK(std::fabs(s.value("v7") - -0.9740769841801067) < kAbs);
}

TEST_CASE("notes02 figure-2.1: 7 nodes and exactly the 7 edges of the graph") {
  const auto r = compute(item("figure-2.1"));
  CHECK(r.value("nodes") == 7);
  std::set<std::pair<std::string, std::string>> edges;
  const auto& table = r.table("edges");
  for (std::size_t row = 0; row < table.rows.size(); ++row)
    edges.emplace(descent::testing::text_cell(table, row, "from"),
                  descent::testing::text_cell(table, row, "to"));
  // catalogue N17: v1->v3, v2->v3, v3->v4, v4->v5, v5->v6, v3->v7, v6->v7
  const std::set<std::pair<std::string, std::string>> expected{
      {"v1", "v3"}, {"v2", "v3"}, {"v3", "v4"}, {"v4", "v5"},
      {"v5", "v6"}, {"v3", "v7"}, {"v6", "v7"}};
  CHECK(edges == expected);
  CHECK(r.table("edges").rows.size() == 7);
}

TEST_CASE("notes02 eq-2.11: adjoints of the tape equal (2.11) and torch") {
  const auto r = compute(item("eq-2.11"));
  // catalogue N18 at (1.5, 2)
  CHECK(r.value("bar_v7") == 1.0);
  CHECK(r.value("bar_v6") == -1.0);
  CHECK(std::fabs(r.value("bar_v5") - -0.04742587317756678) < kAbs);
  CHECK(std::fabs(r.value("bar_v4") - -0.04742587317756678) < kAbs);
  CHECK(std::fabs(r.value("bar_v3") - 0.047425873177566746) < kAbs);
  CHECK(std::fabs(r.value("bar_v2") - 0.07113880976635012) < kAbs);
  CHECK(std::fabs(r.value("bar_v1") - 0.09485174635513349) < kAbs);
  const auto s = compute(item("eq-2.11"), {"x=-1", "y=0.5"});
  CHECK(std::fabs(s.value("bar_v5") - -0.6224593312018546) < kAbs);
  CHECK(std::fabs(s.value("bar_v3") - 0.6224593312018545) < kAbs);
  CHECK(std::fabs(s.value("bar_v2") - -0.6224593312018545) < kAbs);
  CHECK(std::fabs(s.value("bar_v1") - 0.31122966560092724) < kAbs);
  const auto fixture = load_fixture("autodiff.json");  // keep the document alive
  for (const auto& ref : fixture["notes_f"]) {
    const auto t = compute(item("eq-2.11"), {"x=" + number(ref["x"]), "y=" + number(ref["y"])});
    CHECK(std::fabs(t.value("df_dx") - double(ref["gradient"][0])) < kAbs);
    CHECK(std::fabs(t.value("df_dy") - double(ref["gradient"][1])) < kAbs);
    CHECK(std::fabs(t.value("df_dx_closed_form") - double(ref["gradient"][0])) < kAbs);
  }
}

TEST_CASE("notes02 exercise-2.5: the tape, (2.11) and central differences agree") {
  const auto r = compute(item("exercise-2.5"));
  CHECK(r.value("max_tape_vs_2_11") < 1e-14);  // same formulas, a few roundings apart
  // central differences, h = 1e-6: truncation ~1e-12 plus round-off ~1e-10 (catalogue: 1.2e-10)
  CHECK(r.value("max_tape_vs_central_difference") < 1e-9);
  CHECK_THROWS_AS(compute(item("exercise-2.5"), {"x=1,2", "y=1"}), descent::invalid_argument);
}

TEST_CASE("notes02 eq-2.10: f computed stably where the notes' literal form overflows") {
  // f = xy - log(1 + e^{xy}) = -log(1 + e^{-xy}) (softplus): at the default point the two
  // agree; at x = 1e9 the literal v4 = e^{xy} is inf, and f is -e^{-2e9} = -0 (to double).
  const auto r = compute(item("eq-2.10"));
  CHECK(r.value("f_stable") == doctest::Approx(r.value("v7")).epsilon(1e-14));
  CHECK(r.value("f_stable") == doctest::Approx(-std::log1p(std::exp(-3.0))).epsilon(1e-15));
  CHECK(r.status.empty());
  const auto big = compute(item("eq-2.10"), {"x=1e9"});
  CHECK(big.value("f_stable") == 0);
  CHECK(std::isinf(big.value("v4")));
  CHECK(big.status.rfind("the notes' literal form overflows: v4 = exp(v3) = inf for v3 = xy = "
                         "2000000000 > 709.78",
                         0) == 0);
  CHECK(big.status.find("not finite") == std::string::npos);
  // just below the overflow the literal form still works: 709 - log(1 + e^709) = -e^-709
  const auto edge = compute(item("eq-2.10"), {"x=709", "y=1"});
  CHECK(edge.status.empty());
  CHECK(std::isfinite(edge.value("v7")));
}

TEST_CASE("notes02 eq-2.11 and exercise-2.5 refuse points where (2.10) overflows") {
  // eq-2.11 at x = 1e9 printed NaN adjoints and closed forms (inf/inf)
  CHECK_THROWS_WITH_AS(compute(item("eq-2.11"), {"x=1e9"}),
                       doctest::Contains("allowed: x y <= 709.78"), descent::invalid_argument);
  CHECK_THROWS_WITH_AS(compute(item("exercise-2.5"), {"x=354.9", "y=2"}),
                       doctest::Contains("allowed: x y <= 709.78"), descent::invalid_argument);
  CHECK(compute(item("eq-2.11"), {"x=354", "y=2"}).status.empty());
}
