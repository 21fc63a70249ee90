#pragma once
/// \file
/// Model compression, Aggarwal §3.7.3: magnitude pruning with masks, low rank by truncated
/// SVD, and hashed weights whose gradients are tied (summed per bucket, §3.2.9).
/// (Mimic models need only the soft-target cross-entropy of softmax.hpp.)

#include <cstddef>
#include <cstdint>
#include <vector>

#include "descent/core/tensor.hpp"

namespace descent::nn {

/// A 0/1 mask keeping the entries whose magnitude is above the `fraction` quantile: exactly
/// round(fraction · size) entries (the smallest in magnitude, ties by position) are pruned.
[[nodiscard]] matrix magnitude_mask(const matrix& W, double fraction);

/// W = U diag(s) Vᵀ with s descending, through the symmetric eigenproblem of WᵀW (core
/// eigh): fine for the small, well-conditioned matrices of the demos, not a general SVD.
struct Svd {
  matrix U;
  vector s;
  matrix V;
};
[[nodiscard]] Svd svd_via_eigh(const matrix& W);

/// The best rank-k approximation U_k diag(s_k) V_kᵀ (Eckart–Young).
[[nodiscard]] matrix truncate(const Svd& svd, std::size_t k);

/// A hashed weight matrix (Chen et al. [66]): entry (i, j) reads parameter
/// bucket((a i + b j) mod p mod buckets). Only `params` are stored.
struct HashedMatrix {
  std::size_t rows, cols;
  vector params;
  std::uint64_t a = 2654435761u, b = 40503u, p = 4294967291u;  ///< a fixed universal hash

  HashedMatrix(std::size_t rows, std::size_t cols, std::size_t buckets);
  [[nodiscard]] std::size_t bucket(std::size_t i, std::size_t j) const;
  [[nodiscard]] matrix expand() const;
  /// The gradient of the shared parameters: Σ over the entries of each bucket (§3.2.9).
  [[nodiscard]] vector tie(const matrix& grad_W) const;
};

}  // namespace descent::nn
