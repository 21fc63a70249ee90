#pragma once
// Reading the committed fixtures of tests/reference/fixtures (written by
// tests/reference/generate.py with numpy/scipy/torch; tests never run Python).

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "descent/core/tensor.hpp"

namespace descent::testing {

inline nlohmann::json load_fixture(const std::string& name) {
  const std::string path = std::string(DESCENT_FIXTURES_DIR) + "/" + name;
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("missing fixture " + path + " (run tests/reference/generate.py)");
  return nlohmann::json::parse(in);
}

inline std::vector<double> as_vector(const nlohmann::json& j) {
  return j.get<std::vector<double>>();
}

/// A JSON array of numbers as a descent::vector.
inline descent::vector to_vector(const nlohmann::json& values) {
  auto out = descent::vector::from_shape({values.size()});
  for (std::size_t i = 0; i < values.size(); ++i) out(i) = values[i].get<double>();
  return out;
}

/// A JSON array of rows as a descent::matrix.
inline descent::matrix to_matrix(const nlohmann::json& rows) {
  const std::size_t m = rows.size();
  const std::size_t n = m == 0 ? 0 : rows[0].size();
  auto out = descent::matrix::from_shape({m, n});
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < n; ++j) out(i, j) = rows[i][j].get<double>();
  return out;
}

}  // namespace descent::testing
