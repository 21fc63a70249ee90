#include "descent/report/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace descent::report {

Progress::Progress(std::string label, std::size_t total)
    : label_(std::move(label)), total_(total == 0 ? 1 : total), visible_(::isatty(2) == 1) {}

Progress::~Progress() {
  if (visible_ && last_percent_ >= 0) std::fprintf(stderr, "\r\033[K");
}

void Progress::update(std::size_t done) {
  if (!visible_) return;
  const int percent = static_cast<int>(100 * (done > total_ ? total_ : done) / total_);
  if (percent == last_percent_) return;
  last_percent_ = percent;
  constexpr int width = 30;
  const int filled = percent * width / 100;
  std::fprintf(stderr, "\r%s [%s%s] %3d%%", label_.c_str(), std::string(filled, '#').c_str(),
               std::string(width - filled, '.').c_str(), percent);
  std::fflush(stderr);
}

}  // namespace descent::report
