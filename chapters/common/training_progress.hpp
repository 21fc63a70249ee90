#pragma once
/// \file
/// The progress line of a long training run (`training [#####.....] 45%`, report::Progress:
/// drawn on stderr only when it is a terminal), as the observer nn's training loop tells about
/// every epoch: the library computes and never prints, the chapters decide what to show.

#include <cstddef>
#include <optional>

#include "descent/nn/training.hpp"
#include "descent/report/progress.hpp"

namespace descent::chapters::common {

/// One line per run: drawn from the first epoch, cleared when the run ends.
class TrainingProgress final : public nn::TrainObserver {
 public:
  void begin(std::size_t epochs) override { line_.emplace("training", epochs); }
  void epoch(const nn::EpochRecord& record) override {
    if (line_) line_->update(record.epoch);
  }
  void end() override { line_.reset(); }

 private:
  std::optional<report::Progress> line_;
};

}  // namespace descent::chapters::common
