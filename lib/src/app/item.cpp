#include "descent/app/item.hpp"

#include <cmath>
#include <cstdlib>
#include <numbers>
#include <stdexcept>

#include "descent/core/error.hpp"

namespace descent::app {

const char* to_string(Provenance p) {
  switch (p) {
    case Provenance::book: return "book";
    case Provenance::authors: return "authors' figure code";
    case Provenance::companion: return "companion default";
  }
  return "unknown";
}

Param Param::number(std::string name, std::string default_value, Provenance p, std::string help,
                    Interval allowed) {
  return Param{
      std::move(name), Kind::number, std::move(default_value), p, std::move(help), allowed, 1, 1};
}

Param Param::integer(std::string name, std::string default_value, Provenance p, std::string help,
                     Interval allowed) {
  return Param{
      std::move(name), Kind::integer, std::move(default_value), p, std::move(help), allowed, 1, 1};
}

Param Param::vector(std::string name, std::string default_value, Provenance p, std::string help,
                    std::size_t min_size, std::size_t max_size, Interval allowed) {
  return Param{std::move(name), Kind::vector, std::move(default_value), p, std::move(help), allowed,
               min_size,        max_size};
}

// --- Params -------------------------------------------------------------------------

const std::vector<double>& Params::get(const std::string& name) const {
  const auto it = values_.find(name);
  if (it == values_.end()) throw std::logic_error("item asked for undeclared parameter " + name);
  return it->second;
}

double Params::number(const std::string& name) const {
  return get(name).front();
}
long Params::integer(const std::string& name) const {
  return static_cast<long>(get(name).front());
}
std::vector<double> Params::vector(const std::string& name) const {
  return get(name);
}
void Params::set(const std::string& name, std::vector<double> value) {
  values_[name] = std::move(value);
}

// --- Item, Chapter ------------------------------------------------------------------

const Param* Item::find_param(const std::string& name) const {
  for (const auto& p : params)
    if (p.name == name) return &p;
  return nullptr;
}

const Item* Chapter::find(const std::string& item_id) const {
  for (const auto& item : items)
    if (item.id == item_id) return &item;
  return nullptr;
}

Item& Chapter::add(Item item) {
  if (find(item.id) != nullptr) throw std::logic_error("duplicate item id " + item.id);
  items.push_back(std::move(item));
  return items.back();
}

// --- parsing ------------------------------------------------------------------------

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// One factor: an optional sign, then `pi`, `e` or a decimal number.
bool parse_factor(std::string text, double& value) {
  text = trim(text);
  double sign = 1;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    if (text[0] == '-') sign = -1;
    text = trim(text.substr(1));
  }
  if (text == "pi") {
    value = sign * std::numbers::pi;
    return true;
  }
  if (text == "e") {
    value = sign * std::numbers::e;
    return true;
  }
  if (text.empty() || !(std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '.'))
    return false;  // rejects "inf", "nan", hex floats and stray words
  char* end = nullptr;
  const double x = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return false;
  value = sign * x;
  return true;
}

// A product or quotient of factors, evaluated left to right: `pi/6`, `2*pi`, `-1e-3`.
bool parse_expression(const std::string& text, double& value) {
  std::size_t start = 0;
  char op = '*';
  value = 1;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const bool at_operator = i < text.size() && (text[i] == '*' || text[i] == '/') && i > start;
    if (i < text.size() && !at_operator) continue;
    double factor = 0;
    if (!parse_factor(text.substr(start, i - start), factor)) return false;
    value = (op == '*') ? value * factor : value / factor;
    if (i < text.size()) op = text[i];
    start = i + 1;
  }
  return std::isfinite(value);
}

std::string expected(const Param& p) {
  std::string what;
  switch (p.kind) {
    case Param::Kind::number: what = "a number"; break;
    case Param::Kind::integer: what = "an integer"; break;
    case Param::Kind::vector:
      what = p.min_size == p.max_size ? std::to_string(p.min_size) + " comma-separated numbers"
                                      : std::to_string(p.min_size) + " to " +
                                            std::to_string(p.max_size) + " comma-separated numbers";
      break;
  }
  const std::string range = p.allowed.describe(p.kind == Param::Kind::vector ? "each" : p.name);
  if (range != "any finite number") what += " with " + range;
  return what;
}

}  // namespace

std::vector<double> parse_value(const Param& param, const std::string& text) {
  auto fail = [&](const std::string& why) -> std::vector<double> {
    throw invalid_argument("parameter " + param.name + ": " + why +
                           "; allowed: " + expected(param));
  };
  std::vector<std::string> parts;
  if (param.kind == Param::Kind::vector) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
      if (i == text.size() || text[i] == ',') {
        parts.push_back(text.substr(start, i - start));
        start = i + 1;
      }
  } else {
    parts.push_back(text);
  }
  if (parts.size() < param.min_size || parts.size() > param.max_size)
    return fail("'" + text + "' has " + std::to_string(parts.size()) +
                (parts.size() == 1 ? " element" : " elements"));
  std::vector<double> values;
  for (const auto& part : parts) {
    double x = 0;
    if (!parse_expression(part, x)) return fail("'" + trim(part) + "' is not a finite number");
    if (param.kind == Param::Kind::integer && (std::floor(x) != x || std::fabs(x) > 1e15))
      return fail("'" + trim(part) + "' is not an integer");
    if (!param.allowed.contains(x)) return fail(short_number(x) + " is out of range");
    values.push_back(x);
  }
  return values;
}

Params resolve_params(const Item& item, const std::vector<std::string>& sets) {
  Params params;
  for (const auto& p : item.params) params.set(p.name, parse_value(p, p.default_value));
  for (const auto& assignment : sets) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos)
      throw invalid_argument("--set '" + assignment + "' has no '='; allowed: --set NAME=VALUE");
    const std::string name = trim(assignment.substr(0, eq));
    const Param* p = item.find_param(name);
    if (p == nullptr) {
      std::string known;
      for (const auto& q : item.params) known += (known.empty() ? "" : ", ") + q.name;
      throw invalid_argument("item " + item.id + " has no parameter '" + name +
                             "'; allowed: " + (known.empty() ? "none" : known));
    }
    params.set(name, parse_value(*p, assignment.substr(eq + 1)));
  }
  return params;
}

report::Result compute(const Item& item, const std::vector<std::string>& sets) {
  return item.compute(resolve_params(item, sets));
}

}  // namespace descent::app
