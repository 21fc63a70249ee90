// Lecture 5 slides on the quadratic's minimizer and Newton's cost, against the catalogue
// (/work/shared/catalogue/notes-ch2-and-risteski-lec5.md L10, L11: closed forms and exact
// operation counts from an instrumented Python elimination).

#include <doctest/doctest.h>

#include <string>

#include "risteski05/chapter.hpp"

using descent::app::compute;

namespace {
const descent::app::Item& item(const std::string& id) {
  static const auto chapter = descent::chapters::make_risteski05();
  const auto* found = chapter.find(id);
  REQUIRE_MESSAGE(found != nullptr, "risteski05 has no item " << id);
  return *found;
}
}  // namespace

TEST_CASE("risteski05 slide-closed-form-quadratic: -A^-1 b, not A^-1 b") {
  const auto r = compute(item("slide-closed-form-quadratic"));
  CHECK(r.value("minimizer_1") == doctest::Approx(-0.6).epsilon(1e-12));
  CHECK(r.value("minimizer_2") == doctest::Approx(0.8).epsilon(1e-12));
  CHECK(r.value("f_minimum") == doctest::Approx(-0.7).epsilon(1e-12));  // −½bᵀA⁻¹b
  CHECK(r.value("f_printed") == doctest::Approx(2.1).epsilon(1e-12));   // not a minimum
  CHECK(r.value("newton_1") == doctest::Approx(-0.6).epsilon(1e-12));
}

TEST_CASE("risteski05 slide-newton: elimination costs d^3/3 + d^2 - d/3 multiplications") {
  const auto r = compute(item("slide-newton"));
  CHECK(r.value("mult_2") == 6);
  CHECK(r.value("add_2") == 3);
  CHECK(r.value("mult_10") == 430);
  CHECK(r.value("add_10") == 375);
  CHECK(r.value("mult_100") == 343300);
  CHECK(r.value("add_100") == 338250);
  // κ = 10⁶ does not matter to one Newton step (catalogue L11 (i)); rounding only
  CHECK(r.value("ill_conditioned_error_after_one_step") < 1e-12);
}
