/// \file
/// MEDL §4.1, after (4.8): linear regression with the absolute-error loss (2.18) or the Huber
/// loss (2.19) is convex, because C_i(θ) = g(y⁽ⁱ⁾ − θᵀx⁽ⁱ⁾) composes a convex g with an affine
/// map. Checked with the definition (4.3) itself: random chords, none of which may pass below
/// the function. The book then points to Figure 3.4: logistic regression with the squared loss
/// is not convex, and the same chord test finds chords below that function.

#include <cmath>
#include <string>
#include <vector>

#include "descent/core/error.hpp"
#include "descent/core/random.hpp"
#include "medl04/sections.hpp"

namespace descent::chapters::medl04 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

double sigmoid(double a) {
  return 1 / (1 + std::exp(-a));
}

//! [section-4.1-huber]
// The losses g(r) of a residual r. Huber's (2.19) is not printed in this chapter; the companion
// uses Huber's form: r²/2 for |r| <= δ, δ(|r| − δ/2) beyond, convex and C¹.
double huber(double r, double delta) {
  const double a = std::fabs(r);
  return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
}

struct Loss {
  std::string key;  // names its values: violations_<key>
  std::string name;
  bool convex_by_the_book;
  double (*per_sample)(double y, double prediction, double delta);
  bool through_sigmoid;  // the prediction is σ(θᵀx) instead of θᵀx
};

const std::vector<Loss>& losses() {
  static const std::vector<Loss> all = {
      {"squared", "squared (y - theta^T x)^2", true,
       [](double y, double q, double) { return (y - q) * (y - q); }, false},
      {"absolute", "absolute |y - theta^T x| (2.18)", true,
       [](double y, double q, double) { return std::fabs(y - q); }, false},
      {"huber", "Huber (2.19)", true,
       [](double y, double q, double delta) { return huber(y - q, delta); }, false},
      {"logistic_squared", "logistic model, squared loss (Figure 3.4)", false,
       [](double y, double q, double) { return (y - q) * (y - q); }, true},
  };
  return all;
}

// C(θ) = (1/n) Σ g(y⁽ⁱ⁾, prediction⁽ⁱ⁾) with prediction θ₁ + θ₂x⁽ⁱ⁾ (or its sigmoid).
double cost(const Loss& loss, const std::vector<double>& x, const std::vector<double>& y, double t1,
            double t2, double delta) {
  double c = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double a = t1 + t2 * x[i];
    c += loss.per_sample(y[i], loss.through_sigmoid ? sigmoid(a) : a, delta);
  }
  return c / double(x.size());
}
//! [section-4.1-huber]

Result huber_convexity(const Params& p) {
  const double delta = p.number("delta"), box = p.number("box");
  const auto n = static_cast<std::size_t>(p.integer("n"));
  const auto chords = p.integer("chords");
  if (double(chords) * double(n) > 2e7)
    throw invalid_argument("chords x n = " + short_number(double(chords) * double(n)) +
                           " cost evaluations per loss; allowed: at most 2e7 (fewer chords or "
                           "points)");
  Rng rng(static_cast<std::uint64_t>(p.integer("seed")));
  // Data: x uniform on [−2, 2]; y a noisy line for the regressions, and a label in {0, 1}
  // from the logistic model for the squared-loss logistic regression.
  std::vector<double> x(n), y(n), label(n);
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = rng.uniform(-2, 2);
    y[i] = 0.5 + 1.5 * x[i] + rng.normal();
    label[i] = rng.uniform() < sigmoid(2 * x[i]) ? 1.0 : 0.0;
  }
  Result result;
  auto& table = result.table("chord test (4.3)", {"loss", "convex by the book", "chords",
                                                  "chords below C", "largest gap"});
  for (const auto& loss : losses()) {
    const auto& targets = loss.through_sigmoid ? label : y;
    long below = 0;
    double worst = 0;
    Rng draw(static_cast<std::uint64_t>(p.integer("seed")) + 1);
    for (long k = 0; k < chords; ++k) {
      // θ, φ uniform in the square [−box, box]², λ uniform in (0, 1): (4.3) asks
      // C(λθ + (1−λ)φ) <= λC(θ) + (1−λ)C(φ).
      const double a1 = draw.uniform(-box, box), a2 = draw.uniform(-box, box);
      const double b1 = draw.uniform(-box, box), b2 = draw.uniform(-box, box);
      const double lambda = draw.uniform();
      const double mid = cost(loss, x, targets, lambda * a1 + (1 - lambda) * b1,
                              lambda * a2 + (1 - lambda) * b2, delta);
      const double chord = lambda * cost(loss, x, targets, a1, a2, delta) +
                           (1 - lambda) * cost(loss, x, targets, b1, b2, delta);
      // A gap beyond rounding (relative 1e-12 of the chord) is a violation of (4.3).
      const double gap = mid - chord;
      if (gap > 1e-12 * std::max(1.0, std::fabs(chord))) {
        ++below;
        worst = std::max(worst, gap);
      }
    }
    table.add({loss.name, std::string(loss.convex_by_the_book ? "yes" : "no"), double(chords),
               double(below), worst});
    result.value("violations_" + loss.key, double(below));
  }
  auto& values = result.table("g(r)", {"r", "squared r^2", "absolute |r|", "Huber"});
  for (const double r : p.vector("residuals")) {
    values.add({r, r * r, std::fabs(r), huber(r, delta)});
    result.value("huber_" + short_number(r), huber(r, delta));
  }
  return result;
}

}  // namespace

app::Item huber_item() {
  return {
      "section-4.1-huber",
      "Absolute-error and Huber regression are convex: no random chord passes below C "
      "(4.3); logistic regression with squared loss is not",
      "MEDL §4.1, after Eq. (4.8): losses (2.18), (2.19) and the pointer to Figure 3.4",
      {Param::number("delta", "1", Provenance::companion,
                     "Huber threshold delta ((2.19) is not in this chapter)",
                     Interval{0, 1e6, true, false}),
       Param::integer("n", "20", Provenance::companion, "data points", Interval::closed(1, 1000)),
       Param::integer("chords", "20000", Provenance::companion, "random chords per loss",
                      Interval::closed(1, 1e5)),
       Param::number("box", "10", Provenance::companion, "theta and phi uniform in [-box, box]^2",
                     Interval{0, 1e3, true, false}),
       Param::integer("seed", "4", Provenance::companion, "seed of the data and the chords",
                      Interval::closed(0, 1e9)),
       Param::vector("residuals", "-3,-1,-0.5,0,0.5,1,3", Provenance::companion,
                     "residuals r where g(r) is tabulated", 1, 20, Interval::closed(-1e6, 1e6))},
      huber_convexity};
}

}  // namespace descent::chapters::medl04
