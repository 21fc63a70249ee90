// Aggarwal ch. 3, the diagrams of figure-3.5 (dynamic programming, Eq. 3.8), figure-3.8 (a
// chain of one-node layers, Eq. 3.38), figure-3.18 (where BN sits) and exercise-1 (the network
// of the recurrence 3.66): each diagram is read back from its DOT source and its nodes and edges
// are counted against the structure the item's parameters describe, counted here independently;
// the numbers in the tooltips are checked against closed forms and recurrences written out here.

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "chapters.hpp"

using descent::app::compute;
using descent::testing::figure;

namespace {

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(descent::testing::aggarwal03(), id);
}

// A drawn graph: nodes (id -> label, tooltip) and edges in the order the DOT lists them.
struct Drawn {
  struct Node {
    std::string label, tooltip;
  };
  struct Edge {
    std::string from, to, label, tooltip, attributes;
  };
  std::map<std::string, Node> nodes;
  std::vector<Edge> edges;

  // The id of the node whose label starts with `prefix` (exactly one must).
  [[nodiscard]] std::string id_of(const std::string& prefix) const {
    std::string found;
    for (const auto& [id, n] : nodes)
      if (n.label.rfind(prefix, 0) == 0) {
        if (!found.empty()) FAIL("two nodes labelled " << prefix);
        found = id;
      }
    if (found.empty()) FAIL("no node labelled " << prefix);
    return found;
  }
  [[nodiscard]] const Edge& edge(const std::string& from, const std::string& to) const {
    for (const auto& e : edges)
      if (e.from == from && e.to == to) return e;
    FAIL("no edge " << from << " -> " << to);
    return edges.front();
  }
  [[nodiscard]] std::vector<const Edge*> out_of(const std::string& from) const {
    std::vector<const Edge*> out;
    for (const auto& e : edges)
      if (e.from == from) out.push_back(&e);
    return out;
  }
};

Drawn parse(const std::string& dot) {
  Drawn g;
  const std::regex edge(R"re(^\s+(\w+) -> (\w+) \[label="([^"]*)", tooltip="([^"]*)"(.*)\];$)re");
  const std::regex node(R"re(^\s+(\w+) \[label="([^"]*)"(?:, tooltip="([^"]*)")?)re");
  std::istringstream lines(dot);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_search(line, m, edge))
      g.edges.push_back({m[1], m[2], m[3], m[4], m[5]});
    else if (std::regex_search(line, m, node))
      g.nodes[m[1]] = {m[2], m[3]};
  }
  return g;
}

double sigmoid(double a) {
  return 1 / (1 + std::exp(-a));
}

// A one-digit n as a Unicode subscript: ₀ … ₉ are U+2080 … U+2089.
std::string subscript(int n) {
  REQUIRE(n >= 0);
  REQUIRE(n <= 9);
  return std::string("\xe2\x82") + char(0x80 + n);
}

}  // namespace

TEST_CASE("aggarwal03 figure-3.5 diagram: the product graph with S(i, o) of Eq. 3.8") {
  for (const double w : {1.0, 1.1, -0.7})
    for (int L = 1; L <= 4; ++L) {
      CAPTURE(w);
      CAPTURE(L);
      const auto r =
          compute(item("figure-3.5"),
                  {"w=" + std::to_string(w), "drawn_layers=" + std::to_string(L), "max_layers=2"});
      const auto g = parse(figure(r, "figure-3.5").dot);
      // w, two units in each of L layers, o; 2 edges out of w, 4 between consecutive layers,
      // 2 into o
      CHECK(g.nodes.size() == std::size_t(2 * L + 2));
      CHECK(g.edges.size() == std::size_t(4 * L));
      const auto S = [&](const std::string& prefix) {
        return std::stod(g.nodes.at(g.id_of(prefix)).tooltip);
      };
      // o = w^(2^L), so S(w, o) = do/dw = 2^L w^(2^L − 1)
      const double n = std::pow(2.0, L);
      CHECK(S("w =") == doctest::Approx(n * std::pow(w, n - 1)).epsilon(1e-14));
      CHECK(S("o =") == 1);
      for (int i = 1; i <= L; ++i)
        for (int j = 1; j <= 2; ++j) {
          // h(i, ·) = u = w^(2^(i−1)) and o = (h(i, 1) h(i, 2))^(2^(L−i)), so
          // ∂o/∂h(i, j) = 2^(L−i) u^(2^(L−i+1) − 1)
          const double u = std::pow(w, std::pow(2.0, i - 1)), m = std::pow(2.0, L - i);
          const std::string unit = "h(" + std::to_string(i) + "," + std::to_string(j) + ")";
          CHECK(S(unit + " =") == doctest::Approx(m * std::pow(u, 2 * m - 1)).epsilon(1e-14));
          // the edges into the unit: z = 1 from w, else the other input's value
          for (const auto& e : g.edges)
            if (e.to == g.id_of(unit + " ="))
              CHECK(
                  std::stod(e.tooltip) ==
                  doctest::Approx(i == 1 ? 1.0 : std::pow(w, std::pow(2.0, i - 2))).epsilon(1e-14));
        }
    }
}

TEST_CASE("aggarwal03 figure-3.8 diagram: a chain of depth r, each step by Eq. 3.38") {
  const std::vector<std::string> fast{"chains=10", "seeds=1", "width=3", "network_depth=2"};
  for (const int r : {1, 2, 6, 7, 10}) {
    CAPTURE(r);
    auto sets = fast;
    sets.push_back("depth=" + std::to_string(r));
    const auto g = parse(figure(compute(item("figure-3.8"), sets), "figure-3.8").dot);
    // the input x, the hidden h_1 … h_(r−1) and the output o, r weighted edges; chains longer
    // than 6 layers show x, h_1, h_2 and h_(r−2), h_(r−1), o around one "…" node
    const bool elided = r > 6;
    CHECK(g.nodes.size() == std::size_t(elided ? 7 : r + 1));
    CHECK(g.edges.size() == std::size_t(elided ? 6 : r));
    std::size_t valued = 0;
    for (const auto& e : g.edges) {
      if (e.tooltip.empty()) {  // into or out of the elided layers
        CHECK(e.attributes.find("dashed") != std::string::npos);
        continue;
      }
      ++valued;
      // h_t = σ(w_t h_(t−1)) and ∂L/∂h_(t−1) = σ'(a_t) w_t ∂L/∂h_t (Eq. 3.38)
      const double w = std::stod(e.tooltip);
      std::istringstream tail(g.nodes.at(e.from).tooltip), head(g.nodes.at(e.to).tooltip);
      double h0, g0, h1, g1;
      tail >> h0 >> g0;
      head >> h1 >> g1;
      const double a = w * h0;
      CHECK(h1 == doctest::Approx(sigmoid(a)).epsilon(1e-15));
      CHECK(g0 == doctest::Approx(sigmoid(a) * (1 - sigmoid(a)) * w * g1).epsilon(1e-14));
      CHECK(std::fabs(g0) <= 0.25 * std::fabs(w * g1));  // Φ' ≤ 1/4 for the sigmoid
    }
    CHECK(valued == std::size_t(elided ? 4 : r));
    std::istringstream o(g.nodes.at(g.id_of("o =")).tooltip);
    double o_value, dL_do;
    o >> o_value >> dL_do;
    CHECK(dL_do == 1);
    if (elided) {  // the layers named as the depth says: h₃ … h₍ᵣ₋₃₎ elided, h₍ᵣ₋₁₎ drawn
      CHECK(g.nodes.at("between").label == "h₃ … h" + subscript(r - 3));
      CHECK(g.nodes.count(g.id_of("h" + subscript(r - 1) + " =")) == 1);
    }
  }
}

TEST_CASE("aggarwal03 figure-3.18 diagram: the networks it trains, BN before or after Φ") {
  const std::vector<std::string> quick{"train=300", "validation=100", "epochs=1"};
  struct Case {
    std::string widths, activation, phi_label;
  };
  for (const Case& c : {Case{"100,100", "sigmoid", "sigmoid"}, Case{"50,30,20", "relu", "ReLU"},
                        Case{"16", "tanh", "tanh"}}) {
    CAPTURE(c.widths);
    auto sets = quick;
    sets.push_back("widths=" + c.widths);
    sets.push_back("activation=" + c.activation);
    const auto r = compute(item("figure-3.18"), sets);
    const auto g = parse(figure(r, "figure-3.18").dot);
    CHECK(figure(r, "figure-3.18-training").panels.size() == 2);
    std::vector<int> widths{784};
    for (std::istringstream in(c.widths); in.good();) {
      std::string w;
      std::getline(in, w, ',');
      widths.push_back(std::stoi(w));
    }
    widths.push_back(10);
    const std::size_t hidden = widths.size() - 2;
    // the column of each network, read along its edges from the input
    const auto column = [&](const std::string& prefix) {
      std::vector<std::string> labels;
      std::string at = prefix + "_x";
      for (std::size_t guard = 0; guard < 100; ++guard) {
        labels.push_back(g.nodes.at(at).label);
        const auto next = g.out_of(at);
        if (next.empty()) break;
        REQUIRE(next.size() == 1);
        at = next.front()->to;
      }
      return labels;
    };
    // x, then per hidden layer: the linear map and, in the placement's order, BN and Φ, then
    // the output's linear map and the loss
    for (const std::string prefix : {"post", "pre", "plain"}) {
      CAPTURE(prefix);
      const auto labels = column(prefix);
      const std::size_t per_layer = prefix == "plain" ? 2 : 3;
      REQUIRE(labels.size() == 1 + per_layer * hidden + 1 + 1);
      CHECK(labels.front() == "x (784 pixels)");
      CHECK(labels.back() == "softmax, cross-entropy L");
      for (std::size_t k = 0; k <= hidden; ++k) {
        const std::string linear = labels[1 + per_layer * k];
        CHECK(linear.find(std::to_string(widths[k]) + " → " + std::to_string(widths[k + 1])) !=
              std::string::npos);
        if (k == hidden) break;
        const std::string second = labels[2 + per_layer * k];
        if (prefix == "plain") {
          CHECK(second == c.phi_label);
          continue;
        }
        const std::string third = labels[3 + per_layer * k];
        const std::string bn = prefix == "pre" ? second : third;
        const std::string phi = prefix == "pre" ? third : second;
        CHECK(bn.rfind("BN", 0) == 0);
        CHECK(bn.find(": " + std::to_string(widths[k + 1]) + ")") != std::string::npos);
        CHECK(phi == c.phi_label);
      }
    }
    // nothing else is drawn: three columns of nodes, each a chain
    CHECK(g.nodes.size() == 2 * (1 + 3 * hidden + 2) + (1 + 2 * hidden + 2));
    CHECK(g.edges.size() == 2 * (3 * hidden + 2) + (2 * hidden + 2));
  }
}

TEST_CASE("aggarwal03 exercise-1 diagram: the recurrence unrolled, its Jacobians on the edges") {
  for (const double x1 : {1.0, 0.5})
    for (const double y1 : {2.0, -1.5})
      for (const int steps : {2, 5, 6}) {
        CAPTURE(x1);
        CAPTURE(y1);
        CAPTURE(steps);
        const auto r =
            compute(item("exercise-1"), {"x=" + std::to_string(x1), "y=" + std::to_string(y1),
                                         "steps=" + std::to_string(steps)});
        const auto g = parse(figure(r, "exercise-1").dot);
        // x and y at steps 0..s; f and g each read both x and y: 4 edges a step
        CHECK(g.nodes.size() == std::size_t(2 * (steps + 1)));
        REQUIRE(g.edges.size() == std::size_t(4 * steps));
        // the recurrence iterated here: f = xy, g = x + y²
        std::vector<double> x{x1}, y{y1};
        for (int k = 0; k < steps; ++k) {
          x.push_back(x[k] * y[k]);
          y.push_back(x[k] + y[k] * y[k]);
        }
        const auto value = [&](const std::string& id) { return std::stod(g.nodes.at(id).tooltip); };
        const auto z = [&](const std::string& from, const std::string& to) {
          return std::stod(g.edge(from, to).tooltip);
        };
        for (int k = 0; k <= steps; ++k) {
          const std::string xk = "x" + std::to_string(k), yk = "y" + std::to_string(k);
          CHECK(value(xk) == doctest::Approx(x[k]).epsilon(1e-15));
          CHECK(value(yk) == doctest::Approx(y[k]).epsilon(1e-15));
          if (k == steps) break;
          const std::string xn = "x" + std::to_string(k + 1), yn = "y" + std::to_string(k + 1);
          CHECK(z(xk, xn) == doctest::Approx(y[k]).epsilon(1e-15));      // ∂f/∂x = y
          CHECK(z(yk, xn) == doctest::Approx(x[k]).epsilon(1e-15));      // ∂f/∂y = x
          CHECK(z(xk, yn) == 1);                                         // ∂g/∂x = 1
          CHECK(z(yk, yn) == doctest::Approx(2 * y[k]).epsilon(1e-15));  // ∂g/∂y = 2y
        }
        // part (a) on the drawing: the coloured edges are the two paths x₁ → x₂ → x₃ and
        // x₁ → y₂ → x₃, whose products sum to 2xy + y³ (at x₁, y₁)
        std::size_t coloured = 0;
        for (const auto& e : g.edges)
          if (e.attributes.find("color") != std::string::npos) ++coloured;
        CHECK(coloured == 4);
        for (const auto* pair :
             {&g.edge("x0", "x1"), &g.edge("x0", "y1"), &g.edge("x1", "x2"), &g.edge("y1", "x2")})
          CHECK(pair->attributes.find("color") != std::string::npos);
        const double paths = z("x0", "x1") * z("x1", "x2") + z("x0", "y1") * z("y1", "x2");
        CHECK(paths == doctest::Approx(2 * x1 * y1 + y1 * y1 * y1).epsilon(1e-15));
        CHECK(r.value("dx2_dx0") == doctest::Approx(paths).epsilon(1e-15));
      }
}

TEST_CASE("aggarwal03 exercise-1 diagram: values that leave the doubles are said in the status") {
  // y grows like y^(2^k): from 1e10, y₅ ≈ 1e160 and y₆ ≈ 1e320 is past the doubles
  const auto r = compute(item("exercise-1"), {"x=1e10", "y=1e10", "steps=5"});
  CHECK(r.status.find("x6, y6 leave the doubles") != std::string::npos);
  CHECK(std::isfinite(r.value("dx2_dx0")));
  const auto fine = compute(item("exercise-1"), {"x=1e10", "y=1e10", "steps=4"});
  CHECK(fine.status.empty());
}
