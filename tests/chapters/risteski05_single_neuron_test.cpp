// Risteski lecture 5, Observation 1 (one neuron), against catalogue L15 (the reference catalogue
// of the notes and slides): w = (0.5, -0.3), z = (1, 2), b = 0.1, df/du = 1 give the
// pre-activation 0, u = 0.5 and df/dw1 = sigma'(0) z1 = 0.25, while the slide's literal
// sigma'(u) z1 = sigma'(0.5) = 0.2350037122015945.

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"

using descent::app::compute;

namespace {

const descent::app::Item& item() {
  return descent::testing::item(descent::testing::risteski05(), "slide-single-neuron");
}

}  // namespace

TEST_CASE("risteski05 slide-single-neuron: 0.25, not the slide's 0.2350 (catalogue L15)") {
  const auto r = compute(item());
  CHECK(std::fabs(r.value("pre_activation")) < 1e-15);
  CHECK(std::fabs(r.value("u") - 0.5) < 1e-15);
  CHECK(std::fabs(r.value("autodiff_dw1") - 0.25) < 1e-15);
  CHECK(std::fabs(r.value("correct_dw1") - 0.25) < 1e-15);
  CHECK(std::fabs(r.value("slide_dw1") - 0.2350037122015945) < 1e-15);
  // Central differences with h = 1e-6: truncation h^2 |f'''|/6 and rounding eps/h, ~1e-10.
  CHECK(std::fabs(r.value("fd_dw1") - 0.25) < 1e-9);
  CHECK(r.status.find("typo") != std::string::npos);
}

TEST_CASE("risteski05 slide-single-neuron: the chain rule holds at other points") {
  // Pre-activation 0.8*2 - 1.5*0.4 + 3*(-1) + 0.2 = -1.8; df/du = -2.5.
  const auto r = compute(item(), {"w=0.8,-1.5,3", "z=2,0.4,-1", "b=0.2", "df_du=-2.5"});
  const double s = 1 / (1 + std::exp(1.8));
  CHECK(std::fabs(r.value("pre_activation") + 1.8) < 1e-15);
  CHECK(std::fabs(r.value("autodiff_dw1") - (-2.5 * s * (1 - s) * 2)) < 1e-15);
  CHECK(r.value("max_autodiff_vs_correct") < 1e-15);
  CHECK(r.value("max_autodiff_vs_fd") < 1e-8);
  // sigma'(u) with u = sigma(-1.8) in (0, 1) is a different number.
  const double su = 1 / (1 + std::exp(-s));
  CHECK(std::fabs(r.value("slide_dw1") - (-2.5 * su * (1 - su) * 2)) < 1e-15);
}

TEST_CASE("risteski05 slide-single-neuron rejects bad parameters") {
  for (const std::string bad : {"w=1", "z=1,2,3", "b=nan", "h=0", "h=-1", "df_du=1e308", "w="})
    CHECK_THROWS_AS(compute(item(), {bad}), descent::invalid_argument);
}
