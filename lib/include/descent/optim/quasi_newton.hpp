#pragma once
/// \file
/// Quasi-Newton methods, MEDL Algorithm 4.3: θ_d = −B∇C (4.59), a line search for α,
/// θ ← θ + αθ_d (4.60), then update B ≈ (∇²C)⁻¹ from the pair θ_s = θ⁽ᵗ⁺¹⁾ − θ⁽ᵗ⁾,
/// g_s = ∇C(θ⁽ᵗ⁺¹⁾) − ∇C(θ⁽ᵗ⁾) (4.62):
///
/// - BFGS (4.66)/(4.67): B ← VᵀBV + ρθ_sθ_sᵀ, ρ = 1/(g_sᵀθ_s), V = I − ρg_sθ_sᵀ; kept dense;
/// - L-BFGS (4.68)/(4.69), corrected (docs/pages/errata.md): only the last m pairs, B applied
///   to ∇C by the two-loop recursion with B_init = (g_sᵀθ_s / g_sᵀg_s) I, in O(md).
///
/// The update needs the curvature condition g_sᵀθ_s > 0 (4.64) to keep B positive definite; a
/// pair that violates it is skipped and counted, never used.

#include <vector>

#include "descent/optim/line_search.hpp"
#include "descent/optim/trajectory.hpp"
#include "descent/problems/objective.hpp"

namespace descent::optim {

// --- the updates, on their own (tested against each other) -----------------------------------

/// (4.66) as printed: VᵀBV + ρθ_sθ_sᵀ with V = I − ρg_sθ_sᵀ, two d×d×d matrix products, O(d³).
[[nodiscard]] matrix bfgs_update_literal(const matrix& b, const vector& s, const vector& y);
/// The same update expanded to rank two, in place and O(d²):
/// B ← B − ρ(θ_s(Bg_s)ᵀ + (Bg_s)θ_sᵀ) + (ρ²g_sᵀBg_s + ρ)θ_sθ_sᵀ.
/// `work` receives Bg_s (resized if needed). Requires g_sᵀθ_s > 0 (throws otherwise).
void bfgs_update(matrix& b, const vector& s, const vector& y, vector& work);

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
  vector& next_s() { return s_[head_]; }
  vector& next_y() { return y_[head_]; }
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] std::size_t capacity() const { return s_.size(); }
  /// γ = g_sᵀθ_s / g_sᵀg_s of the newest pair (1 when empty): B_init = γI.
  [[nodiscard]] double gamma() const { return gamma_; }
  /// The k-th stored pair, k = 0 the oldest.
  [[nodiscard]] const vector& s(std::size_t k) const;
  [[nodiscard]] const vector& y(std::size_t k) const;
  [[nodiscard]] double rho(std::size_t k) const;
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
/// fused with the dot product that follows it (and the γ scaling, the negation and the slope
/// folded into the passes next to them), so 2m + 1 passes over memory instead of 4m + 4. What
/// lbfgs() runs; two_loop is the textbook form, and the tests hold them equal.
double two_loop_direction(LbfgsMemory& memory, const vector& g, vector& direction);

/// The corrected (4.69) as an explicit d×d matrix, for testing: with pairs k = 0..m−1
/// (oldest first), B̃ = V_{m−1}ᵀ⋯V_0ᵀ(γI)V_0⋯V_{m−1} + Σ_k ρ_k (V_{m−1}ᵀ⋯V_{k+1}ᵀ) s_k s_kᵀ
/// (V_{k+1}⋯V_{m−1}). Equivalent to applying bfgs_update_literal m times to γI.
[[nodiscard]] matrix lbfgs_explicit(const std::vector<vector>& s, const std::vector<vector>& y,
                                    double gamma);

// --- Algorithm 4.3 ------------------------------------------------------------------------------

enum class LineSearchKind { exact, backtracking, wolfe, strong_wolfe };
[[nodiscard]] const char* to_string(LineSearchKind kind);

struct QuasiNewtonOptions {
  StopCriteria stop = [] {
    StopCriteria s;
    s.max_iterations = 1000;
    s.gradient_tolerance = 1e-10;
    return s;
  }();
  /// Also stop when ‖∇C‖ <= relative_gradient_tolerance · max(1, ‖θ‖), the criterion of
  /// LBFGSpp and libLBFGS (0: off): >= 0.
  double relative_gradient_tolerance = 0;
  LineSearchKind line_search = LineSearchKind::strong_wolfe;
  WolfeOptions wolfe;                ///< for wolfe / strong_wolfe (`strong` is set from the kind)
  BacktrackingOptions backtracking;  ///< for backtracking
  ExactOptions exact;                ///< for exact
  /// First trial step 1/‖∇C(θ⁽⁰⁾)‖ instead of alpha0 at t = 0, as LBFGSpp and libLBFGS do: B_init
  /// = I knows nothing of the scale of C.
  bool scale_first_step = true;
  std::size_t m = 6;  ///< L-BFGS memory: 1 <= m <= 1000 (Aggarwal ≈ 30, Nocedal–Wright 3–20)
  /// Skip the update unless g_sᵀθ_s > curvature_epsilon · g_sᵀg_s (4.64): >= 0.
  double curvature_epsilon = 2.220446049250313e-16;
  bool record_theta = true;  ///< keep θ in every Iterate (off for large d)
  void validate() const;
};

struct QuasiNewtonRun {
  Trajectory trajectory;
  int skipped_updates = 0;  ///< pairs rejected by the curvature condition (4.64)
  matrix b;                 ///< BFGS: the final B (empty for L-BFGS)
};

/// Algorithm 4.3 with the dense BFGS update; B_init = I.
[[nodiscard]] QuasiNewtonRun bfgs(const problems::Objective& objective, const vector& theta0,
                                  const QuasiNewtonOptions& options = {});
/// Algorithm 4.3 with L-BFGS (memory m, B_init⁽ᵗ⁾ = γI, B_init⁽⁰⁾ = I). Allocation-free per
/// iteration apart from recording iterates.
[[nodiscard]] QuasiNewtonRun lbfgs(const problems::Objective& objective, const vector& theta0,
                                   const QuasiNewtonOptions& options = {});

}  // namespace descent::optim
