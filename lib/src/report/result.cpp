#include "descent/report/result.hpp"

#include <cmath>
#include <stdexcept>

namespace descent::report {

Table& Table::add(std::vector<Cell> row) {
  if (row.size() != columns.size())
    throw std::logic_error("table '" + name + "': row has " + std::to_string(row.size()) +
                           " cells, expected " + std::to_string(columns.size()));
  rows.push_back(std::move(row));
  return *this;
}

Series& Series::add(std::vector<double> row) {
  if (row.size() != columns.size())
    throw std::logic_error("series '" + name + "': row has " + std::to_string(row.size()) +
                           " values, expected " + std::to_string(columns.size()));
  rows.push_back(std::move(row));
  return *this;
}

std::size_t Series::column(const std::string& wanted) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == wanted) return i;
  throw std::logic_error("series '" + name + "' has no column '" + wanted + "'");
}

Table& Result::table(std::string name, std::vector<std::string> columns) {
  tables.push_back(Table{std::move(name), std::move(columns), {}});
  return tables.back();
}

Series& Result::add_series(std::string name, std::vector<std::string> columns) {
  series.push_back(Series{std::move(name), std::move(columns), {}});
  return series.back();
}

void Result::value(std::string name, double v) {
  values.emplace_back(std::move(name), v);
}

void Result::allow_non_finite(std::string where, std::string why) {
  non_finite_allowed.emplace_back(std::move(where), std::move(why));
}

double Result::value(const std::string& name) const {
  for (const auto& [key, v] : values)
    if (key == name) return v;
  throw std::out_of_range("result has no value '" + name + "'");
}

const Table& Result::table(const std::string& name) const {
  for (const auto& t : tables)
    if (t.name == name) return t;
  throw std::out_of_range("result has no table '" + name + "'");
}

const Series& Result::find_series(const std::string& name) const {
  for (const auto& s : series)
    if (s.name == name) return s;
  throw std::out_of_range("result has no series '" + name + "'");
}

std::vector<double> log_levels(double lo, double hi, int per_decade) {
  if (!(lo > 0) || !(hi >= lo) || !std::isfinite(hi) || per_decade < 1)
    throw std::logic_error("log_levels: needs 0 < lo <= hi and per_decade >= 1");
  std::vector<double> levels;
  const double first = std::log10(lo), last = std::log10(hi);
  // counted, not accumulated, so that 1e-3 * 10^k lands on the decades exactly
  for (int k = 0; first + double(k) / per_decade <= last + 1e-9; ++k)
    levels.push_back(std::pow(10.0, first + double(k) / per_decade));
  return levels;
}

}  // namespace descent::report
