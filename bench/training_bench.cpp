// bench_training: training a classifier with descent against PyTorch, side by side in one run
// (docs/pages/design.md, build budget; the neural-network issue's performance goal: our wall time
// below PyTorch's).
//
// Two workloads on Fashion-MNIST (Debian's dataset-fashion-mnist), the same on both sides
// (bench/training_torch.py states them in full):
//   figure-4.4  MEDL Figure 4.4: Dense 784-400-200-100-50-10 ReLU, ADAM lr 1e-5, batch 10,
//               200 epochs of 1000 images, validation on 500 after every epoch;
//   bn          784-256-256-10 with Linear → BatchNorm → ReLU, ADAM lr 1e-3, batch 128,
//               one epoch of 60 000 images, validation on the 10 000 test images.
// Both in float64 (descent is double; torch float64 is the like-for-like), Xavier-normal
// initialization, shuffled epochs, the same OpenBLAS (Debian's pthread build) with the same
// number of threads on both sides. For information the figure-4.4 run also goes through the
// allocating loop this library had before (bench/training_reference.cpp), and torch float32
// can be added (--torch-float32).
//
// Printed: wall time of the training (data loading excluded), final training and validation
// losses (a sanity check that the same work was done: they must be close, not equal — the
// random streams differ), the ratio ours / torch float64 per workload, and the OpenBLAS core.
// Timings are reported, never asserted. Exit status 1 only if our run diverges.
//
// Besides the wall time, each side's process CPU time (user + system, all threads) is printed:
// on a shared machine the wall time measures the neighbours too.
//
// Usage: bench_training [--quick] [--no-torch] [--no-before] [--torch-float32] [--epochs N]
//                       [--json FILE]
//   --quick: a few batches of each workload (the ctest smoke test); --no-torch: our side only;
//   --torch-float32: torch float32 rows too; --epochs N: figure-4.4 with N epochs (default 200);
//   --json FILE: also write the results to FILE (bench/results.hpp; bench/make_page.py).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <xtensor/xview.hpp>

#include "descent/core/random.hpp"
#include "descent/data/idx.hpp"
#include "descent/nn/fused/network_training.hpp"
#include "descent/nn/fused/normalized_network.hpp"
#include "descent/nn/init.hpp"
#include "descent/optim/update_rule.hpp"
#include "openblas_info.hpp"
#include "results.hpp"
#include "training_reference.hpp"

#ifndef DESCENT_PYTHON
#define DESCENT_PYTHON "/usr/bin/python3"
#endif
#ifndef DESCENT_TRAINING_TORCH_SCRIPT
#define DESCENT_TRAINING_TORCH_SCRIPT "training_torch.py"
#endif

namespace {

using namespace descent;

struct Run {
  double cpu_seconds = NAN;  // user + system time of the whole process, all threads
  double seconds = NAN, train_loss = NAN, valid_loss = NAN, valid_accuracy = NAN;
  std::size_t steps = 0;
  bool ok = false;
};

struct Workload {
  std::string name;
  data::LabelledImages train, valid;
  std::size_t batch, epochs;
  double alpha;
};

double process_cpu_seconds() {
  return double(std::clock()) / CLOCKS_PER_SEC;
}

Workload figure_4_4(bool quick, std::size_t epochs) {
  const std::size_t n = quick ? 100 : 1000, nv = quick ? 50 : 500;
  auto all = data::load_fashion_mnist("train", n + nv);
  Workload w{"figure-4.4", {}, {}, 10, quick ? 1u : epochs, 1e-5};
  w.train.x = xt::view(all.x, xt::range(0, n), xt::all());
  w.train.labels.assign(all.labels.begin(), all.labels.begin() + std::ptrdiff_t(n));
  w.valid.x = xt::view(all.x, xt::range(n, n + nv), xt::all());
  w.valid.labels.assign(all.labels.begin() + std::ptrdiff_t(n), all.labels.end());
  return w;
}

Workload batch_norm(bool quick) {
  return {"bn",
          data::load_fashion_mnist("train", quick ? 512 : 0),
          data::load_fashion_mnist("t10k", quick ? 100 : 0),
          128,
          1,
          1e-3};
}

nn::Network dense_network(Rng& rng) {
  const std::size_t widths[] = {784, 400, 200, 100, 50, 10};
  nn::Network net;
  for (std::size_t k = 0; k + 1 < std::size(widths); ++k)
    net.layers.push_back(
        {nn::initialize(nn::Init::xavier, widths[k], widths[k + 1], rng),
         xt::zeros<double>({widths[k + 1]}),
         k + 2 < std::size(widths) ? nn::Activation::relu : nn::Activation::identity});
  return net;
}

template <class Net, class Train>
Run time_run(const Workload& w, Net& net, Train&& train) {
  optim::RuleOptions adam;  // β = 0.9, γ = 0.999, ε = 1e-8: torch's defaults
  const auto rule = optim::make_rule("adam", adam);
  nn::TrainOptions o;
  o.alpha = w.alpha;
  o.batch_size = w.batch;
  o.epochs = w.epochs;
  o.seed = 0;
  const double cpu = process_cpu_seconds();
  const auto start = std::chrono::steady_clock::now();
  const nn::TrainResult r =
      train(net, w.train.x, w.train.labels, w.valid.x, w.valid.labels, *rule, o);
  Run run;
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.cpu_seconds = process_cpu_seconds() - cpu;
  run.train_loss = r.history.back().train_loss;
  run.valid_loss = r.history.back().validation_loss;
  run.valid_accuracy = r.history.back().validation_accuracy;
  run.steps = w.epochs * ((w.train.labels.size() + w.batch - 1) / w.batch);
  run.ok = std::isfinite(run.train_loss) && std::isfinite(run.valid_loss);
  return run;
}

// Runs training_torch.py once for everything and reads its RESULT lines, keyed "workload dtype".
std::map<std::string, Run> run_torch(bool quick, int threads, std::size_t epochs, bool float32,
                                     std::string& info) {
  std::string cmd = std::string(DESCENT_PYTHON) + " " + DESCENT_TRAINING_TORCH_SCRIPT +
                    " --threads " + std::to_string(threads) + " --epochs " +
                    std::to_string(epochs) + " --dtype float64" +
                    (float32 ? " --dtype float32" : "") + (quick ? " --quick" : "") + " 2>&1";
  std::map<std::string, Run> runs;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  if (!pipe) return runs;
  char line[1024];
  while (std::fgets(line, sizeof line, pipe.get()) != nullptr) {
    std::istringstream in(line);
    std::string tag, workload, dtype;
    in >> tag;
    if (tag == "INFO") {
      info = std::string(line + 5);
      if (!info.empty() && info.back() == '\n') info.pop_back();
    } else if (tag == "RESULT") {
      Run r;
      in >> workload >> dtype >> r.seconds >> r.train_loss >> r.valid_loss >> r.valid_accuracy >>
          r.steps >> r.cpu_seconds;
      r.ok = bool(in);
      runs[workload + " " + dtype] = r;
    } else {
      std::fputs(("  torch: " + std::string(line)).c_str(), stdout);  // errors, tracebacks
    }
  }
  return runs;
}

void row(const char* who, const Run& r) {
  if (!r.ok) {
    std::printf("  %-36s %10s\n", who, "not run");
    return;
  }
  std::printf("  %-36s %10.3f %10.3f %8zu %12.6f %12.6f %9.4f\n", who, r.seconds, r.cpu_seconds,
              r.steps, r.train_loss, r.valid_loss, r.valid_accuracy);
  std::fflush(stdout);  // a long run shows each row as it comes
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false, torch = true, before = true, float32 = false;
  std::size_t epochs = 200;
  std::string json;
  for (int i = 1; i < argc; ++i) {
    if (bench::json_option(argc, argv, i, json))
      continue;
    else if (std::strcmp(argv[i], "--quick") == 0)
      quick = true;
    else if (std::strcmp(argv[i], "--torch-float32") == 0)
      float32 = true;
    else if (std::strcmp(argv[i], "--epochs") == 0 && i + 1 < argc &&
             std::strtoul(argv[i + 1], nullptr, 10) > 0)
      epochs = std::strtoul(argv[++i], nullptr, 10);
    else if (std::strcmp(argv[i], "--no-torch") == 0)
      torch = false;
    else if (std::strcmp(argv[i], "--no-before") == 0)
      before = false;
    else {
      std::fprintf(stderr,
                   "bench_training: unknown option %s; allowed: --quick --no-torch --no-before "
                   "--torch-float32 --epochs N (N >= 1) --json FILE\n",
                   argv[i]);
      return 2;
    }
  }
  std::printf("bench_training: descent against PyTorch, float64, same data/network/optimizer%s\n",
              quick ? " (--quick: a few batches)" : "");
  std::printf("%s, load average %s\n", bench::openblas_summary().c_str(),
              bench::load_average_text().c_str());
  if (!std::filesystem::exists(data::fashion_mnist_dir)) {
    std::printf(
        "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist); skipped\n");
    return 0;
  }
  const int threads = bench::openblas_threads();
  bench::Results results("training",
                         "Training against PyTorch: figure-4.4 and a batch-norm network, float64",
                         argc, argv);
  results.parameters()["epochs_figure_4_4"] = quick ? 1 : epochs;
  results.parameters()["threads"] = threads;
  results.parameters()["quick"] = quick;
  auto& runs = results.table("runs", "Every run (training only; data loading excluded)",
                             {{"workload", "workload", ""},
                              {"implementation", "implementation", ""},
                              {"threads", "threads", ""},
                              {"wall", "wall", "s"},
                              {"cpu", "CPU", "s"},
                              {"steps", "steps", ""},
                              {"train_loss", "train loss", ""},
                              {"valid_loss", "validation loss", ""},
                              {"valid_accuracy", "validation accuracy", ""}});
  auto& ratios = results.table("ratios", "Ours over torch float64",
                               {{"workload", "workload", ""},
                                {"threads", "threads", ""},
                                {"wall_ratio", "wall ratio", ""},
                                {"cpu_ratio", "CPU ratio", ""},
                                {"float32_wall_ratio", "ours / torch float32, wall", ""}});
  auto record = [&](const std::string& workload, const char* who, const Run& r) {
    row(who, r);
    if (r.ok)
      runs.push_back({{"workload", workload},
                      {"implementation", who},
                      {"threads", threads},
                      {"wall", r.seconds},
                      {"cpu", r.cpu_seconds},
                      {"steps", r.steps},
                      {"train_loss", r.train_loss},
                      {"valid_loss", r.valid_loss},
                      {"valid_accuracy", r.valid_accuracy}});
  };
  auto ratio = [&](const std::string& workload, const Run& ours, const Run& t64, const Run& t32) {
    bench::Json r{{"workload", workload},
                  {"threads", threads},
                  {"wall_ratio", ours.seconds / t64.seconds},
                  {"cpu_ratio", ours.cpu_seconds / t64.cpu_seconds}};
    if (t32.ok) r["float32_wall_ratio"] = ours.seconds / t32.seconds;
    if (t64.ok) ratios.push_back(r);
  };

  std::map<std::string, Run> theirs;
  std::string info = "not run";
  if (torch)
    theirs = run_torch(quick, threads, epochs, float32,
                       info);  // first, so that our runs are not disturbed
  std::printf("torch: %s\n", info.c_str());
  std::printf("  %-36s %10s %10s %8s %12s %12s %9s\n", "implementation", "wall s", "cpu s", "steps",
              "train loss", "valid loss", "valid acc");

  bool ok = true;
  const Workload fig = figure_4_4(quick, epochs);
  std::printf(
      "figure-4.4: 784-400-200-100-50-10 ReLU, ADAM 1e-5, batch 10, %zu epochs of %zu, "
      "validation %zu every epoch\n",
      fig.epochs, fig.train.labels.size(), fig.valid.labels.size());
  Rng rng(0);
  const nn::Network initial = dense_network(rng);
  nn::Network net = initial;
  const Run ours = time_run(fig, net, [](auto&... a) { return nn::train_classifier(a...); });
  record("figure-4.4", "descent (workspace path)", ours);
  ok = ok && ours.ok;
  Run old;
  if (before) {
    net = initial;
    old = time_run(fig, net, [](auto&... a) { return bench::train_classifier_allocating(a...); });
    record("figure-4.4", "descent before (allocating loop)", old);
  }
  record("figure-4.4", "torch float64", theirs["figure-4.4 float64"]);
  if (float32) record("figure-4.4", "torch float32 (information)", theirs["figure-4.4 float32"]);
  ratio("figure-4.4", ours, theirs["figure-4.4 float64"], theirs["figure-4.4 float32"]);
  const Run& t44 = theirs["figure-4.4 float64"];
  std::printf("  ratio figure-4.4: ours / torch float64 = %.3f wall, %.3f cpu",
              ours.seconds / t44.seconds, ours.cpu_seconds / t44.cpu_seconds);
  if (old.seconds > 0) std::printf("; before / ours = %.3f wall", old.seconds / ours.seconds);
  std::printf("\n");

  const Workload bn = batch_norm(quick);
  std::printf(
      "bn: 784-256-256-10, Linear-BatchNorm-ReLU, ADAM 1e-3, batch 128, %zu epoch of %zu, "
      "validation %zu\n",
      bn.epochs, bn.train.labels.size(), bn.valid.labels.size());
  Rng rng2(0);
  auto bnet = nn::make_normalized_network({784, 256, 256, 10}, nn::Init::xavier, rng2);
  const Run ours_bn = time_run(bn, bnet, [](auto&... a) { return nn::train_classifier(a...); });
  record("bn", "descent (workspace path)", ours_bn);
  ok = ok && ours_bn.ok;
  record("bn", "torch float64", theirs["bn float64"]);
  if (float32) record("bn", "torch float32 (information)", theirs["bn float32"]);
  ratio("bn", ours_bn, theirs["bn float64"], theirs["bn float32"]);
  const Run& tbn = theirs["bn float64"];
  std::printf("  ratio bn: ours / torch float64 = %.3f wall, %.3f cpu\n",
              ours_bn.seconds / tbn.seconds, ours_bn.cpu_seconds / tbn.cpu_seconds);
  results.chart({"Our training time over torch float64's (below 1: faster)", "ratios", "workload",
                 "workload", std::vector<std::string>{"wall_ratio", "cpu_ratio"},
                 "ours / torch float64", false, false, 1.0, "as fast as torch"});
  if (!json.empty() && !results.write(json)) return 1;
  if (!ok) std::printf("FAILED: a descent run diverged\n");
  return ok ? 0 : 1;
}
