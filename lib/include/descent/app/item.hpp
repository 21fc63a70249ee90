#pragma once
/// \file
/// The item model: every table, figure, worked example and claim of a source is an Item
/// with an id matching the source's numbering, typed parameters with defaults and
/// provenance, a compute function returning a report::Result, and the errata of the source it
/// concerns (docs/pages/design.md).

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "descent/core/interval.hpp"
#include "descent/report/format.hpp"
#include "descent/report/result.hpp"

namespace descent::app {

/// Where a default value comes from.
enum class Provenance {
  book,       ///< printed in the source
  authors,    ///< the authors' public figure code (catalogue tag [repo])
  companion,  ///< chosen by descent because the source gives none
};
/// How `describe` prints a provenance: "book", "authors' figure code" or "companion default".
[[nodiscard]] const char* to_string(Provenance p);

/// The names a choice parameter accepts and the value each stands for, e.g.
/// `{{"exact", LineSearchKind::exact}, {"strong_wolfe", LineSearchKind::strong_wolfe}}`.
/// Declared once beside the parameter and read back with Params::choice(name, names).
template <class E, std::size_t N>
using Names = std::array<std::pair<std::string_view, E>, N>;

/// One parameter of an item.
struct Param {
  /// number: one finite real; integer: one whole number; vector: comma-separated numbers;
  /// flag: `yes` or `no`; choice: one of a fixed list of names; text: free text of at most
  /// 4096 printable characters (a directory, for instance).
  enum class Kind { number, integer, vector, flag, choice, text };
  std::string name;                               ///< the name used in `--set NAME=VALUE`
  Kind kind = Kind::number;                       ///< what values it takes (see Kind)
  std::string default_value;                      ///< in the same syntax as `--set NAME=VALUE`
  Provenance provenance = Provenance::companion;  ///< where the default comes from
  std::string help;  ///< one line for `describe`: what the parameter means, with its unit or symbol
  Interval allowed = Interval::any();  ///< numbers: for every element
  std::size_t min_size = 1;            ///< vectors: fewest elements
  std::size_t max_size = 1;            ///< vectors: most elements
  std::vector<std::string> choices{};  ///< choice: the names allowed, in the order shown

  /// A real number in `allowed` (e.g. a learning rate: Interval::greater_than(0)).
  static Param number(std::string name, std::string default_value, Provenance p, std::string help,
                      Interval allowed = Interval::any());
  /// A whole number in `allowed` (e.g. an iteration count: Interval::closed(1, 1e6)).
  static Param integer(std::string name, std::string default_value, Provenance p, std::string help,
                       Interval allowed);
  /// Between `min_size` and `max_size` comma-separated numbers, each in `allowed` (e.g. θ⁽⁰⁾).
  static Param vector(std::string name, std::string default_value, Provenance p, std::string help,
                      std::size_t min_size, std::size_t max_size,
                      Interval allowed = Interval::any());
  /// `yes` or `no`.
  static Param flag(std::string name, bool default_value, Provenance p, std::string help);
  /// One of the names in `choices`, listed in that order by `describe`.
  static Param choice(std::string name, std::string default_value, std::vector<std::string> choices,
                      Provenance p, std::string help);
  /// A choice among the names of `names`, defaulting to the name of `default_value`.
  template <class E, std::size_t N>
  static Param choice(std::string name, E default_value, const Names<E, N>& names, Provenance p,
                      std::string help) {
    std::vector<std::string> list;
    std::string default_name;
    for (const auto& [n, v] : names) {
      list.emplace_back(n);
      if (v == default_value) default_name = n;
    }
    return choice(std::move(name), default_name, std::move(list), p, std::move(help));
  }
  /// Free text (at most 4096 printable characters), e.g. a directory.
  static Param text(std::string name, std::string default_value, Provenance p, std::string help);

  /// What `describe` and error messages say is allowed, e.g. "an integer with 1 <= n <= 10"
  /// or "one of exact, backtracking, wolfe, strong_wolfe".
  [[nodiscard]] std::string expected() const;
};

/// One parsed parameter value: numbers (one for number and integer), a flag, or a name or
/// text.
using Value = std::variant<std::vector<double>, bool, std::string>;

/// Parsed, validated parameter values, as handed to a compute function. Asking for a
/// parameter the item did not declare, or as the wrong kind, is a programming error
/// (std::logic_error).
class Params {
 public:
  /// The value of number parameter `name`.
  [[nodiscard]] double number(const std::string& name) const;
  /// The value of integer parameter `name`.
  [[nodiscard]] long integer(const std::string& name) const;
  /// The numbers of vector parameter `name`.
  [[nodiscard]] std::vector<double> vector(const std::string& name) const;
  /// The value of flag parameter `name`.
  [[nodiscard]] bool flag(const std::string& name) const;
  /// The name chosen for a choice parameter.
  [[nodiscard]] const std::string& choice(const std::string& name) const;
  /// The value `names` gives the name chosen.
  template <class E, std::size_t N>
  [[nodiscard]] E choice(const std::string& name, const Names<E, N>& names) const {
    const std::string& chosen = choice(name);
    for (const auto& [n, v] : names)
      if (n == chosen) return v;
    unknown_choice(name, chosen);
  }
  /// The text of text parameter `name`.
  [[nodiscard]] const std::string& text(const std::string& name) const;
  /// Sets a value (already validated).
  void set(const std::string& name, Value value);
  /// Every value, by name.
  [[nodiscard]] const std::map<std::string, Value>& values() const { return values_; }

 private:
  [[nodiscard]] const Value& get(const std::string& name) const;
  [[noreturn]] static void unknown_choice(const std::string& name, const std::string& chosen);
  std::map<std::string, Value> values_;
};

/// One reproducible object of a source.
struct Item {
  std::string id;             ///< e.g. "eq-4.52", "figure-4.10", "section-4.6-oscillation"
  std::string title;          ///< what it shows, one line
  std::string source;         ///< where in the source, e.g. "MEDL §4.6, Eq. (4.52), p. 155"
  std::vector<Param> params;  ///< its parameters, in the order `describe` lists them
  /// Computes the item from validated parameters: tables, figures and checks.
  std::function<report::Result(const Params&)> compute;
  /// The entries of the errata page the item concerns: where the source misprints (or leaves
  /// out) what the item computes, which the item computes in its corrected form. `run` and
  /// `describe` print each with its one-line summary and its link, JSON lists them under
  /// "errata", the item's section page links them (docs/pages/design.md, item model).
  std::vector<report::Erratum> errata{};
  /// Takes minutes at its defaults (MEDL Figure 4.4 trains for 200 epochs): `all --quick`
  /// skips it, and so do the quick checks of the test suite; `run`, `all`, `figures` and
  /// `export` compute it as usual.
  bool slow = false;
  /// `--set` assignments that make a slow item quick (a smaller data set, fewer epochs): what
  /// the fuzz test starts from before it changes one parameter.
  std::vector<std::string> quick_sets{};

  /// The parameter called `name`, or nullptr if the item has none.
  [[nodiscard]] const Param* find_param(const std::string& name) const;
};

/// One source and its items, in the order of the source.
struct Chapter {
  std::string id;           ///< "medl04", "notes02", "aggarwal03", "risteski05"
  std::string title;        ///< the source's title, e.g. its chapter heading
  std::string source;       ///< the book or notes the chapter follows, with author and chapter
  std::vector<Item> items;  ///< the items, in the order of the source
  /// Ids an item used to have, each with the id it has now: `run OLD` is refused with a
  /// pointer to the new one.
  std::map<std::string, std::string> renamed{};

  /// The item with id `item_id`, or nullptr.
  [[nodiscard]] const Item* find(const std::string& item_id) const;
  /// Appends `item` and returns it; throws std::logic_error if its id is taken.
  Item& add(Item item);
};

/// Parses one value in `--set` syntax for `param`. A number may be written `pi`, `e`, or a
/// product/quotient of such factors (`pi/6`, `-2*pi`, `1e-3`); vectors are numbers separated
/// by commas; flags are `yes` or `no`; a choice is one of its names. Throws
/// descent::invalid_argument naming the parameter and what is allowed.
[[nodiscard]] Value parse_value(const Param& param, const std::string& text);

/// The defaults of `item` overridden by `NAME=VALUE` assignments. Throws
/// descent::invalid_argument for an unknown name (listing the known ones), a missing
/// `=`, or a bad value.
[[nodiscard]] Params resolve_params(const Item& item, const std::vector<std::string>& sets);

/// Runs `item` on `params` and checks the result for numbers that are not finite: the first
/// one not declared by the item (report::Result::allow_non_finite) is named in the status.
[[nodiscard]] report::Result evaluate(const Item& item, const Params& params);

/// Computes `item` at its defaults overridden by `sets`: what tests call.
[[nodiscard]] report::Result compute(const Item& item, const std::vector<std::string>& sets = {});

/// A piece of user input as an error message may quote it: control characters escaped
/// (`\n`, `\x1b`), at most `max_chars` characters, longer text cut with "..." and its length.
[[nodiscard]] std::string quoted_input(std::string_view text, std::size_t max_chars = 40);

}  // namespace descent::app
