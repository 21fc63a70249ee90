#pragma once
/// \file
/// Checking a gradient by finite differences, Aggarwal §3.2.10, Eqs. 3.33–3.34.

#include <cstddef>
#include <functional>

#include "descent/core/tensor.hpp"

namespace descent::nn {

/// Which finite difference estimates a derivative (Aggarwal §3.2.8, Eq. 3.33).
enum class Difference {
  forward,  ///< (L(w + ε) − L(w)) / ε, Eq. 3.33: error O(ε)
  central,  ///< (L(w + ε) − L(w − ε)) / (2ε): error O(ε²), one more evaluation
};

/// ρ = |G_e − G_a| / |G_e + G_a| (Eq. 3.34). The book leaves the zero denominator open
/// (Typos T10): when both gradients are below `floor` in magnitude they agree and ρ = 0;
/// otherwise a zero |G_e + G_a| (opposite signs) falls back to max(|G_e|, |G_a|), giving
/// ρ = 2, the largest disagreement, instead of a division by zero.
[[nodiscard]] double relative_ratio(double estimated, double analytic, double floor = 1e-15);

/// One finite-difference derivative of `loss` along coordinate `i` of `w`.
[[nodiscard]] double finite_difference(const std::function<double(const vector&)>& loss,
                                       const vector& w, std::size_t i, double epsilon,
                                       Difference kind);

/// The result of check_gradient: the estimate and the ratio ρ of Eq. 3.34 per coordinate.
struct GradientCheck {
  vector estimated;  ///< G_e per coordinate
  vector rho;        ///< ρ per coordinate
  /// The largest ρ; Aggarwal §3.2.8: typically below 10⁻⁶ for a correct gradient (below 10⁻³
  /// with ReLU-like kinks).
  double max_rho = 0;
  std::size_t worst = 0;  ///< coordinate of max_rho
};

/// Compares `analytic` with finite differences in every coordinate of `w`.
/// Throws descent::invalid_argument if the sizes differ or epsilon is not positive.
[[nodiscard]] GradientCheck check_gradient(const std::function<double(const vector&)>& loss,
                                           const vector& w, const vector& analytic,
                                           double epsilon = 1e-6,
                                           Difference kind = Difference::central);

}  // namespace descent::nn
