#include "descent/report/figure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"
#include "descent/report/files.hpp"
#include "descent/report/process.hpp"

namespace descent::report {

namespace fs = std::filesystem;

namespace {

// The shared look of every figure: one palette (colour-blind safe, Okabe–Ito), light
// grid, UTF-8 enhanced text (subscripts and Greek letters in labels), legends below the data.
constexpr const char* kStyle = R"(set datafile separator "\t"
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
)";

// The canvas: panels in rows of at most two. A one-panel figure is 640 px wide, a wider one
// 800 px: the docs column (700–800 px) shows either at 90 % or more, so 11-point text stays
// above 10 px.
constexpr std::size_t kMaxColumns = 2;
constexpr int kTextWidth = 7;  // px per character of 11-point Sans, rounded up

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

// Plain text for enhanced mode: each character enhanced text reads as markup gets a backslash,
// so that a_b, x^2 and {c} are drawn as written.
std::string escape_enhanced(const std::string& s) {
  std::string r;
  for (const char c : s) {
    if (std::string_view("_^{}@&~\\").find(c) != std::string_view::npos) r += '\\';
    r += c;
  }
  return r;
}

// Characters (UTF-8 code points) of s.
std::size_t text_length(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The words of s: split at spaces, except inside the braces of enhanced-text markup ({(t)} or
// {/Symbol a} stays whole).
std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> words(1);
  int depth = 0;
  for (const char c : s) {
    depth += c == '{' ? 1 : c == '}' && depth > 0 ? -1 : 0;
    if (c == ' ' && depth == 0) {
      if (!words.back().empty()) words.emplace_back();
    } else {
      words.back() += c;
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

// s broken at spaces into lines of at most `width` characters (a longer word keeps its line).
std::vector<std::string> wrap(const std::string& s, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  for (const std::string& word : words_of(s)) {
    if (!line.empty() && text_length(line) + 1 + text_length(word) > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

// A label as a gnuplot string expression: plain text escaped for enhanced mode (markup passed
// through), and wrapped into lines of at most `width` characters joined by "\n".
std::string label(const std::string& s, bool markup, std::size_t width = 0) {
  const std::vector<std::string> lines = width == 0 ? std::vector<std::string>{s} : wrap(s, width);
  std::string r;
  for (std::size_t i = 0; i < lines.size(); ++i)
    r += (i ? ".\"\\n\"." : "") + quote(markup ? lines[i] : escape_enhanced(lines[i]));
  return r;
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
    case Layer::Style::band: return "filledcurves";
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

FigureFormat parse_figure_format(const std::string& name) {
  if (name == "svg") return FigureFormat::svg;
  if (name == "png") return FigureFormat::png;
  if (name == "pdf") return FigureFormat::pdf;
  throw invalid_argument("unknown figure format '" + name + "'; allowed: svg, png, pdf");
}

const char* figure_extension(FigureFormat format) {
  switch (format) {
    case FigureFormat::svg: return "svg";
    case FigureFormat::png: return "png";
    case FigureFormat::pdf: return "pdf";
  }
  return "svg";
}

std::string gnuplot_script(const Figure& figure, const Result& result) {
  return gnuplot_script(figure, result, FigureFormat::svg);
}

namespace {

// The terminal line: the same canvas in each format (PDF in inches at 100 px each).
std::string terminal(FigureFormat format, int width, int height) {
  std::ostringstream t;
  switch (format) {
    case FigureFormat::svg:
      t << "set terminal svg size " << width << "," << height
        << " enhanced font 'Sans,11' background rgb 'white'";
      break;
    case FigureFormat::png:
      t << "set terminal pngcairo size " << width << "," << height
        << " enhanced font 'Sans,11' background rgb 'white'";
      break;
    case FigureFormat::pdf:
      t << "set terminal pdfcairo size " << full_number(width / 100.0) << ","
        << full_number(height / 100.0) << " enhanced font 'Sans,8' background rgb 'white'";
      break;
  }
  return t.str();
}

bool has_legend(const Panel& panel) {
  return std::any_of(panel.layers.begin(), panel.layers.end(),
                     [](const Layer& l) { return !l.title.empty() || l.markers; });
}

std::string range(const std::pair<double, double>& r) {
  return "[" + full_number(r.first) + ":" + full_number(r.second) + "]";
}

}  // namespace

std::string gnuplot_script(const Figure& figure, const Result& result, FigureFormat format) {
  const auto series = used_series(figure);
  auto index_of = [&](const std::string& name) {
    return std::find(series.begin(), series.end(), name) - series.begin();
  };
  const std::size_t panels = std::max<std::size_t>(figure.panels.size(), 1);
  const std::size_t columns = std::min(panels, kMaxColumns);
  const std::size_t rows = (panels + columns - 1) / columns;
  const int width = columns == 1 ? 640 : 800;
  const int panel_width = width / static_cast<int>(columns);
  const std::size_t caption_width = static_cast<std::size_t>(width / kTextWidth) - 4;
  const std::size_t title_width = static_cast<std::size_t>(panel_width / kTextWidth) - 4;
  const std::size_t caption_lines = wrap(figure.caption, caption_width).size();
  const int height =
      static_cast<int>(rows) * (columns == 1 ? 440 : 360) + 18 * static_cast<int>(caption_lines);
  std::ostringstream gp;
  gp << "# " << figure.name << " — generated by descent; edit the item, not this file.\n"
     << "if (!exists(\"data\")) data = " << quote(figure.name + ".tsv") << "\n"
     << "if (!exists(\"out\")) out = " << quote(figure.name + "." + figure_extension(format))
     << "\n"
     << "set encoding utf8\n"
     << terminal(format, width, height) << "\n"
     << "set output out\n"
     << kStyle;
  int contours = 0;       // datablock names are unique across the panels of a figure
  bool logx_set = false;  // the previous panel left a log x axis set
  gp << "set multiplot layout " << rows << "," << columns << " title "
     << label(figure.caption, false, caption_width) << "\n";
  for (std::size_t p = 0; p < figure.panels.size(); ++p) {
    const Panel& panel = figure.panels[p];
    const bool markup = panel.markup;
    gp << "set title " << label(panel.title, markup, title_width) << "\n"
       << "set xlabel " << label(panel.xlabel, markup) << "\n"
       << "set ylabel " << label(panel.ylabel, markup) << "\n";
    const auto xrange = panel.xrange ? panel.xrange
                        : panel.zoom ? std::optional(panel.zoom->xrange)
                                     : std::nullopt;
    const auto yrange = panel.yrange ? panel.yrange
                        : panel.zoom ? std::optional(panel.zoom->yrange)
                                     : std::nullopt;
    gp << (xrange ? "set xrange " + range(*xrange) + "\n" : std::string("set autoscale x\n"));
    gp << (yrange ? "set yrange " + range(*yrange) + "\n" : std::string("set autoscale y\n"));
    // a log axis is labelled in powers of ten (10^{-3}), not as 0.001000
    gp << (panel.logy ? "set logscale y\nset format y '10^{%L}'\n"
                      : "unset logscale y\nset format y '% h'\n");
    // (written only where a log x axis is set or must be undone, so that the scripts of
    // figures without one stay as they were)
    if (panel.logx)
      gp << "set logscale x\nset format x '10^{%L}'\n";
    else if (logx_set)
      gp << "unset logscale x\nset format x '% h'\n";
    logx_set = panel.logx;
    gp << (panel.equal_aspect ? "set size ratio -1\n" : "set size noratio\n");
    // the rectangles other panels enlarge, as dashed boxes over this one's data
    int boxes = 0;
    for (std::size_t j = 0; j < figure.panels.size(); ++j) {
      const Panel& other = figure.panels[j];
      if (!other.zoom || other.zoom->panel != p) continue;
      // named by the zooming panel's letter, (b) for the second: the box may be a few pixels
      gp << "set label " << boxes + 1 << " '(" << static_cast<char>('a' + j % 26) << ")' at "
         << full_number(other.zoom->xrange.second) << "," << full_number(other.zoom->yrange.second)
         << " offset 0.3,0.6 front font ',9' textcolor rgb '#000000'\n";
      gp << "set object " << ++boxes << " rect from " << full_number(other.zoom->xrange.first)
         << "," << full_number(other.zoom->yrange.first) << " to "
         << full_number(other.zoom->xrange.second) << "," << full_number(other.zoom->yrange.second)
         << " front fillstyle empty border lc rgb '#000000' lw 1 dt 2\n";
    }
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
    // The legend goes below the data (never over it), without a box; a panel that names a
    // free corner (Panel::key) gets it there; a panel without titles gets none.
    if (!has_legend(panel))
      gp << "unset key\n";
    else if (panel.key.empty())
      gp << "set key below center horizontal Left reverse nobox noopaque height 0.5\n";
    else
      gp << "set key inside " << panel.key << " Left reverse nobox noopaque\n";
    gp << "plot ";
    std::size_t drawn = 0, next_contour = 0, next_style = 0;
    bool marker_titles = false;  // "start" and "end" enter the legend once per panel
    for (const bool contour_pass : {true, false}) {
      for (const Layer& layer : panel.layers) {
        if ((layer.style == Layer::Style::contour) != contour_pass) continue;
        gp << (drawn++ ? ", \\\n     " : "");
        const std::string title =
            layer.title.empty() ? std::string("notitle") : "title " + label(layer.title, markup);
        if (contour_pass) {
          const std::string& block = contour_blocks[next_contour++];
          // a titled contour is a level set the figure points at: black, in the legend
          gp << block << " using 1:2 with lines ls " << (layer.title.empty() ? 9 : 7) << " "
             << title;
          if (layer.labels)  // the level's value on every contour line, once per stretch
            gp << ", \\\n     " << block
               << " using 1:2:(sprintf('%g', $3)) every 100::30 with labels font ',8' "
                  "textcolor rgb '#707070' notitle";
          continue;
        }
        const Series& s = result.find_series(layer.series);
        const std::size_t style = (next_style++ % 8) + 1;
        const std::string source = "data index " + std::to_string(index_of(layer.series));
        const std::string xy =
            std::to_string(s.column(layer.x) + 1) + ":" + std::to_string(s.column(layer.y) + 1);
        if (layer.style == Layer::Style::band) {
          gp << source << " using " << xy
             << (layer.ybase.empty()
                     ? std::string(" with filledcurves x1")
                     : ":" + std::to_string(s.column(layer.ybase) + 1) + " with filledcurves")
             << " ls " << style << " fillstyle transparent solid 0.3 noborder " << title;
          continue;
        }
        gp << source << " using " << xy << " with " << style_name(layer.style) << " ls " << style
           << " " << title;
        if (layer.markers && !s.rows.empty()) {
          const std::string last = std::to_string(s.rows.size() - 1);
          gp << ", \\\n     " << source << " every ::0::0 using " << xy << " with points ls "
             << style << " pt 6 ps 1.6 lw 2 " << (marker_titles ? "notitle" : "title 'start'")
             << ", \\\n     " << source << " every ::" << last << "::" << last << " using " << xy
             << " with points ls " << style << " pt 5 ps 1.3 "
             << (marker_titles ? "notitle" : "title 'end'");
          marker_titles = true;
        }
      }
    }
    gp << "\n";
    if (boxes > 0) gp << "unset object\nunset label\n";
    if (!contour_blocks.empty()) gp << "set datafile separator \"\\t\"\n";
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
  return write_figures(result, dir, FigureFormat::svg);
}

FigureFiles write_figures(const Result& result, const fs::path& dir, FigureFormat format) {
  FigureFiles written;
  const std::string extension = figure_extension(format);
  if (result.figures.empty()) return written;
  const fs::path gnuplot = find_program("gnuplot");
  const fs::path graphviz = find_program("dot");
  FileBatch batch(dir);
  for (const auto& figure : result.figures) {
    const fs::path svg = batch.temporary_for(figure.name + "." + extension);
    const bool graph = !figure.dot.empty();
    const fs::path& renderer = graph ? graphviz : gnuplot;
    std::vector<std::string> args;
    if (graph) {
      const fs::path source = batch.stage(figure.name + ".dot", figure.dot);
      args = {"-T" + extension, "-o", svg.filename().string(), source.filename().string()};
    } else {
      const fs::path data = batch.stage(figure.name + ".tsv", figure_tsv(figure, result));
      const fs::path script =
          batch.stage(figure.name + ".gp", gnuplot_script(figure, result, format));
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
    batch.adopt(svg, figure.name + "." + extension);
    render(dir, renderer, args, svg,
           (graph ? "Graphviz dot failed to render " : "gnuplot failed to render ") + figure.name);
    ++written.rendered;
  }
  batch.commit();
  return written;
}

}  // namespace descent::report
