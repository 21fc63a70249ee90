#pragma once
// Element-by-element comparisons that print what a student needs when one fails: which entry,
// the value computed and the value expected (doctest's Approx), e.g.
//
//   CHECK( 0.4812 == Approx( 0.4813 ) )   with   what := "dL/dv", i := 3
//
// Approx(e).epsilon(eps) accepts |x − e| < eps·(1 + max(|x|, |e|)): relative for large values,
// absolute near zero.

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <vector>

namespace descent::testing {

/// Entry i of a std::vector, std::array or (row-major, flattened) xtensor.
template <class V>
double entry(const V& v, std::size_t i) {
  if constexpr (requires { v.flat(i); })
    return v.flat(i);
  else
    return v[i];
}

/// Checks every entry of `actual` against `expected`; both have `size()` entries. With
/// epsilon 0 the entries must be equal.
template <class A, class E>
void check_all_close(const std::string& what, const A& actual, const E& expected, double epsilon) {
  CAPTURE(what);
  REQUIRE(actual.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    if (epsilon == 0)
      CHECK(entry(actual, i) == entry(expected, i));
    else
      CHECK(entry(actual, i) == doctest::Approx(entry(expected, i)).epsilon(epsilon));
  }
}

}  // namespace descent::testing
