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
  matrix U;  ///< m × r, orthonormal columns: the left singular vectors
  vector s;  ///< the r singular values, descending
  matrix V;  ///< n × r, orthonormal columns: the right singular vectors
};
/// The SVD of W (m × n) through the eigenvectors of WᵀW; see Svd for its limits.
[[nodiscard]] Svd svd_via_eigh(const matrix& W);

/// The best rank-k approximation U_k diag(s_k) V_kᵀ (Eckart–Young).
[[nodiscard]] matrix truncate(const Svd& svd, std::size_t k);

/// A hashed weight matrix (Chen et al. [66]): entry (i, j) reads parameter
/// bucket(i, j). Only `params` are stored.
struct HashedMatrix {
  std::size_t rows;               ///< rows of the virtual matrix
  std::size_t cols;               ///< columns of the virtual matrix
  vector params;                  ///< the shared parameters, one per bucket (zeros at construction)
  std::uint64_t a = 2654435761u;  ///< the hash's multiplier of the row index
  std::uint64_t b = 40503u;       ///< the hash's multiplier of the column index
  std::uint64_t p = 4294967291u;  ///< the hash's modulus, a prime just below 2^32

  /// A rows × cols matrix sharing `buckets` ≥ 1 parameters (all 0); throws on 0 buckets.
  HashedMatrix(std::size_t rows, std::size_t cols, std::size_t buckets);
  /// The parameter that entry (i, j) reads: ((a(i+1) + b(j+1)) mod p) mod buckets.
  [[nodiscard]] std::size_t bucket(std::size_t i, std::size_t j) const;
  /// The full rows × cols matrix, entry (i, j) = params[bucket(i, j)].
  [[nodiscard]] matrix expand() const;
  /// The gradient of the shared parameters: Σ over the entries of each bucket (§3.2.9).
  [[nodiscard]] vector tie(const matrix& grad_W) const;
};

}  // namespace descent::nn
