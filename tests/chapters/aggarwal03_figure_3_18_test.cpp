// Aggarwal Figure 3.18: the two batch-normalization placements and a plain network trained
// side by side. The BN network itself is checked against torch and finite differences in
// tests/lib/nn_bn_network_test.cpp; here the item's properties at a reduced size.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "chapters.hpp"
#include "descent/core/error.hpp"
#include "descent/data/idx.hpp"

using descent::app::compute;

namespace {
const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(descent::testing::aggarwal03(), id);
}
}  // namespace

TEST_CASE("aggarwal03 figure-3.18: both placements train faster than the plain sigmoid network") {
  if (!std::filesystem::exists(descent::data::fashion_mnist_dir)) {
    MESSAGE("dataset-fashion-mnist is not installed; skipping");
    return;
  }
  const std::vector<std::string> small{"train=600", "validation=300", "widths=50,50", "epochs=4"};
  const auto r = compute(item("figure-3.18"), small);
  REQUIRE(r.find_series("epochs").rows.size() == 4);
  // §3.6: normalization keeps the sigmoids out of saturation, so training is faster. From the
  // same weights and batches both BN networks end every epoch below the plain one.
  const auto& s = r.find_series("epochs");
  for (const auto& row : s.rows) {
    CHECK(row[s.column("pre_train_loss")] < row[s.column("plain_train_loss")]);
    CHECK(row[s.column("post_train_loss")] < row[s.column("plain_train_loss")]);
  }
  for (const std::string name : {"pre", "post", "plain"}) {
    CAPTURE(name);
    CHECK(r.value(name + "_train_loss_last") < r.value(name + "_train_loss_first"));
  }
  // Ten classes, chance 0.1: after 4 short epochs the normalized networks classify well above
  // chance, the plain one (its sigmoids still saturated) is far behind.
  for (const std::string name : {"pre", "post"}) {
    CAPTURE(name);
    CHECK(r.value(name + "_validation_accuracy_last") > 0.5);
    CHECK(r.value(name + "_validation_accuracy_last") >
          r.value("plain_validation_accuracy_last") + 0.2);
  }
  const auto again = compute(item("figure-3.18"), small);
  CHECK(again.value("pre_validation_loss_last") == r.value("pre_validation_loss_last"));
  CHECK(again.value("post_train_loss_last") == r.value("post_train_loss_last"));
}

TEST_CASE("aggarwal03 figure-3.18: a run that diverges is a status; its curves end with NaN") {
  if (!std::filesystem::exists(descent::data::fashion_mnist_dir)) {
    MESSAGE("dataset-fashion-mnist is not installed; skipping");
    return;
  }
  // SGD at rate 1e6 sends at least one network's loss past every float within 4 epochs; the
  // item once refused the input after training ("run diverged; allowed: a smaller alpha").
  const auto r = compute(item("figure-3.18"), {"train=600", "validation=300", "epochs=4",
                                               "alpha=1e6", "activation=relu"});
  CHECK(r.status.find("diverged: non-finite loss at epoch") != std::string::npos);
  CHECK(r.find_series("epochs").rows.size() == 4);  // every epoch has a row
  CHECK(r.non_finite_allowed.size() % 3 == 0);      // three curves per diverged network
  CHECK_FALSE(r.non_finite_allowed.empty());
}

TEST_CASE("aggarwal03 figure-3.18: the activation is chosen by name") {
  if (!std::filesystem::exists(descent::data::fashion_mnist_dir)) {
    MESSAGE("dataset-fashion-mnist is not installed; skipping");
    return;
  }
  const std::vector<std::string> small{"train=200", "validation=100", "widths=20", "epochs=1"};
  auto with = [&](const std::string& activation) {
    auto sets = small;
    sets.push_back("activation=" + activation);
    return compute(item("figure-3.18"), sets).value("plain_train_loss_first");
  };
  // The same weights and batches; only the activation differs, so do the losses.
  CHECK(with("sigmoid") == compute(item("figure-3.18"), small).value("plain_train_loss_first"));
  CHECK(with("tanh") != with("sigmoid"));
  CHECK(with("relu") != with("tanh"));
  CHECK_THROWS_AS(with("1"), descent::invalid_argument);  // the old integer code
}
