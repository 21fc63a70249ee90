#pragma once
/// \file
/// Running a renderer (gnuplot, Graphviz's dot) as a child process: no shell in between (so
/// no text of ours is ever parsed as a command), a time limit, and its error output kept for
/// the message when it fails.

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace descent::report {

/// How a child process ended.
struct ProgramRun {
  int exit_status = 0;     ///< its exit status; 128 + N if signal N ended it
  bool timed_out = false;  ///< it ran past the time limit and was killed
  std::string errors;      ///< the first 4 KB it wrote to stderr
  /// Exit status 0 within the time limit.
  [[nodiscard]] bool ok() const { return exit_status == 0 && !timed_out; }
};

/// Runs `program` with `args` in `working_dir`, its stdout discarded, waiting at most
/// `timeout`. While it runs it is the child an interrupt ends (cleanup.hpp). Throws
/// std::runtime_error if it cannot be started.
ProgramRun run_program(const std::filesystem::path& program, const std::vector<std::string>& args,
                       const std::filesystem::path& working_dir, std::chrono::milliseconds timeout);

/// The time a renderer may take: the environment variable DESCENT_RENDER_TIMEOUT (seconds,
/// 1 to 3600) if set, else 60 s.
[[nodiscard]] std::chrono::milliseconds render_timeout();

}  // namespace descent::report
