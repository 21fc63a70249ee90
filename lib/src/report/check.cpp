#include "descent/report/check.hpp"

#include <cmath>
#include <variant>

#include "descent/core/interval.hpp"

namespace descent::report {

namespace {

bool allowed(const Result& result, const std::string& where, const std::string& column) {
  for (const auto& [place, why] : result.non_finite_allowed)
    if (place == where || place == where + ":" + column) return true;
  return false;
}

std::string number_text(double x) {
  if (std::isnan(x)) return "nan";
  return x > 0 ? "inf" : "-inf";
}

double as_number(const Cell& cell) {
  const auto* x = std::get_if<double>(&cell);
  return x ? *x : 0.0;
}
double as_number(double x) {
  return x;
}
// The first cell of a row as the status names the row by it: a number or a short text.
std::string row_key(const Cell& cell) {
  if (const auto* x = std::get_if<double>(&cell)) return std::isfinite(*x) ? short_number(*x) : "";
  const auto& text = std::get<std::string>(cell);
  return text.size() <= 40 ? text : "";
}
std::string row_key(double x) {
  return std::isfinite(x) ? short_number(x) : "";
}

// Rows of a table (cells) or a series (doubles) alike.
template <class Rows>
std::string search(const Result& result, const char* kind, const std::string& name,
                   const std::vector<std::string>& columns, const Rows& rows) {
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t j = 0; j < rows[r].size(); ++j) {
      const double x = as_number(rows[r][j]);
      if (std::isfinite(x) || allowed(result, name, columns[j])) continue;
      std::string where = std::string(kind) + " '" + name + "', row " + std::to_string(r + 1);
      const std::string key = row_key(rows[r][0]);
      if (j > 0 && !key.empty()) where += " (" + columns[0] + " = " + key + ")";
      return where + ", column '" + columns[j] + "' = " + number_text(x);
    }
  return {};
}

}  // namespace

std::string first_non_finite(const Result& result) {
  for (const auto& t : result.tables)
    if (auto where = search(result, "table", t.name, t.columns, t.rows); !where.empty())
      return where;
  for (const auto& s : result.series)
    if (auto where = search(result, "series", s.name, s.columns, s.rows); !where.empty())
      return where;
  for (const auto& [name, v] : result.values)
    if (!std::isfinite(v) && !allowed(result, "values", name))
      return "value '" + name + "' = " + number_text(v);
  return {};
}

void flag_non_finite(Result& result) {
  const std::string where = first_non_finite(result);
  if (where.empty()) return;
  result.status += (result.status.empty() ? "" : "; ") + std::string("not finite: ") + where;
}

}  // namespace descent::report
