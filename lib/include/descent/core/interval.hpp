#pragma once
/// \file
/// Allowed ranges of parameters, and the one check every option struct and every
/// command-line value goes through, so that all range errors read alike:
/// `alpha = -1 is out of range; allowed: 0 < alpha <= 1`.

#include <string>
#include <string_view>

namespace descent {

/// A closed, open or half-open interval of the real line (±inf for unbounded ends).
struct Interval {
  double lo;             ///< lower end (may be -inf)
  double hi;             ///< upper end (may be +inf)
  bool lo_open = false;  ///< true: `lo` itself is excluded
  bool hi_open = false;  ///< true: `hi` itself is excluded

  static Interval any();                         ///< all finite reals
  static Interval closed(double lo, double hi);  ///< [lo, hi]
  static Interval open(double lo, double hi);    ///< (lo, hi)
  static Interval at_least(double lo);           ///< [lo, inf)
  static Interval greater_than(double lo);       ///< (lo, inf)
  static Interval at_most(double hi);            ///< (-inf, hi]

  /// Whether `x` is finite and lies in the interval, honouring open ends (false for NaN, ±inf).
  [[nodiscard]] bool contains(double x) const;
  /// The interval as an inequality about `name`, e.g. "0 < alpha <= 1" or "any finite number".
  [[nodiscard]] std::string describe(std::string_view name) const;
};

/// Throws descent::invalid_argument unless `value` is finite and inside `allowed`.
void require(std::string_view name, double value, const Interval& allowed);

/// Formats a number to at most `digits` significant digits (1 to 17; printf's %g: trailing
/// zeros dropped, an exponent where it is shorter), "nan", "inf" or "-inf": for titles, legends
/// and notes, which want 3 or 4.
[[nodiscard]] std::string significant(double x, int digits);
/// Formats a number the way messages and text tables show it: up to 10 significant digits.
[[nodiscard]] std::string short_number(double x);
/// Formats a number with 17 significant digits, enough to round-trip a double.
[[nodiscard]] std::string full_number(double x);

}  // namespace descent
