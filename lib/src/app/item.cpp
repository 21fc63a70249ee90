#include "descent/app/item.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <numbers>
#include <stdexcept>

#include "descent/core/error.hpp"
#include "descent/report/check.hpp"

namespace descent::app {

const char* to_string(Provenance p) {
  switch (p) {
    case Provenance::book: return "book";
    case Provenance::authors: return "authors' figure code";
    case Provenance::companion: return "companion default";
  }
  return "unknown";
}

// --- Param --------------------------------------------------------------------------

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

Param Param::flag(std::string name, bool default_value, Provenance p, std::string help) {
  Param param{std::move(name), Kind::flag, default_value ? "yes" : "no", p, std::move(help)};
  return param;
}

Param Param::choice(std::string name, std::string default_value, std::vector<std::string> choices,
                    Provenance p, std::string help) {
  Param param{std::move(name), Kind::choice, std::move(default_value), p, std::move(help)};
  param.choices = std::move(choices);
  return param;
}

Param Param::text(std::string name, std::string default_value, Provenance p, std::string help) {
  return Param{std::move(name), Kind::text, std::move(default_value), p, std::move(help)};
}

std::string Param::expected() const {
  std::string what;
  switch (kind) {
    case Kind::number: what = "a number"; break;
    case Kind::integer: what = "an integer"; break;
    case Kind::vector:
      what = min_size == max_size ? std::to_string(min_size) + " comma-separated numbers"
                                  : std::to_string(min_size) + " to " + std::to_string(max_size) +
                                        " comma-separated numbers";
      break;
    case Kind::flag: return "yes or no";
    case Kind::choice: {
      what = "one of ";
      for (std::size_t i = 0; i < choices.size(); ++i) what += (i ? ", " : "") + choices[i];
      return what;
    }
    case Kind::text: return "text of at most 4096 printable characters";
  }
  const std::string range = allowed.describe(kind == Kind::vector ? "each" : name);
  if (range != "any finite number") what += " with " + range;
  return what;
}

// --- Params -------------------------------------------------------------------------

const Value& Params::get(const std::string& name) const {
  const auto it = values_.find(name);
  if (it == values_.end()) throw std::logic_error("item asked for undeclared parameter " + name);
  return it->second;
}

namespace {
template <class T>
const T& as(const Value& v, const std::string& name, const char* kind) {
  if (const auto* x = std::get_if<T>(&v)) return *x;
  throw std::logic_error("item read parameter " + name + " as " + kind + ", which it is not");
}
}  // namespace

double Params::number(const std::string& name) const {
  return as<std::vector<double>>(get(name), name, "a number").front();
}
long Params::integer(const std::string& name) const {
  return static_cast<long>(as<std::vector<double>>(get(name), name, "an integer").front());
}
std::vector<double> Params::vector(const std::string& name) const {
  return as<std::vector<double>>(get(name), name, "a vector");
}
bool Params::flag(const std::string& name) const {
  return as<bool>(get(name), name, "a flag");
}
const std::string& Params::choice(const std::string& name) const {
  return as<std::string>(get(name), name, "a choice");
}
const std::string& Params::text(const std::string& name) const {
  return as<std::string>(get(name), name, "text");
}
void Params::set(const std::string& name, Value value) {
  values_[name] = std::move(value);
}
void Params::unknown_choice(const std::string& name, const std::string& chosen) {
  throw std::logic_error("parameter " + name + ": the item has no value for the name " + chosen);
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

std::string quoted_input(std::string_view text, std::size_t max_chars) {
  std::string r = "'";
  std::size_t shown = 0;
  for (const char ch : text) {
    if (shown == max_chars) {
      r += "...' (" + std::to_string(text.size()) + " characters)";
      return r;
    }
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\n') {
      r += "\\n";
    } else if (c == '\t') {
      r += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      r += buf;
    } else {
      r += ch;
    }
    ++shown;
  }
  return r + "'";
}

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// A plain decimal number: digits with at most one point, then an optional exponent. strtod
// alone would also take hexadecimal ("0x10") and hex floats ("0x1p-2"), "inf" and "nan".
bool is_decimal(const std::string& text) {
  std::size_t i = 0, digits = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    std::size_t exponent_digits = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
      ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  return i == text.size();
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
  if (!is_decimal(text)) return false;
  value = sign * std::strtod(text.c_str(), nullptr);
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

std::vector<double> parse_numbers(const Param& param, const std::string& text,
                                  const std::function<void(const std::string&)>& fail) {
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
    fail(quoted_input(text) + " has " + std::to_string(parts.size()) +
         (parts.size() == 1 ? " element" : " elements"));
  std::vector<double> values;
  for (const auto& part : parts) {
    double x = 0;
    if (!parse_expression(part, x)) fail(quoted_input(trim(part)) + " is not a finite number");
    if (param.kind == Param::Kind::integer && (std::floor(x) != x || std::fabs(x) > 1e15))
      fail(quoted_input(trim(part)) + " is not an integer");
    if (!param.allowed.contains(x)) fail(short_number(x) + " is out of range");
    values.push_back(x);
  }
  return values;
}

}  // namespace

Value parse_value(const Param& param, const std::string& text) {
  auto fail = [&](const std::string& why) {
    throw invalid_argument("parameter " + param.name + ": " + why +
                           "; allowed: " + param.expected());
  };
  switch (param.kind) {
    case Param::Kind::flag:
      if (text == "yes") return true;
      if (text == "no") return false;
      fail(quoted_input(text) + " is not a flag");
      break;
    case Param::Kind::choice:
      for (const auto& c : param.choices)
        if (text == c) return c;
      fail(quoted_input(text) + " is not one of the names");
      break;
    case Param::Kind::text:
      if (text.size() > 4096) fail("the text has " + std::to_string(text.size()) + " characters");
      for (const char c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
          fail(quoted_input(text) + " contains a control character");
      return text;
    case Param::Kind::number:
    case Param::Kind::integer:
    case Param::Kind::vector: return parse_numbers(param, text, fail);
  }
  throw std::logic_error("parse_value: unknown parameter kind");
}

Params resolve_params(const Item& item, const std::vector<std::string>& sets) {
  Params params;
  for (const auto& p : item.params) params.set(p.name, parse_value(p, p.default_value));
  for (const auto& assignment : sets) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos)
      throw invalid_argument("--set " + quoted_input(assignment) +
                             " has no '='; allowed: --set NAME=VALUE");
    const std::string name = trim(assignment.substr(0, eq));
    const Param* p = item.find_param(name);
    if (p == nullptr) {
      std::string known;
      for (const auto& q : item.params) known += (known.empty() ? "" : ", ") + q.name;
      throw invalid_argument("item " + item.id + " has no parameter " + quoted_input(name) +
                             "; allowed: " + (known.empty() ? "none" : known));
    }
    params.set(name, parse_value(*p, assignment.substr(eq + 1)));
  }
  return params;
}

report::Result evaluate(const Item& item, const Params& params) {
  report::Result result = item.compute(params);
  report::flag_non_finite(result);
  return result;
}

report::Result compute(const Item& item, const std::vector<std::string>& sets) {
  return evaluate(item, resolve_params(item, sets));
}

}  // namespace descent::app
