#pragma once
/// \file
/// A portable random number generator: the same seed gives the same numbers, bit for bit, with
/// every standard library (docs/pages/design.md, conventions).
///
/// The engine is `std::mt19937_64`, whose output sequence is fixed by the C++ standard
/// ([rand.eng.mers]). The distributions are ours, because those of the standard library
/// (`std::normal_distribution`, `std::uniform_real_distribution`, `std::shuffle`) are
/// implementation-defined and differ between libstdc++, libc++ and MSVC.
/// `tests/reference/generate_core.py` reimplements engine and transforms in Python and pins
/// the first outputs for two seeds.

#include <cstdint>
#include <random>
#include <vector>

#include "descent/core/tensor.hpp"

namespace descent {

/// A seeded stream of random numbers. Copying an Rng copies its state (both copies then produce
/// the same stream). Not thread-safe: give each thread its own Rng.
class Rng {
 public:
  /// Seeds the engine as `std::mt19937_64(seed)` does. There is no default seed on purpose.
  explicit Rng(std::uint64_t seed);

  /// The next raw 64-bit output of the engine (mt19937_64).
  std::uint64_t next_u64();

  /// Uniform on [0, 1): the top 53 bits of one engine output, `(x >> 11) * 2^-53`.
  /// Every value is a multiple of 2^-53; 1 is never returned. Consumes one engine output.
  double uniform();

  /// Uniform on [a, b): `a + (b - a) * uniform()`. Throws descent::invalid_argument unless
  /// a and b are finite with a < b.
  double uniform(double a, double b);

  /// Standard normal by the Marsaglia polar method: draw u, v = 2 uniform() - 1 until
  /// s = u^2 + v^2 is in (0, 1); then u f and v f with f = sqrt(-2 ln(s) / s) are two
  /// independent standard normals. The first is returned, the second is cached and returned
  /// by the next call to normal() (other calls in between do not discard it). Uses only
  /// sqrt (correctly rounded) and log, so results agree across platforms whose std::log is
  /// correctly rounded (glibc's is, in practice); no sin/cos as in Box–Muller.
  double normal();

  /// Normal with the given mean and standard deviation: `mean + sd * normal()`.
  /// Throws descent::invalid_argument unless mean is finite and sd >= 0 is finite.
  double normal(double mean, double sd);

  /// An integer uniform on {0, ..., n-1}, without modulo bias, by rejection (the method of
  /// OpenBSD's arc4random_uniform): with threshold t = 2^64 mod n, draw x until x >= t and
  /// return x mod n. Since 2^64 - t is a multiple of n, every residue is equally likely; fewer
  /// than 2 draws are needed on average for any n. Throws descent::invalid_argument if n == 0.
  std::uint64_t below(std::uint64_t n);

  /// Shuffles in place by Fisher–Yates: for i = size-1 down to 1, swap element i with element
  /// below(i + 1). Every permutation is equally likely.
  void shuffle(std::vector<std::size_t>& items);

  /// n independent standard normals, drawn in order by normal().
  vector normal_vector(std::size_t n);

  /// A rows x cols matrix of independent standard normals, drawn in row-major order.
  matrix normal_matrix(std::size_t rows, std::size_t cols);

 private:
  std::mt19937_64 engine_;
  double cached_normal_ = 0.0;
  bool has_cached_normal_ = false;
};

/// numpy's legacy stream, to replay runs made with it bit for bit: `np.random.seed(seed)`
/// seeds a 32-bit Mersenne Twister exactly as `std::mt19937(seed)` does (init_genrand), and
/// `np.random.choice(n)` draws `randint(0, n)` by masked rejection (numpy's
/// `random_buffered_bounded_uint32`): each 32-bit output is masked to the smallest 2^k − 1 >= n − 1
/// and drawn again while it exceeds n − 1. A choice among one draws nothing. The authors' SGD
/// runs (MEDL Figure 4.3) sample their indices this way. Not thread-safe.
class NumpyRandomState {
 public:
  /// As `np.random.seed(seed)`, seed < 2^32.
  explicit NumpyRandomState(std::uint32_t seed);
  /// As `np.random.choice(n)`: uniform on {0, ..., n−1}. Throws descent::invalid_argument
  /// unless 1 <= n <= 2^32 (numpy switches to 64-bit draws above that; not replayed here).
  std::uint64_t choice(std::uint64_t n);

 private:
  std::mt19937 engine_;
};

}  // namespace descent
