// Aggarwal Figure 3.18: the two batch-normalization placements and a plain network trained
// side by side. The BN network itself is checked against torch and finite differences in
// tests/lib/nn_bn_network_test.cpp; here the item's properties at a reduced size.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "chapters.hpp"
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
