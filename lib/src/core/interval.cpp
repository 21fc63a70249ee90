#include "descent/core/interval.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

#include "descent/core/error.hpp"

namespace descent {

namespace {
constexpr double inf = std::numeric_limits<double>::infinity();

}  // namespace

std::string significant(double x, int digits) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, x);
  return buffer;
}
std::string short_number(double x) {
  return significant(x, 10);
}
std::string full_number(double x) {
  return significant(x, 17);
}

Interval Interval::any() {
  return {-inf, inf, true, true};
}
Interval Interval::closed(double lo, double hi) {
  return {lo, hi, false, false};
}
Interval Interval::open(double lo, double hi) {
  return {lo, hi, true, true};
}
Interval Interval::at_least(double lo) {
  return {lo, inf, false, true};
}
Interval Interval::greater_than(double lo) {
  return {lo, inf, true, true};
}
Interval Interval::at_most(double hi) {
  return {-inf, hi, true, false};
}

bool Interval::contains(double x) const {
  if (!std::isfinite(x)) return false;
  const bool above_lo = lo_open ? x > lo : x >= lo;
  const bool below_hi = hi_open ? x < hi : x <= hi;
  return above_lo && below_hi;
}

std::string Interval::describe(std::string_view name) const {
  const bool has_lo = std::isfinite(lo);
  const bool has_hi = std::isfinite(hi);
  const std::string n(name);
  if (!has_lo && !has_hi) return "any finite number";
  std::string s;
  if (has_lo) s += short_number(lo) + (lo_open ? " < " : " <= ");
  s += n;
  if (has_hi) s += std::string(hi_open ? " < " : " <= ") + short_number(hi);
  return s;
}

void require(std::string_view name, double value, const Interval& allowed) {
  if (allowed.contains(value)) return;
  throw invalid_argument(std::string(name) + " = " + short_number(value) +
                         " is out of range; allowed: " + allowed.describe(name));
}

}  // namespace descent
