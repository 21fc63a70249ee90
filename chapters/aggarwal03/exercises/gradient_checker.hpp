#pragma once
/// \file
/// Exercise (Aggarwal §3.2.10, Eqs. 3.33–3.34): a gradient checker.
///
/// The tests compare with Taylor's error terms on functions whose derivatives are known in closed
/// form.
///
/// Fill it in, then check it:
///
///     scripts/exercises check gradient_checker
///
/// Stuck? `scripts/exercises hint gradient_checker` gives a nudge first, then the equations.

#include <functional>

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// A loss L(w) of the parameter vector w, the function whose gradient is checked.
using Loss = std::function<double(const vector&)>;

/// (L(w + ε e_i) − L(w)) / ε (Eq. 3.33).
///
/// TODO: Eq. 3.33 for coordinate i.
inline double forward_difference(const Loss& L, const vector& w, std::size_t i, double eps) {
  (void)L;
  (void)w;
  (void)i;
  (void)eps;
  throw descent::not_implemented(
      "forward_difference in chapters/aggarwal03/exercises/gradient_checker.hpp");
}

/// (L(w + ε e_i) − L(w − ε e_i)) / (2ε).
///
/// TODO: the symmetric quotient for coordinate i.
inline double central_difference(const Loss& L, const vector& w, std::size_t i, double eps) {
  (void)L;
  (void)w;
  (void)i;
  (void)eps;
  throw descent::not_implemented(
      "central_difference in chapters/aggarwal03/exercises/gradient_checker.hpp");
}

/// ρ = |G_e − G_a| / |G_e + G_a| (Eq. 3.34).
///
/// TODO: Eq. 3.34, with a value where its denominator is zero (errata: the book gives none): both
/// zero means they agree (0); opposite signs of equal size means they disagree completely (2).
inline double relative_ratio(double estimated, double analytic) {
  (void)estimated;
  (void)analytic;
  throw descent::not_implemented(
      "relative_ratio in chapters/aggarwal03/exercises/gradient_checker.hpp");
}

}  // namespace descent::exercises
