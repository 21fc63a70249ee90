#include "descent/app/cli.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>

#include "descent/core/error.hpp"
#include "descent/report/figure.hpp"
#include "descent/report/files.hpp"
#include "descent/report/format.hpp"

namespace descent::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* kCommands = "list, describe, run, all, figures, export";

std::string usage(const std::string& id) {
  return "usage: " + id +
         " list\n"
         "       " +
         id +
         " describe ITEM\n"
         "       " +
         id +
         " run ITEM [--set NAME=VALUE]... [--format text|markdown|csv|json] [--out DIR]\n"
         "       " +
         id +
         " all [--quick] [--format text|markdown|csv|json] [--out DIR]\n"
         "       " +
         id +
         " figures --out DIR\n"
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
};

Options parse_options(const std::vector<std::string>& args, bool allow_set,
                      bool allow_quick = false) {
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
    } else if (a.rfind("--", 0) == 0) {
      throw invalid_argument("unknown option '" + a + "'; allowed: " +
                             (allow_set     ? "--set, --format, --out"
                              : allow_quick ? "--quick, --format, --out"
                                            : "--format, --out"));
    } else {
      o.positional.push_back(a);
    }
  }
  return o;
}

const Item& find_item(const Chapter& chapter, const std::string& id) {
  if (const Item* item = chapter.find(id)) return *item;
  throw invalid_argument("unknown item '" + id + "' in " + chapter.id + "; run '" + chapter.id +
                         " list' to see the " + std::to_string(chapter.items.size()) + " items");
}

std::vector<report::ShownParam> shown_params(const Item& item, const Params& params) {
  std::vector<report::ShownParam> shown;
  for (const auto& p : item.params) {
    const auto values = params.vector(p.name);
    std::string text, json;
    for (std::size_t i = 0; i < values.size(); ++i) {
      text += (i ? "," : "") + short_number(values[i]);
      json += (i ? "," : "") + report::json_number(values[i]);
    }
    if (p.kind == Param::Kind::vector) json = "[" + json + "]";
    shown.push_back({p.name, text, json});
  }
  return shown;
}

report::Header header_for(const Chapter& chapter, const Item& item, const Params& params) {
  return {chapter.id, item.id, item.title, item.source, shown_params(item, params)};
}

void require_no_positional(const Options& o, const std::string& command) {
  if (!o.positional.empty())
    throw invalid_argument("'" + command + "' takes no item, got '" + o.positional.front() + "'");
}

fs::path require_out(const Options& o, const std::string& command) {
  if (!o.out) throw invalid_argument("'" + command + "' needs --out DIR");
  report::ensure_writable_directory(*o.out);
  return *o.out;
}

std::string pad(const std::string& s, std::size_t w) {
  return s + std::string(w > s.size() ? w - s.size() : 0, ' ');
}

int cmd_list(const Chapter& chapter, std::ostream& out) {
  std::size_t w = 0;
  for (const auto& item : chapter.items) w = std::max(w, item.id.size());
  out << chapter.id << ": " << chapter.title << "\n" << chapter.source << "\n\n";
  for (const auto& item : chapter.items)
    out << pad(item.id, w) << "  " << item.title << "  [" << item.source << "]\n";
  return 0;
}

int cmd_describe(const Chapter& chapter, const Item& item, std::ostream& out) {
  out << item.id << " — " << item.title << "\nsource: " << item.source << "\n";
  if (item.params.empty()) {
    out << "parameters: none\n";
    return 0;
  }
  out << "parameters (change with --set NAME=VALUE):\n";
  for (const auto& p : item.params) {
    out << "  " << p.name << " = " << p.default_value << "  (" << to_string(p.provenance)
        << ")\n      " << p.help << "\n";
    std::string allowed;
    switch (p.kind) {
      case Param::Kind::number: allowed = p.allowed.describe(p.name); break;
      case Param::Kind::integer: allowed = "integer, " + p.allowed.describe(p.name); break;
      case Param::Kind::vector:
        allowed = std::to_string(p.min_size) +
                  (p.max_size != p.min_size ? " to " + std::to_string(p.max_size) : "") +
                  " comma-separated numbers, each " + p.allowed.describe("x");
        break;
    }
    out << "      allowed: " << allowed << "\n";
  }
  (void)chapter;
  return 0;
}

int cmd_run(const Chapter& chapter, const Options& o, std::ostream& out) {
  if (o.positional.size() != 1)
    throw invalid_argument(o.positional.empty() ? "'run' needs an item id"
                                                : "'run' takes one item, got " +
                                                      std::to_string(o.positional.size()));
  const Item& item = find_item(chapter, o.positional.front());
  const Params params = resolve_params(item, o.sets);
  if (o.out) report::ensure_writable_directory(*o.out);
  const report::Result result = item.compute(params);
  if (o.out) report::write_figures(result, *o.out);
  out << report::render(header_for(chapter, item, params), result, o.format);
  return 0;
}

int cmd_all(const Chapter& chapter, const Options& o, std::ostream& out, std::ostream& err) {
  require_no_positional(o, "all");
  if (o.out) report::ensure_writable_directory(*o.out);
  for (const auto& item : chapter.items) {
    if (o.quick && item.slow) {
      err << chapter.id << ": --quick skips " << item.id << " (slow at its defaults; " << chapter.id
          << " run " << item.id << " computes it)\n";
      continue;
    }
    const Params params = resolve_params(item, {});
    const report::Result result = item.compute(params);
    if (o.out) report::write_figures(result, *o.out);
    out << report::render(header_for(chapter, item, params), result, o.format);
    if (o.format == report::Format::text || o.format == report::Format::markdown) out << "\n";
  }
  return 0;
}

int cmd_figures(const Chapter& chapter, const Options& o, std::ostream& out) {
  require_no_positional(o, "figures");
  const fs::path dir = require_out(o, "figures");
  for (const auto& item : chapter.items) {
    const report::Result result = compute(item);
    if (result.figures.empty()) continue;
    report::write_figures(result, dir);
    for (const auto& f : result.figures) out << (dir / (f.name + ".svg")).string() << "\n";
  }
  return 0;
}

int cmd_export(const Chapter& chapter, const Options& o, std::ostream& out) {
  require_no_positional(o, "export");
  const fs::path dir = require_out(o, "export");
  for (const auto& item : chapter.items) {
    const report::Result result = compute(item);
    report::write_figures(result, dir);
    report::FileBatch batch(dir);
    batch.stage(item.id + ".md", report::render_body(result, report::Format::markdown));
    batch.stage(item.id + ".txt", report::render_body(result, report::Format::text));
    batch.commit();
  }
  out << "exported " << chapter.items.size() << " items of " << chapter.id << " to " << dir.string()
      << "\n";
  return 0;
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
    if (command == "--help" || command == "-h" || command == "help") {
      out << usage(id);
      return 0;
    }
    if (command == "list") {
      require_no_positional(parse_options(args, false), "list");
      return cmd_list(chapter, out);
    }
    if (command == "describe") {
      const Options o = parse_options(args, false);
      if (o.positional.size() != 1) throw invalid_argument("'describe' needs one item id");
      return cmd_describe(chapter, find_item(chapter, o.positional.front()), out);
    }
    if (command == "run") return cmd_run(chapter, parse_options(args, true), out);
    if (command == "all") return cmd_all(chapter, parse_options(args, false, true), out, err);
    if (command == "figures") return cmd_figures(chapter, parse_options(args, false), out);
    if (command == "export") return cmd_export(chapter, parse_options(args, false), out);
    err << id << ": unknown command '" << command << "'; allowed: " << kCommands << "\n";
    return 2;
  } catch (const descent::invalid_argument& e) {
    err << id << ": " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    err << id << ": error: " << e.what() << "\n";
    return 1;
  }
}

int main_for(const Chapter& chapter, int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  return run_cli(chapter, args, std::cout, std::cerr);
}

}  // namespace descent::app
