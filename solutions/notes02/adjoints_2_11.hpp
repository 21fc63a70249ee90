#pragma once
/// \file
/// Solution of the exercise notes02/adjoints_2_11 (Exercise 2.5, (2.11)).
///
/// The reference solution: look only once `scripts/exercises check adjoints_2_11` passes.

#include <array>
#include <cmath>

namespace descent::exercises {

inline std::array<double, 7> adjoints_2_11(double x, double y) {
  const double v3 = x * y, v4 = std::exp(v3), v5 = 1 + v4;
  const double bar7 = 1;
  const double bar6 = -bar7;             // v7 = v3 − v6
  const double bar5 = bar6 / v5;         // v6 = log v5
  const double bar4 = bar5;              // v5 = 1 + v4
  const double bar3 = bar4 * v4 + bar7;  // v4 = exp v3 and v7 = v3 − v6: two children
  const double bar2 = bar3 * x;          // v3 = v1 v2
  const double bar1 = bar3 * y;
  return {bar1, bar2, bar3, bar4, bar5, bar6, bar7};
}

}  // namespace descent::exercises
