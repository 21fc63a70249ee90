// The report layer: formats, figure files, atomic writes.

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>

#include "descent/core/error.hpp"
#include "descent/report/check.hpp"
#include "descent/report/cleanup.hpp"
#include "descent/report/figure.hpp"
#include "descent/report/files.hpp"
#include "descent/report/format.hpp"
#include "descent/report/progress.hpp"

using namespace descent::report;
namespace fs = std::filesystem;

namespace {

Result sample() {
  Result r;
  r.table("iterates", {"t", "theta", "note"})
      .add({0.0, 0.1, std::string("start")})
      .add({1.0, 1.0 / 3.0, std::string("a \"quoted\", comma")});
  r.add_series("curve", {"x", "y"}).add({0.0, 1.0}).add({0.5, 2.25});
  r.value("third", 1.0 / 3.0);
  r.value("not_finite", std::numeric_limits<double>::quiet_NaN());
  r.status = "converged after 1 iteration";
  return r;
}

Header header() {
  return {"medl04", "eq-0.0", "A test item", "nowhere", {{"x0", "1,2", "[1,2]"}}};
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path scratch_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("descent-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("report/json: 17 significant digits, escapes, null for non-finite") {
  const std::string json = render(header(), sample(), Format::json);
  // 1/3 to 17 significant digits round-trips the double.
  CHECK(json.find("0.33333333333333331") != std::string::npos);
  CHECK(std::stod("0.33333333333333331") == 1.0 / 3.0);
  CHECK(json.find(R"("a \"quoted\", comma")") != std::string::npos);
  CHECK(json.find(R"("not_finite":null)") != std::string::npos);
  CHECK(json.find(R"("params":{"x0":[1,2]})") != std::string::npos);
  CHECK(json.rfind(R"({"chapter":"medl04","item":"eq-0.0")", 0) == 0);
  CHECK(json_string("tab\there\n\x01") == R"("tab\there\n\u0001")");
}

TEST_CASE("report/csv: quoted fields and full precision") {
  const std::string csv = render(header(), sample(), Format::csv);
  CHECK(csv.find("# table iterates\nt,theta,note\n0,0.10000000000000001,start\n") !=
        std::string::npos);
  CHECK(csv.find(R"("a ""quoted"", comma")") != std::string::npos);
  CHECK(csv.find("# series curve\nx,y\n0,1\n0.5,2.25\n") != std::string::npos);
}

TEST_CASE("report/text and markdown: readable numbers and aligned columns") {
  const std::string text = render(header(), sample(), Format::text);
  CHECK(text.find("eq-0.0 — A test item") == 0);
  CHECK(text.find("0.3333333333") != std::string::npos);  // 10 significant digits
  CHECK(text.find("0.33333333333333331") == std::string::npos);
  CHECK(text.find("status: converged after 1 iteration") != std::string::npos);
  const std::string md = render_body(sample(), Format::markdown);
  CHECK(md.find("| t | theta | note |\n| ---: | ---: | :--- |") != std::string::npos);
}

TEST_CASE("report/format: unknown format names the allowed ones") {
  CHECK_THROWS_WITH_AS((void)parse_format("yaml"),
                       "unknown format 'yaml'; allowed: text, markdown, csv, json",
                       descent::invalid_argument);
}

TEST_CASE("report/table: a row of the wrong width is a programming error") {
  Table t{"t", {"a", "b"}, {}};
  CHECK_THROWS_AS(t.add({1.0}), std::logic_error);
}

TEST_CASE("report/figure: TSV blocks and a gnuplot script that addresses them") {
  Result r = sample();
  r.add_series("other", {"u", "v", "w"}).add({1.0, 2.0, 3.0});
  Figure f{"figure-0.1", "Caption", {}, ""};
  Panel p;
  p.layers = {{"curve", "x", "y", Layer::Style::lines, "curve"},
              {"other", "u", "w", Layer::Style::points, "other"}};
  f.panels = {p, p};
  r.figures.push_back(f);
  const std::string tsv = figure_tsv(f, r);
  CHECK(tsv ==
        "# figure-0.1: Caption\n# series curve\n# x\ty\n0\t1\n0.5\t2.25\n\n\n"
        "# series other\n# u\tv\tw\n1\t2\t3\n");
  const std::string gp = gnuplot_script(f, r);
  CHECK(gp.find("data index 1 using 1:3 with points") != std::string::npos);
  CHECK(gp.find("set multiplot layout 1,2") != std::string::npos);
  // two panels side by side on the 800 px canvas a docs column shows at >= 90 %
  CHECK(gp.find("set terminal svg size 800,378 enhanced") != std::string::npos);
}

TEST_CASE("report/figure: a contour layer writes its grid as scans and traces the level sets") {
  // z = x² + y² on [−2, 2]², step 0.1: the level sets z = 1 and z = 4 are circles of
  // radius 1 and 2, which is what gnuplot must trace from the TSV the figure writes.
  Result r;
  auto& grid = r.add_series("bowl", {"x", "y", "z"});
  for (int i = -20; i <= 20; ++i)
    for (int j = -20; j <= 20; ++j) grid.add({i / 10.0, j / 10.0, i * i / 100.0 + j * j / 100.0});
  r.add_series("path", {"x", "y"}).add({1.5, 0.0}).add({0.0, 0.0});
  Panel p;
  p.layers = {{"path", "x", "y", Layer::Style::linespoints, "path"},
              {"bowl", "x", "y", Layer::Style::contour, "", "z", {1.0, 4.0}}};
  r.figures.push_back(Figure{"contour-0.1", "Circles", {p}, ""});

  const std::string tsv = figure_tsv(r.figures[0], r);
  CHECK(tsv.find("\n-2\t2\t8\n\n-1.9\t-2\t") != std::string::npos);  // scans, 8 digits
  const std::string gp = gnuplot_script(r.figures[0], r);
  CHECK(gp.find("set cntrparam levels discrete 1,4\n") != std::string::npos);
  // Contours are drawn first (under the path), in the contour style; the path keeps style 1.
  CHECK(gp.find("plot $contour1 using 1:2 with lines ls 9 notitle, \\\n     data index 0 using "
                "1:2 with linespoints ls 1") != std::string::npos);

  if (find_program("gnuplot").empty()) return;
  const fs::path dir = scratch_dir("contour");
  CHECK(write_figures(r, dir).rendered == 1);
  CHECK(slurp(dir / "contour-0.1.svg").find("<svg") != std::string::npos);
  // A path in the contour style's grey (ls 9, #b0b0b0) is drawn: the plot read the contours.
  CHECK(slurp(dir / "contour-0.1.svg").find("<path stroke='rgb(176, 176, 176)'") !=
        std::string::npos);
  // Run the written script again and print the traced contour lines.
  const std::string cmd = "cd '" + dir.string() +
                          "' && gnuplot -e \"out='/dev/null'\" contour-0.1.gp -e \"set print "
                          "'traced.txt'; print \\$contour1\" 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream traced(dir / "traced.txt");
  std::string line;
  int points = 0, on_unit = 0, on_two = 0;
  while (std::getline(traced, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    double x = 0, y = 0;
    if (!(fields >> x >> y)) continue;
    ++points;
    const double radius = std::hypot(x, y);
    on_unit += std::abs(radius - 1) < 0.01;
    on_two += std::abs(radius - 2) < 0.01;
  }
  CHECK(points > 40);
  CHECK(on_unit > 20);
  CHECK(on_two > 20);
  CHECK(on_unit + on_two == points);  // every traced point lies on one of the two circles
  fs::remove_all(dir);
}

TEST_CASE("report/files: an uncommitted batch leaves nothing behind") {
  const fs::path dir = scratch_dir("batch");
  {
    FileBatch batch(dir);
    batch.stage("a.txt", "alpha");
    batch.stage("b.txt", "beta");
  }  // destroyed without commit, as when an error is thrown halfway
  CHECK(fs::is_empty(dir));
  {
    FileBatch batch(dir);
    batch.stage("a.txt", "alpha");
    batch.commit();
  }
  CHECK(slurp(dir / "a.txt") == "alpha");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  write_file_atomically(dir / "a.txt", "replaced");
  CHECK(slurp(dir / "a.txt") == "replaced");
  fs::remove_all(dir);
}

TEST_CASE("report/files: an output path that cannot be a directory is bad input") {
  const fs::path dir = scratch_dir("notadir");
  std::ofstream(dir / "file") << "x";
  CHECK_THROWS_AS(ensure_writable_directory(dir / "file" / "sub"), descent::invalid_argument);
  fs::remove_all(dir);
}

TEST_CASE("report/progress: silent when stderr is not a terminal") {
  // Under ctest stderr is a pipe, so the line stays invisible and writes nothing; on a
  // terminal the same calls draw "training [###...] 50%".
  descent::report::Progress progress("training", 10);
  CHECK(progress.visible() == (::isatty(2) == 1));
  progress.update(5);
  progress.update(10);
}

TEST_CASE("report/figure: a graph figure is written as DOT and drawn by Graphviz") {
  const fs::path dir = scratch_dir("graph");
  Result r;
  r.figures.push_back(Figure{"graph-0.1", "A graph", {}, "", "digraph g { a -> b; }\n"});
  const int rendered = write_figures(r, dir).rendered;
  CHECK(slurp(dir / "graph-0.1.dot") == "digraph g { a -> b; }\n");
  CHECK_FALSE(fs::exists(dir / "graph-0.1.tsv"));  // no plot data for a graph
  if (!find_program("dot").empty()) {
    CHECK(rendered == 1);
    CHECK(slurp(dir / "graph-0.1.svg").find("<svg") != std::string::npos);
  }
  // A DOT syntax error is a failure, and leaves nothing behind.
  Result bad;
  bad.figures.push_back(Figure{"graph-0.2", "Broken", {}, "", "digraph { a -> ; }\n"});
  if (!find_program("dot").empty()) {
    CHECK_THROWS_AS(write_figures(bad, dir), std::runtime_error);
    CHECK_FALSE(fs::exists(dir / "graph-0.2.dot"));
  }
  fs::remove_all(dir);
}

TEST_CASE("report/figure: a panel's key placement is set for that panel only") {
  Result r;
  r.add_series("s", {"x", "y"}).add({0.0, 1.0}).add({1.0, 2.0});
  Panel moved;
  moved.layers = {{"s", "x", "y", Layer::Style::lines, "s"}};
  moved.key = "bottom left";
  Panel plain = moved;
  plain.key.clear();
  r.figures.push_back(Figure{"key-0.1", "Keys", {moved, plain}, ""});
  const std::string gp = gnuplot_script(r.figures[0], r);
  const auto set = gp.find("set key inside bottom left Left reverse nobox noopaque\nplot ");
  REQUIRE(set != std::string::npos);
  // the second panel gets the shared placement: below its data
  CHECK(gp.find("set key below center horizontal Left reverse nobox noopaque height 0.5\nplot ",
                set) != std::string::npos);
}

TEST_CASE("report/figure_number: 8 significant digits, so last-bit differences do not show") {
  CHECK(figure_number(1.9786373964646031) == "1.9786374");
  CHECK(figure_number(1.9786373964646033) == "1.9786374");  // the other machine's value
  CHECK(figure_number(50.535156250000007) == figure_number(50.535156250000014));
  CHECK(figure_number(-1e-300) == "-1e-300");
  CHECK(figure_number(0.0) == "0");
  CHECK(figure_number(std::nan("")) == "nan");
  CHECK(figure_number(-std::numeric_limits<double>::infinity()) == "-inf");
}

TEST_CASE("report/check: the first number that is not finite is named in the status") {
  Result r;
  r.status = "iteration limit reached";
  auto& t = r.table("iterates", {"t", "C"});
  t.add({0.0, 1.0}).add({1.0, 4.0}).add({2.0, std::numeric_limits<double>::infinity()});
  t.add({3.0, std::nan("")});
  CHECK(first_non_finite(r) == "table 'iterates', row 3 (t = 2), column 'C' = inf");
  flag_non_finite(r);
  CHECK(r.status ==
        "iteration limit reached; not finite: table 'iterates', row 3 (t = 2), column 'C' = inf");

  Result declared;
  declared.table("ratios", {"t", "ratio"}).add({0.0, std::nan("")}).add({1.0, 0.5});
  declared.value("alpha", std::nan(""));
  declared.allow_non_finite("ratios:ratio", "no ratio before the second iterate");
  CHECK(first_non_finite(declared) == "value 'alpha' = nan");
  declared.allow_non_finite("values:alpha", "undefined here");
  CHECK(first_non_finite(declared).empty());
  flag_non_finite(declared);
  CHECK(declared.status.empty());

  Result in_series;
  in_series.add_series("path", {"x", "y"})
      .add({0.0, 0.0})
      .add({-std::numeric_limits<double>::infinity(), 1.0});
  CHECK(first_non_finite(in_series) == "series 'path', row 2, column 'x' = -inf");

  Result named;  // a row named by text is named by that text
  named.table("methods", {"method", "C"}).add({std::string("Newton"), std::nan("")});
  CHECK(first_non_finite(named) == "table 'methods', row 1 (method = Newton), column 'C' = nan");
}

TEST_CASE("report/files: the output directory is created only for a run that writes") {
  const fs::path base = scratch_dir("outdir");
  const fs::path dir = base / "new" / "deeper";
  check_output_directory(dir);  // checks, creates nothing
  CHECK_FALSE(fs::exists(base / "new"));
  {
    OutputDirectory out(dir);
    CHECK(fs::is_directory(dir));
  }  // not kept: both new levels go again
  CHECK_FALSE(fs::exists(base / "new"));
  {
    OutputDirectory out(dir);
    out.keep();
  }
  CHECK(fs::is_directory(dir));
  std::ofstream(base / "file") << "x";
  CHECK_THROWS_WITH_AS(check_output_directory(base / "file" / "sub"),
                       doctest::Contains("lies below a file"), descent::invalid_argument);
  CHECK_THROWS_WITH_AS(check_output_directory(base / "file"),
                       doctest::Contains("is not a directory"), descent::invalid_argument);
  fs::remove_all(base);
}

TEST_CASE("report/files: temporaries of killed runs are removed by the next run") {
  const fs::path dir = scratch_dir("stale");
  // A process id that is not running: the highest pid the kernel hands out, plus one.
  std::ofstream(dir / ".figure-4.1.svg.tmp-4194305") << "half";
  std::ofstream(dir / (".figure-4.1.tsv.tmp-" + std::to_string(::getpid()))) << "ours";
  std::ofstream(dir / "figure-4.1.svg") << "kept";
  std::ofstream(dir / ".notes.tmp-abc") << "not a temporary of ours";
  remove_stale_temporaries(dir);
  CHECK_FALSE(fs::exists(dir / ".figure-4.1.svg.tmp-4194305"));
  CHECK(fs::exists(dir / (".figure-4.1.tsv.tmp-" + std::to_string(::getpid()))));
  CHECK(fs::exists(dir / "figure-4.1.svg"));
  CHECK(fs::exists(dir / ".notes.tmp-abc"));
  fs::remove_all(dir);
}

// --- the figure layer: text, legends, layout, markers, zooms, bands, formats -----------------

namespace {

// The texts of an SVG gnuplot drew, tags removed, one per <text> element.
std::vector<std::string> svg_texts(const std::string& svg) {
  std::vector<std::string> texts;
  for (std::size_t at = svg.find("<text"); at != std::string::npos; at = svg.find("<text", at)) {
    const std::size_t end = svg.find("</text>", at);
    std::string text;
    bool tag = false;
    for (std::size_t i = at; i < end; ++i) {
      if (svg[i] == '<') tag = true;
      if (!tag) text += svg[i];
      if (svg[i] == '>') tag = false;
    }
    texts.push_back(text);
    at = end;
  }
  return texts;
}

bool contains(const std::vector<std::string>& texts, const std::string& wanted) {
  return std::find(texts.begin(), texts.end(), wanted) != texts.end();
}

}  // namespace

TEST_CASE("report/figure: plain labels are drawn as written, markup panels as markup") {
  Result r;
  r.add_series("s", {"x", "y"}).add({0.0, 1.0}).add({1.0, 2.0});
  Panel plain;
  plain.title = "a_b x^2 {c} @ & ~";
  plain.xlabel = "θ₁ α* ∇C ‖·‖";
  plain.layers = {{"s", "x", "y", Layer::Style::lines, "C_t"}};
  Panel markup = plain;
  markup.markup = true;
  markup.title = "θ_1";
  r.figures.push_back(Figure{"text-0.1", "Text", {plain, markup}, ""});
  if (find_program("gnuplot").empty()) return;
  const fs::path dir = scratch_dir("text");
  write_figures(r, dir);
  const auto texts = svg_texts(slurp(dir / "text-0.1.svg"));
  // gnuplot's enhanced text would have eaten _ ^ { } @ & ~ (subscripts, groups, overprints)
  CHECK(contains(texts, "a_b x^2 {c} @ &amp; ~"));
  CHECK(contains(texts, "θ₁ α* ∇C ‖·‖"));  // UTF-8 passes through
  CHECK(contains(texts, "C_t"));
  // in the markup panel θ_1 is θ with a subscript 1: two pieces, no underscore
  const std::string svg = slurp(dir / "text-0.1.svg");
  CHECK(svg.find(">θ</tspan><tspan") != std::string::npos);
  CHECK_FALSE(contains(texts, "θ_1"));
  fs::remove_all(dir);
}

TEST_CASE("report/figure: a long caption is wrapped inside the canvas") {
  Result r;
  r.add_series("s", {"x", "y"}).add({0.0, 1.0}).add({1.0, 2.0});
  Panel p;
  p.layers = {{"s", "x", "y", Layer::Style::lines, ""}};
  std::string caption;
  for (int i = 0; i < 30; ++i) caption += "word" + std::to_string(i) + " ";
  caption.pop_back();
  r.figures.push_back(Figure{"wrap-0.1", caption, {p}, ""});
  const std::string gp = gnuplot_script(r.figures[0], r);
  CHECK(gp.find("unset key\n") != std::string::npos);  // no titles: no empty legend
  if (find_program("gnuplot").empty()) return;
  const fs::path dir = scratch_dir("wrap");
  write_figures(r, dir);
  // every word is drawn once, on lines of at most 640 / 7 characters (7 px each at 11 pt)
  std::size_t lines = 0;
  std::string joined;
  for (const auto& t : svg_texts(slurp(dir / "wrap-0.1.svg")))
    if (t.rfind("word", 0) == 0) {
      ++lines;
      CHECK(t.size() * 7 <= 640);
      joined += (joined.empty() ? "" : " ") + t;
    }
  CHECK(lines >= 2);
  CHECK(joined == caption);
  fs::remove_all(dir);
}

TEST_CASE("report/figure: panels wrap into rows of two; markers, aspect and zoom boxes") {
  Result r;
  r.add_series("path", {"x", "y"}).add({0.0, 0.0}).add({1.0, 0.5}).add({2.0, 1.0});
  Panel whole;
  Layer path{"path", "x", "y", Layer::Style::lines, "path"};
  path.markers = true;
  whole.layers = {path};
  whole.equal_aspect = true;
  Panel zoom;
  zoom.layers = {{"path", "x", "y", Layer::Style::lines, ""}};
  zoom.zoom = Zoom{0, {0.5, 1.5}, {0.25, 0.75}};
  Panel third;
  third.layers = zoom.layers;
  r.figures.push_back(Figure{"grid-0.1", "Grid", {whole, zoom, third}, ""});
  const std::string gp = gnuplot_script(r.figures[0], r);
  CHECK(gp.find("set multiplot layout 2,2") != std::string::npos);
  CHECK(gp.find("set terminal svg size 800,738 ") != std::string::npos);
  // the first and the last (third) point of the path, once each
  CHECK(gp.find("every ::0::0 using 1:2 with points ls 1 pt 6") != std::string::npos);
  CHECK(gp.find("every ::2::2 using 1:2 with points ls 1 pt 5") != std::string::npos);
  // equal aspect in the first panel only
  const auto ratio = gp.find("set size ratio -1\n");
  REQUIRE(ratio != std::string::npos);
  CHECK(gp.find("set size ratio -1\n", ratio + 1) == std::string::npos);
  // the first panel outlines the rectangle the second enlarges, the second shows just it
  const auto box = gp.find("set object 1 rect from 0.5,0.25 to 1.5,0.75 front");
  REQUIRE(box != std::string::npos);
  CHECK(box < gp.find("\nplot "));
  const auto second = gp.find("set xrange [0.5:1.5]\nset yrange [0.25:0.75]\n");
  CHECK(second != std::string::npos);
  CHECK(gp.find("unset object\n") < second);
  if (find_program("gnuplot").empty()) return;
  const fs::path dir = scratch_dir("grid");
  CHECK(write_figures(r, dir).rendered == 1);
  fs::remove_all(dir);
}

TEST_CASE("report/figure: a band fills between two columns, or down to the panel's bottom") {
  Result r;
  r.add_series("s", {"x", "top", "base"}).add({0.0, 1.0, 0.0}).add({1.0, 2.0, 0.5});
  Panel p;
  Layer down{"s", "x", "top", Layer::Style::band, "down"};
  Layer between = down;
  between.ybase = "base";
  p.layers = {down, between};
  r.figures.push_back(Figure{"band-0.1", "Bands", {p}, ""});
  const std::string gp = gnuplot_script(r.figures[0], r);
  CHECK(gp.find("using 1:2 with filledcurves x1 ls 1") != std::string::npos);
  CHECK(gp.find("using 1:2:3 with filledcurves ls 2") != std::string::npos);
}

TEST_CASE("report/figure: a log x axis is labelled in powers of ten, and undone after its panel") {
  Result r;
  r.add_series("err", {"h", "e"}).add({1e-8, 1e-6}).add({1e-1, 1e-2});
  Panel log;
  log.logx = true;
  log.logy = true;
  log.layers = {{"err", "h", "e", Layer::Style::linespoints, "error"}};
  Panel linear;
  linear.layers = log.layers;
  r.figures.push_back(Figure{"logx-0.1", "Log x", {log, linear}, ""});
  const std::string gp = gnuplot_script(r.figures[0], r);
  const auto first = gp.find("set logscale x\nset format x '10^{%L}'\n");
  REQUIRE(first != std::string::npos);
  CHECK(gp.find("\nset logscale x", first + 1) == std::string::npos);
  // the second panel draws on a linear x axis with the default tick format again
  const auto undone = gp.find("unset logscale x\nset format x '% h'\n");
  REQUIRE(undone != std::string::npos);
  CHECK(undone > gp.find("\nplot "));
  // a figure without a log x axis does not mention one
  Result plain;
  plain.add_series("err", {"h", "e"}).add({1.0, 1.0});
  plain.figures.push_back(Figure{"plain-0.1", "Plain", {linear}, ""});
  CHECK(gnuplot_script(plain.figures[0], plain).find("logscale x") == std::string::npos);
  if (find_program("gnuplot").empty()) return;
  const fs::path dir = scratch_dir("logx");
  REQUIRE(write_figures(r, dir).rendered == 1);
  // gnuplot drew the x ticks as powers of ten: 10^{-8} becomes a superscript −8 after "10"
  std::ifstream in(dir / "logx-0.1.svg");
  const std::string svg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(svg.find("0.00000001") == std::string::npos);
  CHECK(svg.find(">-8<") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("report/log_levels: decades exactly, and in between evenly in log10") {
  const auto decades = log_levels(1e-3, 100);
  REQUIRE(decades.size() == 6);
  for (std::size_t k = 0; k < decades.size(); ++k)
    CHECK(decades[k] == doctest::Approx(std::pow(10.0, double(k) - 3)).epsilon(1e-15));
  const auto halves = log_levels(1, 100, 2);
  REQUIRE(halves.size() == 5);
  CHECK(halves[1] == doctest::Approx(std::sqrt(10.0)).epsilon(1e-15));
  CHECK(halves[4] == doctest::Approx(100).epsilon(1e-15));
  CHECK_THROWS_AS(log_levels(0, 1), std::logic_error);
  CHECK_THROWS_AS(log_levels(2, 1), std::logic_error);
  CHECK_THROWS_AS(log_levels(1, 10, 0), std::logic_error);
}

TEST_CASE("report/figure: PNG and PDF on request, from gnuplot and Graphviz") {
  CHECK(parse_figure_format("svg") == FigureFormat::svg);
  CHECK(parse_figure_format("png") == FigureFormat::png);
  CHECK(parse_figure_format("pdf") == FigureFormat::pdf);
  CHECK_THROWS_AS(parse_figure_format("jpeg"), descent::invalid_argument);
  Result r = sample();
  Panel p;
  p.layers = {{"curve", "x", "y", Layer::Style::lines, "curve"}};
  r.figures.push_back(Figure{"plot-0.3", "Plot", {p}, ""});
  r.figures.push_back(Figure{"graph-0.3", "Graph", {}, "", "digraph g { a -> b; }\n"});
  const std::string gp = gnuplot_script(r.figures[0], r, FigureFormat::png);
  CHECK(gp.find("set terminal pngcairo size 640,458 enhanced") != std::string::npos);
  CHECK(gp.find("out = 'plot-0.3.png'") != std::string::npos);
  if (find_program("gnuplot").empty() || find_program("dot").empty()) return;
  const fs::path dir = scratch_dir("formats");
  CHECK(write_figures(r, dir, FigureFormat::png).rendered == 2);
  CHECK(write_figures(r, dir, FigureFormat::pdf).rendered == 2);
  for (const char* stem : {"plot-0.3", "graph-0.3"}) {
    CAPTURE(stem);
    CHECK(slurp(dir / (std::string(stem) + ".png")).rfind("\x89PNG", 0) == 0);
    CHECK(slurp(dir / (std::string(stem) + ".pdf")).rfind("%PDF", 0) == 0);
    CHECK_FALSE(fs::exists(dir / (std::string(stem) + ".svg")));
  }
  fs::remove_all(dir);
}

TEST_CASE("report/errata: each format shows an item's errata with their link") {
  Header h = header();
  h.errata = {{"medl-4-58", "prints −B∇C; correct θ − B∇C"}, {"medl-4-60", "a \"quoted\" word"}};
  const std::string text = render(h, sample(), Format::text);
  CHECK(text.find("source: nowhere\nerratum: prints −B∇C; correct θ − B∇C — see "
                  "errata.html#medl-4-58\nerratum: a \"quoted\" word — see "
                  "errata.html#medl-4-60\n") != std::string::npos);
  const std::string json = render(h, sample(), Format::json);
  CHECK(
      json.find(
          R"("source":"nowhere","errata":[{"anchor":"medl-4-58","summary":"prints −B∇C; correct θ − B∇C","link":"errata.html#medl-4-58"},{"anchor":"medl-4-60","summary":"a \"quoted\" word","link":"errata.html#medl-4-60"}],"params")") !=
      std::string::npos);
  const std::string md = render(h, sample(), Format::markdown);
  CHECK(md.find("Erratum: prints −B∇C; correct θ − B∇C (see "
                "[errata.html#medl-4-58](errata.html#medl-4-58))\n\n") != std::string::npos);
  const std::string csv = render(h, sample(), Format::csv);
  CHECK(csv.find("# erratum errata.html#medl-4-60 a \"quoted\" word\n") != std::string::npos);
  // An item without errata says nothing about them, and JSON has an empty list.
  CHECK(render(header(), sample(), Format::text).find("erratum") == std::string::npos);
  CHECK(render(header(), sample(), Format::json).find(R"("errata":[],)") != std::string::npos);
}
