#pragma once
// Fixture numbers as descent's tensors, for the exercises whose functions take them.

#include <cstddef>
#include <string>
#include <vector>

#include "descent/core/tensor.hpp"
#include "exercise_fixtures.hpp"

namespace descent::testing {

/// Rows of numbers as a matrix (all rows the same length).
inline descent::matrix matrix_of(const std::vector<std::vector<double>>& rows) {
  const std::size_t m = rows.size(), n = m == 0 ? 0 : rows[0].size();
  auto out = descent::matrix::from_shape({m, n});
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < n; ++j) out(i, j) = rows[i].at(j);
  return out;
}

/// The array at `pointer` of fixture `file` as a vector.
inline descent::vector fixture_vector(const std::string& file, const std::string& pointer) {
  return descent::to_vector(fixture_numbers(file, pointer));
}

/// The rows at `pointer` of fixture `file` as a matrix.
inline descent::matrix fixture_matrix(const std::string& file, const std::string& pointer) {
  return matrix_of(fixture_rows(file, pointer));
}

}  // namespace descent::testing
