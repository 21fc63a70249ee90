#pragma once
/// \file
/// A progress line for long runs (`label [#####.....] 45%`), drawn on stderr only when
/// stderr is a terminal, so logs and CI output stay clean.

#include <cstddef>
#include <string>

namespace descent::report {

/// One progress line of `total` steps, labelled `label`; erased when destroyed.
class Progress {
 public:
  /// A line for `total` steps (0 counts as 1); nothing is drawn before the first update.
  Progress(std::string label, std::size_t total);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress();

  /// Reports that `done` of `total` steps are complete; redraws at most once a percent.
  void update(std::size_t done);
  /// Whether anything is drawn (stderr is a terminal).
  [[nodiscard]] bool visible() const { return visible_; }

 private:
  std::string label_;
  std::size_t total_;
  int last_percent_ = -1;
  bool visible_;
};

}  // namespace descent::report
