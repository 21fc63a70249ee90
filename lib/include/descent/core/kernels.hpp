#pragma once
/// \file
/// The vector kernels the optimizers run in their inner loops, in one place: the Euclidean
/// norm, a dot product on raw storage, the fused axpy-dot of the L-BFGS two-loop recursion and
/// the one pass that forms a quasi-Newton pair.
///
/// Why not BLAS (descent::dot in linalg.hpp) or xtensor expressions: these loops run once per
/// line-search trial or per L-BFGS pass over a few vectors, where a call into BLAS costs more
/// than the arithmetic for small d, and they fuse several products into one pass over memory.
/// The reductions keep four (or two) partial sums: without -ffast-math the compiler may not
/// reorder a single running sum, so the separate sums are what let the loops use SIMD lanes
/// (as Eigen's reductions do). Each kernel's summation order is fixed, so results are the same
/// bits on every run.

#include <cmath>
#include <cstddef>

#include "descent/core/tensor.hpp"

namespace descent {

/// ‖x‖₂ = √(Σᵢ xᵢ²), summed in index order: the norm every optimizer records (‖∇C‖, ‖θ_s‖).
[[nodiscard]] inline double euclidean_norm(const vector& x) {
  double sum = 0;
  for (double xi : x) sum += xi * xi;
  return std::sqrt(sum);
}

namespace kernels {

/// xᵀy over n entries, with four partial sums ((s0 + s1) + (s2 + s3)).
[[nodiscard]] inline double dot(const double* x, const double* y, std::size_t n) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += x[i] * y[i];
    s1 += x[i + 1] * y[i + 1];
    s2 += x[i + 2] * y[i + 2];
    s3 += x[i + 3] * y[i + 3];
  }
  for (; i < n; ++i) s0 += x[i] * y[i];
  return (s0 + s1) + (s2 + s3);
}

/// q = scale (src − a y), returning wᵀq (four partial sums); `src` may be `q` itself. One pass
/// over memory where the textbook loop takes two (an axpy, then the next dot product): the
/// step of the fused L-BFGS two-loop recursion (lbfgs_memory.hpp, two_loop_direction).
inline double axpy_dot(const double* src, double a, const double* y, double scale, double* q,
                       const double* w, std::size_t n) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const double v0 = scale * (src[i] - a * y[i]), v1 = scale * (src[i + 1] - a * y[i + 1]);
    const double v2 = scale * (src[i + 2] - a * y[i + 2]), v3 = scale * (src[i + 3] - a * y[i + 3]);
    q[i] = v0;
    q[i + 1] = v1;
    q[i + 2] = v2;
    q[i + 3] = v3;
    s0 += w[i] * v0;
    s1 += w[i + 1] * v1;
    s2 += w[i + 2] * v2;
    s3 += w[i + 3] * v3;
  }
  for (; i < n; ++i) {
    q[i] = scale * (src[i] - a * y[i]);
    s0 += w[i] * q[i];
  }
  return (s0 + s1) + (s2 + s3);
}

/// The products a quasi-Newton step needs after moving from θ to θ⁺ (MEDL (4.62)–(4.64)).
struct PairProducts {
  double ys;  ///< g_sᵀθ_s
  double yy;  ///< g_sᵀg_s
  double ss;  ///< θ_sᵀθ_s
  double gg;  ///< ∇C⁺ᵀ∇C⁺
  double xx;  ///< θ⁺ᵀθ⁺
};

/// One pass over d entries: θ_s = θ⁺ − θ into `s`, g_s = ∇C⁺ − ∇C into `y`, then θ ← θ⁺ and
/// ∇C ← ∇C⁺, returning the five products of PairProducts (two interleaved partial sums each, so
/// the compiler can pair the lanes with SSE2).
inline PairProducts secant_pair(const double* theta_new, const double* g_new, double* theta,
                                double* g, double* s, double* y, std::size_t d) {
  double acc[2][5] = {};  // ys, yy, ss, gg, xx
  std::size_t i = 0;
  for (; i + 2 <= d; i += 2)
    for (std::size_t l = 0; l < 2; ++l) {
      const double si = theta_new[i + l] - theta[i + l], yi = g_new[i + l] - g[i + l];
      s[i + l] = si;
      y[i + l] = yi;
      theta[i + l] = theta_new[i + l];
      g[i + l] = g_new[i + l];
      acc[l][0] += yi * si;
      acc[l][1] += yi * yi;
      acc[l][2] += si * si;
      acc[l][3] += g_new[i + l] * g_new[i + l];
      acc[l][4] += theta_new[i + l] * theta_new[i + l];
    }
  for (; i < d; ++i) {
    const double si = theta_new[i] - theta[i], yi = g_new[i] - g[i];
    s[i] = si;
    y[i] = yi;
    theta[i] = theta_new[i];
    g[i] = g_new[i];
    acc[0][0] += yi * si;
    acc[0][1] += yi * yi;
    acc[0][2] += si * si;
    acc[0][3] += g_new[i] * g_new[i];
    acc[0][4] += theta_new[i] * theta_new[i];
  }
  return {acc[0][0] + acc[1][0], acc[0][1] + acc[1][1], acc[0][2] + acc[1][2],
          acc[0][3] + acc[1][3], acc[0][4] + acc[1][4]};
}

}  // namespace kernels
}  // namespace descent
