#pragma once
// ADOL-C (Debian's libadolc-dev, 2.7) as the peer of bench_autodiff: the same extended
// Rosenbrock loop, taped with adouble. Only this header is seen by the benchmark; ADOL-C's own
// headers stay in bench/autodiff_adolc.cpp.

#include <cstddef>
#include <string>
#include <vector>

namespace descent::bench::adolc {

/// Tapes Σ (1 − θ_{2i})² + 100 (θ_{2i+1} − θ_{2i}²)² (0-based pairs) with ADOL-C, written
/// like bench_autodiff's own recording: the sum starts from an active 0 and grows term by term.
class Rosenbrock {
 public:
  /// Records once with generous buffers and reads the tape's statistics, so that every later
  /// recording gets in-core buffers of exactly the sizes it needs (ADOL-C writes a tape that
  /// exceeds its buffers to files, which is not what is compared here).
  explicit Rosenbrock(std::size_t d);

  /// trace_on … trace_off at theta: a fresh tape. With keep = true the Taylor values of the
  /// recording are kept, so that `reverse` can sweep without a forward pass first.
  double record(const std::vector<double>& theta, bool keep);
  /// ADOL-C's gradient() driver on the recorded tape: a forward pass (zos_forward, keeping
  /// Taylor values) then the reverse sweep (fos_reverse).
  void gradient(const std::vector<double>& theta, std::vector<double>& g) const;
  /// The reverse sweep alone (fos_reverse), valid right after record(theta, true).
  void reverse(std::vector<double>& g) const;
  /// One evaluation through the recorded tape (zos_forward, nothing kept).
  double evaluate(const std::vector<double>& theta) const;

  /// "operations 1200005, locations 2600046, values 200000, in core" from tapestats.
  [[nodiscard]] std::string summary() const;
  /// Whether the last recording stayed in memory (no tape file written).
  [[nodiscard]] bool in_core() const;

 private:
  std::size_t d_;
  unsigned op_buffer_ = 0, loc_buffer_ = 0, val_buffer_ = 0, taylor_buffer_ = 0;
};

}  // namespace descent::bench::adolc
