#pragma once
// Machine-readable results of a benchmark run (issue 17): every benchmark writes, with
// `--json FILE`, one JSON document from which bench/make_page.py builds the benchmarks page.
// Nothing on that page is typed by hand; what the page shows is what this file holds.
//
// The document (schema "descent-bench/1"):
//   benchmark, title        the benchmark's short name ("autodiff") and one-line title
//   command                 the command line that produced it
//   date                    UTC, ISO 8601 ("2026-12-03T17:04:11Z")
//   machine                 cpu (model name), cores (logical CPUs online), load_average
//                           ({"start": [1, 5, 15 min], "end": [...]}, from /proc/loadavg)
//   openblas                core (openblas_get_corename()), threads, coretype_env
//   parameters              free-form: sizes, repetitions, what was timed
//   tables                  [{key, title, columns: [{key, label, unit}], rows: [{key: value}]}]
//   charts                  [{title, table, x, x_label, log_x, y: [column keys], y_label,
//                            log_y, goal, goal_label}]: ratios drawn against the size (or
//                            against a category, when x holds text); goal is optional
//   notes                   sentences the page prints under the tables
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace descent::bench {

/// A JSON value that keeps the order its keys were written in.
using Json = nlohmann::ordered_json;

/// One column of a results table.
struct Column {
  std::string key;    ///< the key of the value in each row
  std::string label;  ///< the header on the page
  std::string unit;   ///< "ms", "s", "" (a count or a ratio)
};

/// One chart: y columns of a table against its x column.
struct Chart {
  std::string title;
  std::string table;  ///< the key of the table
  std::string x;
  std::string x_label;
  std::vector<std::string> y;
  std::string y_label;
  bool log_x = false;
  bool log_y = false;
  std::optional<double> goal;  ///< drawn as a horizontal line, labelled goal_label
  std::string goal_label;
};

class Results {
 public:
  Results(std::string benchmark, std::string title, int argc, char** argv);

  /// Free-form parameters of the run.
  Json& parameters() { return doc_["parameters"]; }
  /// Adds a table and returns its rows (append one JSON object per row).
  Json& table(const std::string& key, const std::string& title, const std::vector<Column>& columns);
  void chart(const Chart& chart);
  void note(const std::string& sentence);

  /// Writes the document to `path` (through a temporary file, renamed when complete), with
  /// the load average at the end of the run. Returns false (and says why on stderr) if the
  /// file cannot be written.
  [[nodiscard]] bool write(const std::string& path);

 private:
  Json doc_;
};

/// `--json FILE` among argv[i], argv[i + 1]: sets `path`, advances i and returns true.
bool json_option(int argc, char** argv, int& i, std::string& path);

/// The load average over 1, 5 and 15 minutes (/proc/loadavg); empty if unreadable.
std::vector<double> load_average();

/// "1.23 1.10 0.98": the load average as the benchmarks print it.
std::string load_average_text();

}  // namespace descent::bench
