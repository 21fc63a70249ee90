#include "descent/app/docs_export.hpp"

#include <cmath>
#include <optional>
#include <set>
#include <sstream>

#include "descent/core/interval.hpp"

namespace descent::app {

namespace {

// Text placed in Doxygen Markdown: characters that would start emphasis, a command, an
// HTML tag or a table cell are escaped, so a name such as `C_fixed_0` or `**` shows as is.
std::string escape(const std::string& s) {
  std::string r;
  for (char c : s) {
    switch (c) {
      case '|': r += "\\|"; break;
      case '*': r += "\\*"; break;
      case '_': r += "\\_"; break;
      case '\\': r += "\\\\"; break;
      case '@': r += "\\@"; break;
      case '#': r += "\\#"; break;
      case '<': r += "&lt;"; break;
      case '>': r += "&gt;"; break;
      case '&': r += "&amp;"; break;
      case '`': r += "\\`"; break;
      default: r += c;
    }
  }
  return r;
}

std::string cell(const report::Cell& c) {
  if (const auto* s = std::get_if<std::string>(&c)) return escape(*s);
  const double x = std::get<double>(c);
  return std::isfinite(x) ? short_number(x) : (std::isnan(x) ? "nan" : (x > 0 ? "inf" : "-inf"));
}

void table(std::ostringstream& out, const std::string& name,
           const std::vector<std::string>& columns,
           const std::vector<std::vector<report::Cell>>& rows) {
  out << "<div class=\"item-table-title\">" << escape(name) << "</div>\n\n|";
  for (const auto& c : columns) out << " " << escape(c) << " |";
  out << "\n|";
  for (std::size_t j = 0; j < columns.size(); ++j) {
    const bool numeric = !rows.empty() && std::holds_alternative<double>(rows.front()[j]);
    out << (numeric ? " ---: |" : " :--- |");
  }
  out << "\n";
  for (const auto& row : rows) {
    out << "|";
    for (const auto& c : row) out << " " << cell(c) << " |";
    out << "\n";
  }
  out << "\n";
}

// A number as the page prints it: the values a table already shows are those whose
// printed form appears in one of its cells.
std::set<std::string> shown_numbers(const report::Result& result) {
  std::set<std::string> shown;
  for (const auto& t : result.tables)
    for (const auto& row : t.rows)
      for (const auto& c : row)
        if (const auto* x = std::get_if<double>(&c)) shown.insert(short_number(*x));
  return shown;
}

// The value of a number parameter moved inside its range: doubled, else halved, else
// a tenth of the way to the nearer end.
std::optional<double> moved(double d, const Interval& a, bool integer) {
  std::vector<double> candidates{d == 0 ? 1.0 : 2 * d, d == 0 ? -1.0 : d / 2};
  if (std::isfinite(a.hi)) candidates.push_back(d + (a.hi - d) / 10);
  if (std::isfinite(a.lo)) candidates.push_back(d - (d - a.lo) / 10);
  for (double c : candidates) {
    if (integer) c = std::round(c);
    if (c != d && std::isfinite(c) && a.contains(c)) return c;
  }
  return std::nullopt;
}

std::optional<std::string> variation(const Item& item) {
  for (const auto& p : item.params)
    if (p.kind == Param::Kind::flag)
      return p.name + "=" + (p.default_value == "yes" ? "no" : "yes");
  for (const auto& p : item.params)
    if (p.kind == Param::Kind::choice)
      for (const auto& c : p.choices)
        if (c != p.default_value) return p.name + "=" + c;
  for (const auto& p : item.params) {
    if (p.kind != Param::Kind::number && p.kind != Param::Kind::integer) continue;
    try {
      const double d = std::get<std::vector<double>>(parse_value(p, p.default_value)).front();
      if (const auto v = moved(d, p.allowed, p.kind == Param::Kind::integer)) {
        const std::string text = short_number(*v);
        (void)parse_value(p, text);  // the printed value itself must be accepted
        return p.name + "=" + text;
      }
    } catch (const std::exception&) {
      continue;  // a default or a move the parser refuses: try the next parameter
    }
  }
  return std::nullopt;
}

}  // namespace

std::string docs_tables(const report::Result& result) {
  std::ostringstream out;
  for (const auto& t : result.tables) table(out, t.name, t.columns, t.rows);
  const auto shown = shown_numbers(result);
  std::vector<std::vector<report::Cell>> others;
  for (const auto& [name, v] : result.values)
    if (!shown.count(short_number(v))) others.push_back({name, v});
  if (!others.empty())
    table(out, result.tables.empty() ? "values" : "other values", {"name", "value"}, others);
  if (!result.status.empty())
    out << "<div class=\"item-status\"><b>Status:</b> " << escape(result.status) << "</div>\n\n";
  return out.str();
}

std::string docs_errata(const Item& item) {
  std::ostringstream out;
  // The anchor is a Doxygen \ref: a misspelt one is a warning, which the docs test refuses.
  for (const auto& e : item.errata)
    out << "<div class=\"item-erratum\"><b>Erratum:</b> " << escape(e.summary) << " (\\ref "
        << e.anchor << " \"see the errata\")</div>\n\n";
  return out.str();
}

std::string docs_figure_note(const report::Figure& figure) {
  std::ostringstream out;
  if (!figure.note.empty())
    out << "<div class=\"figure-note\">" << escape(figure.note) << "</div>\n\n";
  return out.str();
}

std::string docs_try_it(const std::string& chapter, const Item& item) {
  const std::string run = "build/chapters/" + chapter + " run " + item.id;
  std::ostringstream out;
  // The sentence before the commands: Doxygen ends the <div> with the code block.
  out << "<div class=\"try-it\"><b>Try it</b> (every parameter, its default and its range: `"
      << chapter << " describe " << item.id << "`)\n\n";
  out << "    " << run << "\n";
  if (const auto v = variation(item)) out << "    " << run << " --set " << *v << "\n";
  if (item.slow && !item.quick_sets.empty()) {
    out << "    " << run;
    for (const auto& s : item.quick_sets) out << " --set " << s;
    out << "    # the quick form\n";
  }
  out << "\n</div>\n\n";
  return out.str();
}

}  // namespace descent::app
