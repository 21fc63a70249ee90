#pragma once
// The four chapters as the item tests see them (tests/chapters/), each built once per test
// executable, and the lookup of one item that stops the test case if the chapter lacks it.

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <variant>

#include "aggarwal03/chapter.hpp"
#include "medl04/chapter.hpp"
#include "notes02/chapter.hpp"
#include "risteski05/chapter.hpp"

namespace descent::testing {

inline const app::Chapter& medl04() {
  static const auto chapter = chapters::make_medl04();
  return chapter;
}
inline const app::Chapter& notes02() {
  static const auto chapter = chapters::make_notes02();
  return chapter;
}
inline const app::Chapter& aggarwal03() {
  static const auto chapter = chapters::make_aggarwal03();
  return chapter;
}
inline const app::Chapter& risteski05() {
  static const auto chapter = chapters::make_risteski05();
  return chapter;
}

/// The number in row `row`, column `col` of a result table (throws if the cell is text).
inline double cell(const report::Table& table, std::size_t row, std::size_t col) {
  return std::get<double>(table.rows.at(row).at(col));
}

/// The item `id` of `chapter`; REQUIREs that it exists.
inline const app::Item& item(const app::Chapter& chapter, const std::string& id) {
  const auto* found = chapter.find(id);
  REQUIRE_MESSAGE(found != nullptr, chapter.id << " has no item " << id);
  return *found;
}

}  // namespace descent::testing

// --- cells by column name -------------------------------------------------------------
// Item tests read a cell by the name of its column, so that a column added to a table does
// not silently shift what a test compares.

namespace descent::testing {

/// The index of the column `name` of `table`; REQUIREs that there is one.
inline std::size_t column(const report::Table& table, const std::string& name) {
  for (std::size_t j = 0; j < table.columns.size(); ++j)
    if (table.columns[j] == name) return j;
  std::string known;
  for (const auto& c : table.columns) known += (known.empty() ? "" : ", ") + c;
  FAIL("table '" << table.name << "' has no column '" << name << "' (it has: " << known << ")");
  return 0;
}

/// The number in row `row` under the column `name` (throws if the cell is text).
inline double cell(const report::Table& table, std::size_t row, const std::string& name) {
  return std::get<double>(table.rows.at(row).at(column(table, name)));
}

/// The text in row `row` under the column `name` (throws if the cell is a number).
inline const std::string& text_cell(const report::Table& table, std::size_t row,
                                    const std::string& name) {
  return std::get<std::string>(table.rows.at(row).at(column(table, name)));
}

/// The index of the column `name` of a series; REQUIREs that there is one.
inline std::size_t column(const report::Series& series, const std::string& name) {
  for (std::size_t j = 0; j < series.columns.size(); ++j)
    if (series.columns[j] == name) return j;
  FAIL("series '" << series.name << "' has no column '" << name << "'");
  return 0;
}

/// The figure `name` among those an item drew; FAILs naming it if there is none.
inline const report::Figure& figure(const report::Result& result, const std::string& name) {
  for (const auto& f : result.figures)
    if (f.name == name) return f;
  FAIL("no figure " << name);
  return result.figures.front();
}

}  // namespace descent::testing
