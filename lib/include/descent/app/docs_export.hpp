#pragma once
/// \file
/// The Markdown an item contributes to its section page of the documentation site
/// (`<id> export`, read by the chapter pages with `\include{doc}`).

#include <string>

#include "descent/app/item.hpp"
#include "descent/report/result.hpp"

namespace descent::app {

/// The item's tables for its section page: every table of the result under its name; the
/// named values only where a table does not already show them (under "other values"); the
/// status on a line of its own. Doxygen Markdown, with the text of names escaped.
[[nodiscard]] std::string docs_tables(const report::Result& result);

/// The errata of the source the item concerns, one line each before its tables: the summary
/// and a Doxygen reference to the entry of the errata page (empty if the item names none).
[[nodiscard]] std::string docs_errata(const Item& item);

/// The note of a figure (how it was drawn), if any, as a paragraph for under the figure;
/// the page shows the SVG with its caption in words (`\image html`), then
/// `\include{doc} <id>/<figure>.note.md`.
[[nodiscard]] std::string docs_figure_note(const report::Figure& figure);

/// "Try it": the command that computes the item, one `--set` variation of a parameter
/// (a flag or choice switched, else a number moved inside its allowed range), and, for a
/// slow item, its quick form (`\include{doc} <id>/<item>.try.md`).
[[nodiscard]] std::string docs_try_it(const std::string& chapter, const Item& item);

}  // namespace descent::app
