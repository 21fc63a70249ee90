#pragma once
/// \file
/// What an item computes (docs/pages/design.md, item model): named tables, named series (the data
/// behind a figure), named scalar values, a status line, and the figures drawn from the series.
/// Computing never prints; the formatters in format.hpp and figure.hpp present a Result.

#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace descent::report {

/// One cell of a table: a number or a short text (a status, a classification).
using Cell = std::variant<double, std::string>;

/// A table as the book prints it: named columns, one row per line.
struct Table {
  std::string name;                     ///< its heading, e.g. "iterates"; unique in a Result
  std::vector<std::string> columns;     ///< column headings, left to right
  std::vector<std::vector<Cell>> rows;  ///< each as wide as `columns`

  /// Appends a row; throws std::logic_error if its width differs from the columns'.
  Table& add(std::vector<Cell> row);
};

/// The numbers behind one curve or scatter of a figure.
struct Series {
  std::string name;                       ///< what layers refer to; unique in a Result
  std::vector<std::string> columns;       ///< column names, as layers and the TSV header use them
  std::vector<std::vector<double>> rows;  ///< points, each as wide as `columns`

  /// Appends a point; throws std::logic_error if its width differs from the columns'.
  Series& add(std::vector<double> row);
  /// Index of a column; throws std::logic_error if there is none of that name.
  [[nodiscard]] std::size_t column(const std::string& name) const;
};

/// How one series is drawn in a panel.
///
/// Text (titles, axis labels, legend entries, captions) is written as plain UTF-8 — θ₁, α*,
/// ∇C, x², ‖·‖ — and drawn exactly as written: the characters gnuplot's enhanced text would
/// read as markup (_ ^ { } @ & ~ \\) are escaped. A panel whose `markup` is set passes its
/// text through as gnuplot enhanced-text markup instead (θ_1, x^{2}).
///
/// A `contour` layer draws the level sets of z over the plane: its series is a grid of rows
/// (x, y, z) listed with x in the outer loop and y in the inner one (every x the same number
/// of y values), and gnuplot computes the contour lines at `levels` (ten automatic levels
/// when empty). Contours are drawn thin and grey, under the other layers of the panel; a
/// contour layer with a title is a level set the figure points at, drawn black and listed in
/// the legend.
struct Layer {
  /// `band` fills between column y and column `ybase` (or the bottom of the panel when
  /// `ybase` is empty); a NaN in y ends one filled interval, so a column that is NaN where a
  /// condition fails shades the intervals where it holds.
  enum class Style { lines, points, linespoints, impulses, contour, band };
  std::string series;            ///< name of a Series of the same Result
  std::string x;                 ///< column drawn on the horizontal axis
  std::string y;                 ///< column drawn on the vertical axis
  Style style = Style::lines;    ///< how the series is drawn
  std::string title;             ///< legend entry; empty for none
  std::string z{};               ///< contour only: the column whose level sets are drawn
  std::vector<double> levels{};  ///< contour only: the levels; empty = ten chosen by gnuplot
  /// Marks the first point of the series (open circle, "start") and the last (filled square,
  /// "end"): where a path begins and where it stops.
  bool markers = false;
  bool labels = false;  ///< contour only: writes each level's value on its lines
  std::string ybase{};  ///< band only: the column of the lower edge; empty = the panel's bottom
};

/// Levels lo, ..., hi spaced evenly in log10, `per_decade` to a factor of ten (lo > 0 and
/// hi >= lo, else std::logic_error): log_levels(1e-3, 100) is 1e-3, 1e-2, ..., 100.
[[nodiscard]] std::vector<double> log_levels(double lo, double hi, int per_decade = 1);

/// A rectangle of another panel of the same figure, which a zoom panel shows enlarged; the
/// other panel draws it as a dashed box.
struct Zoom {
  std::size_t panel = 0;               ///< index of the panel zoomed into (in Figure::panels)
  std::pair<double, double> xrange{};  ///< the rectangle's horizontal extent
  std::pair<double, double> yrange{};  ///< and its vertical extent
};

/// One set of axes. A figure with panels (a), (b) has two.
struct Panel {
  std::string title;   ///< e.g. "(a) fixed alpha"; wrapped to the panel's width
  std::string xlabel;  ///< horizontal axis label (UTF-8 symbols welcome: θ₁, ‖∇C‖)
  std::string ylabel;  ///< vertical axis label
  std::optional<std::pair<double, double>> xrange;  ///< [min, max]; unset: fitted to the data
  std::optional<std::pair<double, double>> yrange;  ///< [min, max]; unset: fitted to the data
  bool logy = false;                                ///< logarithmic vertical axis
  /// Logarithmic horizontal axis, its ticks labelled as powers of ten (10⁻⁸, not 0.00000001),
  /// as logy labels the vertical one: for a quantity swept over decades, such as a step h.
  bool logx = false;
  std::vector<Layer> layers;  ///< drawn in order, contours first
  /// A corner inside the axes for the legend, in gnuplot's words ("bottom right", "top
  /// left", ...), chosen where it covers no data; empty keeps the shared placement, below the
  /// axes.
  std::string key{};
  /// Draws one unit of x as long as one unit of y (gnuplot `set size ratio -1`): for panels in
  /// parameter space, where an angle or a tangent must look as it is.
  bool equal_aspect = false;
  /// The title, labels and layer titles of this panel are gnuplot enhanced-text markup (x^{2},
  /// θ_1) rather than plain text.
  bool markup = false;
  /// Set when this panel enlarges a rectangle of another one; its ranges default to the
  /// rectangle's.
  std::optional<Zoom> zoom{};
};

/// A figure: its file stem (the item id, e.g. "figure-4.10"), the source's caption,
/// its panels (in rows of at most two, left to right), and a note saying what was substituted,
/// if anything.
/// A figure that is a graph (a computational graph) carries Graphviz `dot` source
/// instead of panels, and is drawn by Graphviz rather than gnuplot.
struct Figure {
  std::string name;           ///< file stem, usually the item id ("figure-4.9")
  std::string caption;        ///< the source's caption, or what the figure shows
  std::vector<Panel> panels;  ///< (a), (b), ... in reading order
  std::string note;           ///< what was substituted or chosen; empty if nothing
  std::string dot{};          ///< Graphviz DOT source; when set, `panels` is unused
};

/// Everything an item computes. Tables and series live in deques so that the reference
/// table() or add_series() returns stays valid while more are added (a vector would
/// move them on reallocation and leave the caller writing through a dangling reference).
struct Result {
  std::deque<Table> tables;                            ///< in the order they are printed
  std::deque<Series> series;                           ///< the data figures draw (written as TSV)
  std::vector<std::pair<std::string, double>> values;  ///< in the order they were set
  std::string status;                                  ///< why an optimizer stopped, if one ran
  std::vector<Figure> figures;                         ///< drawn by write_figures into `--out`
  /// Places that may hold numbers that are not finite on purpose, each with the reason: a
  /// table or series name, `name:column` for one column, or `values:name` for one value.
  /// Everywhere else a NaN or an infinity is named in the status (report/check.hpp).
  std::vector<std::pair<std::string, std::string>> non_finite_allowed;

  /// Adds an empty table with these columns and returns it, to add rows to.
  Table& table(std::string name, std::vector<std::string> columns);
  /// Adds an empty series with these columns and returns it, to add points to.
  Series& add_series(std::string name, std::vector<std::string> columns);
  /// Records a named number (printed under the tables; 17 digits in JSON).
  void value(std::string name, double v);
  /// Declares that `where` (see non_finite_allowed) may hold NaN or ±inf, and why, e.g.
  /// `allow_non_finite("iterates:ratio", "n/a in row 0, before a ratio exists")`.
  void allow_non_finite(std::string where, std::string why);

  /// Lookups for tests and docs; throw std::out_of_range naming what is missing.
  [[nodiscard]] double value(const std::string& name) const;
  /// The table of that name.
  [[nodiscard]] const Table& table(const std::string& name) const;
  /// The series of that name.
  [[nodiscard]] const Series& find_series(const std::string& name) const;
};

}  // namespace descent::report
