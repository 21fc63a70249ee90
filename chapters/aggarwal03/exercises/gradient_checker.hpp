#pragma once
/// \file
/// Exercise (Aggarwal §3.2.10, Eqs. 3.33–3.34): a gradient checker.
///
///     cmake --build build --target exercise-aggarwal03-gradient_checker

#include <functional>

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

using Loss = std::function<double(const vector&)>;

/// (L(w + ε e_i) − L(w)) / ε (Eq. 3.33).
inline double forward_difference(const Loss& L, const vector& w, std::size_t i, double eps) {
  (void)L;
  (void)w;
  (void)i;
  (void)eps;
  throw descent::not_implemented(
      "forward_difference in chapters/aggarwal03/exercises/gradient_checker.hpp");
}

/// (L(w + ε e_i) − L(w − ε e_i)) / (2ε).
/// Hint: compare the error of both on exp at ε = 1e-4 — one is O(ε), the other O(ε²).
inline double central_difference(const Loss& L, const vector& w, std::size_t i, double eps) {
  (void)L;
  (void)w;
  (void)i;
  (void)eps;
  throw descent::not_implemented(
      "central_difference in chapters/aggarwal03/exercises/gradient_checker.hpp");
}

/// ρ = |G_e − G_a| / |G_e + G_a| (Eq. 3.34).
/// TODO: the formula divides by zero when both are 0 (they agree: return 0) and when they
/// have opposite signs and equal size (they disagree completely: return 2).
inline double relative_ratio(double estimated, double analytic) {
  (void)estimated;
  (void)analytic;
  throw descent::not_implemented(
      "relative_ratio in chapters/aggarwal03/exercises/gradient_checker.hpp");
}

}  // namespace descent::exercises
