#pragma once
// Instances the student did not choose, for the exercises that turn a proof into a computation:
// random orthogonal matrices and symmetric matrices with prescribed eigenvalues, drawn with
// descent's portable Rng (the same numbers on every machine). Compiled once, in
// random_matrices.cpp, so that the exercise tests that use them stay quick to compile.

#include <cstddef>
#include <vector>

#include "descent/core/random.hpp"
#include "descent/core/tensor.hpp"

namespace descent::testing {

/// A random d × d orthogonal matrix: the eigenvectors of a random symmetric matrix.
descent::matrix random_orthogonal(std::size_t d, descent::Rng& rng);

/// Q diag(lambda) Qᵀ for a random orthogonal Q: a symmetric matrix whose eigenvalues the caller
/// knows exactly (and whose eigenvectors are the columns of `q`, when given).
descent::matrix with_eigenvalues(const std::vector<double>& lambda, descent::Rng& rng,
                                 descent::matrix* q = nullptr);

/// Eigenvalues drawn uniformly from [low, high).
std::vector<double> random_eigenvalues(std::size_t d, double low, double high, descent::Rng& rng);

/// Hx.
descent::vector times(const descent::matrix& h, const descent::vector& x);

/// xᵀy.
double inner(const descent::vector& x, const descent::vector& y);

/// The rows, or the columns, of m as vectors.
std::vector<descent::vector> rows_of(const descent::matrix& m);
std::vector<descent::vector> columns_of(const descent::matrix& m);

/// ‖x‖₂.
double norm(const descent::vector& x);

/// x + s·y, and x − y: vector arithmetic compiled here once, because each distinct xtensor
/// expression a test spells out costs it a noticeable part of a second to compile.
descent::vector plus(const descent::vector& x, double s, const descent::vector& y);
descent::vector minus(const descent::vector& x, const descent::vector& y);

}  // namespace descent::testing
