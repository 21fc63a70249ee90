#include "descent/autodiff/paths.hpp"

#include <string>
#include <utility>
#include <vector>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"

namespace descent::autodiff {

namespace {

void check_nodes(const Tape& tape, std::uint32_t w, std::uint32_t o) {
  if (o >= tape.size() || w > o)
    throw invalid_argument("paths: nodes w = " + std::to_string(w) + ", o = " + std::to_string(o) +
                           "; allowed: w <= o < " + std::to_string(tape.size()));
}

struct Enumerator {
  const Tape& tape;
  std::uint32_t w;
  double max_paths;
  PathCost cost;
  std::vector<double> factors;  // edge derivatives of the current partial path

  void walk(std::uint32_t node) {
    if (node == w) {
      //! [path-product]
      double product = 1;
      for (double z : factors) product *= z;  // Π_{(i,j) ∈ P} z(i, j), Aggarwal Eq. 3.4
      cost.multiplications += double(factors.size());
      cost.derivative += product;
      //! [path-product]
      if (++cost.paths > max_paths)
        throw invalid_argument("paths: more than " + short_number(max_paths) +
                               " paths to enumerate; allowed: at most that many");
      return;
    }
    if (node < w) return;  // recorded before w: cannot depend on it
    const Node& n = tape.node(node);
    for (std::uint32_t e = n.first; e < n.first + n.count; ++e) {
      cost.edge_visits += 1;
      factors.push_back(tape.partial(e));
      walk(tape.parent(e));
      factors.pop_back();
    }
  }
};

}  // namespace

PathCost enumerate_paths(const Tape& tape, std::uint32_t w, std::uint32_t o, double max_paths) {
  check_nodes(tape, w, o);
  Enumerator en{tape, w, max_paths, {}, {}};
  en.walk(o);
  return en.cost;
}

PathCost dynamic_programming(const Tape& tape, std::uint32_t w, std::uint32_t o) {
  check_nodes(tape, w, o);
  PathCost cost;
  //! [dynamic-programming]
  // S(i, o) = Σ_{j ∈ children of i} z(i, j) S(j, o), S(o, o) = 1 (Aggarwal Eq. 3.8): pushed
  // from each node to its parents in reverse topological order, one multiply-add per edge.
  std::vector<double> S(o + 1, 0.0), paths(o + 1, 0.0);
  S[o] = 1, paths[o] = 1;
  for (std::uint32_t j = o + 1; j-- > w + 1;) {
    if (paths[j] == 0) continue;  // o does not depend on j
    const Node& n = tape.node(j);
    for (std::uint32_t e = n.first; e < n.first + n.count; ++e) {
      const std::uint32_t i = tape.parent(e);
      if (i < w) continue;
      S[i] += tape.partial(e) * S[j];
      paths[i] += paths[j];
      cost.multiplications += 1;
      cost.edge_visits += 1;
    }
  }
  //! [dynamic-programming]
  cost.derivative = S[w];
  cost.paths = paths[w];
  cost.S = std::move(S);
  return cost;
}

}  // namespace descent::autodiff
