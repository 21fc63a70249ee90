/// \file
/// Risteski Lecture 5, "Backpropagation" slides: the derivative of the output with respect
/// to every node by (a) the forward all-pairs algorithm ("Observation 2", Ω(V²)) and
/// (b) reverse message passing ("Observation 3", O(V + E)), with their multiply-adds
/// counted on layered graphs of growing size; and the quadratic cost of recomputing
/// activations instead of storing them ("memory O(V)").

#include <cmath>
#include <string>
#include <vector>

#include "common/errata.hpp"
#include "descent/core/error.hpp"
#include "descent/core/random.hpp"
#include "risteski05/sections.hpp"

namespace descent::chapters::risteski05 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

// The layered DAG G(w, L): layers 0..L−1 of w nodes, complete bipartite edges between
// consecutive layers, one output f fed by every node of layer L−1 (catalogue L16). Each
// edge k → i carries a local partial ∂u_i/∂z_k drawn from U(−1, 1).
struct LayeredGraph {
  long width = 0, layers = 0;
  std::vector<int> layer;                    // of each node; the output is layer L
  std::vector<std::vector<long>> parents;    // per node
  std::vector<std::vector<double>> partial;  // per node, per parent
  [[nodiscard]] long size() const { return long(layer.size()); }
};

LayeredGraph layered_graph(long w, long L, Rng& rng) {
  LayeredGraph g;
  g.width = w, g.layers = L;
  for (long l = 0; l <= L; ++l) {
    const long count = l < L ? w : 1;
    for (long k = 0; k < count; ++k) {
      g.layer.push_back(int(l));
      g.parents.emplace_back();
      g.partial.emplace_back();
      if (l == 0) continue;
      for (long p = (l - 1) * w; p < l * w; ++p) {
        g.parents.back().push_back(p);
        g.partial.back().push_back(rng.uniform(-1, 1));
      }
    }
  }
  return g;
}

struct Counts {
  double macs = 0;
  double pairs = 0;
  std::vector<double> df;  // ∂f/∂u for every node u
};

//! [forward-all-pairs]
// "Observation 2": D[i][j] = ∂u_i/∂u_j for every node i and every node j in a strictly lower
// layer, D[i][j] = Σ_{k ∈ parents(i)} ∂u_i/∂z_k · D[k][j] with D[k][k] = 1: one
// multiply-add per term, Θ(V²) pairs.
Counts forward_all_pairs(const LayeredGraph& g) {
  const long V = g.size();
  std::vector<std::vector<double>> D(V, std::vector<double>(V, 0.0));
  Counts c;
  for (long i = 0; i < V; ++i) {
    D[i][i] = 1;
    for (long j = 0; j < V && g.layer[j] < g.layer[i]; ++j) {
      double s = 0;
      for (std::size_t k = 0; k < g.parents[i].size(); ++k) {
        s += g.partial[i][k] * D[g.parents[i][k]][j];
        c.macs += 1;
      }
      D[i][j] = s;
      c.pairs += 1;
    }
  }
  c.df.assign(D[V - 1].begin(), D[V - 1].end());
  return c;
}
//! [forward-all-pairs]

//! [reverse-messages]
// "Observation 3": from S(f) = 1, every node sends S(i) · ∂u_i/∂z_k to each parent k;
// a node's S is the sum of its messages: one multiply-add per edge, O(V + E).
Counts reverse_messages(const LayeredGraph& g) {
  const long V = g.size();
  Counts c;
  c.df.assign(V, 0.0);
  c.df[V - 1] = 1;
  for (long i = V - 1; i >= 0; --i)
    for (std::size_t k = 0; k < g.parents[i].size(); ++k) {
      c.df[g.parents[i][k]] += g.partial[i][k] * c.df[i];
      c.macs += 1;
    }
  return c;
}
//! [reverse-messages]

// The most tanh evaluations the recompute count may take: about 4 s here.
constexpr double kMostEvaluations = 1e8;

Result backprop_complexity(const Params& p) {
  double evaluations_asked = 0;  // recomputing costs n(n + 1)/2 evaluations per chain
  for (const double n : p.vector("chain_lengths")) evaluations_asked += n * (n + 1) / 2;
  if (evaluations_asked > kMostEvaluations)
    throw invalid_argument("chain_lengths ask for " + short_number(evaluations_asked) +
                           " recomputed evaluations (n(n + 1)/2 each); allowed: at most " +
                           short_number(kMostEvaluations) + " in all");
  const long w = p.integer("width");
  const auto depths = p.vector("depths");
  Rng rng(static_cast<std::uint64_t>(p.integer("seed")));
  Result result;
  auto& t = result.table(
      "counts", {"w", "L", "V", "E", "reverse MACs", "forward MACs", "pairs", "max |difference|"});
  auto& s = result.add_series("counts", {"V", "forward", "reverse"});
  double max_diff = 0;
  for (const double Ld : depths) {
    const long L = std::lround(Ld);
    if (L < 1 || double(L) != Ld || double(w) * w * L * L > 4e6)
      throw invalid_argument("depths: " + short_number(Ld) +
                             " is not allowed; allowed: integers L >= 1 with w^2 L^2 <= 4e6");
    const auto g = layered_graph(w, L, rng);
    const auto fwd = forward_all_pairs(g);
    const auto rev = reverse_messages(g);
    double diff = 0;
    for (long u = 0; u < g.size(); ++u) diff = std::max(diff, std::fabs(fwd.df[u] - rev.df[u]));
    max_diff = std::max(max_diff, diff);
    const double V = double(g.size()), E = rev.macs;
    t.add({double(w), double(L), V, E, rev.macs, fwd.macs, fwd.pairs, diff});
    s.add({V, fwd.macs, rev.macs});
    result.value("forward_macs_L" + std::to_string(L), fwd.macs);
    result.value("reverse_macs_L" + std::to_string(L), rev.macs);
    result.value("pairs_L" + std::to_string(L), fwd.pairs);
  }
  result.value("max_difference", max_diff);
  // log-log slope between the two largest graphs: ≈ 2 for forward, ≈ 1 for reverse
  if (s.rows.size() >= 2) {
    const auto& a = s.rows[s.rows.size() - 2];
    const auto& b = s.rows.back();
    result.value("slope_forward", std::log(b[1] / a[1]) / std::log(b[0] / a[0]));
    result.value("slope_reverse", std::log(b[2] / a[2]) / std::log(b[0] / a[0]));
  }

  //! [recompute]
  // Backpropagation through a chain z_i = tanh(a z_{i−1}) needs every activation z_{i−1}.
  // Stored: each node is evaluated once (n evaluations, n values kept). Recomputed: the
  // backward pass re-runs the chain from the input up to each node it needs (node i costs
  // i evaluations: n(n + 1)/2 in all). Both give the same derivative dz_n/dz_0.
  auto& r = result.table("recompute",
                         {"chain length n", "evaluations (stored)", "evaluations (recomputed)",
                          "peak values stored", "dz_n/dz_0 (stored)", "dz_n/dz_0 (recomputed)"});
  const double a = 0.9, z0 = 0.5;
  for (const double nd : p.vector("chain_lengths")) {
    const long n = std::lround(nd);
    double evaluations = 0;
    auto node = [&](double z) {
      evaluations += 1;
      return std::tanh(a * z);
    };
    // stored
    std::vector<double> z(n + 1);
    z[0] = z0;
    for (long i = 1; i <= n; ++i) z[i] = node(z[i - 1]);
    const double stored_evaluations = evaluations;
    double g_stored = 1;
    for (long i = n; i >= 1; --i) g_stored *= a * (1 - z[i] * z[i]);
    // recomputed: keep only the input; rebuild z_i when the backward pass reaches node i
    evaluations = 0;
    double g_recomputed = 1;
    for (long i = n; i >= 1; --i) {
      double zi = z0;
      for (long k = 1; k <= i; ++k) zi = node(zi);
      g_recomputed *= a * (1 - zi * zi);
    }
    r.add({double(n), stored_evaluations, evaluations, double(n), g_stored, g_recomputed});
    result.value("recomputed_n" + std::to_string(n), evaluations);
    result.value("stored_n" + std::to_string(n), stored_evaluations);
  }
  //! [recompute]

  report::Figure figure{"slide-backprop-complexity",
                        "Backpropagation is linear in the graph; forward all-pairs is quadratic",
                        {},
                        "Layered graphs G(w, L) with random local partials are the companion's "
                        "instances; the slides draw no graph with numbers."};
  report::Panel panel;
  panel.title = "multiply-adds to get ∂f/∂u for every node u (w = " + std::to_string(w) + ")";
  panel.xlabel = "V (nodes)";
  panel.ylabel = "multiply-adds";
  panel.logy = true;
  panel.layers = {
      {"counts", "V", "forward", report::Layer::Style::linespoints, "forward all-pairs"},
      {"counts", "V", "reverse", report::Layer::Style::linespoints, "reverse (backprop) = E"}};
  figure.panels.push_back(panel);
  result.figures.push_back(figure);
  return result;
}

app::Item backprop_complexity_item() {
  return {
      "slide-backprop-complexity",
      "Backpropagation in O(V + E) against forward all-pairs accumulation in Omega(V^2); "
      "recomputing activations is quadratic",
      "Risteski Lecture 5, slides \"Observation 2\", \"Observation 3\", \"Amount of work\"",
      {Param::integer("width", "4", Provenance::companion, "nodes per layer w",
                      Interval::closed(1, 64)),
       Param::vector("depths", "2,4,8,16,32", Provenance::companion, "layers L of each graph", 1,
                     20, Interval::closed(1, 1000)),
       Param::vector("chain_lengths", "10,100,1000", Provenance::companion,
                     "chain lengths n for the recompute count", 1, 10, Interval::closed(1, 10000)),
       Param::integer("seed", "1", Provenance::companion, "seed of the random local partials",
                      Interval::closed(0, 1e9))},
      backprop_complexity,
      /*errata=*/common::errata({"risteski-observation-3"})};
}

}  // namespace

void add_backprop(app::Chapter& chapter) {
  chapter.add(backprop_complexity_item());
}

}  // namespace descent::chapters::risteski05
