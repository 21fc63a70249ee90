// Risteski Lecture 5, backpropagation complexity: the operation counts against the
// catalogue's exact integers (notes-ch2-and-risteski-lec5.md L16, L18: closed forms
// checked by instrumented code) and the agreement of the two algorithms.

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"

using descent::app::compute;

namespace {
const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(descent::testing::risteski05(), id);
}
}  // namespace

TEST_CASE("risteski05 slide-backprop-complexity: the catalogue's counts for w = 4") {
  const auto r = compute(item("slide-backprop-complexity"));
  // catalogue L16 table, w = 4: L -> (reverse MACs = E, forward MACs, pairs)
  const double L[] = {2, 4, 8, 16, 32};
  const double E[] = {20, 52, 116, 244, 500};
  const double F[] = {96, 448, 1920, 7936, 32256};
  const double P[] = {24, 112, 480, 1984, 8064};
  for (int k = 0; k < 5; ++k) {
    const std::string s = std::to_string(int(L[k]));
    CHECK(r.value("reverse_macs_L" + s) == E[k]);
    CHECK(r.value("forward_macs_L" + s) == F[k]);
    CHECK(r.value("pairs_L" + s) == P[k]);
  }
  // the two algorithms agree on every df/du (catalogue: <= 1.7e-14 on these graphs)
  CHECK(r.value("max_difference") < 1e-13);
  CHECK(r.value("slope_forward") == doctest::Approx(2).epsilon(0.1));  // Θ(V²)
  CHECK(r.value("slope_reverse") == doctest::Approx(1).epsilon(0.1));  // Θ(V + E), E ∝ V
  // catalogue L18: recomputing n = 10, 100, 1000 costs 55, 5050, 500500 evaluations
  CHECK(r.value("recomputed_n10") == 55);
  CHECK(r.value("recomputed_n100") == 5050);
  CHECK(r.value("recomputed_n1000") == 500500);
  CHECK(r.value("stored_n1000") == 1000);
}

TEST_CASE("risteski05 slide-backprop-complexity: the chain and w = 8") {
  const auto chain = compute(item("slide-backprop-complexity"), {"width=1", "depths=4,16,64"});
  // chain: forward L(L+1)/2 against L for reverse (catalogue: 10, 136, 2080)
  CHECK(chain.value("forward_macs_L4") == 10);
  CHECK(chain.value("forward_macs_L16") == 136);
  CHECK(chain.value("forward_macs_L64") == 2080);
  CHECK(chain.value("reverse_macs_L64") == 64);
  const auto w8 = compute(item("slide-backprop-complexity"), {"width=8", "depths=8"});
  CHECK(w8.value("reverse_macs_L8") == 456);
  CHECK(w8.value("forward_macs_L8") == 14848);
  CHECK(w8.value("pairs_L8") == 1856);
  CHECK_THROWS_AS(compute(item("slide-backprop-complexity"), {"depths=2.5"}),
                  descent::invalid_argument);
}

TEST_CASE("risteski05 slide-backprop-complexity: the recompute count is bounded in all") {
  // ten chains of 10,000 recompute 5e8 evaluations (18 s); at most 1e8 are allowed
  CHECK_THROWS_WITH_AS(
      compute(item("slide-backprop-complexity"), {"chain_lengths=10000,10000,10000"}),
      doctest::Contains("allowed: at most 100000000 in all"), descent::invalid_argument);
}
