#pragma once
/// \file
/// The item model of DESIGN.md §3: every table, figure, worked example and claim of a
/// source is an Item with an id matching the source's numbering, typed parameters with
/// defaults and provenance, and a compute function returning a report::Result.

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "descent/core/interval.hpp"
#include "descent/report/result.hpp"

namespace descent::app {

/// Where a default value comes from.
enum class Provenance {
  book,       ///< printed in the source
  authors,    ///< the authors' public figure code (catalogue tag [repo])
  companion,  ///< chosen by descent because the source gives none
};
[[nodiscard]] const char* to_string(Provenance p);

/// One parameter of an item.
struct Param {
  enum class Kind { number, integer, vector };
  std::string name;
  Kind kind = Kind::number;
  std::string default_value;  ///< in the same syntax as `--set NAME=VALUE`
  Provenance provenance = Provenance::companion;
  std::string help;
  Interval allowed = Interval::any();  ///< for every element
  std::size_t min_size = 1;            ///< vectors: fewest elements
  std::size_t max_size = 1;            ///< vectors: most elements

  static Param number(std::string name, std::string default_value, Provenance p, std::string help,
                      Interval allowed = Interval::any());
  static Param integer(std::string name, std::string default_value, Provenance p, std::string help,
                       Interval allowed);
  static Param vector(std::string name, std::string default_value, Provenance p, std::string help,
                      std::size_t min_size, std::size_t max_size,
                      Interval allowed = Interval::any());
};

/// Parsed, validated parameter values, as handed to a compute function.
class Params {
 public:
  [[nodiscard]] double number(const std::string& name) const;
  [[nodiscard]] long integer(const std::string& name) const;
  [[nodiscard]] std::vector<double> vector(const std::string& name) const;
  /// Sets a value (already validated).
  void set(const std::string& name, std::vector<double> value);

 private:
  [[nodiscard]] const std::vector<double>& get(const std::string& name) const;
  std::map<std::string, std::vector<double>> values_;
};

/// One reproducible object of a source.
struct Item {
  std::string id;      ///< e.g. "eq-4.52", "figure-4.10", "section-4.6-oscillation"
  std::string title;   ///< what it shows, one line
  std::string source;  ///< where in the source, e.g. "MEDL §4.6, Eq. (4.52), p. 155"
  std::vector<Param> params;
  std::function<report::Result(const Params&)> compute;
  /// Takes minutes at its defaults (MEDL Figure 4.4 trains for 200 epochs): `all --quick`
  /// skips it, and so do the quick checks of the test suite; `run`, `all`, `figures` and
  /// `export` compute it as usual.
  bool slow = false;

  [[nodiscard]] const Param* find_param(const std::string& name) const;
};

/// One source and its items, in the order of the source.
struct Chapter {
  std::string id;  ///< "medl04", "notes02", "aggarwal03", "risteski05"
  std::string title;
  std::string source;
  std::vector<Item> items;

  [[nodiscard]] const Item* find(const std::string& item_id) const;
  Item& add(Item item);
};

/// Parses one value in `--set` syntax for `param`: a number, or for vectors numbers
/// separated by commas. A number may be written `pi`, `e`, or a product/quotient of
/// such factors (`pi/6`, `-2*pi`, `1e-3`). Throws descent::invalid_argument naming
/// the parameter and what is allowed.
[[nodiscard]] std::vector<double> parse_value(const Param& param, const std::string& text);

/// The defaults of `item` overridden by `NAME=VALUE` assignments. Throws
/// descent::invalid_argument for an unknown name (listing the known ones), a missing
/// `=`, or a bad value.
[[nodiscard]] Params resolve_params(const Item& item, const std::vector<std::string>& sets);

/// Computes `item` at its defaults overridden by `sets`: what tests call.
[[nodiscard]] report::Result compute(const Item& item, const std::vector<std::string>& sets = {});

}  // namespace descent::app
