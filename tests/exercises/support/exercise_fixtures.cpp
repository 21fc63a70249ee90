// The JSON side of exercise_fixtures.hpp: every fixture file is parsed once per test run.

#include "exercise_fixtures.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace descent::testing {

namespace {

const nlohmann::json& document(const std::string& file) {
  static std::map<std::string, nlohmann::json> cache;
  const auto found = cache.find(file);
  if (found != cache.end()) return found->second;
  const std::string path = std::string(DESCENT_FIXTURES_DIR) + "/" + file;
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("missing fixture " + path +
                             " (written by /usr/bin/python3 tests/reference/generate*.py)");
  return cache.emplace(file, nlohmann::json::parse(in)).first->second;
}

const nlohmann::json& at(const std::string& file, const std::string& pointer) {
  const auto& doc = document(file);
  const nlohmann::json::json_pointer where(pointer);
  if (!doc.contains(where))
    throw std::runtime_error("fixture " + file + " has nothing at " + pointer);
  return doc.at(where);
}

double number(const nlohmann::json& j, const std::string& file, const std::string& pointer) {
  if (!j.is_number())
    throw std::runtime_error("fixture " + file + ": " + pointer + " is not a number");
  return j.get<double>();
}

}  // namespace

double fixture_number(const std::string& file, const std::string& pointer) {
  return number(at(file, pointer), file, pointer);
}

std::vector<double> fixture_numbers(const std::string& file, const std::string& pointer) {
  const auto& j = at(file, pointer);
  if (!j.is_array())
    throw std::runtime_error("fixture " + file + ": " + pointer + " is not an array");
  std::vector<double> out;
  for (std::size_t i = 0; i < j.size(); ++i)
    out.push_back(number(j[i], file, pointer + "/" + std::to_string(i)));
  return out;
}

std::vector<std::vector<double>> fixture_rows(const std::string& file, const std::string& pointer) {
  const std::size_t n = fixture_size(file, pointer);
  std::vector<std::vector<double>> rows;
  for (std::size_t i = 0; i < n; ++i)
    rows.push_back(fixture_numbers(file, pointer + "/" + std::to_string(i)));
  return rows;
}

std::size_t fixture_size(const std::string& file, const std::string& pointer) {
  return at(file, pointer).size();
}

std::string exercise_output_dir(const std::string& chapter, const std::string& name) {
  const auto dir = std::filesystem::path(DESCENT_EXERCISE_OUTPUT_DIR) / chapter / name;
  std::filesystem::create_directories(dir);
  return dir.string();
}

}  // namespace descent::testing
