#include "descent/app/cli.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string_view>

#include "descent/app/docs_export.hpp"
#include "descent/core/error.hpp"
#include "descent/report/cleanup.hpp"
#include "descent/report/figure.hpp"
#include "descent/report/files.hpp"
#include "descent/report/format.hpp"

namespace descent::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* kCommands = "list, describe, run, all, figures, export";

std::string usage(const std::string& id) {
  return "usage: " + id +
         " list [--format text|json]\n"
         "       " +
         id +
         " describe ITEM [--format text|json]\n"
         "       " +
         id +
         " run ITEM [--set NAME=VALUE]... [--format text|markdown|csv|json] [--out DIR]"
         " [--figure-format svg|png|pdf]\n"
         "       " +
         id +
         " all [--quick] [--format text|markdown|csv|json] [--out DIR] [--figure-format "
         "svg|png|pdf]\n"
         "       " +
         id +
         " figures --out DIR [--figure-format svg|png|pdf]\n"
         "       " +
         id + " export --out DIR\n";
}

// Options after the command word.
struct Options {
  std::vector<std::string> positional;
  std::vector<std::string> sets;
  report::Format format = report::Format::text;
  std::optional<fs::path> out;
  bool quick = false;  ///< `all --quick`: skip the items marked slow
  /// `--figure-format`: what the pictures written with --out are (SVG unless told)
  report::FigureFormat figure_format = report::FigureFormat::svg;
};

Options parse_options(const std::vector<std::string>& args, bool allow_set,
                      bool allow_quick = false, bool allow_figure_format = false) {
  Options o;
  auto value_of = [&](std::size_t& i, const std::string& flag) {
    const std::string& a = args[i];
    if (a.size() > flag.size() && a[flag.size()] == '=') return a.substr(flag.size() + 1);
    if (i + 1 >= args.size()) throw invalid_argument(flag + " needs a value");
    return args[++i];
  };
  auto is = [](const std::string& a, const std::string& flag) {
    return a == flag || a.rfind(flag + "=", 0) == 0;
  };
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (allow_set && is(a, "--set")) {
      o.sets.push_back(value_of(i, "--set"));
    } else if (is(a, "--format")) {
      o.format = report::parse_format(value_of(i, "--format"));
    } else if (is(a, "--out")) {
      const std::string dir = value_of(i, "--out");
      if (dir.empty()) throw invalid_argument("--out needs a directory name");
      o.out = dir;
    } else if (allow_quick && a == "--quick") {
      o.quick = true;
    } else if (allow_figure_format && is(a, "--figure-format")) {
      o.figure_format = report::parse_figure_format(value_of(i, "--figure-format"));
    } else if (a.rfind("--", 0) == 0) {
      throw invalid_argument("unknown option " + quoted_input(a) + "; allowed: " +
                             std::string(allow_set     ? "--set, --format, --out"
                                         : allow_quick ? "--quick, --format, --out"
                                                       : "--format, --out") +
                             (allow_figure_format ? ", --figure-format" : ""));
    } else {
      o.positional.push_back(a);
    }
  }
  return o;
}

const Item& find_item(const Chapter& chapter, const std::string& id) {
  if (const Item* item = chapter.find(id)) return *item;
  if (const auto renamed = chapter.renamed.find(id); renamed != chapter.renamed.end())
    throw invalid_argument("item " + quoted_input(id) + " is now called '" + renamed->second +
                           "'; run '" + chapter.id + " run " + renamed->second + "'");
  throw invalid_argument("unknown item " + quoted_input(id) + " in " + chapter.id + "; run '" +
                         chapter.id + " list' to see the " + std::to_string(chapter.items.size()) +
                         " items");
}

std::vector<report::ShownParam> shown_params(const Item& item, const Params& params) {
  std::vector<report::ShownParam> shown;
  for (const auto& p : item.params) {
    std::string text, json;
    switch (p.kind) {
      case Param::Kind::flag:
        text = params.flag(p.name) ? "yes" : "no";
        json = params.flag(p.name) ? "true" : "false";
        break;
      case Param::Kind::choice:
      case Param::Kind::text:
        text = p.kind == Param::Kind::choice ? params.choice(p.name) : params.text(p.name);
        json = report::json_string(text);
        break;
      case Param::Kind::number:
      case Param::Kind::integer:
      case Param::Kind::vector: {
        const auto values = params.vector(p.name);
        for (std::size_t i = 0; i < values.size(); ++i) {
          text += (i ? "," : "") + short_number(values[i]);
          json += (i ? "," : "") + report::json_number(values[i]);
        }
        if (p.kind == Param::Kind::vector) json = "[" + json + "]";
        break;
      }
    }
    shown.push_back({p.name, text, json});
  }
  return shown;
}

report::Header header_for(const Chapter& chapter, const Item& item, const Params& params) {
  return {chapter.id, item.id, item.title, item.source, shown_params(item, params), item.errata};
}

void require_no_positional(const Options& o, const std::string& command) {
  if (!o.positional.empty())
    throw invalid_argument("'" + command + "' takes no item, got " +
                           quoted_input(o.positional.front()));
}

fs::path require_out(const Options& o, const std::string& command) {
  if (!o.out) throw invalid_argument("'" + command + "' needs --out DIR");
  report::ensure_writable_directory(*o.out);
  return *o.out;
}

std::string pad(const std::string& s, std::size_t w) {
  return s + std::string(w > s.size() ? w - s.size() : 0, ' ');
}

const char* kind_name(Param::Kind kind) {
  switch (kind) {
    case Param::Kind::number: return "number";
    case Param::Kind::integer: return "integer";
    case Param::Kind::vector: return "vector";
    case Param::Kind::flag: return "flag";
    case Param::Kind::choice: return "choice";
    case Param::Kind::text: return "text";
  }
  return "unknown";
}

// An item and its parameters as one JSON object: what tools (the fuzz test, the docs index)
// read instead of parsing the text of `describe`.
std::string item_json(const Item& item) {
  using report::json_number, report::json_string;
  std::string j = "{\"id\":" + json_string(item.id) + ",\"title\":" + json_string(item.title) +
                  ",\"source\":" + json_string(item.source) +
                  ",\"slow\":" + (item.slow ? "true" : "false") + ",\"quick\":[";
  for (std::size_t i = 0; i < item.quick_sets.size(); ++i)
    j += (i ? "," : "") + json_string(item.quick_sets[i]);
  j += "],\"errata\":[";
  for (std::size_t i = 0; i < item.errata.size(); ++i)
    j += (i ? "," : "") + report::erratum_json(item.errata[i]);
  j += "],\"params\":[";
  for (std::size_t i = 0; i < item.params.size(); ++i) {
    const Param& p = item.params[i];
    j += std::string(i ? "," : "") + "{\"name\":" + json_string(p.name) +
         ",\"kind\":" + json_string(kind_name(p.kind)) +
         ",\"default\":" + json_string(p.default_value) +
         ",\"provenance\":" + json_string(to_string(p.provenance)) +
         ",\"help\":" + json_string(p.help) + ",\"allowed\":" + json_string(p.expected());
    const bool numeric = p.kind == Param::Kind::number || p.kind == Param::Kind::integer ||
                         p.kind == Param::Kind::vector;
    if (numeric) {
      // JSON has no infinity: an unbounded end is null.
      j += ",\"lo\":" + json_number(p.allowed.lo) + ",\"hi\":" + json_number(p.allowed.hi) +
           ",\"lo_open\":" + (p.allowed.lo_open ? "true" : "false") +
           ",\"hi_open\":" + (p.allowed.hi_open ? "true" : "false") +
           ",\"min_size\":" + std::to_string(p.min_size) +
           ",\"max_size\":" + std::to_string(p.max_size);
    }
    if (p.kind == Param::Kind::choice) {
      j += ",\"choices\":[";
      for (std::size_t k = 0; k < p.choices.size(); ++k)
        j += (k ? "," : "") + json_string(p.choices[k]);
      j += "]";
    }
    j += "}";
  }
  return j + "]}";
}

int cmd_list(const Chapter& chapter, const Options& o, std::ostream& out) {
  if (o.format == report::Format::json) {
    out << "{\"chapter\":" << report::json_string(chapter.id)
        << ",\"title\":" << report::json_string(chapter.title)
        << ",\"source\":" << report::json_string(chapter.source) << ",\"items\":[";
    for (std::size_t i = 0; i < chapter.items.size(); ++i)
      out << (i ? "," : "") << item_json(chapter.items[i]);
    out << "]}\n";
    return 0;
  }
  std::size_t w = 0;
  for (const auto& item : chapter.items) w = std::max(w, item.id.size());
  out << chapter.id << ": " << chapter.title << "\n" << chapter.source << "\n\n";
  for (const auto& item : chapter.items)
    out << pad(item.id, w) << "  " << item.title << "  [" << item.source << "]\n";
  return 0;
}

int cmd_describe(const Item& item, const Options& o, std::ostream& out) {
  if (o.format == report::Format::json) {
    out << item_json(item) << "\n";
    return 0;
  }
  out << item.id << " — " << item.title << "\nsource: " << item.source << "\n";
  for (const auto& e : item.errata)
    out << "erratum: " << e.summary << " — see " << report::erratum_link(e) << "\n";
  if (item.params.empty()) {
    out << "parameters: none\n";
    return 0;
  }
  out << "parameters (change with --set NAME=VALUE):\n";
  for (const auto& p : item.params) {
    out << "  " << p.name << " = " << p.default_value << "  (" << to_string(p.provenance)
        << ")\n      " << p.help << "\n";
    out << "      allowed: " << p.expected() << "\n";
  }
  return 0;
}

// Writes the figures of `result` into `dir` in `format`, saying on `err` which pictures could
// not be drawn.
void write_figures_to(const report::Result& result, const fs::path& dir, const Chapter& chapter,
                      std::ostream& err, report::FigureFormat format) {
  const auto written = report::write_figures(result, dir, format);
  if (written.missing_renderer.empty()) return;
  std::string kind = report::figure_extension(format);
  std::transform(kind.begin(), kind.end(), kind.begin(),
                 [](char c) { return char(c - 'a' + 'A'); });
  err << chapter.id << ": no " << kind << " for " << written.unrendered.front()
      << (written.unrendered.size() > 1
              ? " and " + std::to_string(written.unrendered.size() - 1) + " more"
              : std::string())
      << ": " << written.missing_renderer << " not found; the data and script are written\n";
}

int cmd_run(const Chapter& chapter, const Options& o, std::ostream& out, std::ostream& err) {
  if (o.positional.size() != 1)
    throw invalid_argument(o.positional.empty() ? "'run' needs an item id"
                                                : "'run' takes one item, got " +
                                                      std::to_string(o.positional.size()));
  const Item& item = find_item(chapter, o.positional.front());
  const Params params = resolve_params(item, o.sets);
  if (o.out) report::check_output_directory(*o.out);
  const report::Result result = evaluate(item, params);
  if (o.out && !result.figures.empty()) {
    report::OutputDirectory dir(*o.out);  // created only now: a failed item creates nothing
    write_figures_to(result, dir.path(), chapter, err, o.figure_format);
    dir.keep();
  }
  out << report::render(header_for(chapter, item, params), result, o.format);
  return 0;
}

int cmd_all(const Chapter& chapter, const Options& o, std::ostream& out, std::ostream& err) {
  require_no_positional(o, "all");
  if (o.out) report::check_output_directory(*o.out);
  std::optional<report::OutputDirectory> dir;
  for (const auto& item : chapter.items) {
    if (o.quick && item.slow) {
      err << chapter.id << ": --quick skips " << item.id << " (slow at its defaults; " << chapter.id
          << " run " << item.id << " computes it)\n";
      continue;
    }
    const Params params = resolve_params(item, {});
    const report::Result result = evaluate(item, params);
    if (o.out && !result.figures.empty()) {
      if (!dir) dir.emplace(*o.out);
      write_figures_to(result, dir->path(), chapter, err, o.figure_format);
    }
    out << report::render(header_for(chapter, item, params), result, o.format);
    if (o.format == report::Format::text || o.format == report::Format::markdown) out << "\n";
  }
  if (dir) dir->keep();
  return 0;
}

int cmd_figures(const Chapter& chapter, const Options& o, std::ostream& out, std::ostream& err) {
  require_no_positional(o, "figures");
  const fs::path dir = require_out(o, "figures");
  for (const auto& item : chapter.items) {
    const report::Result result = compute(item);
    if (result.figures.empty()) continue;
    write_figures_to(result, dir, chapter, err, o.figure_format);
    for (const auto& f : result.figures)
      out << (dir / (f.name + "." + report::figure_extension(o.figure_format))).string() << "\n";
  }
  return 0;
}

// Text for a Doxygen Markdown page: the characters that start a command or markup (\\ @ & $ #
// < > % * _ `) escaped, so a caption such as "alpha* of theta_d" reads as written.
std::string doxygen_text(const std::string& s) {
  std::string r;
  for (const char c : s) {
    if (std::string_view("\\@&$#<>%*_`").find(c) != std::string_view::npos) r += '\\';
    r += c;
  }
  return r;
}

int cmd_export(const Chapter& chapter, const Options& o, std::ostream& out, std::ostream& err) {
  require_no_positional(o, "export");
  const fs::path dir = require_out(o, "export");
  // gallery.md: every figure of the chapter as a thumbnail with its caption and item, in the
  // chapter's order, for the docs' gallery page (docs/pages/gallery.md includes it)
  std::string gallery;
  for (const auto& item : chapter.items) {
    const report::Result result = compute(item);
    write_figures_to(result, dir, chapter, err, report::FigureFormat::svg);  // the docs embed SVG
    report::FileBatch batch(dir);
    // For the section pages: the tables, each figure's note, the command to try.
    batch.stage(item.id + ".md", docs_errata(item) + docs_tables(result));
    for (const auto& f : result.figures) batch.stage(f.name + ".note.md", docs_figure_note(f));
    batch.stage(item.id + ".try.md", docs_try_it(chapter.id, item));
    batch.stage(item.id + ".txt", report::render_body(result, report::Format::text));
    batch.commit();
    for (const auto& f : result.figures)
      gallery += "- **" + doxygen_text(f.caption) + "** (" + doxygen_text(item.source) + "; `" +
                 chapter.id + " run " + item.id + "`, on the page \\ref " + chapter.id +
                 ")\n\n  \\image html " + f.name + ".svg \"" + f.name + "\" width=360px\n\n";
  }
  report::FileBatch batch(dir);
  batch.stage("gallery.md", gallery.empty() ? "No figures.\n" : gallery);
  batch.commit();
  out << "exported " << chapter.items.size() << " items of " << chapter.id << " to " << dir.string()
      << "\n";
  return 0;
}

// An error as one line of at most 200 characters: any line break escaped, the end cut.
std::string one_line(const std::string& message) {
  std::string line;
  for (const char c : message) {
    if (c == '\n')
      line += "\\n";
    else if (static_cast<unsigned char>(c) < 0x20)
      line += ' ';
    else
      line += c;
  }
  if (line.size() > 200) line = line.substr(0, 197) + "...";
  return line;
}

// Commands that print: run them, then make sure what they printed reached stdout.
int finish_output(int status, std::ostream& out, const std::string& id, std::ostream& err) {
  out.flush();
  if (out.fail()) {
    err << one_line(id + ": error: cannot write to standard output") << "\n";
    return 1;
  }
  return status;
}

}  // namespace

int run_cli(const Chapter& chapter, const std::vector<std::string>& args, std::ostream& out,
            std::ostream& err) {
  const std::string& id = chapter.id;
  try {
    if (args.empty()) {
      err << id << ": missing command; allowed: " << kCommands << " (try '" << id << " --help')\n";
      return 2;
    }
    const std::string& command = args.front();
    int status = 0;
    if (command == "--help" || command == "-h" || command == "help") {
      out << usage(id);
    } else if (command == "list") {
      const Options o = parse_options(args, false);
      require_no_positional(o, "list");
      status = cmd_list(chapter, o, out);
    } else if (command == "describe") {
      const Options o = parse_options(args, false);
      if (o.positional.size() != 1) throw invalid_argument("'describe' needs one item id");
      status = cmd_describe(find_item(chapter, o.positional.front()), o, out);
    } else if (command == "run") {
      status = cmd_run(chapter, parse_options(args, true, false, true), out, err);
    } else if (command == "all") {
      status = cmd_all(chapter, parse_options(args, false, true, true), out, err);
    } else if (command == "figures") {
      status = cmd_figures(chapter, parse_options(args, false, false, true), out, err);
    } else if (command == "export") {
      status = cmd_export(chapter, parse_options(args, false), out, err);
    } else {
      err << one_line(id + ": unknown command " + quoted_input(command) + "; allowed: " + kCommands)
          << "\n";
      return 2;
    }
    return finish_output(status, out, id, err);
  } catch (const descent::invalid_argument& e) {
    err << one_line(id + ": " + e.what()) << "\n";
    return 2;
  } catch (const std::exception& e) {
    err << one_line(id + ": error: " + e.what()) << "\n";
    return 1;
  }
}

int main_for(const Chapter& chapter, int argc, char** argv) {
  report::install_interrupt_cleanup();
  const std::vector<std::string> args(argv + 1, argv + argc);
  return run_cli(chapter, args, std::cout, std::cerr);
}

}  // namespace descent::app
