// MEDL §4.1, the absolute-error (2.18) and Huber (2.19) losses (catalogue C08: convex by
// composition with an affine map; "chord test (4.3) on a random set"; delta = 1 proposed).
// The chord test must find no chord below the convex costs and must find some below the
// non-convex logistic model with squared loss (the book's pointer to Figure 3.4); the Huber
// values are checked against its closed form r^2/2 (|r| <= delta), delta(|r| - delta/2).

#include <doctest/doctest.h>

#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"

using descent::app::compute;

namespace {

const descent::app::Item& item() {
  return descent::testing::item(descent::testing::medl04(), "section-4.1-huber");
}

}  // namespace

TEST_CASE("medl04 section-4.1-huber: no chord below the convex costs (catalogue C08)") {
  const auto r = compute(item());
  CHECK(r.value("violations_squared") == 0);
  CHECK(r.value("violations_absolute") == 0);
  CHECK(r.value("violations_huber") == 0);
  // The test can fail: it finds chords below the logistic model with squared loss.
  CHECK(r.value("violations_logistic_squared") > 100);
  // Other data, other chords, another delta: the same verdicts.
  const auto s = compute(item(), {"seed=11", "delta=0.3", "n=7", "box=3"});
  CHECK(s.value("violations_absolute") == 0);
  CHECK(s.value("violations_huber") == 0);
  CHECK(s.value("violations_logistic_squared") > 0);
}

TEST_CASE("medl04 section-4.1-huber: Huber's loss in closed form") {
  const auto r = compute(item());
  CHECK(r.value("huber_0") == 0);
  CHECK(r.value("huber_0.5") == 0.125);
  CHECK(r.value("huber_1") == 0.5);  // the two pieces meet at |r| = delta
  CHECK(r.value("huber_-3") == 2.5);
  CHECK(r.value("huber_3") == 2.5);
  const auto d = compute(item(), {"delta=2", "residuals=1,3,-5"});
  CHECK(d.value("huber_1") == 0.5);
  CHECK(d.value("huber_3") == 4);
  CHECK(d.value("huber_-5") == 8);
}

TEST_CASE("medl04 section-4.1-huber rejects bad parameters") {
  for (const std::string bad : {"delta=0", "delta=-1", "delta=nan", "delta=1e308", "n=0",
                                "chords=100001", "box=0", "residuals="})
    CHECK_THROWS_AS(compute(item(), {bad}), descent::invalid_argument);
  // Within range one by one, too costly together: refused before any work.
  CHECK_THROWS_AS(compute(item(), {"n=1000", "chords=100000"}), descent::invalid_argument);
}
