#include "results.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "openblas_info.hpp"

namespace descent::bench {

namespace {

// The CPU's name, with its family and model numbers: hosts that share a name ("AMD EPYC") can
// be different generations, and a ratio to a latency-bound loop (the plain function of
// bench_autodiff) moves with the generation.
std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line, name = "unknown", family, model;
  auto value = [&] {
    const auto colon = line.find(':');
    const auto start =
        colon == std::string::npos ? colon : line.find_first_not_of(" \t", colon + 1);
    return start == std::string::npos ? std::string() : line.substr(start);
  };
  while (std::getline(in, line) && !line.empty()) {  // the first processor's lines
    if (line.rfind("model name", 0) == 0)
      name = value();
    else if (line.rfind("cpu family", 0) == 0)
      family = value();
    else if (line.rfind("model", 0) == 0)  // "model : 17", "model name" having been tested
      model = value();
  }
  if (!family.empty() && !model.empty()) name += " (family " + family + ", model " + model + ")";
  return name;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

}  // namespace

std::vector<double> load_average() {
  std::ifstream in("/proc/loadavg");
  std::vector<double> load(3);
  if (!(in >> load[0] >> load[1] >> load[2])) return {};
  return load;
}

std::string load_average_text() {
  const auto load = load_average();
  if (load.empty()) return "unknown";
  char text[64];
  std::snprintf(text, sizeof text, "%.2f %.2f %.2f", load[0], load[1], load[2]);
  return text;
}

Results::Results(std::string benchmark, std::string title, int argc, char** argv) {
  std::string command = std::filesystem::path(argv[0]).filename().string();
  for (int i = 1; i < argc; ++i) command += std::string(" ") + argv[i];
  const char* coretype = std::getenv("OPENBLAS_CORETYPE");
  doc_ = {{"schema", "descent-bench/1"},
          {"benchmark", std::move(benchmark)},
          {"title", std::move(title)},
          {"command", command},
          {"date", utc_now()},
          {"machine",
           {{"cpu", cpu_model()},
            {"cores", static_cast<int>(std::thread::hardware_concurrency())},
            {"load_average", {{"start", load_average()}}}}},
          {"openblas",
           {{"core", openblas_core()},
            {"threads", openblas_threads()},
            {"coretype_env", coretype != nullptr ? Json(coretype) : Json()}}},
          {"parameters", Json::object()},
          {"tables", Json::array()},
          {"charts", Json::array()},
          {"notes", Json::array()}};
}

Json& Results::table(const std::string& key, const std::string& title,
                     const std::vector<Column>& columns) {
  Json cols = Json::array();
  for (const auto& c : columns)
    cols.push_back({{"key", c.key}, {"label", c.label}, {"unit", c.unit}});
  doc_["tables"].push_back(
      {{"key", key}, {"title", title}, {"columns", cols}, {"rows", Json::array()}});
  return doc_["tables"].back()["rows"];
}

void Results::chart(const Chart& c) {
  doc_["charts"].push_back({{"title", c.title},
                            {"table", c.table},
                            {"x", c.x},
                            {"x_label", c.x_label},
                            {"log_x", c.log_x},
                            {"y", c.y},
                            {"y_label", c.y_label},
                            {"log_y", c.log_y}});
  if (c.goal) {
    doc_["charts"].back()["goal"] = *c.goal;
    doc_["charts"].back()["goal_label"] = c.goal_label;
  }
}

void Results::note(const std::string& sentence) {
  doc_["notes"].push_back(sentence);
}

bool Results::write(const std::string& path) {
  doc_["machine"]["load_average"]["end"] = load_average();
  const std::string temporary = path + ".partial";
  {
    std::ofstream out(temporary);
    out << doc_.dump(2) << '\n';
    if (!out) {
      std::fprintf(stderr, "cannot write %s\n", temporary.c_str());
      return false;
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::fprintf(stderr, "cannot write %s: %s\n", path.c_str(), error.message().c_str());
    return false;
  }
  return true;
}

bool json_option(int argc, char** argv, int& i, std::string& path) {
  if (std::string(argv[i]) != "--json") return false;
  if (i + 1 >= argc) {
    std::fprintf(stderr, "%s: --json needs a file name\n", argv[0]);
    std::exit(2);
  }
  path = argv[++i];
  return true;
}

}  // namespace descent::bench
