#pragma once
/// \file
/// Feature preprocessing, Aggarwal §3.3.2: mean-centering, standardization, min-max scaling
/// (Eq. 3.35) and whitening (Eqs. 3.36–3.37). One example per row, one feature per column.
/// Standard deviations divide by n, consistently with the covariance DᵀD/n of Eq. 3.36.

#include <cstddef>

#include "descent/core/tensor.hpp"

namespace descent::data {

/// The mean of each column of D (n × d): d entries.
[[nodiscard]] vector column_means(const matrix& D);
/// Standard deviations with 1/n.
[[nodiscard]] vector column_stds(const matrix& D);

/// D with each column's mean subtracted.
[[nodiscard]] matrix center(const matrix& D);
/// Centered, then divided by the standard deviation (1/n). A constant column stays 0.
[[nodiscard]] matrix standardize(const matrix& D);
/// (x − min_j)/(max_j − min_j) (Eq. 3.35). A constant column becomes 0.
[[nodiscard]] matrix min_max(const matrix& D);

/// What whiten() returns (Aggarwal Eqs. 3.36–3.37): the mean it subtracted, the k eigenpairs
/// of the covariance it kept, and the whitened data U.
struct Whitening {
  vector mean;         ///< subtracted first
  vector eigenvalues;  ///< of C = DᵀD/n, the kept ones, in DESCENDING order
  matrix P;            ///< d × k: the kept eigenvectors (Eq. 3.37's projection)
  matrix U;            ///< n × k: the whitened data (D − mean) P / √λ
};

/// Whitening of Eqs. 3.36–3.37: center, C = DᵀD/n, keep the eigenvectors whose eigenvalue
/// exceeds `threshold` (the book: 10⁻⁵), project U = D P, divide each column by √(λ + reg)
/// (the book's alternative to dropping: add 10⁻⁵ to every eigenvalue; 0 = no regularizer).
[[nodiscard]] Whitening whiten(const matrix& D, double threshold = 1e-5, double reg = 0);

}  // namespace descent::data
