#pragma once
/// \file
/// No silent NaN: every result is checked for numbers that are not finite before it is shown.
/// An item that diverges should say so in its own status; this check is the net under it,
/// so that an infinity never reaches a table without a word about where it first appeared.

#include <string>

#include "descent/report/result.hpp"

namespace descent::report {

/// The first number of `result` that is NaN or ±inf outside the places the item allowed
/// (Result::allow_non_finite), searched in tables, then series, then values, row by row; as
/// a phrase such as "table 'iterates', row 4 (t = 3), column 'C(theta)' = inf". Empty if none.
[[nodiscard]] std::string first_non_finite(const Result& result);

/// Appends "not finite: <first_non_finite>" to the status when there is such a number.
void flag_non_finite(Result& result);

}  // namespace descent::report
