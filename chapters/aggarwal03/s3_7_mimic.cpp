/// \file
/// Aggarwal §3.7.3 (d) "Leveraging mimic models": a large teacher is trained on labelled data,
/// labels many unlabelled inputs with its softmax probabilities, and a small student learns
/// from those soft targets alone. The book gives no data and no sizes; the catalogue's
/// proposal is a 2-D three-class spiral, a 3 x 64 teacher, a 1 x 8 student and 10^4
/// unlabelled points. The same student is also trained on the labelled data itself, and on
/// the teacher's argmax labels of the unlabelled points, to separate "more data" from
/// "soft targets".

#include <cmath>
#include <numbers>
#include <string>

#include "aggarwal03/budget.hpp"
#include "aggarwal03/mimic.hpp"
#include "descent/core/random.hpp"
#include "descent/nn/backprop/distill.hpp"
#include "descent/nn/fused/network_training.hpp"
#include "descent/nn/init.hpp"
#include "descent/optim/update_rule.hpp"

namespace descent::chapters::aggarwal03 {

namespace {

using app::Param;
using app::Provenance;

/// Three spiral arms: radius 2t, t ∈ [0, 1), angle 2πk/3 + 8t (1.3 turns) plus noise.
void spiral(std::size_t n, Rng& rng, matrix& x, std::vector<std::uint8_t>& labels) {
  x = matrix::from_shape({n, 2});
  labels.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto k = static_cast<std::uint8_t>(rng.below(3));
    const double t = rng.uniform();
    const double angle = 2 * std::numbers::pi * k / 3 + 8 * t + rng.normal(0, 0.15);
    labels[i] = k;
    x(i, 0) = 2 * t * std::cos(angle);
    x(i, 1) = 2 * t * std::sin(angle);
  }
}

matrix one_hot(const std::vector<std::uint8_t>& labels) {
  matrix y = xt::zeros<double>({labels.size(), std::size_t(3)});
  for (std::size_t r = 0; r < labels.size(); ++r) y(r, labels[r]) = 1;
  return y;
}

nn::Network tanh_network(const std::vector<double>& widths, Rng& rng) {
  nn::Network net;
  std::size_t fan_in = 2;
  for (double w : widths) {
    const auto fan_out = std::size_t(w);
    net.layers.push_back({nn::initialize(nn::Init::xavier, fan_in, fan_out, rng),
                          xt::zeros<double>({fan_out}), nn::Activation::tanh});
    fan_in = fan_out;
  }
  net.layers.push_back({nn::initialize(nn::Init::xavier, fan_in, 3, rng), xt::zeros<double>({3}),
                        nn::Activation::identity});
  return net;
}

}  // namespace

std::vector<Param> mimic_params() {
  return {
      Param::vector("teacher", "64,64,64", Provenance::companion,
                    "mimic: hidden widths of the teacher (catalogue A50: 3 x 64)", 1, 6,
                    Interval::closed(1, 1024)),
      Param::vector("student", "8", Provenance::companion,
                    "mimic: hidden widths of the student (catalogue A50: 1 x 8)", 1, 6,
                    Interval::closed(1, 1024)),
      Param::integer("labelled", "500", Provenance::companion,
                     "mimic: labelled spiral points (all mimic training: epochs x points x "
                     "(weights + 12 hidden units + 300) <= 4e9)",
                     Interval::closed(3, 1e6)),
      Param::number("label_noise", "0.1", Provenance::companion,
                    "mimic: fraction of labelled points given a random wrong label",
                    Interval::closed(0, 1)),
      Param::integer("unlabelled", "10000", Provenance::companion,
                     "mimic: unlabelled points the teacher labels (catalogue A50: 10^4; "
                     "unlabelled x (sum of teacher widths) <= 2e7)",
                     Interval::closed(1, 1e6)),
      Param::integer("epochs_labelled", "200", Provenance::companion,
                     "mimic: epochs over the labelled points", Interval::closed(1, 1e5)),
      Param::integer("epochs_unlabelled", "10", Provenance::companion,
                     "mimic: epochs over the unlabelled points (about as many steps)",
                     Interval::closed(1, 1e5)),
      Param::number("mimic_alpha", "0.01", Provenance::companion,
                    "mimic: ADAM step size of every network", Interval::greater_than(0)),
  };
}

namespace {

// Weights of a tanh network 2 -> widths -> 3.
double weights(const std::vector<double>& widths) {
  double fan_in = 2, n = 0;
  for (const double w : widths) {
    n += (fan_in + 1) * w;
    fan_in = w;
  }
  return n + (fan_in + 1) * 3;
}

double sum(const std::vector<double>& xs) {
  double s = 0;
  for (const double x : xs) s += x;
  return s;
}

}  // namespace

void require_mimic_affordable(const app::Params& p) {
  // Memory: the teacher labels all unlabelled points in one forward pass.
  const double unlabelled = double(p.integer("unlabelled"));
  require_at_most("unlabelled x (sum of teacher widths)", unlabelled * sum(p.vector("teacher")),
                  2e7);
  // Time: about 1.6 ns per weight and example of an epoch, 20 ns per hidden unit (a tanh and
  // its derivative) and 0.5 µs per example (mini-batches of 20 of a small network are mostly
  // overhead): weights + 12 units + 300 "weights" per example. The bound keeps a run within
  // about 6 s of CPU (20 s under the sanitizers), some four times the defaults.
  auto per_example = [](const std::vector<double>& widths) {
    return weights(widths) + 12 * sum(widths) + 300;
  };
  const double teacher = per_example(p.vector("teacher")),
               student = per_example(p.vector("student"));
  const double labelled = double(p.integer("labelled")) * double(p.integer("epochs_labelled"));
  const double soft = unlabelled * double(p.integer("epochs_unlabelled"));
  require_at_most("mimic training (epochs x points x cost per point, four networks)",
                  labelled * (teacher + student) + 2 * soft * student + unlabelled * teacher, 4e9);
}

//! [mimic]
void mimic_experiment(const app::Params& p, report::Result& result) {
  Rng rng(static_cast<std::uint64_t>(p.integer("seed")) + 1);
  matrix x, x_unlabelled, x_test;
  std::vector<std::uint8_t> y, hidden_labels, y_test;
  spiral(std::size_t(p.integer("labelled")), rng, x, y);
  spiral(std::size_t(p.integer("unlabelled")), rng, x_unlabelled, hidden_labels);  // unused
  spiral(3000, rng, x_test, y_test);
  // label noise: hypothesis (a) of the book, the teacher may smooth it away
  for (auto& label : y)
    if (rng.uniform() < p.number("label_noise"))
      label = static_cast<std::uint8_t>((label + 1 + rng.below(2)) % 3);

  nn::TrainOptions options;
  options.batch_size = 20;
  options.seed = static_cast<std::uint64_t>(p.integer("seed"));
  options.alpha = p.number("mimic_alpha");
  const auto epochs_labelled = std::size_t(p.integer("epochs_labelled"));
  const auto epochs_unlabelled = std::size_t(p.integer("epochs_unlabelled"));
  auto train = [&](nn::Network& net, const matrix& inputs, const matrix& targets,
                   std::size_t epochs) {
    const auto adam = optim::make_rule("adam");
    options.epochs = epochs;
    const auto run = nn::train_on_soft_targets(net, inputs, targets, *adam, options);
    if (run.status.reason == StopReason::diverged)
      throw invalid_argument("mimic: " + run.status.detail + "; allowed: a smaller mimic_alpha");
    return run.epoch_loss.back();
  };

  auto teacher = tanh_network(p.vector("teacher"), rng);
  train(teacher, x, one_hot(y), epochs_labelled);
  const matrix soft = nn::soft_targets(teacher, x_unlabelled);  // p = softmax of the teacher
  std::vector<std::uint8_t> argmax(soft.shape(0));
  for (std::size_t r = 0; r < soft.shape(0); ++r)
    for (std::uint8_t c = 1; c < 3; ++c)
      if (soft(r, c) > soft(r, argmax[r])) argmax[r] = c;

  // Three students from the same initial weights.
  const auto student0 = tanh_network(p.vector("student"), rng);
  auto on_labels = student0, on_soft = student0, on_teacher_labels = student0;
  train(on_labels, x, one_hot(y), epochs_labelled);
  const double soft_loss = train(on_soft, x_unlabelled, soft, epochs_unlabelled);
  train(on_teacher_labels, x_unlabelled, one_hot(argmax), epochs_unlabelled);
  //! [mimic]

  auto& table = result.table("mimic model (test accuracy on 3000 clean spiral points)",
                             {"network", "parameters", "trained on", "test accuracy"});
  const std::vector<std::tuple<std::string, const nn::Network*, std::string, std::string>> rows{
      {"teacher", &teacher, "labelled points (noisy labels)", "teacher_accuracy"},
      {"student", &on_labels, "labelled points (noisy labels)", "student_hard_accuracy"},
      {"student (mimic)", &on_soft, "teacher's soft targets of the unlabelled points",
       "student_soft_accuracy"},
      {"student", &on_teacher_labels, "teacher's argmax labels of the unlabelled points",
       "student_teacher_labels_accuracy"}};
  for (const auto& [name, net, data, value] : rows) {
    const double accuracy = nn::evaluate(*net, x_test, y_test).accuracy;
    table.add({name, double(nn::parameter_count(*net)), data, accuracy});
    result.value(value, accuracy);
  }
  result.value("teacher_parameters", double(nn::parameter_count(teacher)));
  result.value("student_parameters", double(nn::parameter_count(on_soft)));
  result.value("student_soft_final_loss", soft_loss);
}

}  // namespace descent::chapters::aggarwal03
