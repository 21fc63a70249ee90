#pragma once
/// \file
/// Solution of the exercise aggarwal03/nonlinear_cg_beta (Fletcher–Reeves and Polak–Ribière+).
///
/// The reference solution: look only once `scripts/exercises check nonlinear_cg_beta` passes.

#include <algorithm>
#include <cstddef>
#include <vector>

namespace descent::exercises {

inline double fletcher_reeves(const std::vector<double>& g_old, const std::vector<double>& g_new) {
  double old_sq = 0, new_sq = 0;
  for (std::size_t i = 0; i < g_old.size(); ++i) {
    old_sq += g_old[i] * g_old[i];
    new_sq += g_new[i] * g_new[i];
  }
  return new_sq / old_sq;
}

inline double polak_ribiere_plus(const std::vector<double>& g_old,
                                 const std::vector<double>& g_new) {
  double old_sq = 0, num = 0;
  for (std::size_t i = 0; i < g_old.size(); ++i) {
    old_sq += g_old[i] * g_old[i];
    num += g_new[i] * (g_new[i] - g_old[i]);
  }
  return std::max(0.0, num / old_sq);
}

}  // namespace descent::exercises
