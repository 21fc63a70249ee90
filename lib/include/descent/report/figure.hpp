#pragma once
/// \file
/// Figures as data plus a script (docs/pages/design.md, conventions): for each Figure of a Result,
/// a TSV file with the series it draws (one gnuplot `index` block per series) and a gnuplot script
/// in the one shared style of descent, rendered to SVG by gnuplot-nox.

#include <filesystem>
#include <string>
#include <vector>

#include "descent/report/result.hpp"

namespace descent::report {

/// Significant digits of the numbers in a figure's TSV: far more than any plot resolves, and
/// few enough that the last-bit differences between BLAS kernels and libm builds (1e-16
/// relative) almost never reach a printed digit, so regenerating the committed figures on
/// another machine leaves them byte for byte as they were. JSON output keeps 17.
inline constexpr int kFigureDigits = 8;

/// A number as a figure's TSV writes it: kFigureDigits significant digits, or nan/inf/-inf.
[[nodiscard]] std::string figure_number(double x);

/// The TSV data of one figure: every series its layers draw, in order of first use,
/// each a block with a `# series NAME` comment and a `# col1\tcol2...` header line,
/// blocks separated by two blank lines. Numbers carry kFigureDigits significant digits
/// (figure_number).
[[nodiscard]] std::string figure_tsv(const Figure& figure, const Result& result);

/// The file format figures are drawn in: SVG (the default, what the docs embed), PNG (gnuplot's
/// pngcairo, Graphviz -Tpng) or PDF (pdfcairo, -Tpdf).
enum class FigureFormat { svg, png, pdf };

/// "svg", "png" or "pdf"; anything else throws descent::invalid_argument naming the choices.
[[nodiscard]] FigureFormat parse_figure_format(const std::string& name);
/// The file extension (and name) of a format: "svg", "png", "pdf".
[[nodiscard]] const char* figure_extension(FigureFormat format);

/// The gnuplot script drawing `figure` from `<figure.name>.tsv` into `<figure.name>.svg`
/// (both overridable with `-e "data='...'; out='...'"`), in the shared style: panels in rows
/// of at most two on a canvas at most 800 px wide, so that the 11-point text stays above 10 px
/// in a docs column of 700–800 px; legends below the data; long titles wrapped.
[[nodiscard]] std::string gnuplot_script(const Figure& figure, const Result& result);
/// The same drawing into `<figure.name>.<format>` with that format's terminal.
[[nodiscard]] std::string gnuplot_script(const Figure& figure, const Result& result,
                                         FigureFormat format);

/// An executable found on PATH (e.g. "gnuplot", "dot"), or an empty path.
[[nodiscard]] std::filesystem::path find_program(const std::string& name);

/// What write_figures wrote.
struct FigureFiles {
  int rendered = 0;                     ///< pictures drawn (SVG, PNG or PDF)
  std::vector<std::string> unrendered;  ///< figures left without an SVG: no renderer found
  std::string missing_renderer;         ///< which, with how to install it; empty if none
};

/// Writes every figure of `result` into `dir`, all or nothing: for a plot `<name>.tsv`,
/// `<name>.gp` and, when gnuplot is found, `<name>.svg`; for a graph (Figure::dot set)
/// `<name>.dot` and, when Graphviz's dot is found, `<name>.svg`. Throws std::runtime_error if
/// gnuplot or dot fails or runs past render_timeout().
FigureFiles write_figures(const Result& result, const std::filesystem::path& dir);
/// The same with the pictures in `format` (`<name>.png`, `<name>.pdf`) instead of SVG.
FigureFiles write_figures(const Result& result, const std::filesystem::path& dir,
                          FigureFormat format);

}  // namespace descent::report
