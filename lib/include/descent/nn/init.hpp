#pragma once
/// \file
/// Weight initialization, Aggarwal §3.3.3, drawn with the portable descent::Rng.

#include <cstddef>

#include "descent/core/random.hpp"
#include "descent/core/tensor.hpp"

namespace descent::nn {

/// How initial weights are drawn (Aggarwal §3.3.2 and the usual schemes); r is a layer's fan-in.
enum class Init {
  gaussian_constant,    ///< N(0, σ²) with a fixed σ (the book's 10⁻²), whatever the fan-in
  fan_in_gaussian,      ///< N(0, 1/r), r = fan-in
  fan_in_uniform_book,  ///< U[−1/√r, 1/√r] as printed: std 1/√(3r), NOT √(1/r) (errata T11)
  fan_in_uniform,       ///< U[−√(3/r), √(3/r)]: the uniform with the variance 1/r intended
  xavier,               ///< N(0, 2/(r_in + r_out)) (Glorot and Bengio)
  /// U[−√(6/(r_in + r_out)), +√(6/(r_in + r_out))]: the same variance, uniform (Flux's and
  /// Keras' default, used by the authors' code for MEDL Figure 4.4)
  xavier_uniform,
  he,  ///< N(0, 2/r_in) (He et al. [183]; not in the text)
};

/// The enumerator's name, e.g. "fan_in_uniform_book" (as the command line spells it).
[[nodiscard]] const char* to_string(Init init);

/// The standard deviation each scheme gives a weight (sigma is used by gaussian_constant).
[[nodiscard]] double init_std(Init init, std::size_t fan_in, std::size_t fan_out,
                              double sigma = 1e-2);

/// One weight drawn from the scheme (uniform schemes draw one uniform, the others one normal).
[[nodiscard]] double draw_weight(Init init, std::size_t fan_in, std::size_t fan_out, Rng& rng,
                                 double sigma = 1e-2);

/// A fan_in × fan_out weight matrix, filled row by row from `rng`. Biases start at 0 (§3.3.3).
[[nodiscard]] matrix initialize(Init init, std::size_t fan_in, std::size_t fan_out, Rng& rng,
                                double sigma = 1e-2);

}  // namespace descent::nn
