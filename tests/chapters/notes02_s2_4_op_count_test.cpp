// Notes §2.4, reverse against forward mode, against catalogue N16/N17 (the reference catalogue
// of the notes and slides: the graph of (2.10) has 7 nodes and 7 edges; one backward sweep is
// 7 multiply-adds, forward mode 2 x 7 = 14) and the closed-form gradient of
// f = xy - log(1 + exp(xy)): df/dx = y sigma(-xy), df/dy = x sigma(-xy).

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"

using descent::app::compute;

namespace {

const descent::app::Item& item() {
  return descent::testing::item(descent::testing::notes02(), "section-2.4-op-count");
}

double sigma(double z) {
  return 1 / (1 + std::exp(-z));
}

}  // namespace

TEST_CASE("notes02 section-2.4-op-count: 7 multiply-adds backward, 14 forward (catalogue N16)") {
  const auto r = compute(item());
  CHECK(r.value("nodes") == 7);  // catalogue N17: v1..v7
  CHECK(r.value("edges") == 7);
  CHECK(r.value("reverse_macs") == 7);
  CHECK(r.value("forward_macs") == 14);
  CHECK(r.value("counted_vs_library") == 0);
  CHECK(std::fabs(r.value("f") + 0.048587351573742055) < 1e-13);  // catalogue N17, v7
  CHECK(std::fabs(r.value("df_dx1") - 2 * sigma(-3)) < 1e-15);
  CHECK(std::fabs(r.value("df_dx2") - 1.5 * sigma(-3)) < 1e-15);
}

TEST_CASE("notes02 section-2.4-op-count: forward mode costs one sweep per input") {
  // With n inputs multiplied into v3 the graph has 2(n - 1) + 5 edges: reverse mode reads
  // each once, forward mode n times.
  for (const int n : {3, 5, 10}) {
    CAPTURE(n);
    std::string x = "x=0.9";
    for (int i = 1; i < n; ++i) x += ",1.1";
    const auto r = compute(item(), {x});
    const double edges = 2 * (n - 1) + 5;
    CHECK(r.value("edges") == edges);
    CHECK(r.value("reverse_macs") == edges);
    CHECK(r.value("forward_macs") == n * edges);
    CHECK(r.value("counted_vs_library") <= 1e-15);
  }
}

TEST_CASE("notes02 section-2.4-op-count rejects bad parameters") {
  for (const std::string bad : {"x=1", "x=30,30", "x=nan,1", "x=1e308,1", "x="})
    CHECK_THROWS_AS(compute(item(), {bad}), descent::invalid_argument);
}
