#include "descent/report/files.hpp"

#include <unistd.h>

#include <fstream>
#include <stdexcept>
#include <system_error>

#include "descent/core/error.hpp"

namespace descent::report {

namespace fs = std::filesystem;

namespace {
fs::path temporary_name(const fs::path& dir, const std::string& name) {
  return dir / ("." + name + ".tmp-" + std::to_string(::getpid()));
}

void write_plain(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}
}  // namespace

void write_file_atomically(const fs::path& path, const std::string& content) {
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const fs::path tmp = temporary_name(dir, path.filename().string());
  try {
    write_plain(tmp, content);
    fs::rename(tmp, path);
  } catch (...) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw;
  }
}

void ensure_writable_directory(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir))
    throw invalid_argument("cannot create output directory '" + dir.string() +
                           "'; allowed: a directory that exists or can be created");
  if (::access(dir.c_str(), W_OK | X_OK) != 0)
    throw invalid_argument("output directory '" + dir.string() +
                           "' is not writable; allowed: a writable directory");
}

FileBatch::FileBatch(fs::path dir) : dir_(std::move(dir)) {}

FileBatch::~FileBatch() {
  if (committed_) return;
  std::error_code ignored;
  for (const auto& [tmp, final_path] : staged_) fs::remove(tmp, ignored);
}

fs::path FileBatch::temporary_for(const std::string& name) const {
  return temporary_name(dir_, name);
}

fs::path FileBatch::stage(const std::string& name, const std::string& content) {
  const fs::path tmp = temporary_for(name);
  staged_.emplace_back(tmp, dir_ / name);
  write_plain(tmp, content);
  return tmp;
}

void FileBatch::adopt(const fs::path& temporary, const std::string& name) {
  staged_.emplace_back(temporary, dir_ / name);
}

void FileBatch::commit() {
  for (const auto& [tmp, final_path] : staged_) fs::rename(tmp, final_path);
  committed_ = true;
}

}  // namespace descent::report
