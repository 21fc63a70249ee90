#pragma once
/// \file
/// Solution of the exercise aggarwal03/softmax_cross_entropy (Aggarwal Eqs. 3.20–3.22, Exercise
/// 10).
///
/// The reference solution: look only once `scripts/exercises check softmax_cross_entropy` passes.

#include <algorithm>
#include <cmath>

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

inline vector softmax(const vector& v) {
  const double top = *std::max_element(v.begin(), v.end());
  vector o = xt::exp(v - top);
  return o / xt::sum(o)();
}

inline double cross_entropy(const vector& v, const vector& y) {
  const double top = *std::max_element(v.begin(), v.end());
  const double log_sum = top + std::log(xt::sum(xt::exp(v - top))());
  double loss = 0;
  for (std::size_t i = 0; i < v.size(); ++i) loss -= y(i) * (v(i) - log_sum);
  return loss;
}

inline vector cross_entropy_grad(const vector& v, const vector& y) {
  return softmax(v) - y;
}

}  // namespace descent::exercises
