// bench_autodiff: a reverse-mode gradient on a large tape, descent's Tape against ADOL-C, side
// by side in one run (issues 3 and 17, docs/pages/design.md, build budget). The function is the
// extended Rosenbrock function Σ (1 − θ_{2i})² + 100 (θ_{2i+1} − θ_{2i}²)² with d variables,
// written once per side with the side's active type: 10 nodes per pair (2 inputs, 8 operations) and
// 14 edges, so d = 200 000 records 10⁶ nodes and 1.4·10⁶ edges.
//
// Timed, for each d (every step in every round, the steps interleaved and the first one
// rotating from round to round so that a burst of load hits all alike):
//   plain           the objective in plain doubles (problems::ExtendedRosenbrock::value)
//   hand            the hand-written gradient (problems::ExtendedRosenbrock::gradient)
//   tape gradient   a fresh taped gradient: record the tape, then one backward sweep
//   tape record     recording alone;  tape sweep: the backward sweep alone
//   hand record     the same columns and bytes written by a loop that knows the function
//                   (HandRecorder): the best a tape of this layout could record in
//   tape eval       one evaluation through the recorded tape (Tape::replay: primals and local
//                   partials recomputed from the inputs, no recording)
//   adolc gradient  ADOL-C's fresh gradient as its manual does it: trace_on, adouble,
//                   trace_off, then gradient() (a forward pass over the tape, then reverse)
//   adolc keep      ADOL-C's fastest fresh gradient: trace_on with keep = 1 (the recording
//                   keeps the values a reverse sweep needs), then fos_reverse() alone
//   adolc record    trace_on … trace_off alone;  adolc eval: zos_forward() through the tape
//   floor           the memory traffic of a taped gradient without any arithmetic: store as
//                   many bytes as the tape records, then load as many as the sweep reads
// A sample of a step is one untimed call (so that the caches hold what the step itself left,
// not what the previous step did), then enough timed calls to last about 2 ms; a step's time
// is the median over the rounds of its thread CPU time per call (the wall time is printed too).
// Ratios are reported, never asserted (timings on a shared machine are noisy). The exit status is 1
// only if a gradient disagrees with the hand-written one.
//
// Usage: bench_autodiff [--quick] [--dims D1,D2,...] [--repeats K] [--json FILE]
//   --quick    d = 20000, 3 rounds (the ctest smoke test)
//   --dims     even dimensions, default 2000,20000,200000,1000000
//   --repeats  rounds (default 21 for d <= 20000, 11 for d <= 200000, 5 above)
//   --json     also write the results to FILE (bench/results.hpp; bench/make_page.py)
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

#include "descent/autodiff/tape.hpp"
#include "descent/core/kernels.hpp"
#include "descent/core/tensor.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "measure.hpp"
#include "openblas_info.hpp"
#include "results.hpp"
#ifdef DESCENT_BENCH_ADOLC
#include "autodiff_adolc.hpp"
#endif

namespace {

namespace ad = descent::autodiff;
using descent::bench::Samples;

// The function on our tape, as a user writes it: inputs, then the loop. `Inputs` is how the
// inputs are made and held: ad::InputVector from Tape::input_vector (the library's way), or
// a std::vector<ad::Var> filled by Tape::input one by one.
template <class Inputs>
ad::Var record(ad::Tape& tape, const std::vector<double>& theta) {
  tape.clear();
  Inputs x;
  if constexpr (std::is_same_v<Inputs, ad::InputVector>) {
    x = tape.input_vector(theta);
  } else {
    x.reserve(theta.size());
    for (double t : theta) x.push_back(tape.input(t));
  }
  ad::Var sum = tape.constant(0.0);
  for (std::size_t i = 0; i + 1 < theta.size(); i += 2) {
    const ad::Var a = 1.0 - x[i];
    const ad::Var b = x[i + 1] - x[i] * x[i];
    sum = sum + (a * a + 100.0 * (b * b));
  }
  return sum;
}
const auto record_tape = record<ad::InputVector>;
const auto record_tape_vars = record<std::vector<ad::Var>>;

// Stores `store_bytes` into `buffer` and loads `load_bytes` back: the traffic of recording and
// sweeping, in loops the memory bounds rather than the arithmetic: 16-byte stores, and 16-byte
// loads into eight independent sums (four scalar sums, as this loop had before, wait on the
// latency of their additions: a tenth to a fifth slower at d = 2·10⁵ on the AMD machine).
double stream(std::vector<double>& buffer, std::size_t store_bytes, std::size_t load_bytes) {
  using descent::kernels::load_pair;
  using descent::kernels::Pair;
  const std::size_t stores = store_bytes / sizeof(double), loads = load_bytes / sizeof(double);
  if (buffer.size() < std::max(stores, loads)) buffer.resize(std::max(stores, loads));
  double* p = buffer.data();
  std::fill_n(p, stores, 1.0);
  Pair s0 = {0, 0}, s1 = s0, s2 = s0, s3 = s0;
  for (std::size_t i = 0; i + 8 <= loads; i += 8) {
    s0 += load_pair(p + i), s1 += load_pair(p + i + 2);
    s2 += load_pair(p + i + 4), s3 += load_pair(p + i + 6);
  }
  const Pair s = (s0 + s1) + (s2 + s3);
  return s[0] + s[1];
}

// The recording floor of our tape's layout: the same columns (op, primal; parent, partial; the
// constants; where the edges and constants of every 64th node start) and the same bytes as
// `record` writes, by a loop that knows the function, with no Var and the write positions in
// local variables. What an operator-overloading tape could at best compile `record` to,
// keeping this layout.
class HandRecorder {
 public:
  explicit HandRecorder(std::size_t d)
      : op_(5 * d + 1),
        value_(5 * d + 1),
        constant_(d + 1),
        block_((5 * d + 1) / 64 + 1),
        parent_(7 * d),
        partial_(7 * d) {
    x_.reserve(d);
  }
  // Records Σ (1 − θ_{2i})² + 100 (θ_{2i+1} − θ_{2i}²)² node by node, as `record` does.
  double record(const std::vector<double>& theta) {
    std::uint8_t* op = op_.data();
    std::uint32_t* parent = parent_.data();
    double *value = value_.data(), *partial = partial_.data(), *constant = constant_.data();
    Block* block = block_.data();
    std::uint32_t n = 0, e = 0, c = 0;
    block[0] = {0, 0};
    x_.clear();
    auto close = [&](ad::Op o, double v) {
      value[n] = v, op[n] = static_cast<std::uint8_t>(o);
      if ((n + 1) % 64 == 0) block[(n + 1) / 64] = {e, c};
      return n++;
    };
    auto unary = [&](ad::Op o, std::uint32_t a, double da, double v) {
      parent[e] = a, partial[e] = da, e += 1;
      return close(o, v);
    };
    auto binary = [&](ad::Op o, std::uint32_t a, double da, std::uint32_t b, double db, double v) {
      // one store per pair, as the tape writes them
      *reinterpret_cast<ad::detail::ParentPair*>(parent + e) = ad::detail::ParentPair{a, b};
      *reinterpret_cast<ad::detail::PartialPair*>(partial + e) = ad::detail::PartialPair{da, db};
      e += 2;
      return close(o, v);
    };
    for (double t : theta) x_.push_back(close(ad::Op::input, t));
    constant[c++] = 0.0;
    std::uint32_t sum = close(ad::Op::constant, 0.0);
    for (std::size_t i = 0; i + 1 < theta.size(); i += 2) {
      const double x0 = value[x_[i]], x1 = value[x_[i + 1]];
      constant[c++] = 1.0;
      const std::uint32_t a = unary(ad::Op::sub_const, x_[i], -1, 1 - x0);
      const std::uint32_t xx = binary(ad::Op::mul, x_[i], x0, x_[i], x0, x0 * x0);
      const std::uint32_t b = binary(ad::Op::sub, x_[i + 1], 1, xx, -1, x1 - value[xx]);
      const std::uint32_t aa = binary(ad::Op::mul, a, value[a], a, value[a], value[a] * value[a]);
      const std::uint32_t bb = binary(ad::Op::mul, b, value[b], b, value[b], value[b] * value[b]);
      constant[c++] = 100.0;
      const std::uint32_t hb = unary(ad::Op::mul_const, bb, 100, 100 * value[bb]);
      const std::uint32_t t = binary(ad::Op::add, aa, 1, hb, 1, value[aa] + value[hb]);
      sum = binary(ad::Op::add, sum, 1, t, 1, value[sum] + value[t]);
    }
    return value[sum];
  }

 private:
  struct Block {
    std::uint32_t first_edge, first_constant;
  };
  std::vector<std::uint8_t> op_;
  std::vector<double> value_, constant_;
  std::vector<Block> block_;
  std::vector<std::uint32_t> parent_;
  std::vector<double> partial_;
  std::vector<std::uint32_t> x_;
};

std::vector<std::size_t> parse_dims(const char* text) {
  std::vector<std::size_t> dims;
  for (const char* p = text; *p;) {
    char* end = nullptr;
    const long v = std::strtol(p, &end, 10);
    if (end == p || v < 2 || v % 2 || (*end != ',' && *end != '\0')) {
      std::fprintf(stderr,
                   "bench_autodiff: --dims %s: allowed: even integers >= 2, comma-separated\n",
                   text);
      std::exit(2);
    }
    dims.push_back(static_cast<std::size_t>(v));
    p = *end == ',' ? end + 1 : end;
  }
  return dims;
}

struct Step {
  Step(const char* k, std::function<void()> f) : key(k), run(std::move(f)) {}
  const char* key;
  std::function<void()> run;
  Samples samples;
  int calls = 1;
};

double max_abs_diff(const std::vector<double>& a, const descent::vector& b) {
  double r = 0;
  for (std::size_t i = 0; i < a.size(); ++i) r = std::max(r, std::fabs(a[i] - b(i)));
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> dims{2000, 20000, 200000, 1000000};
  int repeats = 0;
  std::string json;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--quick") {
      dims = {20000};
      repeats = 3;
    } else if (a == "--dims" && i + 1 < argc) {
      dims = parse_dims(argv[++i]);
    } else if (a == "--repeats" && i + 1 < argc) {
      repeats = std::atoi(argv[++i]);
      if (repeats < 1) {
        std::fprintf(stderr, "bench_autodiff: --repeats %s: allowed: an integer >= 1\n", argv[i]);
        return 2;
      }
    } else if (!descent::bench::json_option(argc, argv, i, json)) {
      std::fprintf(stderr,
                   "bench_autodiff: unknown argument %s; allowed: --quick, --dims D1,D2,..., "
                   "--repeats K, --json FILE\n",
                   a.c_str());
      return a == "--help" ? 0 : 2;
    }
  }

  descent::bench::Results results("autodiff",
                                  "Reverse-mode gradient of extended Rosenbrock: descent's tape, "
                                  "ADOL-C, the plain function",
                                  argc, argv);
  std::printf(
      "bench_autodiff: reverse-mode gradient of extended Rosenbrock, descent::autodiff "
      "against ADOL-C\n");
  std::printf("%s (not used here), load average %s\n", descent::bench::openblas_summary().c_str(),
              descent::bench::load_average_text().c_str());
#ifdef DESCENT_BENCH_ADOLC
  const bool with_adolc = true;
#else
  const bool with_adolc = false;
  std::printf("ADOL-C not found at configure time (libadolc-dev): our side only\n");
#endif
  std::printf(
      "times per call in ms: median (min) of the thread's CPU time over the rounds, "
      "then the median wall time\n");

  auto& times = results.table("times", "Median times per call (thread CPU time)",
                              {{"d", "d", ""},
                               {"step", "step", ""},
                               {"cpu_median", "CPU median", "ms"},
                               {"cpu_min", "CPU min", "ms"},
                               {"wall_median", "wall median", "ms"},
                               {"calls", "calls per sample", ""}});
  auto& ratios = results.table("ratios", "Ratios of median CPU times",
                               {{"d", "d", ""},
                                {"nodes", "tape nodes", ""},
                                {"tape_mb", "tape MB", ""},
                                {"tape_plain", "tape gradient / plain", ""},
                                {"vars_plain", "vector of Vars / plain", ""},
                                {"adolc_plain", "ADOL-C gradient / plain", ""},
                                {"tape_adolc", "tape / ADOL-C", ""},
                                {"floor_plain", "memory floor / plain", ""},
                                {"hand_plain", "(hand record + sweep) / plain", ""},
                                {"eval_plain", "tape eval / plain", ""},
                                {"adolc_eval_plain", "ADOL-C eval / plain", ""},
                                {"sweep_eval", "(eval + sweep) / eval", ""}});
  results.parameters()["function"] = "extended Rosenbrock, 10 nodes and 14 edges per pair";
  results.parameters()["dims"] = dims;
  results.parameters()["adolc"] = with_adolc;

  bool ok = true;
  for (const std::size_t d : dims) {
    const int rounds = repeats ? repeats : (d <= 20000 ? 21 : d <= 200000 ? 11 : 5);
    std::vector<double> theta(d);
    for (std::size_t i = 0; i < d; ++i) theta[i] = i % 2 == 0 ? -1.2 + 1e-6 * double(i) : 1.0;
    descent::vector theta_xt = descent::vector::from_shape({d});
    std::copy(theta.begin(), theta.end(), theta_xt.begin());
    const descent::problems::ExtendedRosenbrock rosen(d);

    ad::Tape tape;
    ad::Var out = record_tape(tape, theta);  // sizes the tape's storage: later recordings reuse it
    ad::Tape tape_vars;
    ad::Var out_vars = record_tape_vars(tape_vars, theta);
    std::vector<double> adjoint_vars;
    std::vector<double> adjoint, stream_buffer;
    descent::vector g = descent::vector::from_shape({d});
    volatile double sink = 0;
    const std::size_t store_bytes = tape.memory_bytes();
    // the sweep reads operations, parents and partials, and writes then updates the adjoints
    const std::size_t load_bytes =
        tape.size() * (sizeof(ad::Op) + 2 * sizeof(double)) + tape.edge_count() * 12;

    std::vector<Step> steps;
    steps.emplace_back("plain", [&] { sink = rosen.value(theta_xt); });
    steps.emplace_back("hand", [&] { rosen.gradient(theta_xt, g); });
    steps.emplace_back("tape gradient", [&] {
      out = record_tape(tape, theta);
      tape.backward({out.index}, {1.0}, adjoint);
    });
    steps.emplace_back("tape record", [&] { out = record_tape(tape, theta); });
    steps.emplace_back("vars gradient", [&] {
      out_vars = record_tape_vars(tape_vars, theta);
      tape_vars.backward({out_vars.index}, {1.0}, adjoint_vars);
    });
    steps.emplace_back("vars record", [&] { out_vars = record_tape_vars(tape_vars, theta); });
    steps.emplace_back("tape sweep", [&] { tape.backward({out.index}, {1.0}, adjoint); });
    steps.emplace_back("tape eval", [&] { tape.replay(theta); });
    HandRecorder hand_recorder(d);
    steps.emplace_back("hand record", [&] { sink = hand_recorder.record(theta); });
    steps.emplace_back("floor", [&] { sink = stream(stream_buffer, store_bytes, load_bytes); });
#ifdef DESCENT_BENCH_ADOLC
    descent::bench::adolc::Rosenbrock adolc(d);
    std::vector<double> g_adolc, g_keep;
    steps.emplace_back("adolc gradient", [&] {
      adolc.record(theta, false);
      adolc.gradient(theta, g_adolc);
    });
    steps.emplace_back("adolc keep", [&] {
      adolc.record(theta, true);
      adolc.reverse(g_keep);
    });
    steps.emplace_back("adolc record", [&] { adolc.record(theta, false); });
    steps.emplace_back("adolc eval", [&] { sink = adolc.evaluate(theta); });
#endif
    // calls per sample: enough for about 2 ms, so that microsecond steps can be timed
    for (auto& s : steps) {
      Samples probe;
      probe.time(s.run);
      s.calls = static_cast<int>(std::clamp(std::ceil(2e-3 / probe.cpu.front()), 1.0, 10000.0));
    }
    for (int r = 0; r < rounds; ++r)
      for (std::size_t j = 0; j < steps.size(); ++j) {
        Step& s = steps[(j + static_cast<std::size_t>(r)) % steps.size()];
        s.samples.time(s.run, s.calls);
      }
    (void)sink;

    auto cpu = [&](const char* key) {
      for (const auto& s : steps)
        if (std::strcmp(s.key, key) == 0) return s.samples.cpu_median();
      return 0.0;
    };

    // correctness: every gradient against the hand-written one
    out = record_tape(tape, theta);
    tape.backward({out.index}, {1.0}, adjoint);
    out_vars = record_tape_vars(tape_vars, theta);
    tape_vars.backward({out_vars.index}, {1.0}, adjoint_vars);
    rosen.gradient(theta_xt, g);
    std::vector<double> g_tape, g_vars;
    for (auto i : tape.inputs()) g_tape.push_back(adjoint[i]);
    for (auto i : tape_vars.inputs()) g_vars.push_back(adjoint_vars[i]);
    double scale = 0;
    for (std::size_t i = 0; i < d; ++i) scale = std::max(scale, std::fabs(g(i)));
    const double tolerance = 1e-12 * std::max(1.0, scale);
    double diff = std::max(max_abs_diff(g_tape, g), max_abs_diff(g_vars, g));
    std::printf(
        "\nd = %zu: tape of %zu nodes and %zu edges (%.1f MB), %d rounds, load average "
        "%s\n",
        d, tape.size(), tape.edge_count(), 1e-6 * double(store_bytes), rounds,
        descent::bench::load_average_text().c_str());
    std::printf("  max |gradient - hand-written|: tape %.2g", diff);
#ifdef DESCENT_BENCH_ADOLC
    adolc.record(theta, false);
    adolc.gradient(theta, g_adolc);
    adolc.record(theta, true);
    adolc.reverse(g_keep);
    const double diff_adolc = std::max(max_abs_diff(g_adolc, g), max_abs_diff(g_keep, g));
    std::printf(", ADOL-C %.2g (ADOL-C tape: %s)", diff_adolc, adolc.summary().c_str());
    diff = std::max(diff, diff_adolc);
#endif
    std::printf(" (scale %.3g)\n", scale);
    if (!(diff <= tolerance)) {
      std::printf("  MISMATCH\n");
      ok = false;
    }

    std::printf("  %-15s %12s %12s %12s %7s\n", "step", "cpu median", "cpu min", "wall median",
                "calls");
    for (const auto& s : steps) {
      std::printf("  %-15s %12.4f %12.4f %12.4f %7d\n", s.key, 1e3 * s.samples.cpu_median(),
                  1e3 * s.samples.cpu_min(), 1e3 * s.samples.wall_median(), s.calls);
      times.push_back({{"d", d},
                       {"step", s.key},
                       {"cpu_median", 1e3 * s.samples.cpu_median()},
                       {"cpu_min", 1e3 * s.samples.cpu_min()},
                       {"wall_median", 1e3 * s.samples.wall_median()},
                       {"calls", s.calls}});
    }
    const double plain = cpu("plain");
    descent::bench::Json row{
        {"d", d},
        {"nodes", tape.size()},
        {"tape_mb", 1e-6 * double(store_bytes)},
        {"tape_plain", cpu("tape gradient") / plain},
        {"vars_plain", cpu("vars gradient") / plain},
        {"floor_plain", cpu("floor") / plain},
        {"hand_plain", (cpu("hand record") + cpu("tape sweep")) / plain},
        {"eval_plain", cpu("tape eval") / plain},
        {"sweep_eval", (cpu("tape eval") + cpu("tape sweep")) / cpu("tape eval")}};
    std::printf("  tape gradient / plain         = %8.1f   (goal <= 50)\n",
                cpu("tape gradient") / plain);
    std::printf("  with std::vector<Var> / plain = %8.1f   (inputs made one by one)\n",
                cpu("vars gradient") / plain);
    std::printf(
        "  memory floor / plain          = %8.1f   (store the tape's bytes, load the "
        "sweep's)\n",
        cpu("floor") / plain);
    std::printf("  (hand record + sweep) / plain = %8.1f   (this layout recorded at its best)\n",
                (cpu("hand record") + cpu("tape sweep")) / plain);
    std::printf("  tape eval / plain             = %8.1f\n", cpu("tape eval") / plain);
    std::printf("  (tape eval + sweep) / eval    = %8.2f\n",
                (cpu("tape eval") + cpu("tape sweep")) / cpu("tape eval"));
    if (with_adolc) {
      const double adolc_best = std::min(cpu("adolc gradient"), cpu("adolc keep"));
      row["adolc_plain"] = adolc_best / plain;
      row["tape_adolc"] = cpu("tape gradient") / adolc_best;
      row["adolc_eval_plain"] = cpu("adolc eval") / plain;
      std::printf("  ADOL-C gradient / plain       = %8.1f   (the faster of gradient() and keep)\n",
                  adolc_best / plain);
      std::printf("  tape gradient / ADOL-C        = %8.3f   (goal <= 1)\n",
                  cpu("tape gradient") / adolc_best);
      std::printf("  ADOL-C eval / plain           = %8.1f\n", cpu("adolc eval") / plain);
    }
    ratios.push_back(row);
    std::fflush(stdout);
  }

  results.chart({"Fresh taped gradient against the plain function", "ratios", "d", "d (variables)",
                 with_adolc ? std::vector<std::string>{"tape_plain", "vars_plain", "adolc_plain",
                                                       "hand_plain", "floor_plain"}
                            : std::vector<std::string>{"tape_plain", "vars_plain", "hand_plain",
                                                       "floor_plain"},
                 "time / time of the plain function", true, true, 50.0, "goal: 50"});
  if (!json.empty() && !results.write(json)) return 1;
  if (!ok) std::printf("MISMATCH: a taped gradient disagrees with the hand-written one\n");
  return ok ? 0 : 1;
}
