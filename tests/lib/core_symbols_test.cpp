// descent::math_symbols: the ASCII names of tables and code drawn as the books print them.

#include <doctest/doctest.h>

#include <string>

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
