#pragma once
/// \file
/// Presenting a Result: plain text, Markdown, CSV and JSON (docs/pages/design.md, item model). Text
/// and Markdown show numbers with 10 significant digits for reading; CSV and JSON print 17,
/// enough to round-trip every double. Non-finite numbers are `nan`/`inf` in text and
/// `null` in JSON (which has no NaN).

#include <string>
#include <vector>

#include "descent/report/result.hpp"

namespace descent::report {

/// How `run` prints a result (`--format`): aligned text for a terminal, Markdown for docs,
/// CSV for spreadsheets, JSON with 17 significant digits for programs.
enum class Format { text, markdown, csv, json };

/// Parses "text", "markdown", "csv" or "json"; throws descent::invalid_argument otherwise.
[[nodiscard]] Format parse_format(const std::string& name);

/// A parameter as shown next to a result: its text form and its JSON form.
struct ShownParam {
  std::string name;  ///< the parameter's name, as `--set` takes it
  std::string text;  ///< e.g. "0.4,-0.2"
  std::string json;  ///< e.g. "[0.4,-0.2]"
};

/// A place where the source misprints (or leaves out) something an item computes: the anchor
/// of its entry on the errata page (docs/errata/errata.md.in) and one line saying what the
/// source prints and what is correct.
struct Erratum {
  std::string anchor;   ///< e.g. "medl-4-58": the entry is at errata.html#medl-4-58
  std::string summary;  ///< one line of plain text: what is printed, and what is meant
};

/// Where an erratum's entry is on the documentation site: "errata.html#" followed by its anchor.
[[nodiscard]] std::string erratum_link(const Erratum& erratum);

/// An erratum as a JSON object: {"anchor": ..., "summary": ..., "link": ...}.
[[nodiscard]] std::string erratum_json(const Erratum& erratum);

/// What identifies a result: which chapter and item, with which parameters.
struct Header {
  std::string chapter;             ///< chapter id, e.g. "medl04"
  std::string item;                ///< item id, e.g. "eq-4.52"
  std::string title;               ///< what the item shows, one line
  std::string source;              ///< where in the source, e.g. "MEDL §4.6, Eq. (4.52)"
  std::vector<ShownParam> params;  ///< every parameter with the value this run used
  std::vector<Erratum> errata{};   ///< the source's misprints the item concerns, shown first
};

/// The whole report of one item in the given format, ending with a newline.
[[nodiscard]] std::string render(const Header& header, const Result& result, Format format);

/// Only the tables, values and status (no heading, no parameters): what a docs page
/// includes under its own heading.
[[nodiscard]] std::string render_body(const Result& result, Format format);

/// A JSON string literal with the escapes JSON requires.
[[nodiscard]] std::string json_string(const std::string& s);
/// A JSON number with 17 significant digits, or `null` if not finite.
[[nodiscard]] std::string json_number(double x);

}  // namespace descent::report
