// descent::math_symbols and descent::significant: the text a figure draws, names and numbers.

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "descent/core/interval.hpp"
#include "descent/core/symbols.hpp"

TEST_CASE("math_symbols: names and formulas as the books print them") {
  using descent::math_symbols;
  CHECK(math_symbols("theta1") == "θ₁");
  CHECK(math_symbols("v3 = v1 * v2") == "v₃ = v₁ · v₂");
  CHECK(math_symbols("v7 = v3 - v6") == "v₇ = v₃ − v₆");
  CHECK(math_symbols("y = w^2") == "y = w²");
  CHECK(math_symbols("-sin(y) = -0.2474") == "−sin(y) = −0.2474");
  CHECK(math_symbols("h1\na = -0.34\nDelta = 0.06") == "h₁\na = −0.34\nΔ = 0.06");
  CHECK(math_symbols("zeta12") == "ζ₁₂");
  // numbers stay whole (the e of an exponent is no name), other names stay as they are
  CHECK(math_symbols("1e-05 + 2.5E+10") == "1e-05 + 2.5E+10");
  CHECK(math_symbols("v4 = exp(v3), log(v5), h(1,2) = 1.1") ==
        "v₄ = exp(v₃), log(v₅), h(1,2) = 1.1");
  CHECK(math_symbols("L-BFGS, x^10") == "L-BFGS, x^10");
  CHECK(math_symbols("a4") == "a₄");
  // idempotent
  CHECK(math_symbols(math_symbols("theta2 * theta3")) == "θ₂ · θ₃");
}

TEST_CASE("significant: numbers for titles and legends, to the digits asked") {
  using descent::significant;
  CHECK(significant(0.0272459, 3) == "0.0272");
  CHECK(significant(25.0397, 4) == "25.04");
  CHECK(significant(0.5, 4) == "0.5");  // no trailing zeros
  CHECK(significant(1234567.0, 4) == "1.235e+06");
  CHECK(significant(-0.8775, 2) == "-0.88");
  CHECK(significant(std::nan(""), 3) == "nan");
  CHECK(significant(-INFINITY, 3) == "-inf");
  // short_number and full_number are its 10- and 17-digit forms
  CHECK(descent::short_number(0.1 + 0.2) == "0.3");
  CHECK(descent::full_number(0.1 + 0.2) == "0.30000000000000004");
}
