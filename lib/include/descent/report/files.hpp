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

/// Checks, without creating anything, that `dir` is a directory or could be created as one,
/// and that a file can be created in it (or in its deepest existing ancestor: a read-only or
/// pseudo file system fails here). Throws descent::invalid_argument naming the directory.
void check_output_directory(const std::filesystem::path& dir);

/// Creates `dir` (and parents) if needed, checks that a file can be created in it, and
/// removes what interrupted runs left there (remove_stale_temporaries). Throws
/// descent::invalid_argument naming the directory when it cannot.
void ensure_writable_directory(const std::filesystem::path& dir);

/// An output directory for one run: created (with its missing parents) when constructed,
/// and removed again, if still empty, when destroyed without keep() or when the run is
/// interrupted, so that a run that fails leaves no new directory behind.
class OutputDirectory {
 public:
  /// Creates `dir` and its missing parents, remembering each one created for removal.
  explicit OutputDirectory(std::filesystem::path dir);
  OutputDirectory(const OutputDirectory&) = delete;
  OutputDirectory& operator=(const OutputDirectory&) = delete;
  ~OutputDirectory();
  /// The directory, as given.
  [[nodiscard]] const std::filesystem::path& path() const { return dir_; }
  /// The run succeeded: the directory stays.
  void keep();

 private:
  std::filesystem::path dir_;
  std::vector<std::pair<std::filesystem::path, int>> created_;  // with their cleanup tickets
};

/// A set of files committed together: each is staged as a temporary file, and only
/// `commit()` renames them all into place. Destroying an uncommitted batch removes the
/// temporaries, so an error halfway leaves no partial output.
class FileBatch {
 public:
  /// An empty batch of files for `dir`, which must exist.
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
  /// Renames every staged file into place (each rename atomic); after it, destroying the
  /// batch removes nothing. Throws std::filesystem::filesystem_error if a rename fails.
  void commit();

 private:
  std::filesystem::path dir_;
  struct Staged {
    std::filesystem::path temporary, final_path;
    int ticket;  // in the interrupt-cleanup registry
  };
  std::vector<Staged> staged_;
  bool committed_ = false;
};

}  // namespace descent::report
