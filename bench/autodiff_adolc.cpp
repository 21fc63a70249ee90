// The ADOL-C side of bench_autodiff (see autodiff_adolc.hpp). ADOL-C 2.7's API as its manual
// gives it: trace_on(tag, keep, buffer sizes), adouble with <<= and >>=, trace_off(), then the
// drivers gradient(), fos_reverse() and zos_forward() on the tape with that tag.
#include "autodiff_adolc.hpp"

#include <adolc/adolc.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace descent::bench::adolc {

namespace {

constexpr short kTag = 17;

double tape_rosenbrock(const std::vector<double>& theta) {
  const std::size_t d = theta.size();
  std::vector<adouble> x(d);
  for (std::size_t i = 0; i < d; ++i) x[i] <<= theta[i];
  adouble sum = 0.0;
  for (std::size_t i = 0; i + 1 < d; i += 2) {
    const adouble a = 1.0 - x[i];
    const adouble b = x[i + 1] - x[i] * x[i];
    sum = sum + (a * a + 100.0 * (b * b));
  }
  double y = 0;
  sum >>= y;
  return y;
}

std::size_t stat(std::size_t which) {
  std::size_t stats[STAT_SIZE];
  tapestats(kTag, stats);
  return stats[which];
}

unsigned with_margin(std::size_t n) {
  return static_cast<unsigned>(n + n / 64 + 1024);
}

}  // namespace

Rosenbrock::Rosenbrock(std::size_t d) : d_(d) {
  const std::vector<double> theta(d, 1.0);
  const auto generous = static_cast<unsigned>(16 * d + 1024);
  trace_on(kTag, 1, generous, generous, generous, generous);
  tape_rosenbrock(theta);
  trace_off();
  op_buffer_ = with_margin(stat(NUM_OPERATIONS));
  loc_buffer_ = with_margin(stat(NUM_LOCATIONS));
  val_buffer_ = with_margin(stat(NUM_VALUES));
  taylor_buffer_ = with_margin(stat(TAY_STACK_SIZE));
  if (!in_core()) throw std::runtime_error("ADOL-C wrote its tape to files");
}

double Rosenbrock::record(const std::vector<double>& theta, bool keep) {
  trace_on(kTag, keep ? 1 : 0, op_buffer_, loc_buffer_, val_buffer_, taylor_buffer_);
  const double y = tape_rosenbrock(theta);
  trace_off();
  return y;
}

void Rosenbrock::gradient(const std::vector<double>& theta, std::vector<double>& g) const {
  g.resize(d_);
  ::gradient(kTag, static_cast<int>(d_), theta.data(), g.data());
}

void Rosenbrock::reverse(std::vector<double>& g) const {
  g.resize(d_);
  double u = 1.0;
  fos_reverse(kTag, 1, static_cast<int>(d_), &u, g.data());
}

double Rosenbrock::evaluate(const std::vector<double>& theta) const {
  double y = 0;
  zos_forward(kTag, 1, static_cast<int>(d_), 0, theta.data(), &y);
  return y;
}

bool Rosenbrock::in_core() const {
  return stat(OP_FILE_ACCESS) == 0 && stat(LOC_FILE_ACCESS) == 0 && stat(VAL_FILE_ACCESS) == 0;
}

std::string Rosenbrock::summary() const {
  return "operations " + std::to_string(stat(NUM_OPERATIONS)) + ", locations " +
         std::to_string(stat(NUM_LOCATIONS)) + ", values " + std::to_string(stat(NUM_VALUES)) +
         (in_core() ? ", in core" : ", written to files");
}

}  // namespace descent::bench::adolc
