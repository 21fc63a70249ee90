#pragma once
// Reading the committed fixtures of tests/reference/fixtures (written by
// tests/reference/generate.py with numpy/scipy/torch; tests never run Python).

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

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

}  // namespace descent::testing
