#pragma once
/// \file
/// Names as the books print them: the ASCII spelling of a variable or a formula that tables
/// and code use ("theta1", "v3 = v1 * v2", "-sin(y)") turned into the symbols a drawing shows
/// ("θ₁", "v₃ = v₁ · v₂", "−sin(y)").

#include <string>

namespace descent {

/// `ascii` with its symbols written out: a Greek letter's name (theta, zeta, Delta, ...) as the
/// letter, the digits that end a name (a1, theta12) as subscripts, `^2` and `^3` as
/// superscripts, `*` as `·` and a minus sign as `−` (a hyphen between letters, as in L-BFGS,
/// stays). Numbers are left whole (1e-5 keeps its
/// e and its exponent; only a leading minus becomes `−`), and so are names that are not
/// Greek (exp, log, sin). Idempotent: text already in symbols passes unchanged.
[[nodiscard]] std::string math_symbols(const std::string& ascii);

}  // namespace descent
