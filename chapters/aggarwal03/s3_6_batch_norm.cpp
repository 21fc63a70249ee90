/// \file
/// Aggarwal §3.6 "Batch Normalization", Eqs. 3.58–3.65: the forward pass, the book's
/// backward pass (through ∂L/∂σ² and ∂L/∂μ), the compact closed form, and inference.

#include <cmath>
#include <string>

#include "aggarwal03/sections.hpp"
#include "common/errata.hpp"
#include "descent/core/error.hpp"
#include "descent/nn/layers/batch_norm.hpp"

namespace descent::chapters::aggarwal03 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

matrix as_column(const std::vector<double>& xs) {
  matrix m = matrix::from_shape({xs.size(), 1});
  for (std::size_t r = 0; r < xs.size(); ++r) m(r, 0) = xs[r];
  return m;
}

//! [section-3.6]
Result batch_normalization(const Params& p) {
  const auto batch = p.vector("batch");
  const auto upstream = p.vector("upstream");
  if (upstream.size() != batch.size())
    throw invalid_argument("upstream has " + std::to_string(upstream.size()) +
                           " values but batch has " + std::to_string(batch.size()) +
                           "; allowed: one dL/da per batch value");
  nn::BatchNorm bn(1, p.number("eps"));
  bn.gamma(0) = p.number("gamma");
  bn.beta(0) = p.number("beta");
  const matrix v = as_column(batch), grad_a = as_column(upstream);

  nn::BatchNormCache cache;
  const matrix a = bn.forward_train(v, cache);        // Eqs. 3.58–3.61
  const auto book = bn.backward_book(cache, grad_a);  // Eqs. 3.62–3.65
  const auto compact = bn.backward_compact(cache, grad_a);
  //! [section-3.6]

  Result result;
  auto& rows = result.table(
      "batch", {"r", "v", "v_hat", "a", "dL/da", "dL/dv (book)", "dL/dv (closed form)"});
  double max_diff = 0;
  for (std::size_t r = 0; r < batch.size(); ++r) {
    rows.add({double(r + 1), v(r, 0), cache.v_hat(r, 0), a(r, 0), grad_a(r, 0), book.v(r, 0),
              compact.v(r, 0)});
    max_diff = std::max(max_diff, std::fabs(book.v(r, 0) - compact.v(r, 0)));
    result.value("a_" + std::to_string(r + 1), a(r, 0));
    result.value("dv_" + std::to_string(r + 1), book.v(r, 0));
  }
  result.value("mu", cache.mu(0));
  result.value("sigma2", cache.sigma2(0));
  result.value("sigma", cache.sigma(0));
  result.value("dL_dbeta", book.beta(0));
  result.value("dL_dgamma", book.gamma(0));
  result.value("dL_dsigma2", book.d_sigma2(0));
  result.value("dL_dmu", book.d_mu(0));
  result.value("dL_dmu_second_term", book.d_mu_second_term(0));
  result.value("max_book_minus_closed_form", max_diff);
  // §3.6 says the output has "a standard deviation of γ": it is |γ| √(s²/(s² + ε)) (T27).
  double m2 = 0, mean_a = 0;
  for (std::size_t r = 0; r < batch.size(); ++r) mean_a += a(r, 0) / double(batch.size());
  for (std::size_t r = 0; r < batch.size(); ++r)
    m2 += (a(r, 0) - mean_a) * (a(r, 0) - mean_a) / double(batch.size());
  result.value("mean_a", mean_a);
  result.value("std_a", std::sqrt(m2));

  // Inference: the population of this batch with the biased (Eq. 3.59) and unbiased variance,
  // and PyTorch's exponential average after this one batch (momentum 0.1, unbiased).
  auto& inference =
      result.table("inference", {"statistics", "mean", "variance", "a(v = mean + 1)"});
  const matrix probe = as_column({cache.mu(0) + 1});
  for (const auto& [name, est] :
       {std::pair{"population, biased 1/m (Eq. 3.59)", nn::VarianceEstimator::biased},
        std::pair{"population, unbiased 1/(m-1)", nn::VarianceEstimator::unbiased}}) {
    if (batch.size() < 2 && est == nn::VarianceEstimator::unbiased) continue;
    nn::BatchNorm inf = bn;
    inf.set_population(v, est);
    inference.add({std::string(name), inf.running_mean(0), inf.running_var(0),
                   inf.forward_inference(probe)(0, 0)});
  }
  if (batch.size() >= 2) {
    nn::BatchNorm torch_like = bn;
    torch_like.update_running(v, nn::VarianceEstimator::unbiased);
    inference.add({std::string("exponential average from (0, 1), momentum 0.1, unbiased "
                               "(PyTorch)"),
                   torch_like.running_mean(0), torch_like.running_var(0),
                   torch_like.forward_inference(probe)(0, 0)});
    result.value("running_mean", torch_like.running_mean(0));
    result.value("running_var", torch_like.running_var(0));
  }
  return result;
}

app::Item batch_normalization_item() {
  return {"section-3.6",
          "Batch normalization of one feature: forward, the book's backward pass, the closed "
          "form, and inference statistics",
          "Aggarwal §3.6, Eqs. 3.58-3.65, pp. 152-155",
          {Param::vector("batch", "1,2,4,7", Provenance::companion,
                         "the values v^(r) of one feature over the mini-batch", 1, 4096),
           Param::number("gamma", "1.5", Provenance::companion, "scale gamma (Eq. 3.61)"),
           Param::number("beta", "0.5", Provenance::companion, "shift beta (Eq. 3.61)"),
           Param::vector("upstream", "0.1,-0.2,0.3,0.4", Provenance::companion,
                         "dL/da^(r), one per batch value", 1, 4096),
           Param::number("eps", "1e-5", Provenance::companion,
                         "epsilon inside sigma^2 (Eq. 3.59; PyTorch's default 1e-5)",
                         Interval::greater_than(0))},
          batch_normalization,
          /*errata=*/
          common::errata(
              {"aggarwal-3-6-std", "aggarwal-3-62", "aggarwal-3-6-mu", "aggarwal-3-6-population"})};
}

}  // namespace

void add_section_3_6(app::Chapter& chapter) {
  chapter.add(batch_normalization_item());
}

}  // namespace descent::chapters::aggarwal03
