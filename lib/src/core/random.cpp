#include "descent/core/random.hpp"

#include <cmath>
#include <string>
#include <utility>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"

namespace descent {

Rng::Rng(std::uint64_t seed) : engine_(seed) {}

std::uint64_t Rng::next_u64() {
  return engine_();
}

double Rng::uniform() {
  return static_cast<double>(engine_() >> 11) * 0x1.0p-53;
}

double Rng::uniform(double a, double b) {
  require("a", a, Interval::any());
  require("b", b, Interval::any());
  if (!(a < b)) {
    throw invalid_argument("uniform(a, b) needs a < b, but a = " + short_number(a) +
                           " and b = " + short_number(b));
  }
  const double offset = (b - a) * uniform();  // own statement: not fused into an fma
  return a + offset;
}

double Rng::normal() {
  if (has_cached_normal_) {
    has_cached_normal_ = false;
    return cached_normal_;
  }
  double u = 0.0;
  double v = 0.0;
  double s = 0.0;
  do {
    u = 2.0 * uniform() - 1.0;
    v = 2.0 * uniform() - 1.0;
    // Separate statements, so that no fma is formed (it would change the bits): clang's
    // default -ffp-contract=on fuses only within an expression, and GCC does not fuse in
    // ISO mode (-std=c++20); only -ffp-contract=fast (GCC's gnu++ default) could.
    const double uu = u * u;
    const double vv = v * v;
    s = uu + vv;
  } while (s >= 1.0 || s == 0.0);
  const double f = std::sqrt(-2.0 * std::log(s) / s);
  cached_normal_ = v * f;
  has_cached_normal_ = true;
  return u * f;
}

double Rng::normal(double mean, double sd) {
  require("mean", mean, Interval::any());
  require("sd", sd, Interval::at_least(0.0));
  const double deviation = sd * normal();  // own statement: not fused into an fma
  return mean + deviation;
}

std::uint64_t Rng::below(std::uint64_t n) {
  if (n == 0) throw invalid_argument("below(n) needs n >= 1, but n = 0");
  // 2^64 mod n, computed in 64-bit arithmetic as (2^64 - n) mod n.
  const std::uint64_t threshold = (std::uint64_t{0} - n) % n;
  std::uint64_t x = engine_();
  while (x < threshold) x = engine_();
  return x % n;
}

void Rng::shuffle(std::vector<std::size_t>& items) {
  for (std::size_t i = items.size(); i > 1; --i) {
    const auto j = static_cast<std::size_t>(below(i));
    std::swap(items[i - 1], items[j]);
  }
}

vector Rng::normal_vector(std::size_t n) {
  auto out = vector::from_shape({n});
  for (auto& x : out) x = normal();
  return out;
}

matrix Rng::normal_matrix(std::size_t rows, std::size_t cols) {
  auto out = matrix::from_shape({rows, cols});
  for (auto& x : out) x = normal();  // row-major storage order
  return out;
}

NumpyRandomState::NumpyRandomState(std::uint32_t seed) : engine_(seed) {}

std::uint64_t NumpyRandomState::choice(std::uint64_t n) {
  if (n == 0 || n > 0x100000000ULL)
    throw invalid_argument("choice(n) needs 1 <= n <= 2^32 (numpy's 32-bit path), but n = " +
                           std::to_string(n));
  if (n == 1) return 0;  // numpy draws nothing for a single choice
  const auto last = static_cast<std::uint32_t>(n - 1);
  std::uint32_t mask = 0;  // the smallest 2^k − 1 >= n − 1
  while (mask < last) mask = (mask << 1) | 1;
  std::uint32_t r = 0;
  do r = static_cast<std::uint32_t>(engine_()) & mask;
  while (r > last);
  return r;
}

}  // namespace descent
