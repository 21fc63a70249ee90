#pragma once
/// \file
/// Solution of the exercises aggarwal03/backprop_exercises (Aggarwal Exercises 1–4).
///
/// The reference solution: look only once `scripts/exercises check backprop_exercises` passes.

#include <array>
#include <cstddef>
#include <functional>

namespace descent::exercises {

struct Recurrence {
  std::function<double(double, double)> f;    ///< x_{t+1} = f(x_t, y_t)
  std::function<double(double, double)> g;    ///< y_{t+1} = g(x_t, y_t)
  std::function<double(double, double)> f_x;  ///< ∂f/∂x at (x, y)
  std::function<double(double, double)> f_y;  ///< ∂f/∂y at (x, y)
  std::function<double(double, double)> g_x;  ///< ∂g/∂x at (x, y)
  std::function<double(double, double)> g_y;  ///< ∂g/∂y at (x, y)
};

inline double two_step_derivative(const Recurrence& r, double x, double y) {
  const double x1 = r.f(x, y), y1 = r.g(x, y);  // one step of Eq. 3.66
  // Two paths from x_t to x_{t+2}: through x_{t+1} and through y_{t+1} (Eq. 3.4).
  return r.f_x(x1, y1) * r.f_x(x, y) + r.f_y(x1, y1) * r.g_x(x, y);
}

inline std::array<double, 2> product_neuron(double x1, double x2, double dL_do) {
  return {dL_do * x2, dL_do * x1};
}

inline std::array<double, 4> pairwise_sum(const std::array<double, 4>& x, double dL_do) {
  std::array<double, 4> g{};
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t j = i + 1; j < 4; ++j) {  // ∂(x_i x_j)/∂x_i = x_j
      g[i] += dL_do * x[j];
      g[j] += dL_do * x[i];
    }
  return g;
}

inline std::array<double, 4> pairwise_max(const std::array<double, 4>& x, double dL_do) {
  std::size_t bi = 0, bj = 1;
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t j = i + 1; j < 4; ++j)
      if (x[i] * x[j] > x[bi] * x[bj]) bi = i, bj = j;
  std::array<double, 4> g{};
  g[bi] = dL_do * x[bj];
  g[bj] = dL_do * x[bi];
  return g;
}

}  // namespace descent::exercises
