#include "descent/report/figure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include "descent/core/interval.hpp"
#include "descent/report/files.hpp"
#include "descent/report/process.hpp"

namespace descent::report {

namespace fs = std::filesystem;

namespace {

// The shared look of every figure: one palette (colour-blind safe, Okabe–Ito), light
// grid, key inside the top right, 10-point sans font.
constexpr const char* kStyle = R"(set termoption noenhanced
set datafile separator "\t"
set style line 1 lc rgb '#0072B2' lw 2 pt 7 ps 0.6
set style line 2 lc rgb '#D55E00' lw 2 pt 5 ps 0.6
set style line 3 lc rgb '#009E73' lw 2 pt 9 ps 0.7
set style line 4 lc rgb '#CC79A7' lw 2 pt 11 ps 0.7
set style line 5 lc rgb '#E69F00' lw 2 pt 13 ps 0.7
set style line 6 lc rgb '#56B4E9' lw 2 pt 3 ps 0.7
set style line 7 lc rgb '#000000' lw 1.5 pt 1 ps 0.8
set style line 8 lc rgb '#999999' lw 1 dt 2
set style line 9 lc rgb '#b0b0b0' lw 0.8
set style line 100 lc rgb '#dddddd' lw 0.5
set grid back ls 100
set border 3 lw 1
set tics nomirror out
set key top right opaque box lc rgb '#cccccc'
)";

// A gnuplot single-quoted string: a quote doubles, and a control character (which would end
// the line, and with it the command) becomes a space. Nothing in it is ever executed.
std::string quote(const std::string& s) {
  std::string r = "'";
  for (const char c : s) {
    if (c == '\'')
      r += "''";
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      r += ' ';
    else
      r += c;
  }
  return r + "'";
}

std::vector<std::string> used_series(const Figure& figure) {
  std::vector<std::string> names;
  for (const auto& panel : figure.panels)
    for (const auto& layer : panel.layers)
      if (std::find(names.begin(), names.end(), layer.series) == names.end())
        names.push_back(layer.series);
  return names;
}

const char* style_name(Layer::Style s) {
  switch (s) {
    case Layer::Style::lines: return "lines";
    case Layer::Style::points: return "points";
    case Layer::Style::linespoints: return "linespoints";
    case Layer::Style::impulses: return "impulses";
    case Layer::Style::contour: return "lines";  // the contour lines, once gnuplot traced them
  }
  return "lines";
}

// The x column of `series` if a contour layer draws it (its rows are then a grid, written
// as gnuplot scans: a blank line wherever x changes), or npos.
std::size_t grid_x_column(const Figure& figure, const Series& series) {
  for (const auto& panel : figure.panels)
    for (const auto& layer : panel.layers)
      if (layer.style == Layer::Style::contour && layer.series == series.name)
        return series.column(layer.x);
  return std::string::npos;
}

// The z column of `series` if a contour layer draws it, or npos.
std::size_t grid_z_column(const Figure& figure, const Series& series) {
  for (const auto& panel : figure.panels)
    for (const auto& layer : panel.layers)
      if (layer.style == Layer::Style::contour && layer.series == series.name)
        return series.column(layer.z);
  return std::string::npos;
}

// A contour grid's values below 1e-12 of its largest are rounding left over from cancellation
// (x² − y² on the diagonal comes out as 7e-15 or 0 depending on the BLAS kernel); they are
// written as 0, so that the level set through 0 is traced the same on every machine.
double contour_noise_floor(const Series& series, std::size_t z) {
  double largest = 0;
  for (const auto& row : series.rows)
    if (std::isfinite(row[z])) largest = std::max(largest, std::fabs(row[z]));
  return 1e-12 * largest;
}

}  // namespace

std::string figure_number(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  // Rounded twice: to 12 digits first, which absorbs a difference in the last bits (a value
  // that is exactly 7.50390625 on one machine and 7.5039062500000053 on another becomes
  // 7.50390625 on both), then to kFigureDigits, ties to even on the value both now share.
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.12g", x);
  std::snprintf(buffer, sizeof buffer, "%.*g", kFigureDigits, std::strtod(buffer, nullptr));
  return buffer;
}

std::string figure_tsv(const Figure& figure, const Result& result) {
  std::ostringstream out;
  out << "# " << figure.name << ": " << figure.caption << "\n";
  bool first = true;
  for (const auto& name : used_series(figure)) {
    const Series& s = result.find_series(name);
    if (!first) out << "\n\n";
    first = false;
    out << "# series " << s.name << "\n#";
    for (std::size_t j = 0; j < s.columns.size(); ++j) out << (j ? "\t" : " ") << s.columns[j];
    out << "\n";
    const std::size_t grid_x = grid_x_column(figure, s);
    const std::size_t grid_z = grid_z_column(figure, s);
    const double noise = grid_z == std::string::npos ? 0 : contour_noise_floor(s, grid_z);
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
      const auto& row = s.rows[r];
      if (grid_x != std::string::npos && r > 0 && row[grid_x] != s.rows[r - 1][grid_x])
        out << "\n";  // one scan line of the grid per x
      for (std::size_t j = 0; j < row.size(); ++j) {
        const bool cancelled = j == grid_z && std::fabs(row[j]) < noise;
        out << (j ? "\t" : "") << figure_number(cancelled ? 0.0 : row[j]);
      }
      out << "\n";
    }
  }
  return out.str();
}

std::string gnuplot_script(const Figure& figure, const Result& result) {
  const auto series = used_series(figure);
  auto index_of = [&](const std::string& name) {
    return std::find(series.begin(), series.end(), name) - series.begin();
  };
  const std::size_t panels = figure.panels.size();
  std::ostringstream gp;
  gp << "# " << figure.name << " — generated by descent; edit the item, not this file.\n"
     << "if (!exists(\"data\")) data = " << quote(figure.name + ".tsv") << "\n"
     << "if (!exists(\"out\")) out = " << quote(figure.name + ".svg") << "\n"
     << "set terminal svg size " << 560 * panels << ",460 font 'Sans,11' background rgb 'white'\n"
     << "set output out\n"
     << kStyle;
  int contours = 0;  // datablock names are unique across the panels of a figure
  gp << "set multiplot layout 1," << panels << " title " << quote(figure.caption) << "\n";
  for (const auto& panel : figure.panels) {
    gp << "set title " << quote(panel.title) << "\n"
       << "set xlabel " << quote(panel.xlabel) << "\n"
       << "set ylabel " << quote(panel.ylabel) << "\n";
    if (panel.xrange)
      gp << "set xrange [" << full_number(panel.xrange->first) << ":"
         << full_number(panel.xrange->second) << "]\n";
    else
      gp << "set autoscale x\n";
    if (panel.yrange)
      gp << "set yrange [" << full_number(panel.yrange->first) << ":"
         << full_number(panel.yrange->second) << "]\n";
    else
      gp << "set autoscale y\n";
    gp << (panel.logy ? "set logscale y\n" : "unset logscale y\n");
    // Contour layers first: gnuplot traces the level sets of the grid into a datablock,
    // which the plot below draws as ordinary lines, under the other layers.
    std::vector<std::string> contour_blocks;
    for (const Layer& layer : panel.layers) {
      if (layer.style != Layer::Style::contour) continue;
      const Series& s = result.find_series(layer.series);
      const std::string block = "$contour" + std::to_string(++contours);
      gp << "set contour base\nunset surface\nset view map\n";
      if (layer.levels.empty()) {
        gp << "set cntrparam levels auto 10\n";
      } else {
        gp << "set cntrparam levels discrete ";
        for (std::size_t k = 0; k < layer.levels.size(); ++k)
          gp << (k ? "," : "") << full_number(layer.levels[k]);
        gp << "\n";
      }
      gp << "set table " << block << "\n"
         << "splot data index " << index_of(layer.series) << " using " << s.column(layer.x) + 1
         << ":" << s.column(layer.y) + 1 << ":" << s.column(layer.z) + 1 << " with lines\n"
         << "unset table\nunset contour\nset surface\n";
      contour_blocks.push_back(block);
    }
    // gnuplot writes the traced contours separated by spaces (whatever `set table ...
    // separator` says), so a panel with contours reads its data as whitespace-separated,
    // which the TSV (numbers only) also is.
    if (!contour_blocks.empty()) gp << "set datafile separator whitespace\n";
    if (!panel.key.empty()) gp << "set key " << panel.key << "\n";
    gp << "plot ";
    std::size_t drawn = 0, next_contour = 0, next_style = 0;
    for (const bool contour_pass : {true, false}) {
      for (const Layer& layer : panel.layers) {
        if ((layer.style == Layer::Style::contour) != contour_pass) continue;
        gp << (drawn++ ? ", \\\n     " : "");
        if (contour_pass) {
          gp << contour_blocks[next_contour++] << " using 1:2 with lines ls 9 "
             << (layer.title.empty() ? std::string("notitle") : "title " + quote(layer.title));
          continue;
        }
        const Series& s = result.find_series(layer.series);
        gp << "data index " << index_of(layer.series) << " using " << s.column(layer.x) + 1 << ":"
           << s.column(layer.y) + 1 << " with " << style_name(layer.style) << " ls "
           << (next_style++ % 8) + 1 << " title " << quote(layer.title);
      }
    }
    gp << "\n";
    if (!contour_blocks.empty()) gp << "set datafile separator \"\\t\"\n";
    if (!panel.key.empty()) gp << "set key top right\n";  // the shared style's placement
  }
  gp << "unset multiplot\n";
  return gp.str();
}

fs::path find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return {};
  std::istringstream dirs(path);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate;
  }
  return {};
}

namespace {

// Runs a renderer in `dir` (it resolves relative file names against its working directory)
// and checks that it produced `output`.
void render(const fs::path& dir, const fs::path& program, const std::vector<std::string>& args,
            const fs::path& output, const std::string& what) {
  const ProgramRun run = run_program(program, args, dir, render_timeout());
  if (run.timed_out)
    throw std::runtime_error(what + ": " + program.filename().string() + " did not finish within " +
                             std::to_string(render_timeout().count() / 1000) +
                             " s (DESCENT_RENDER_TIMEOUT sets the limit)");
  if (!run.ok() || !fs::exists(output)) {
    std::string first_line = run.errors.substr(0, run.errors.find('\n'));
    if (first_line.size() > 100) first_line = first_line.substr(0, 100) + "...";
    throw std::runtime_error(what + " (exit status " + std::to_string(run.exit_status) + ")" +
                             (first_line.empty() ? "" : ": " + first_line));
  }
}

}  // namespace

FigureFiles write_figures(const Result& result, const fs::path& dir) {
  FigureFiles written;
  if (result.figures.empty()) return written;
  const fs::path gnuplot = find_program("gnuplot");
  const fs::path graphviz = find_program("dot");
  FileBatch batch(dir);
  for (const auto& figure : result.figures) {
    const fs::path svg = batch.temporary_for(figure.name + ".svg");
    const bool graph = !figure.dot.empty();
    const fs::path& renderer = graph ? graphviz : gnuplot;
    std::vector<std::string> args;
    if (graph) {
      const fs::path source = batch.stage(figure.name + ".dot", figure.dot);
      args = {"-Tsvg", "-o", svg.filename().string(), source.filename().string()};
    } else {
      const fs::path data = batch.stage(figure.name + ".tsv", figure_tsv(figure, result));
      const fs::path script = batch.stage(figure.name + ".gp", gnuplot_script(figure, result));
      args = {"-e",
              "data=" + quote(data.filename().string()) + "; out=" + quote(svg.filename().string()),
              script.filename().string()};
    }
    if (renderer.empty()) {
      written.unrendered.push_back(figure.name);
      if (written.missing_renderer.find(graph ? "dot" : "gnuplot") == std::string::npos)
        written.missing_renderer +=
            std::string(written.missing_renderer.empty() ? "" : " and ") +
            (graph ? "dot (apt-get install graphviz)" : "gnuplot (apt-get install gnuplot-nox)");
      continue;
    }
    batch.adopt(svg, figure.name + ".svg");
    render(dir, renderer, args, svg,
           (graph ? "Graphviz dot failed to render " : "gnuplot failed to render ") + figure.name);
    ++written.rendered;
  }
  batch.commit();
  return written;
}

}  // namespace descent::report
