// The errata an item names: their summaries read from the errata page's template
// (chapters/common/errata.cpp). That every item's anchors are entries of the template, and every
// entry's evidence names its items back, is the ctest docs/errata-items.

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "common/errata.hpp"

using descent::chapters::common::errata;
using descent::chapters::common::errata_summaries;

TEST_CASE("common/errata_summaries: headings, 'In short' lines and their continuation lines") {
  const std::string text =
      "Errata {#errata}\n======\n\nIntro with {#not-an-entry} inside.\n\n"
      "Book {#errata-book}\n====\n\n"
      "## (1.1): a sign {#book-1-1}\n"
      "- **In short:** prints +x; correct\n"
      "  is −x\n"
      "- **Where:** §1.\n"
      "  more of where\n\n"
      "## Spelling {#book-spelling}\n"
      "- **Where:** everywhere.\n"
      "- **In short:** one line   \n";
  const auto entries = errata_summaries(text);
  REQUIRE(entries.size() == 2);
  CHECK(entries.at("book-1-1") == "prints +x; correct is −x");  // the "Where" line is not joined
  CHECK(entries.at("book-spelling") == "one line");
  CHECK(errata_summaries("## A {#a}\n- **Where:** x\n").at("a").empty());  // no "In short"
  CHECK_THROWS_AS((void)errata_summaries("## A {#a}\n## B {#a}\n"), std::logic_error);
}

TEST_CASE("common/errata: summaries of the template compiled in; an unknown anchor is an error") {
  const auto list = errata({"medl-4-58", "risteski-closed-form"});
  REQUIRE(list.size() == 2);
  CHECK(list[0].anchor == "medl-4-58");
  CHECK(list[1].anchor == "risteski-closed-form");
  CHECK(list[1].summary.find("−A⁻¹b") != std::string::npos);
  CHECK_THROWS_AS((void)errata({"no-such-entry"}), std::logic_error);
}
