#pragma once
/// \file
/// Solution of the exercise medl04/vjp_from_jvp (MEDL §4.4).
///
/// The reference solution: look only once `scripts/exercises check vjp_from_jvp` passes.

#include <cstddef>
#include <functional>
#include <vector>

namespace descent::exercises {

using JacobianVectorProduct = std::function<std::vector<double>(const std::vector<double>&)>;

inline std::vector<double> vjp_from_jvp(const JacobianVectorProduct& jvp, std::size_t d,
                                        const std::vector<double>& u) {
  std::vector<double> row(d, 0.0), e(d, 0.0);
  for (std::size_t j = 0; j < d; ++j) {
    e[j] = 1;
    const auto column = jvp(e);  // J e_j: one forward sweep per input
    e[j] = 0;
    for (std::size_t i = 0; i < column.size(); ++i) row[j] += u[i] * column[i];
  }
  return row;
}

}  // namespace descent::exercises
