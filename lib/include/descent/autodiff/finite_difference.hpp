#pragma once
/// \file
/// Finite-difference gradients: forward differences MEDL (4.26),
/// ∂C/∂θ_i ≈ (C(θ + h e_i) − C(θ))/h, with truncation error O(h) and round-off O(ε/h)
/// (best h ≈ √ε ≈ 1e-8), d + 1 evaluations; and central differences
/// (C(θ + h e_i) − C(θ − h e_i))/(2h), truncation O(h²), best h ≈ ε^(1/3), 2d evaluations.
/// Neither is exact: they are what automatic differentiation is checked against only with
/// a tolerance, and what the step-size trade-off of eq-4.26 measures.

#include <functional>
#include <vector>

namespace descent::autodiff {

/// A scalar function of d numbers, f: R^d → R, the thing being differentiated numerically.
using ScalarFunction = std::function<double(const std::vector<double>&)>;

/// MEDL (4.26). Throws descent::invalid_argument unless h > 0.
[[nodiscard]] std::vector<double> forward_difference(const ScalarFunction& f,
                                                     const std::vector<double>& theta, double h);
/// Central differences. Throws descent::invalid_argument unless h > 0.
[[nodiscard]] std::vector<double> central_difference(const ScalarFunction& f,
                                                     const std::vector<double>& theta, double h);

}  // namespace descent::autodiff
