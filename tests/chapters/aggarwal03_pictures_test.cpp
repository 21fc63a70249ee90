// Aggarwal ch. 3, the pictures of eq-3.2, eq-3.3, eq-3.5, figure-3.4, section-3.2.3 (Graphviz
// graphs) and exercise-6: the graphs are read back from their DOT source (edges with the
// 17-digit local derivative in their tooltip) and checked against closed forms written out
// here, and the pathwise aggregation of Lemma 3.2.1 is redone on the drawn graph.

#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "chapters.hpp"

using descent::app::compute;
using descent::testing::figure;

namespace {

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(descent::testing::aggarwal03(), id);
}

// A drawn graph: node id -> label, edges (from, to, local derivative from the tooltip).
struct Drawn {
  std::map<std::string, std::string> labels;
  struct Edge {
    std::string from, to;
    double z;
  };
  std::vector<Edge> edges;

  // The label of the node whose label starts with `prefix`.
  [[nodiscard]] std::string id_of(const std::string& prefix) const {
    for (const auto& [id, label] : labels)
      if (label.rfind(prefix, 0) == 0) return id;
    FAIL("no node labelled " << prefix);
    return "";
  }
  [[nodiscard]] double z(const std::string& from_prefix, const std::string& to_prefix) const {
    const auto a = id_of(from_prefix), b = id_of(to_prefix);
    for (const auto& e : edges)
      if (e.from == a && e.to == b) return e.z;
    FAIL("no edge " << from_prefix << " -> " << to_prefix);
    return 0;
  }
  // Lemma 3.2.1 on the drawing: Σ over paths from `from` to `to` of Π z, and the path count.
  [[nodiscard]] std::pair<double, double> paths(const std::string& from,
                                                const std::string& to) const {
    std::function<std::pair<double, double>(const std::string&)> walk =
        [&](const std::string& node) -> std::pair<double, double> {
      if (node == to) return {1.0, 1.0};
      double sum = 0, count = 0;
      for (const auto& e : edges)
        if (e.from == node) {
          const auto [s, c] = walk(e.to);
          sum += e.z * s, count += c;
        }
      return {sum, count};
    };
    return walk(from);
  }
};

// The subscript digit the drawings write after a unit's name (h₁, x₂): 1 ≤ k ≤ 9.
std::string subscript(int k) {
  const char* digits[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
  return digits[k];
}

Drawn parse(const std::string& dot) {
  Drawn g;
  const std::regex node(R"re(^\s+(\w+) \[label="([^"]*)")re");
  const std::regex edge(R"re(^\s+(\w+) -> (\w+) \[label="[^"]*", tooltip="([^"]*)"\])re");
  std::istringstream lines(dot);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_search(line, m, edge))
      g.edges.push_back({m[1], m[2], std::stod(m[3])});
    else if (std::regex_search(line, m, node))
      g.labels[m[1]] = m[2];
  }
  return g;
}

}  // namespace

TEST_CASE("aggarwal03 eq-3.2 picture: Figure 3.1's path w -> y = w^2 -> o = cos(y)") {
  const auto r = compute(item("eq-3.2"));  // w = 0.5 first
  const auto g = parse(figure(r, "eq-3.2").dot);
  CHECK(g.labels.size() == 3);
  REQUIRE(g.edges.size() == 2);
  const double w = 0.5;
  CHECK(g.z("w =", "y =") == doctest::Approx(2 * w).epsilon(1e-15));
  CHECK(g.z("y =", "o =") == doctest::Approx(-std::sin(w * w)).epsilon(1e-15));
  const auto [d, count] = g.paths(g.id_of("w ="), g.id_of("o ="));
  CHECK(count == 1);
  CHECK(d == doctest::Approx(-2 * w * std::sin(w * w)).epsilon(1e-15));  // the book's result
}

TEST_CASE("aggarwal03 eq-3.3 and eq-3.5 pictures: two paths, their products sum to Eq. 3.5") {
  for (const char* id : {"eq-3.3", "eq-3.5"}) {
    CAPTURE(id);
    for (const double w : {0.5, 2.0}) {
      const auto r = compute(item(id), {"w=" + std::to_string(w)});
      const auto g = parse(figure(r, id).dot);
      CHECK(g.labels.size() == 5);
      REQUIRE(g.edges.size() == 5);
      CHECK(g.z("w =", "y =") == doctest::Approx(2 * w).epsilon(1e-15));
      CHECK(g.z("y =", "p =") == doctest::Approx(-std::sin(w * w)).epsilon(1e-15));
      CHECK(g.z("y =", "q =") == doctest::Approx(std::cos(w * w)).epsilon(1e-15));
      CHECK(g.z("p =", "o =") == 1);
      CHECK(g.z("q =", "o =") == 1);
      const auto [d, count] = g.paths(g.id_of("w ="), g.id_of("o ="));
      CHECK(count == 2);
      CHECK(d ==
            doctest::Approx(-2 * w * std::sin(w * w) + 2 * w * std::cos(w * w)).epsilon(1e-14));
    }
  }
}

TEST_CASE("aggarwal03 figure-3.4 picture: 32 paths whose products sum to 32 w^31") {
  const auto r = compute(item("figure-3.4"));  // w = 1.1, 5 layers
  const auto g = parse(figure(r, "figure-3.4").dot);
  CHECK(g.labels.size() == 12);  // w, 2 units in each of 5 layers, o
  CHECK(g.edges.size() == 20);   // 2 from w, 4 between each of the 4 pairs of layers, 2 into o
  const double w = 1.1;
  // the local derivative into h(i, j) is the other input's value h(i - 1, ·) = w^(2^(i - 2))
  for (int i = 2; i <= 5; ++i)
    for (int j = 1; j <= 2; ++j)
      for (int k = 1; k <= 2; ++k) {
        const std::string from = "h(" + std::to_string(i - 1) + "," + std::to_string(k) + ")";
        const std::string to = "h(" + std::to_string(i) + "," + std::to_string(j) + ")";
        CHECK(g.z(from, to) == doctest::Approx(std::pow(w, std::pow(2.0, i - 2))).epsilon(1e-14));
      }
  const auto [d, count] = g.paths(g.id_of("w ="), g.id_of("o\\n"));
  CHECK(count == 32);
  CHECK(d == doctest::Approx(32 * std::pow(w, 31)).epsilon(1e-13));
}

TEST_CASE("aggarwal03 section-3.2.3 picture: z(i, j) = w_ij sigma'(a_j) and Delta by Eq. 3.10") {
  const auto r = compute(item("section-3.2.3"));  // x = (0.5, -1), y = 1
  const auto g = parse(figure(r, "section-3.2.3").dot);
  CHECK(g.edges.size() == 2 * 3 + 3 + 1);
  // the toy network's weights (catalogue A9): W1 = [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]],
  // b1 = (0.01, -0.02, 0.03), W2 = (0.7, -0.8, 0.9), b2 = 0.05
  const double W1[2][3] = {{0.1, -0.2, 0.3}, {0.4, 0.5, -0.6}}, b1[3] = {0.01, -0.02, 0.03};
  const double W2[3] = {0.7, -0.8, 0.9}, x[2] = {0.5, -1};
  const auto sigma = [](double a) { return 1 / (1 + std::exp(-a)); };
  const auto slope = [&](double a) { return sigma(a) * (1 - sigma(a)); };
  double h[3], a_o = 0.05;
  for (int j = 0; j < 3; ++j) {
    const double a = x[0] * W1[0][j] + x[1] * W1[1][j] + b1[j];
    h[j] = sigma(a);
    a_o += h[j] * W2[j];
    const std::string unit = "h" + subscript(j + 1) + "\\n";
    for (int i = 0; i < 2; ++i)
      CHECK(g.z("x" + subscript(i + 1) + " =", unit) ==
            doctest::Approx(W1[i][j] * slope(a)).epsilon(1e-13));
  }
  const double o = sigma(a_o), dL_do = o - 1;
  CHECK(g.z("o\\n", "L =") == doctest::Approx(dL_do).epsilon(1e-13));
  for (int j = 0; j < 3; ++j) {
    const std::string unit = "h" + subscript(j + 1) + "\\n";
    CHECK(g.z(unit, "o\\n") == doctest::Approx(W2[j] * slope(a_o)).epsilon(1e-13));
    // Eq. 3.10: Delta(h_j) = z(h_j, o) Delta(o), the table's value
    CHECK(r.value("Delta_h_" + std::to_string(j + 1)) ==
          doctest::Approx(g.z(unit, "o\\n") * g.z("o\\n", "L =")).epsilon(1e-13));
  }
  // Lemma 3.2.1 on the drawing: dL/dx1 summed over the three paths x1 -> h_j -> o -> L
  const auto [d, count] = g.paths(g.id_of("x₁ ="), g.id_of("L ="));
  CHECK(count == 3);
  double expected = 0;
  for (int j = 0; j < 3; ++j) {
    const double a = x[0] * W1[0][j] + x[1] * W1[1][j] + b1[j];
    expected += W1[0][j] * slope(a) * W2[j] * slope(a_o) * dL_do;
  }
  CHECK(d == doctest::Approx(expected).epsilon(1e-13));
}

namespace {
double at(const descent::report::Series& s, std::size_t row, const std::string& column) {
  return s.rows.at(row).at(s.column(column));
}
}  // namespace

TEST_CASE("aggarwal03 exercise-6 picture: the two trajectories on x^2 + y^10") {
  const auto r = compute(item("exercise-6"));  // alpha = 0.01, 10000 steps
  // from (0.5, 0.5): x(t) = 0.5 (1 - 2 alpha)^t exactly; y follows y <- y - 10 alpha y^9,
  // iterated here independently
  const auto& a = r.find_series("path_a");
  REQUIRE(a.rows.size() > 1000);
  double y = 0.5;
  int t = 0;
  for (std::size_t k = 0; k < a.rows.size(); ++k) {
    const int tk = static_cast<int>(at(a, k, "t"));
    for (; t < tk; ++t) y -= 0.1 * std::pow(y, 9);
    CHECK(at(a, k, "x") == doctest::Approx(0.5 * std::pow(0.98, tk)).epsilon(1e-11));
    CHECK(at(a, k, "y") == doctest::Approx(y).epsilon(1e-13));
    CHECK(at(a, k, "C") ==
          doctest::Approx(at(a, k, "x") * at(a, k, "x") + std::pow(y, 10)).epsilon(1e-13));
  }
  CHECK(at(a, a.rows.size() - 1, "t") == 10000);
  CHECK(at(a, a.rows.size() - 1, "y") > 0.3);  // y has crept only from 0.5
  // from (2, 2): y1 = 2 - 0.1 * 2^9 = -49.2, y2 = -49.2 + 0.1 * 49.2^9, then beyond 1e126
  const auto& b = r.find_series("path_b");
  REQUIRE(b.rows.size() == 4);
  CHECK(at(b, 1, "x") == doctest::Approx(1.96).epsilon(1e-15));
  CHECK(at(b, 1, "y") == doctest::Approx(-49.2).epsilon(1e-14));
  CHECK(at(b, 2, "y") == doctest::Approx(-49.2 + 0.1 * std::pow(49.2, 9)).epsilon(1e-13));
  CHECK(at(b, 3, "|y|") > 1e126);
  // panel (a) draws the first step of (2, 2) up to the frame's lower edge y = -0.1
  const auto& framed = r.find_series("framed_b");
  REQUIRE(framed.rows.size() == 2);
  CHECK(at(framed, 1, "y") == doctest::Approx(-0.1).epsilon(1e-14));
  CHECK(at(framed, 1, "x") == doctest::Approx(2 - 0.04 * 2.1 / 51.2).epsilon(1e-14));
  CHECK(r.find_series("framed_a").rows.size() == a.rows.size());  // never leaves the frame
  const auto& grid = r.find_series("landscape");
  for (std::size_t k = 0; k < grid.rows.size(); k += 101) {
    const double gx = at(grid, k, "theta1"), gy = at(grid, k, "theta2");
    CHECK(at(grid, k, "C") == doctest::Approx(gx * gx + std::pow(gy, 10)).epsilon(1e-14));
  }
}
