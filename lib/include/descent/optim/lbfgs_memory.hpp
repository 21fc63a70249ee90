#pragma once
/// \file
/// The memory of L-BFGS, MEDL (4.68)/(4.69) corrected (docs/pages/errata.md): the last m pairs
/// (θ_s, g_s) in a ring buffer, and B̃∇C applied through them by the two-loop recursion
/// (Nocedal–Wright Algorithm 7.4) with B_init = (g_sᵀθ_s / g_sᵀg_s) I, in O(md) — B̃ is never
/// formed. lbfgs_explicit forms it anyway, d×d, as the tests' oracle.

#include <cstddef>
#include <vector>

#include "descent/core/tensor.hpp"

namespace descent::optim {

/// The last m pairs (θ_s, g_s) of L-BFGS in a ring buffer with ρ = 1/(g_sᵀθ_s).
class LbfgsMemory {
 public:
  /// m >= 1 pairs of vectors of dimension d, allocated once.
  LbfgsMemory(std::size_t m, std::size_t d);
  /// Stores the pair, dropping the oldest when m are held; requires ys = g_sᵀθ_s > 0.
  void push(const vector& s, const vector& y);
  /// Stores a pair whose products ys = yᵀs and yy = yᵀy are known; s and y are written by the
  /// caller into next_s()/next_y() first (no copy).
  void commit(double ys, double yy);
  /// The slot the next θ_s is written into before commit() (the oldest pair's storage when full).
  vector& next_s() { return s_[head_]; }
  /// The slot the next g_s is written into before commit().
  vector& next_y() { return y_[head_]; }
  /// Pairs held, at most capacity().
  [[nodiscard]] std::size_t size() const { return size_; }
  /// m, the most pairs held.
  [[nodiscard]] std::size_t capacity() const { return s_.size(); }
  /// γ = g_sᵀθ_s / g_sᵀg_s of the newest pair (1 when empty): B_init = γI.
  [[nodiscard]] double gamma() const { return gamma_; }
  /// The k-th stored pair, k = 0 the oldest.
  [[nodiscard]] const vector& s(std::size_t k) const;
  /// The k-th stored g_s, k = 0 the oldest.
  [[nodiscard]] const vector& y(std::size_t k) const;
  /// ρ_k = 1/(g_sᵀθ_s) of the k-th stored pair.
  [[nodiscard]] double rho(std::size_t k) const;
  /// Forgets every pair (γ back to 1), keeping the storage.
  void clear();

 private:
  [[nodiscard]] std::size_t slot(std::size_t k) const;
  std::vector<vector> s_, y_;
  std::vector<double> rho_;
  std::vector<double> a_;  // the a_k of the first loop, kept to avoid allocating
  std::size_t head_ = 0, size_ = 0;
  double gamma_ = 1;
  friend void two_loop(LbfgsMemory& memory, const vector& g, vector& r);
  friend double two_loop_direction(LbfgsMemory& memory, const vector& g, vector& direction);
};

/// r = B̃∇C by the two-loop recursion (Nocedal–Wright Algorithm 7.4) over the stored pairs,
/// with B_init = γI. O(md), no allocation when `r` has the right size.
void two_loop(LbfgsMemory& memory, const vector& g, vector& r);

/// θ_d = −B̃∇C as two_loop computes it, returning θ_dᵀ∇C: the same arithmetic with each axpy
/// fused with the dot product that follows it (kernels::axpy_dot; the γ scaling, the negation and
/// the slope folded into the passes next to them), so 2m + 1 passes over memory instead of
/// 4m + 4. What lbfgs() runs; two_loop is the textbook form, and the tests hold them equal.
double two_loop_direction(LbfgsMemory& memory, const vector& g, vector& direction);

/// The corrected (4.69) as an explicit d×d matrix, for testing: with pairs k = 0..m−1
/// (oldest first), B̃ = V_{m−1}ᵀ⋯V_0ᵀ(γI)V_0⋯V_{m−1} + Σ_k ρ_k (V_{m−1}ᵀ⋯V_{k+1}ᵀ) s_k s_kᵀ
/// (V_{k+1}⋯V_{m−1}). Equivalent to applying bfgs_update_literal m times to γI.
[[nodiscard]] matrix lbfgs_explicit(const std::vector<vector>& s, const std::vector<vector>& y,
                                    double gamma);

}  // namespace descent::optim
