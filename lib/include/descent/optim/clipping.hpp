#pragma once
/// \file
/// Gradient clipping, Aggarwal §3.5.5: by value (each coordinate into [−τ, τ]) and by norm
/// (rescale g to norm τ when ‖g‖₂ > τ; the book omits the threshold, erratum T24).

#include "descent/core/tensor.hpp"

namespace descent::optim {

struct Clipping {
  enum class Kind { none, value, norm };
  Kind kind = Kind::none;
  double threshold = 1;  ///< τ > 0
  void validate() const;
};

/// Clips `g` in place; returns whether anything changed.
bool clip(vector& g, const Clipping& clipping);

}  // namespace descent::optim
