#pragma once
/// \file
/// Figures as data plus a script (DESIGN.md §5): for each Figure of a Result, a TSV file
/// with the series it draws (one gnuplot `index` block per series) and a gnuplot script
/// in the one shared style of descent, rendered to SVG by gnuplot-nox.

#include <filesystem>
#include <string>

#include "descent/report/result.hpp"

namespace descent::report {

/// The TSV data of one figure: every series its layers draw, in order of first use,
/// each a block with a `# series NAME` comment and a `# col1\tcol2...` header line,
/// blocks separated by two blank lines. Numbers carry 17 significant digits.
[[nodiscard]] std::string figure_tsv(const Figure& figure, const Result& result);

/// The gnuplot script drawing `figure` from `<figure.name>.tsv` into `<figure.name>.svg`
/// (both overridable with `-e "data='...'; out='...'"`), in the shared style.
[[nodiscard]] std::string gnuplot_script(const Figure& figure, const Result& result);

/// An executable found on PATH (e.g. "gnuplot", "dot"), or an empty path.
[[nodiscard]] std::filesystem::path find_program(const std::string& name);

/// Writes every figure of `result` into `dir`, all or nothing: for a plot `<name>.tsv`,
/// `<name>.gp` and, when gnuplot is found, `<name>.svg`; for a graph (Figure::dot set)
/// `<name>.dot` and, when Graphviz's dot is found, `<name>.svg`. Returns the number of
/// SVGs rendered. Throws std::runtime_error if gnuplot or dot fails.
int write_figures(const Result& result, const std::filesystem::path& dir);

}  // namespace descent::report
