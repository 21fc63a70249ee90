#pragma once
/// \file
/// Writing output files so that a failure never leaves a half-written file behind.

#include <filesystem>
#include <string>
#include <vector>

namespace descent::report {

/// Writes `content` to `path` through a temporary file in the same directory and a
/// rename, so readers see either the old file or the complete new one. Throws
/// std::runtime_error naming the path on failure.
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

/// Creates `dir` (and parents) if needed and checks that a file can be created in it.
/// Throws descent::invalid_argument naming the directory when it cannot.
void ensure_writable_directory(const std::filesystem::path& dir);

/// A set of files committed together: each is staged as a temporary file, and only
/// `commit()` renames them all into place. Destroying an uncommitted batch removes the
/// temporaries, so an error halfway leaves no partial output.
class FileBatch {
 public:
  explicit FileBatch(std::filesystem::path dir);
  FileBatch(const FileBatch&) = delete;
  FileBatch& operator=(const FileBatch&) = delete;
  ~FileBatch();

  /// Stages `content` for `dir/name`; returns the temporary path it was written to.
  std::filesystem::path stage(const std::string& name, const std::string& content);
  /// Registers an already written temporary file (e.g. rendered by gnuplot) for `name`.
  void adopt(const std::filesystem::path& temporary, const std::string& name);
  /// A fresh temporary path in the batch's directory for a file to be called `name`.
  [[nodiscard]] std::filesystem::path temporary_for(const std::string& name) const;
  void commit();

 private:
  std::filesystem::path dir_;
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> staged_;
  bool committed_ = false;
};

}  // namespace descent::report
