/// \file
/// Aggarwal §3.7.3 "Algorithmic tricks for model compression": pruning with masks, low rank
/// by truncated SVD, hashed weights, and the soft-target gradient of mimic models.

#include <cmath>
#include <limits>
#include <string>

#include "aggarwal03/mimic.hpp"
#include "aggarwal03/sections.hpp"
#include "common/errata.hpp"
#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"
#include "descent/nn/compression.hpp"
#include "descent/nn/gradient_check.hpp"
#include "descent/nn/softmax.hpp"

namespace descent::chapters::aggarwal03 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

Result compression(const Params& p) {
  require_mimic_affordable(p);  // (d) below, the only part whose cost the parameters scale
  Result result;
  // (a) Pruning: the mask zeroes the smallest weights; masked gradients keep them at zero.
  Rng rng(static_cast<std::uint64_t>(p.integer("seed")));
  matrix W = matrix::from_shape({100, 50});
  for (auto& w : W) w = rng.normal(0, 0.1);
  auto& prune = result.table("pruning", {"fraction pruned", "zeros after masking",
                                         "smallest kept |w|", "largest pruned |w|"});
  bool none_kept = false;
  for (double f : p.vector("prune")) {
    const matrix mask = nn::magnitude_mask(W, f);
    double kept_min = INFINITY, pruned_max = 0, zeros = 0;
    for (std::size_t i = 0; i < W.size(); ++i) {
      if (mask.flat(i) == 0) {
        ++zeros;
        pruned_max = std::max(pruned_max, std::fabs(W.flat(i)));
      } else {
        kept_min = std::min(kept_min, std::fabs(W.flat(i)));
      }
    }
    if (zeros == double(W.size())) {  // f = 1: nothing is kept, so no smallest kept weight
      kept_min = std::numeric_limits<double>::quiet_NaN();
      none_kept = true;
    }
    prune.add({f, zeros / double(W.size()), kept_min, pruned_max});
    result.value("sparsity_" + std::to_string(int(std::lround(f * 100))), zeros / double(W.size()));
  }
  if (none_kept)
    result.allow_non_finite("pruning:smallest kept |w|", "n/a where every weight is pruned");

  // (b) Low rank: parameters m1 m2 against k (m1 + m2); the ratio is HM(m1, m2)/(2k).
  auto& ratios = result.table("low-rank savings",
                              {"m1", "m2", "k", "m1 m2 / (k (m1 + m2))", "break-even k = HM/2"});
  for (auto [m1, m2, k] : {std::tuple{1000.0, 1000.0, 10.0}, std::tuple{100.0, 200.0, 20.0},
                           std::tuple{4096.0, 4096.0, 64.0}}) {
    const double hm = 2 * m1 * m2 / (m1 + m2);
    ratios.add({m1, m2, k, m1 * m2 / (k * (m1 + m2)), hm / 2});
  }
  const matrix Wf{{3, 1, 2}, {1, 4, 0}, {2, 0, 5}, {1, 1, 1}};  // catalogue A50's matrix
  const auto svd = nn::svd_via_eigh(Wf);
  auto& trunc = result.table("truncated SVD", {"k", "singular value s_k", "parameters k (m1+m2)",
                                               "|W - W_k|_F", "sqrt(sum_{i>k} s_i^2)"});
  for (std::size_t k = 1; k <= 3; ++k) {
    const matrix Wk = nn::truncate(svd, k);
    double err = 0, tail = 0;
    for (std::size_t i = 0; i < Wf.size(); ++i)
      err += (Wf.flat(i) - Wk.flat(i)) * (Wf.flat(i) - Wk.flat(i));
    for (std::size_t i = k; i < 3; ++i) tail += svd.s(i) * svd.s(i);
    trunc.add({double(k), svd.s(k - 1), double(k * 7), std::sqrt(err), std::sqrt(tail)});
    result.value("s_" + std::to_string(k), svd.s(k - 1));
    result.value("frobenius_error_" + std::to_string(k), std::sqrt(err));
  }

  // (c) Hashing: 100 x 100 entries into 1000 buckets; the bucket gradient is the tied sum.
  nn::HashedMatrix H(100, 100, static_cast<std::size_t>(p.integer("buckets")));
  for (auto& v : H.params) v = rng.normal(0, 0.1);
  std::vector<double> sizes(H.params.size(), 0);
  for (std::size_t i = 0; i < H.rows; ++i)
    for (std::size_t j = 0; j < H.cols; ++j) sizes[H.bucket(i, j)] += 1;
  double total = 0, largest = 0, smallest = INFINITY;
  for (double s : sizes) {
    total += s;
    largest = std::max(largest, s);
    smallest = std::min(smallest, s);
  }
  result.value("hash_entries", total);
  result.value("hash_mean_bucket", total / double(sizes.size()));
  result.value("hash_largest_bucket", largest);
  result.value("hash_smallest_bucket", smallest);
  result.value("hash_storage_fraction", double(H.params.size()) / total);
  // L = ½ |x W|² for one input: ∂L/∂W = xᵀ(xW); the tied gradient against central differences
  // (exact for a quadratic up to rounding, so the larger step 1e-4 keeps the rounding small).
  matrix x = matrix::from_shape({1, 100});
  for (auto& v : x) v = rng.normal();
  auto loss = [&](const vector& params) {
    nn::HashedMatrix h = H;
    h.params = params;
    const matrix out = gemm(x, h.expand());
    return 0.5 * xt::sum(out * out)();
  };
  const matrix out = gemm(x, H.expand());
  const vector tied = H.tie(gemm(matrix(xt::transpose(x)), out));
  result.value("hash_tied_gradient_max_rho",
               nn::check_gradient(loss, H.params, tied, 1e-4).max_rho);

  // (d) Mimic models: the student is trained on the teacher's soft targets p; the gradient of
  // the soft-target cross-entropy is still o − p (Eq. 3.22 with Σ p = 1).
  const matrix v{{1, 2, 3}}, soft{{0.2, 0.3, 0.5}};
  const matrix g = nn::softmax_cross_entropy_grad(v, soft);
  result.value("mimic_loss", nn::cross_entropy(v, soft));
  for (std::size_t j = 0; j < 3; ++j) result.value("mimic_grad_" + std::to_string(j + 1), g(0, j));
  mimic_experiment(p, result);  // teacher and students, s3_7_mimic.cpp
  return result;
}

app::Item compression_item() {
  app::Item item{
      "section-3.7.3",
      "Compression: pruning masks, low rank by truncated SVD, hashed weights with tied "
      "gradients, a mimic model trained on a teacher's soft targets",
      "Aggarwal §3.7.3",
      {Param::vector("prune", "0.5,0.9", Provenance::companion,
                     "fractions of weights pruned by magnitude", 1, 20, Interval::closed(0, 1)),
       Param::integer("buckets", "1000", Provenance::book,
                      "hash buckets for the 100 x 100 matrix (book: 1000)",
                      Interval::closed(1, 10000)),
       Param::integer("seed", "373", Provenance::companion, "seed", Interval::at_least(0))},
      compression,
      /*errata=*/common::errata({"aggarwal-3-7-3-low-rank", "aggarwal-3-7-3-mimic"})};
  for (auto& param : mimic_params()) item.params.push_back(param);
  return item;
}

}  // namespace

void add_section_3_7(app::Chapter& chapter) {
  chapter.add(compression_item());
}

}  // namespace descent::chapters::aggarwal03
