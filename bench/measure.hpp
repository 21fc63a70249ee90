#pragma once
// Timing for the benchmarks (docs/pages/design.md, build budget): wall time and the CPU time of the
// calling thread, sampled repeatedly and summarized by median and minimum. On a shared machine the
// wall time measures the neighbours too (a preempted run is slow for reasons of its own), the
// thread's CPU time much less so; every benchmark reports both.

#include <time.h>

#include <algorithm>
#include <chrono>
#include <vector>

namespace descent::bench {

/// CPU time consumed by the calling thread, in seconds.
inline double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

/// The median of v (the mean of the middle two for an even count); 0 for no values.
inline double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

inline double minimum(const std::vector<double>& v) {
  return v.empty() ? 0 : *std::min_element(v.begin(), v.end());
}

/// Repeated measurements of one thing: wall and thread CPU seconds per call.
struct Samples {
  std::vector<double> wall, cpu;

  /// Calls f once untimed (what the previous step left in the caches is not this step's
  /// cost), then times `calls` consecutive calls as one sample and records the time per call
  /// (several calls make a sample of a microsecond-scale function long enough to time).
  template <class F>
  void time(F&& f, int calls = 1) {
    f();
    const double cpu0 = thread_cpu_seconds();
    const auto wall0 = std::chrono::steady_clock::now();
    for (int c = 0; c < calls; ++c) f();
    const double w =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    const double u = thread_cpu_seconds() - cpu0;
    wall.push_back(w / calls);
    cpu.push_back(u / calls);
  }
  [[nodiscard]] double wall_median() const { return median(wall); }
  [[nodiscard]] double cpu_median() const { return median(cpu); }
  [[nodiscard]] double wall_min() const { return minimum(wall); }
  [[nodiscard]] double cpu_min() const { return minimum(cpu); }
};

}  // namespace descent::bench
