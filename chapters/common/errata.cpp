#include "common/errata.hpp"

#include <stdexcept>

namespace descent::chapters::common {

// The text of docs/errata/errata.md.in, written into the build directory by
// chapters/common/embed_errata.cmake.
extern const char* const errata_template;

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string_view trim_end(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::map<std::string, std::string, std::less<>> errata_summaries(std::string_view text) {
  constexpr std::string_view kShort = "- **In short:** ";
  std::map<std::string, std::string, std::less<>> entries;
  std::string* summary = nullptr;  // the entry whose heading came last
  bool in_short = false;           // the lines now continue its "In short" line
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = trim_end(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (in_short && starts_with(line, "  ") && !starts_with(line, "  -")) {
      *summary += " " + std::string(line.substr(line.find_first_not_of(' ')));
      continue;
    }
    in_short = false;
    const auto open = line.rfind("{#");
    if (starts_with(line, "## ") && open != std::string_view::npos && line.back() == '}') {
      const std::string anchor(line.substr(open + 2, line.size() - open - 3));
      const auto [it, inserted] = entries.emplace(anchor, std::string());
      if (!inserted) throw std::logic_error("errata: the anchor '" + anchor + "' appears twice");
      summary = &it->second;
    } else if (summary && starts_with(line, kShort)) {
      *summary = std::string(line.substr(kShort.size()));
      in_short = true;
    }
  }
  return entries;
}

std::vector<report::Erratum> errata(std::initializer_list<std::string_view> anchors) {
  static const auto entries = errata_summaries(errata_template);
  std::vector<report::Erratum> list;
  for (const auto anchor : anchors) {
    const auto it = entries.find(anchor);
    if (it == entries.end())
      throw std::logic_error("errata: docs/errata/errata.md.in has no entry {#" +
                             std::string(anchor) + "}");
    if (it->second.empty())
      throw std::logic_error("errata: the entry {#" + std::string(anchor) +
                             "} has no '- **In short:**' line");
    list.push_back({it->first, it->second});
  }
  return list;
}

}  // namespace descent::chapters::common
