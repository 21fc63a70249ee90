/// \file
/// Aggarwal §3.3.2 feature preprocessing and whitening (Eqs. 3.35–3.37) and §3.3.3
/// initialization.

#include <cmath>
#include <string>

#include "aggarwal03/budget.hpp"
#include "aggarwal03/sections.hpp"
#include "common/errata.hpp"
#include "descent/core/random.hpp"
#include "descent/data/preprocess.hpp"
#include "descent/nn/init.hpp"
#include "descent/report/progress.hpp"

namespace descent::chapters::aggarwal03 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

// The book gives no data; this 6 × 3 matrix is the catalogue's D0 (A21).
const matrix& d0() {
  static const matrix d{{2, 0, 1}, {0, 1, 3}, {4, 2, 2}, {1, 3, 0}, {3, 1, 4}, {2, 5, 2}};
  return d;
}

//! [section-3.3.2]
Result preprocessing(const Params& p) {
  const matrix& D = d0();
  const matrix z = data::standardize(D);
  const matrix m = data::min_max(D);  // Eq. 3.35
  const auto w = data::whiten(D, p.number("threshold"), p.number("reg"));
  //! [section-3.3.2]
  Result result;
  auto& t = result.table("rows", {"row", "x1", "x2", "x3", "std x1", "std x2", "std x3",
                                  "minmax x1", "minmax x2", "minmax x3", "|whitened|^2"});
  for (std::size_t r = 0; r < D.shape(0); ++r) {
    double n2 = 0;
    for (std::size_t c = 0; c < w.U.shape(1); ++c) n2 += w.U(r, c) * w.U(r, c);
    t.add({double(r + 1), D(r, 0), D(r, 1), D(r, 2), z(r, 0), z(r, 1), z(r, 2), m(r, 0), m(r, 1),
           m(r, 2), n2});
    result.value("mahalanobis2_" + std::to_string(r + 1), n2);
  }
  auto& e = result.table("whitening", {"k", "eigenvalue of C = D^T D / n"});
  for (std::size_t k = 0; k < w.eigenvalues.size(); ++k) {
    e.add({double(k + 1), w.eigenvalues(k)});
    result.value("lambda_" + std::to_string(k + 1), w.eigenvalues(k));
  }
  // The whitened covariance UᵀU/n is the identity (when reg = 0).
  double off = 0;
  for (std::size_t i = 0; i < w.U.shape(1); ++i)
    for (std::size_t j = 0; j < w.U.shape(1); ++j) {
      double c = 0;
      for (std::size_t r = 0; r < w.U.shape(0); ++r) c += w.U(r, i) * w.U(r, j);
      off = std::max(off, std::fabs(c / double(w.U.shape(0)) - (i == j ? 1.0 : 0.0)));
    }
  result.value("max_whitened_cov_minus_identity", off);
  result.value("kept", double(w.eigenvalues.size()));
  const vector s = data::column_stds(D);
  for (std::size_t j = 0; j < 3; ++j) result.value("std_" + std::to_string(j + 1), s(j));
  return result;
}

app::Item preprocessing_item() {
  return {"section-3.3.2",
          "Feature preprocessing: standardization, min-max (Eq. 3.35) and whitening "
          "(Eqs. 3.36-3.37) of a 6 x 3 data matrix",
          "Aggarwal §3.3.2, Eqs. 3.35-3.37",
          {Param::number("threshold", "1e-5", Provenance::book, "drop eigenvalues at or below this",
                         Interval::at_least(0)),
           Param::number("reg", "0", Provenance::companion,
                         "added to each kept eigenvalue before the division (the book's "
                         "alternative: 1e-5)",
                         Interval::at_least(0))},
          preprocessing};
}

//! [section-3.3.3]
Result initialization(const Params& p) {
  const auto fan_out = static_cast<std::size_t>(p.integer("fan_out"));
  const auto samples = static_cast<std::size_t>(p.integer("samples"));
  const double sigma = p.number("sigma");
  double fan_in_sum = 0;
  for (double r : p.vector("fan_in")) fan_in_sum += r;
  // Six schemes, each drawing samples × r weights for every r: about 40 ns a weight.
  require_at_most("samples x (sum of fan_in)", double(samples) * fan_in_sum, 2e7);
  report::Progress progress("section-3.3.3", std::size_t(6 * samples * fan_in_sum));
  std::size_t drawn = 0;
  Result result;
  auto& t = result.table("schemes", {"scheme", "r (fan-in)", "nominal std of w", "sample std of w",
                                     "Var(sum w_i x_i), x ~ N(0,1)", "r * Var(w)"});
  for (double rd : p.vector("fan_in")) {
    const auto r = static_cast<std::size_t>(rd);
    for (auto init :
         {nn::Init::gaussian_constant, nn::Init::fan_in_gaussian, nn::Init::fan_in_uniform_book,
          nn::Init::fan_in_uniform, nn::Init::xavier, nn::Init::he}) {
      Rng rng(static_cast<std::uint64_t>(p.integer("seed")));
      const double sd = nn::init_std(init, r, fan_out, sigma);
      // The output of one neuron with fresh weights per sample: Var = r σ_w² σ_x² (§3.3.3).
      double sum2 = 0, w2 = 0;
      for (std::size_t s = 0; s < samples; ++s) {
        double out = 0;
        for (std::size_t i = 0; i < r; ++i) {
          const double w = nn::draw_weight(init, r, fan_out, rng, sigma);
          out += w * rng.normal();
          w2 += w * w;
        }
        sum2 += out * out;
        progress.update(drawn += r);
      }
      const double var_out = sum2 / double(samples);
      const double w_std = std::sqrt(w2 / double(samples * r));
      t.add({std::string(nn::to_string(init)), double(r), sd, w_std, var_out, double(r) * sd * sd});
      const std::string key = std::string(nn::to_string(init)) + "_" + std::to_string(r);
      result.value("std_" + key, sd);
      result.value("var_out_" + key, var_out);
    }
  }
  return result;
}
//! [section-3.3.3]

app::Item initialization_item() {
  return {"section-3.3.3",
          "Initialization: the output variance r Var(w) under each scheme",
          "Aggarwal §3.3.3",
          {Param::vector("fan_in", "2,100", Provenance::book, "fan-ins r to compare", 1, 10,
                         Interval::closed(1, 10000)),
           Param::integer("fan_out", "50", Provenance::companion, "fan-out (Xavier only)",
                          Interval::closed(1, 10000)),
           Param::number("sigma", "0.01", Provenance::book, "std of the constant Gaussian scheme",
                         Interval{0, 1e100, true, false}),
           Param::integer("samples", "5000", Provenance::companion,
                          "neurons drawn per scheme (samples x (sum of fan_in) <= 2e7)",
                          Interval::closed(10, 10000000)),
           Param::integer("seed", "33", Provenance::companion, "seed", Interval::at_least(0))},
          initialization,
          /*errata=*/common::errata({"aggarwal-3-3-3"})};
}

}  // namespace

void add_section_3_3(app::Chapter& chapter) {
  chapter.add(section_3_3_1_item());
  chapter.add(preprocessing_item());
  chapter.add(initialization_item());
}

}  // namespace descent::chapters::aggarwal03
