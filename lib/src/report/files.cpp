#include "descent/report/files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>
#include <system_error>

#include "descent/core/error.hpp"
#include "descent/report/cleanup.hpp"

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

// The directory itself if it exists, else its deepest existing ancestor.
fs::path deepest_existing(const fs::path& dir) {
  fs::path p = fs::absolute(dir).lexically_normal();
  std::error_code ec;
  while (!fs::exists(p, ec) && p.has_relative_path()) p = p.parent_path();
  return p;
}

[[noreturn]] void refuse(const fs::path& dir, const std::string& why) {
  std::string shown = dir.string();
  if (shown.size() > 60) shown = shown.substr(0, 57) + "...";
  throw invalid_argument("output directory '" + shown + "' " + why +
                         "; allowed: a writable directory that exists or can be created");
}
}  // namespace

void write_file_atomically(const fs::path& path, const std::string& content) {
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const fs::path tmp = temporary_name(dir, path.filename().string());
  const int ticket = remember_temporary(tmp);
  try {
    write_plain(tmp, content);
    fs::rename(tmp, path);
  } catch (...) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    forget_temporary(ticket);
    throw;
  }
  forget_temporary(ticket);
}

void check_output_directory(const fs::path& dir) {
  const fs::path existing = deepest_existing(dir);
  std::error_code ec;
  if (!fs::is_directory(existing, ec))
    refuse(dir, existing == fs::absolute(dir).lexically_normal() ? "is not a directory"
                                                                 : "lies below a file");
  // Create and remove a probe: access() says yes to root even where nothing can be created.
  const fs::path probe = existing / (".descent-probe-" + std::to_string(::getpid()));
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) refuse(dir, "is not writable");
  ::close(fd);
  ::unlink(probe.c_str());
}

void ensure_writable_directory(const fs::path& dir) {
  check_output_directory(dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) refuse(dir, "cannot be created");
  remove_stale_temporaries(dir);
}

OutputDirectory::OutputDirectory(fs::path dir) : dir_(std::move(dir)) {
  check_output_directory(dir_);
  // Create level by level, remembering which levels are new.
  fs::path level;
  for (const auto& part : fs::absolute(dir_).lexically_normal()) {
    level /= part;
    std::error_code ec;
    if (fs::exists(level, ec)) continue;
    const int ticket = remember_directory(level);
    if (!fs::create_directory(level, ec) || ec) {
      forget_directory(ticket);
      refuse(dir_, "cannot be created");
    }
    created_.emplace_back(level, ticket);
  }
  remove_stale_temporaries(dir_);
}

OutputDirectory::~OutputDirectory() {
  for (auto it = created_.rbegin(); it != created_.rend(); ++it) {
    std::error_code ignored;
    if (fs::is_empty(it->first, ignored)) fs::remove(it->first, ignored);
    forget_directory(it->second);
  }
}

void OutputDirectory::keep() {
  for (const auto& [path, ticket] : created_) forget_directory(ticket);
  created_.clear();
}

FileBatch::FileBatch(fs::path dir) : dir_(std::move(dir)) {}

FileBatch::~FileBatch() {
  std::error_code ignored;
  for (const auto& s : staged_) {
    if (!committed_) fs::remove(s.temporary, ignored);
    forget_temporary(s.ticket);
  }
}

fs::path FileBatch::temporary_for(const std::string& name) const {
  return temporary_name(dir_, name);
}

fs::path FileBatch::stage(const std::string& name, const std::string& content) {
  const fs::path tmp = temporary_for(name);
  staged_.push_back({tmp, dir_ / name, remember_temporary(tmp)});
  write_plain(tmp, content);
  return tmp;
}

void FileBatch::adopt(const fs::path& temporary, const std::string& name) {
  staged_.push_back({temporary, dir_ / name, remember_temporary(temporary)});
}

void FileBatch::commit() {
  for (const auto& s : staged_) fs::rename(s.temporary, s.final_path);
  committed_ = true;
}

}  // namespace descent::report
