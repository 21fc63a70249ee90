#pragma once
/// \file
/// Gradient clipping, Aggarwal §3.5.5: by value (each coordinate into [−τ, τ]) and by norm
/// (rescale g to norm τ when ‖g‖₂ > τ; the book omits the threshold, erratum T24).

#include "descent/core/tensor.hpp"

namespace descent::optim {

/// Gradient clipping (Aggarwal §3.5.5), applied by clip() to each gradient before the update.
struct Clipping {
  /// none, by value (each g_i into [−τ, τ]) or by norm (g ← τ g/‖g‖₂ when ‖g‖₂ > τ).
  enum class Kind { none, value, norm };
  Kind kind = Kind::none;  ///< which clipping, if any
  double threshold = 1;  ///< τ > 0
  /// Throws descent::invalid_argument unless threshold > 0.
  void validate() const;
};

/// Clips `g` in place; returns whether anything changed.
bool clip(vector& g, const Clipping& clipping);

}  // namespace descent::optim
