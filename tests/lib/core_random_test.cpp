// descent::Rng against a pure-Python mt19937_64 and Python transforms
// (tests/reference/fixtures/core_random.json, written by tests/reference/generate_core.py),
// plus statistical properties.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string>
#include <vector>

#include "descent/core/error.hpp"
#include "descent/core/random.hpp"
#include "fixtures.hpp"

namespace {

using nlohmann::json;

const json& fixture() {
  static const json data = descent::testing::load_fixture("core_random.json");
  return data;
}

// Normals go through std::log, which may differ by an ulp between math libraries (Python and
// this test use the same glibc here, so the values are in fact identical); everything else in
// Rng is exact integer or power-of-two arithmetic and is compared with ==.
bool close_to_ulps(double x, double y) {
  return std::abs(x - y) <= 4.0 * std::numeric_limits<double>::epsilon() * std::abs(y);
}

}  // namespace

TEST_CASE("core/random: mt19937_64 gives the 10000th output the standard requires") {
  descent::Rng rng(5489);  // the default seed of std::mt19937_64
  std::uint64_t x = 0;
  for (int i = 0; i < 10000; ++i) x = rng.next_u64();
  CHECK(x == 9981545732273789042ULL);
  CHECK(fixture().at("mt19937_64_default_10000th").get<std::uint64_t>() == x);
}

TEST_CASE("core/random: Rng matches the Python reimplementation") {
  for (const auto& s : fixture().at("seeds")) {
    const auto seed = s.at("seed").get<std::uint64_t>();
    CAPTURE(seed);
    {
      descent::Rng rng(seed);
      for (const auto& v : s.at("next_u64")) CHECK(rng.next_u64() == v.get<std::uint64_t>());
    }
    {
      descent::Rng rng(seed);
      for (const auto& v : s.at("uniform")) CHECK(rng.uniform() == v.get<double>());
    }
    {
      descent::Rng rng(seed);
      for (const auto& v : s.at("uniform_m2_3")) CHECK(rng.uniform(-2.0, 3.0) == v.get<double>());
    }
    {
      descent::Rng rng(seed);
      for (const auto& v : s.at("normal")) CHECK(close_to_ulps(rng.normal(), v.get<double>()));
    }
    {
      descent::Rng rng(seed);
      for (const auto& v : s.at("normal_1.5_0.25")) {
        CHECK(close_to_ulps(rng.normal(1.5, 0.25), v.get<double>()));
      }
    }
    {
      descent::Rng rng(seed);
      for (const auto& v : s.at("below_10")) CHECK(rng.below(10) == v.get<std::uint64_t>());
    }
    {
      // n = 2^63 + 1 rejects about half of the draws: exercises the rejection loop.
      descent::Rng rng(seed);
      const std::uint64_t n = (std::uint64_t{1} << 63) + 1;
      for (const auto& v : s.at("below_2p63p1")) CHECK(rng.below(n) == v.get<std::uint64_t>());
    }
    {
      descent::Rng rng(seed);
      std::vector<std::size_t> items(10);
      std::iota(items.begin(), items.end(), std::size_t{0});
      rng.shuffle(items);
      CHECK(items == s.at("shuffle_10").get<std::vector<std::size_t>>());
    }
    {
      // The cached second normal survives calls to other methods in between.
      descent::Rng rng(seed);
      for (const auto& step : s.at("mixed")) {
        const auto op = step.at(0).get<std::string>();
        CAPTURE(op);
        if (op == "normal") {
          CHECK(close_to_ulps(rng.normal(), step.at(1).get<double>()));
        } else if (op == "uniform") {
          CHECK(rng.uniform() == step.at(1).get<double>());
        } else if (op == "below_7") {
          CHECK(rng.below(7) == step.at(1).get<std::uint64_t>());
        } else if (op == "next_u64") {
          CHECK(rng.next_u64() == step.at(1).get<std::uint64_t>());
        } else {
          FAIL("unknown operation in fixture: " << op);
        }
      }
    }
  }
}

TEST_CASE("core/random: same seed gives the same stream and copies continue it") {
  descent::Rng a(7);
  descent::Rng b(7);
  for (int i = 0; i < 1000; ++i) {
    REQUIRE(a.normal() == b.normal());
    REQUIRE(a.below(1000) == b.below(1000));
  }
  static_cast<void>(a.normal());  // leaves a cached second normal
  descent::Rng c = a;             // the copy takes the cache along
  for (int i = 0; i < 100; ++i) REQUIRE(a.normal() == c.normal());
  descent::Rng d(8);
  CHECK(descent::Rng(7).next_u64() != d.next_u64());
}

TEST_CASE("core/random: normal_vector and normal_matrix draw in order") {
  descent::Rng a(3);
  descent::Rng b(3);
  const descent::vector v = a.normal_vector(5);
  REQUIRE(v.size() == 5);
  for (std::size_t i = 0; i < 5; ++i) CHECK(v(i) == b.normal());
  const descent::matrix m = a.normal_matrix(2, 3);
  REQUIRE(m.shape(0) == 2);
  REQUIRE(m.shape(1) == 3);
  for (std::size_t i = 0; i < 2; ++i) {
    for (std::size_t j = 0; j < 3; ++j) CHECK(m(i, j) == b.normal());  // row-major order
  }
}

TEST_CASE("core/random: moments of 10^5 draws are within 5 standard errors") {
  // The stream is seeded, so this test is deterministic; the bounds say the numbers look
  // like draws of the stated distribution. 5 standard errors: a correct generator fails with
  // probability below 1e-6 per statistic, whatever the seed.
  constexpr int n = 100000;
  descent::Rng rng(2024);
  double sum = 0.0;
  double sum_sq = 0.0;
  for (int i = 0; i < n; ++i) {
    const double z = rng.normal();
    sum += z;
    sum_sq += z * z;
  }
  const double mean = sum / n;
  const double variance = sum_sq / n - mean * mean;
  CHECK(std::abs(mean) <= 5.0 / std::sqrt(n));                  // se(mean) = 1/sqrt(n)
  CHECK(std::abs(variance - 1.0) <= 5.0 * std::sqrt(2.0 / n));  // se(var) = sqrt(2/n)

  double usum = 0.0;
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    usum += u;
  }
  CHECK(std::abs(usum / n - 0.5) <= 5.0 * std::sqrt(1.0 / 12.0 / n));  // se = sqrt(1/12 / n)

  std::array<int, 10> counts{};
  for (int i = 0; i < n; ++i) ++counts[rng.below(10)];
  const double expected = n * 0.1;
  const double se = std::sqrt(n * 0.1 * 0.9);  // binomial standard deviation of each count
  for (int count : counts) CHECK(std::abs(count - expected) <= 5.0 * se);
}

TEST_CASE("core/random: shuffle gives a permutation and every position is reachable") {
  descent::Rng rng(11);
  std::array<std::array<int, 5>, 5> where{};  // where[value][position]
  for (int trial = 0; trial < 2000; ++trial) {
    std::vector<std::size_t> items = {0, 1, 2, 3, 4};
    rng.shuffle(items);
    std::vector<std::size_t> sorted = items;
    std::sort(sorted.begin(), sorted.end());
    REQUIRE(sorted == std::vector<std::size_t>{0, 1, 2, 3, 4});
    for (std::size_t p = 0; p < 5; ++p) ++where[items[p]][p];
  }
  // Each (value, position) pair has probability 1/5: count 400, sd sqrt(2000 .2 .8) = 17.9.
  for (const auto& row : where) {
    for (int count : row) CHECK(std::abs(count - 400) <= 5 * 17.9);
  }
  std::vector<std::size_t> empty;
  rng.shuffle(empty);  // no-op, no draw needed
  CHECK(empty.empty());
}

TEST_CASE("core/random: invalid parameters are rejected") {
  descent::Rng rng(1);
  CHECK_THROWS_AS(static_cast<void>(rng.below(0)), descent::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(rng.uniform(1.0, 1.0)), descent::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(rng.uniform(2.0, 1.0)), descent::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(rng.uniform(0.0, std::numeric_limits<double>::infinity())),
                  descent::invalid_argument);
  CHECK_THROWS_WITH_AS(static_cast<void>(rng.normal(0.0, -1.0)),
                       "sd = -1 is out of range; allowed: 0 <= sd", descent::invalid_argument);
  CHECK(rng.normal(2.0, 0.0) == 2.0);
  CHECK(rng.below(1) == 0);
}

TEST_CASE("core/random: NumpyRandomState replays np.random.seed(s); np.random.choice(n)") {
  const json& f = fixture()["numpy_legacy"];
  for (const auto& c : f["cases"]) {
    const auto seed = c["seed"].get<std::uint32_t>();
    const auto n = c["n"].get<std::uint64_t>();
    CAPTURE(seed);
    CAPTURE(n);
    descent::NumpyRandomState numpy(seed);
    for (const auto& expected : c["choices"])
      CHECK(numpy.choice(n) == expected.get<std::uint64_t>());
  }
  // a choice among one draws nothing: the other draws continue the stream
  descent::NumpyRandomState numpy(1);
  for (const auto& pair : f["mixed_seed_1"])
    CHECK(numpy.choice(pair[0].get<std::uint64_t>()) == pair[1].get<std::uint64_t>());
}

TEST_CASE("core/random: NumpyRandomState refuses n outside numpy's 32-bit path") {
  descent::NumpyRandomState numpy(0);
  CHECK_THROWS_WITH_AS(static_cast<void>(numpy.choice(0)), doctest::Contains("1 <= n <= 2^32"),
                       descent::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(numpy.choice(0x100000001ULL)), descent::invalid_argument);
}
