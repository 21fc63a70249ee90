// Aggarwal §3.2.8, mini-batch SGD, against catalogue A16 (the reference catalogue of Aggarwal
// ch. 3): Eq. 3.30 holds (the summed per-point gradients equal the full gradient, 1e-12); a
// mini-batch of all points is one gradient-descent step; mini-batch descent with |B| = 32 and
// alpha = 0.01/|B| for 50 epochs on n = 1024, d = 5, sigma = 0.1 reaches the least-squares
// solution of the normal equations within 1e-3.

#include <doctest/doctest.h>

#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"

using descent::app::compute;

namespace {

const descent::app::Item& item() {
  return descent::testing::item(descent::testing::aggarwal03(), "section-3.2.8");
}

}  // namespace

TEST_CASE("aggarwal03 section-3.2.8: Eq. 3.30 and B = all points (catalogue A16)") {
  const auto r = compute(item());
  CHECK(r.value("eq_3_30_difference") < 1e-12);
  // One epoch with B = all points from W = 0 is the step alpha X^T y; the points are summed in
  // shuffled order, so equal to rounding.
  CHECK(r.value("full_batch_vs_gd_step") < 1e-15);
}

TEST_CASE("aggarwal03 section-3.2.8: |B| = 32 reaches the normal equations (catalogue A16)") {
  const auto r = compute(item());
  CHECK(r.value("distance_32") < 1e-3);
  // In the same 50 epochs larger batches make fewer updates and are still on the way.
  CHECK(r.value("distance_32") < r.value("distance_256"));
  CHECK(r.value("distance_256") < r.value("distance_1024"));
  // Full-batch descent gets there too, given the updates: 5000 epochs of contraction ~0.99.
  const auto gd = compute(item(), {"batch_sizes=1024", "epochs=5000"});
  CHECK(gd.value("distance_1024") < 1e-9);
}

TEST_CASE("aggarwal03 section-3.2.8 rejects bad parameters") {
  for (const std::string bad : {"batch_sizes=1.5", "batch_sizes=2000", "n=3", "eta=0", "eta=2",
                                "eta=nan", "epochs=0", "noise=-1", "batch_sizes="})
    CHECK_THROWS_AS(compute(item(), {bad}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item(), {"n=100000", "d=50", "epochs=100"}), descent::invalid_argument);
}
