#pragma once
// Reading the committed fixtures of tests/reference/fixtures (written by
// tests/reference/generate.py with numpy/scipy/torch; tests never run Python).

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
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

/// A JSON array of class indices as the labels nn's trainers take.
inline std::vector<std::uint8_t> to_labels(const nlohmann::json& values) {
  std::vector<std::uint8_t> out;
  for (const auto& v : values) out.push_back(static_cast<std::uint8_t>(v.get<int>()));
  return out;
}

/// max_i |a_i − b_i| over two tensors of the same shape (REQUIREd).
template <class A, class B>
double max_abs_diff(const A& a, const B& b) {
  REQUIRE(a.dimension() == b.dimension());
  REQUIRE(a.size() == b.size());
  double m = 0;
  for (std::size_t i = 0; i < a.size(); ++i) m = std::max(m, std::fabs(a.flat(i) - b.flat(i)));
  return m;
}

}  // namespace descent::testing
