#pragma once
/// \file
/// Aggarwal §3.10, Exercises 1–4: the derivative through two steps of a recurrence, and
/// backpropagating an upstream gradient ∂L/∂o through a product neuron, a sum of pairwise products
/// and a max of pairwise products.
///
/// Write the derivatives by hand (no tape); the tests compare with the catalogue's answers and with
/// a backward sweep over a recorded tape.
///
/// Fill it in, then check it:
///
///     scripts/exercises check backprop_exercises
///
/// Stuck? `scripts/exercises hint backprop_exercises` gives a nudge first, then the equations.

#include <array>
#include <functional>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// The recurrence (x_{t+1}, y_{t+1}) = (f(x_t, y_t), g(x_t, y_t)) of Eq. 3.66, with the
/// partial derivatives of f and g.
struct Recurrence {
  std::function<double(double, double)> f;    ///< x_{t+1} = f(x_t, y_t)
  std::function<double(double, double)> g;    ///< y_{t+1} = g(x_t, y_t)
  std::function<double(double, double)> f_x;  ///< ∂f/∂x at (x, y)
  std::function<double(double, double)> f_y;  ///< ∂f/∂y at (x, y)
  std::function<double(double, double)> g_x;  ///< ∂g/∂x at (x, y)
  std::function<double(double, double)> g_y;  ///< ∂g/∂y at (x, y)
};

/// Exercise 1(a): ∂x_{t+2}/∂x_t at (x_t, y_t) = (x, y), using only f, g and their partials.
///
/// TODO: the chain rule along every path from x_t to x_{t+2}.
inline double two_step_derivative(const Recurrence& r, double x, double y) {
  (void)r, (void)x, (void)y;
  throw descent::not_implemented(
      "two_step_derivative in chapters/aggarwal03/exercises/backprop_exercises.hpp");
}

/// Exercise 2: o = x1·x2. Returns {∂L/∂x1, ∂L/∂x2} given ∂L/∂o.
///
/// TODO: the upstream gradient times each input's local derivative.
inline std::array<double, 2> product_neuron(double x1, double x2, double dL_do) {
  (void)x1, (void)x2, (void)dL_do;
  throw descent::not_implemented(
      "product_neuron in chapters/aggarwal03/exercises/backprop_exercises.hpp");
}

/// Exercise 3: six hidden units h = x_i x_j (i < j), o = Σ h. Returns ∂L/∂x.
///
/// TODO: add the contributions of every product an input appears in.
inline std::array<double, 4> pairwise_sum(const std::array<double, 4>& x, double dL_do) {
  (void)x, (void)dL_do;
  throw descent::not_implemented(
      "pairwise_sum in chapters/aggarwal03/exercises/backprop_exercises.hpp");
}

/// Exercise 4: as Exercise 3 with o = max h. Returns ∂L/∂x (no ties in the tests).
///
/// TODO: as Exercise 3, through the max instead of the sum.
inline std::array<double, 4> pairwise_max(const std::array<double, 4>& x, double dL_do) {
  (void)x, (void)dL_do;
  throw descent::not_implemented(
      "pairwise_max in chapters/aggarwal03/exercises/backprop_exercises.hpp");
}

}  // namespace descent::exercises
