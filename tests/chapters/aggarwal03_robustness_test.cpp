// aggarwal03 at the edges of what its parameters allow: ids, crashes, costs, statuses. The
// reference for each check is stated beside it (the book's numbering, a closed form, or what
// the item must say instead of crashing).

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "chapters.hpp"
#include "descent/core/error.hpp"
#include "descent/report/check.hpp"

using descent::app::compute;

namespace {

using descent::testing::aggarwal03;

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(aggarwal03(), id);
}

}  // namespace

TEST_CASE("aggarwal03: the exercises are exercise-1 ... exercise-12, the old ids point to them") {
  // Aggarwal §3.10 numbers its exercises 1-12.
  for (int n = 1; n <= 12; ++n) (void)item("exercise-" + std::to_string(n));
  std::size_t exercises = 0;
  for (const auto& it : aggarwal03().items)
    if (it.id.rfind("exercise-", 0) == 0) ++exercises;
  CHECK(exercises == 12);
  const std::map<std::string, std::string> old_ids{{"exercise-3.7", "exercise-7"},
                                                   {"exercise-3.8", "exercise-8"},
                                                   {"exercise-3.11", "exercise-11"},
                                                   {"exercise-3.12", "exercise-12"}};
  CHECK(aggarwal03().renamed == old_ids);
  for (const auto& [old, now] : old_ids) CHECK(aggarwal03().find(old) == nullptr);
}

namespace {

// Every NaN or infinity of `r` sits where the item declared one may, or the status names it.
void check_non_finite_declared(const descent::report::Result& r) {
  CHECK_MESSAGE(descent::report::first_non_finite(r).empty(),
                "undeclared: " << descent::report::first_non_finite(r));
}

}  // namespace

TEST_CASE("aggarwal03 figure-3.8: once every ReLU chain has died the median is NaN, and said") {
  // A ReLU chain survives a layer with probability 1/2 (a = w h > 0), so 10 chains are all
  // dead within a few layers, and 20000 chains within 16 (0.5^16 * 20000 < 1).
  for (const std::vector<std::string>& sets :
       {std::vector<std::string>{"chains=10"}, {"depth=16"}, {"depth=100", "chains=1000"}}) {
    CAPTURE(sets.back());
    const auto r = compute(item("figure-3.8"), sets);
    CHECK(std::isnan(r.value("chain_median_relu")));
    CHECK(r.value("chain_dead_relu") == 1);
    CHECK(std::isfinite(r.value("chain_median_sigmoid")));  // sigmoid chains never die
    CHECK(r.status.find("relu: all ") != std::string::npos);
    check_non_finite_declared(r);
  }
}

TEST_CASE("aggarwal03 figure-3.8: width-1 ReLU networks die whole; the mean leaves them out") {
  const auto r = compute(item("figure-3.8"), {"width=1", "network_depth=200", "seeds=3"});
  CHECK(std::isnan(r.value("network_mean_relu_he")));
  CHECK(r.status.find("relu_he: 3 of 3 networks pass no gradient") != std::string::npos);
  CHECK(std::isfinite(r.value("network_mean_sigmoid_fan_in")));  // tiny, but not 0
  check_non_finite_declared(r);
}

TEST_CASE("aggarwal03 figure-3.8: an exploding gradient of 1e200 is measured, not overflowed") {
  // ReLU with sigma = 1: E|W^T (phi' . g)|^2 = (width / 2) |g|^2, so each layer multiplies
  // |g| by about sqrt(width / 2) = 10: log10 ratio about 200 over 200 layers (slightly less,
  // by Jensen's inequality; the defaults give 16.87 against 20 log10 sqrt(50) = 16.99).
  const auto r = compute(item("figure-3.8"), {"width=200", "network_depth=200", "seeds=1"});
  CHECK(r.value("network_mean_relu_std1") == doctest::Approx(200).epsilon(0.02));
  CHECK(r.status.empty());
}

TEST_CASE("aggarwal03 figure-3.8: combinations beyond one run's budget are refused") {
  CHECK_THROWS_AS(compute(item("figure-3.8"), {"chains=10000000"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("figure-3.8"), {"width=1000"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("figure-3.8"), {"seeds=1000"}), descent::invalid_argument);
  CHECK_NOTHROW((void)compute(item("figure-3.8"), {"chains=2000000", "depth=1", "width=10"}));
}
