// What `<id> export` writes for the section pages of the docs (lib/src/app/docs_export.cpp).

#include <doctest/doctest.h>

#include <string>

#include "descent/app/docs_export.hpp"
#include "descent/app/item.hpp"
#include "descent/core/interval.hpp"

using namespace descent;
using namespace descent::app;

namespace {
bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("app/docs_tables: values a table shows are not repeated; names are escaped") {
  report::Result r;
  r.table("last *iterates*", {"run", "theta_1"}).add({std::string("fixed_0"), 0.25});
  r.value("theta1_fixed_0", 0.25);  // in the table
  r.value("iterations", 1000);      // not in any table
  r.status = "stopped: |grad| < 1e-8";
  const std::string md = docs_tables(r);
  CHECK(contains(md, "last \\*iterates\\*"));
  CHECK(contains(md, "fixed\\_0"));
  CHECK(contains(md, "other values"));
  CHECK(contains(md, "| iterations | 1000 |"));
  CHECK_FALSE(contains(md, "theta1\\_fixed\\_0"));
  CHECK(contains(md,
                 "<div class=\"item-status\"><b>Status:</b> stopped: \\|grad\\| &lt; 1e-8</div>"));
}

TEST_CASE("app/docs_tables: without tables every value is shown") {
  report::Result r;
  r.value("x", 2);
  const std::string md = docs_tables(r);
  CHECK(contains(md, "values"));
  CHECK(contains(md, "| x | 2 |"));
  CHECK_FALSE(contains(md, "Status"));
}

TEST_CASE("app/docs_figure_note: the note alone, no caption and no code name") {
  report::Figure f{"figure-4.2", "Figure 4.2: caption", {}, "Contour levels e^k", {}};
  const std::string md = docs_figure_note(f);
  CHECK(md == "<div class=\"figure-note\">Contour levels e^k</div>\n\n");
  f.note.clear();
  CHECK(docs_figure_note(f).empty());
}

TEST_CASE("app/docs_try_it: the command and one valid variation") {
  Item item;
  item.id = "eq-4.52";
  item.params = {Param::number("alpha", "0.6", Provenance::book, "", Interval::open(0, 1))};
  std::string md = docs_try_it("medl04", item);
  CHECK(contains(md, "    build/chapters/medl04 run eq-4.52\n"));
  CHECK(contains(md, "    build/chapters/medl04 run eq-4.52 --set alpha=0.3\n"));  // 1.2 is out
  CHECK(contains(md, "medl04 describe eq-4.52"));

  item.params.push_back(Param::flag("shuffle", false, Provenance::companion, ""));
  md = docs_try_it("medl04", item);
  CHECK(contains(md, "--set shuffle=yes"));  // a flag switched first

  Item fixed;
  fixed.id = "table-4.1";
  md = docs_try_it("medl04", fixed);
  CHECK_FALSE(contains(md, "--set"));  // nothing to vary
}

TEST_CASE("app/docs_errata: one line per erratum, its summary escaped, a reference to its entry") {
  Item item;
  item.id = "algorithm-4.3";
  CHECK(docs_errata(item).empty());
  item.errata = {{"medl-4-58", "θ* is not −B_t ∇C"}, {"medl-4-60", "Wolfe"}};
  CHECK(docs_errata(item) ==
        "<div class=\"item-erratum\"><b>Erratum:</b> θ\\* is not −B\\_t ∇C (\\ref medl-4-58 \"see "
        "the errata\")</div>\n\n"
        "<div class=\"item-erratum\"><b>Erratum:</b> Wolfe (\\ref medl-4-60 \"see the "
        "errata\")</div>\n\n");
}
