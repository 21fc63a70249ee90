#pragma once
/// \file
/// Aggarwal §3.10, Exercises 1–4: the derivative through two steps of a recurrence, and
/// backpropagating an upstream gradient ∂L/∂o through a product neuron, a sum of pairwise
/// products and a max of pairwise products.
///
/// Fill in the three functions by hand (no tape), then run
///
///     cmake --build build --target exercise-aggarwal03-backprop_exercises

#include <array>
#include <functional>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// The recurrence (x_{t+1}, y_{t+1}) = (f(x_t, y_t), g(x_t, y_t)) of Eq. 3.66, with the
/// partial derivatives of f and g.
struct Recurrence {
  std::function<double(double, double)> f, g, f_x, f_y, g_x, g_y;
};

/// Exercise 1(a): ∂x_{t+2}/∂x_t at (x_t, y_t) = (x, y), using only f, g and their partials.
/// TODO: x_{t+2} = f(x_{t+1}, y_{t+1}); x_t reaches it along two paths, through x_{t+1}
/// and through y_{t+1}.
/// Hint: the chain rule multiplies along each path and adds the paths (Eq. 3.4).
inline double two_step_derivative(const Recurrence& r, double x, double y) {
  (void)r, (void)x, (void)y;
  throw descent::not_implemented(
      "two_step_derivative in chapters/aggarwal03/exercises/backprop_exercises.hpp");
}

/// Exercise 2: o = x1·x2. Returns {∂L/∂x1, ∂L/∂x2} given ∂L/∂o.
/// TODO: each input's local derivative is the other input.
inline std::array<double, 2> product_neuron(double x1, double x2, double dL_do) {
  (void)x1, (void)x2, (void)dL_do;
  throw descent::not_implemented(
      "product_neuron in chapters/aggarwal03/exercises/backprop_exercises.hpp");
}

/// Exercise 3: six hidden units h = x_i x_j (i < j), o = Σ h. Returns ∂L/∂x.
/// TODO: x_i appears in three products; add their contributions.
inline std::array<double, 4> pairwise_sum(const std::array<double, 4>& x, double dL_do) {
  (void)x, (void)dL_do;
  throw descent::not_implemented(
      "pairwise_sum in chapters/aggarwal03/exercises/backprop_exercises.hpp");
}

/// Exercise 4: as Exercise 3 with o = max h. Returns ∂L/∂x (no ties in the tests).
/// Hint: the gradient flows only through the unit that attains the maximum.
inline std::array<double, 4> pairwise_max(const std::array<double, 4>& x, double dL_do) {
  (void)x, (void)dL_do;
  throw descent::not_implemented(
      "pairwise_max in chapters/aggarwal03/exercises/backprop_exercises.hpp");
}

}  // namespace descent::exercises
