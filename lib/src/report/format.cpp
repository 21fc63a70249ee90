#include "descent/report/format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"

namespace descent::report {

namespace {

std::string cell_text(const Cell& cell, bool full) {
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  const double x = std::get<double>(cell);
  return full ? full_number(x) : short_number(x);
}

bool is_number(const Cell& cell) {
  return std::holds_alternative<double>(cell);
}

std::deque<Table> series_as_tables(const Result& result) {
  std::deque<Table> tables;
  for (const auto& s : result.series) {
    Table t{s.name, s.columns, {}};
    for (const auto& row : s.rows) t.rows.emplace_back(row.begin(), row.end());
    tables.push_back(std::move(t));
  }
  return tables;
}

// --- text -------------------------------------------------------------------------

void text_table(std::ostringstream& out, const Table& table) {
  std::vector<std::size_t> width(table.columns.size());
  for (std::size_t j = 0; j < width.size(); ++j) width[j] = table.columns[j].size();
  for (const auto& row : table.rows)
    for (std::size_t j = 0; j < row.size(); ++j)
      width[j] = std::max(width[j], cell_text(row[j], false).size());
  auto pad = [](const std::string& s, std::size_t w, bool right) {
    const std::string fill(w > s.size() ? w - s.size() : 0, ' ');
    return right ? fill + s : s + fill;
  };
  out << "table " << table.name << "\n";
  for (std::size_t j = 0; j < width.size(); ++j)
    out << (j ? "  " : "  ") << pad(table.columns[j], width[j], true);
  out << "\n";
  for (const auto& row : table.rows) {
    for (std::size_t j = 0; j < row.size(); ++j)
      out << "  " << pad(cell_text(row[j], false), width[j], is_number(row[j]));
    out << "\n";
  }
}

void text_body(std::ostringstream& out, const Result& result, bool with_series) {
  for (const auto& t : result.tables) {
    text_table(out, t);
    out << "\n";
  }
  if (with_series)
    for (const auto& t : series_as_tables(result)) {
      text_table(out, t);
      out << "\n";
    }
  if (!result.values.empty()) {
    out << "values\n";
    std::size_t w = 0;
    for (const auto& [name, v] : result.values) w = std::max(w, name.size());
    for (const auto& [name, v] : result.values)
      out << "  " << name << std::string(w - name.size(), ' ') << " = " << short_number(v) << "\n";
  }
  if (!result.status.empty()) out << "status: " << result.status << "\n";
  for (const auto& f : result.figures) {
    out << "figure " << f.name << ": " << f.caption << "\n";
    if (!f.note.empty()) out << "  note: " << f.note << "\n";
  }
}

// --- markdown -----------------------------------------------------------------------

std::string md_escape(const std::string& s) {
  std::string r;
  for (char c : s) {
    if (c == '|')
      r += "\\|";
    else
      r += c;
  }
  return r;
}

void markdown_table(std::ostringstream& out, const Table& table) {
  out << "**" << md_escape(table.name) << "**\n\n|";
  for (const auto& c : table.columns) out << " " << md_escape(c) << " |";
  out << "\n|";
  for (std::size_t j = 0; j < table.columns.size(); ++j) {
    const bool numeric = !table.rows.empty() && is_number(table.rows.front()[j]);
    out << (numeric ? " ---: |" : " :--- |");
  }
  out << "\n";
  for (const auto& row : table.rows) {
    out << "|";
    for (const auto& cell : row) out << " " << md_escape(cell_text(cell, false)) << " |";
    out << "\n";
  }
  out << "\n";
}

void markdown_body(std::ostringstream& out, const Result& result) {
  for (const auto& t : result.tables) markdown_table(out, t);
  if (!result.values.empty()) {
    Table values{"values", {"name", "value"}, {}};
    for (const auto& [name, v] : result.values) values.rows.push_back({name, v});
    markdown_table(out, values);
  }
  if (!result.status.empty()) out << "Status: " << md_escape(result.status) << "\n\n";
  for (const auto& f : result.figures)
    if (!f.note.empty()) out << "Figure " << f.name << ": " << md_escape(f.note) << "\n\n";
}

// --- csv ----------------------------------------------------------------------------

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string r = "\"";
  for (char c : s) r += (c == '"') ? std::string("\"\"") : std::string(1, c);
  return r + "\"";
}

void csv_table(std::ostringstream& out, const std::string& kind, const Table& table) {
  out << "# " << kind << " " << table.name << "\n";
  for (std::size_t j = 0; j < table.columns.size(); ++j)
    out << (j ? "," : "") << csv_field(table.columns[j]);
  out << "\n";
  for (const auto& row : table.rows) {
    for (std::size_t j = 0; j < row.size(); ++j)
      out << (j ? "," : "") << csv_field(cell_text(row[j], true));
    out << "\n";
  }
  out << "\n";
}

void csv_body(std::ostringstream& out, const Result& result) {
  for (const auto& t : result.tables) csv_table(out, "table", t);
  for (const auto& t : series_as_tables(result)) csv_table(out, "series", t);
  if (!result.values.empty()) {
    Table values{"values", {"name", "value"}, {}};
    for (const auto& [name, v] : result.values) values.rows.push_back({name, v});
    csv_table(out, "values", values);
  }
  if (!result.status.empty()) out << "# status " << result.status << "\n";
}

// --- json ---------------------------------------------------------------------------

std::string json_cell(const Cell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell)) return json_string(*s);
  return json_number(std::get<double>(cell));
}

void json_tables(std::ostringstream& out, const std::deque<Table>& tables) {
  out << "[";
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const auto& t = tables[i];
    out << (i ? "," : "") << "{\"name\":" << json_string(t.name) << ",\"columns\":[";
    for (std::size_t j = 0; j < t.columns.size(); ++j)
      out << (j ? "," : "") << json_string(t.columns[j]);
    out << "],\"rows\":[";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      out << (r ? "," : "") << "[";
      for (std::size_t j = 0; j < t.rows[r].size(); ++j)
        out << (j ? "," : "") << json_cell(t.rows[r][j]);
      out << "]";
    }
    out << "]}";
  }
  out << "]";
}

void json_body(std::ostringstream& out, const Result& result) {
  out << "\"tables\":";
  json_tables(out, result.tables);
  out << ",\"series\":";
  json_tables(out, series_as_tables(result));
  out << ",\"values\":{";
  for (std::size_t i = 0; i < result.values.size(); ++i)
    out << (i ? "," : "") << json_string(result.values[i].first) << ":"
        << json_number(result.values[i].second);
  out << "},\"status\":" << (result.status.empty() ? "null" : json_string(result.status));
  out << ",\"figures\":[";
  for (std::size_t i = 0; i < result.figures.size(); ++i)
    out << (i ? "," : "") << json_string(result.figures[i].name);
  out << "]";
  if (!result.non_finite_allowed.empty()) {
    out << ",\"non_finite_allowed\":{";
    for (std::size_t i = 0; i < result.non_finite_allowed.size(); ++i)
      out << (i ? "," : "") << json_string(result.non_finite_allowed[i].first) << ":"
          << json_string(result.non_finite_allowed[i].second);
    out << "}";
  }
}

}  // namespace

Format parse_format(const std::string& name) {
  if (name == "text") return Format::text;
  if (name == "markdown") return Format::markdown;
  if (name == "csv") return Format::csv;
  if (name == "json") return Format::json;
  throw invalid_argument("unknown format '" + name + "'; allowed: text, markdown, csv, json");
}

std::string json_string(const std::string& s) {
  std::string r = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': r += "\\\""; break;
      case '\\': r += "\\\\"; break;
      case '\n': r += "\\n"; break;
      case '\t': r += "\\t"; break;
      case '\r': r += "\\r"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          r += buf;
        } else {
          r += static_cast<char>(c);
        }
    }
  }
  return r + "\"";
}

std::string json_number(double x) {
  return std::isfinite(x) ? full_number(x) : "null";
}

std::string erratum_link(const Erratum& erratum) {
  return "errata.html#" + erratum.anchor;
}

std::string erratum_json(const Erratum& erratum) {
  return "{\"anchor\":" + json_string(erratum.anchor) +
         ",\"summary\":" + json_string(erratum.summary) +
         ",\"link\":" + json_string(erratum_link(erratum)) + "}";
}

std::string render_body(const Result& result, Format format) {
  std::ostringstream out;
  switch (format) {
    case Format::text: text_body(out, result, false); break;
    case Format::markdown: markdown_body(out, result); break;
    case Format::csv: csv_body(out, result); break;
    case Format::json:
      out << "{";
      json_body(out, result);
      out << "}\n";
      break;
  }
  return out.str();
}

std::string render(const Header& h, const Result& result, Format format) {
  std::ostringstream out;
  switch (format) {
    case Format::text: {
      out << h.item << " — " << h.title << "\n";
      out << "source: " << h.source << "\n";
      for (const auto& e : h.errata)
        out << "erratum: " << e.summary << " — see " << erratum_link(e) << "\n";
      if (!h.params.empty()) {
        out << "parameters:";
        for (std::size_t i = 0; i < h.params.size(); ++i)
          out << (i ? ", " : " ") << h.params[i].name << " = " << h.params[i].text;
        out << "\n";
      }
      out << "\n";
      text_body(out, result, false);
      break;
    }
    case Format::markdown: {
      out << "### " << h.item << " — " << md_escape(h.title) << "\n\n";
      out << "Source: " << md_escape(h.source) << "\n\n";
      for (const auto& e : h.errata)
        out << "Erratum: " << md_escape(e.summary) << " (see [" << erratum_link(e) << "]("
            << erratum_link(e) << "))\n\n";
      if (!h.params.empty()) {
        out << "Parameters:";
        for (std::size_t i = 0; i < h.params.size(); ++i)
          out << (i ? ", " : " ") << "`" << h.params[i].name << " = " << h.params[i].text << "`";
        out << "\n\n";
      }
      markdown_body(out, result);
      break;
    }
    case Format::csv: {
      out << "# item " << h.chapter << " " << h.item << "\n";
      for (const auto& e : h.errata)
        out << "# erratum " << erratum_link(e) << " " << e.summary << "\n";
      for (const auto& p : h.params) out << "# param " << p.name << "=" << p.text << "\n";
      csv_body(out, result);
      break;
    }
    case Format::json: {
      out << "{\"chapter\":" << json_string(h.chapter) << ",\"item\":" << json_string(h.item)
          << ",\"title\":" << json_string(h.title) << ",\"source\":" << json_string(h.source)
          << ",\"errata\":[";
      for (std::size_t i = 0; i < h.errata.size(); ++i)
        out << (i ? "," : "") << erratum_json(h.errata[i]);
      out << "],\"params\":{";
      for (std::size_t i = 0; i < h.params.size(); ++i)
        out << (i ? "," : "") << json_string(h.params[i].name) << ":" << h.params[i].json;
      out << "},";
      json_body(out, result);
      out << "}\n";
      break;
    }
  }
  return out.str();
}

}  // namespace descent::report
