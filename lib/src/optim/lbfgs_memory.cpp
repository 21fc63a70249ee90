#include "descent/optim/lbfgs_memory.hpp"

#include <string>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"
#include "descent/core/kernels.hpp"
#include "descent/core/linalg.hpp"

namespace descent::optim {

LbfgsMemory::LbfgsMemory(std::size_t m, std::size_t d) : rho_(m), a_(m) {
  require("m", double(m), Interval::closed(1, 1000));
  for (std::size_t k = 0; k < m; ++k) {
    s_.emplace_back(vector::shape_type{d});
    y_.emplace_back(vector::shape_type{d});
  }
}

std::size_t LbfgsMemory::slot(std::size_t k) const {
  const std::size_t m = s_.size();
  return (head_ + m - size_ + k) % m;
}
const vector& LbfgsMemory::s(std::size_t k) const {
  return s_[slot(k)];
}
const vector& LbfgsMemory::y(std::size_t k) const {
  return y_[slot(k)];
}
double LbfgsMemory::rho(std::size_t k) const {
  return rho_[slot(k)];
}

void LbfgsMemory::push(const vector& s, const vector& y) {
  next_s() = s;
  next_y() = y;
  commit(dot(y, s), dot(y, y));
}

void LbfgsMemory::commit(double ys, double yy) {
  if (!(ys > 0))
    throw invalid_argument("L-BFGS: g_s^T theta_s = " + short_number(ys) +
                           "; allowed: > 0 (the curvature condition (4.64))");
  rho_[head_] = 1 / ys;
  gamma_ = ys / yy;  // B_init = (g_sᵀθ_s / g_sᵀg_s) I, MEDL after (4.69)
  head_ = (head_ + 1) % s_.size();
  if (size_ < s_.size()) ++size_;
}

void LbfgsMemory::clear() {
  size_ = 0;
  head_ = 0;
  gamma_ = 1;
}

//! [two-loop]
void two_loop(LbfgsMemory& memory, const vector& g, vector& r) {
  const std::size_t d = g.size();
  if (r.size() != d) r.resize({d});
  double* q = r.data();
  const double* gp = g.data();
  for (std::size_t i = 0; i < d; ++i) q[i] = gp[i];
  // first loop, newest pair to oldest: a_k = ρ_k θ_sᵀq, q ← q − a_k g_s
  for (std::size_t k = memory.size(); k-- > 0;) {
    const std::size_t j = memory.slot(k);
    const double* s = memory.s_[j].data();
    const double* y = memory.y_[j].data();
    const double a = memory.rho_[j] * kernels::dot(s, q, d);
    memory.a_[j] = a;
    for (std::size_t i = 0; i < d; ++i) q[i] -= a * y[i];
  }
  // r = B_init q = γq
  const double gamma = memory.gamma();
  for (std::size_t i = 0; i < d; ++i) q[i] *= gamma;
  // second loop, oldest to newest: b = ρ_k g_sᵀr, r ← r + θ_s (a_k − b)
  for (std::size_t k = 0; k < memory.size(); ++k) {
    const std::size_t j = memory.slot(k);
    const double* s = memory.s_[j].data();
    const double* y = memory.y_[j].data();
    const double c = memory.a_[j] - memory.rho_[j] * kernels::dot(y, q, d);
    for (std::size_t i = 0; i < d; ++i) q[i] += c * s[i];
  }
}
//! [two-loop]

double two_loop_direction(LbfgsMemory& memory, const vector& g, vector& direction) {
  using kernels::axpy_dot;
  const std::size_t d = g.size(), n = memory.size();
  if (direction.size() != d) direction.resize({d});
  double* q = direction.data();
  const double* gp = g.data();
  const double gamma = memory.gamma();
  if (n == 0) return axpy_dot(gp, 0, gp, -gamma, q, gp, d);  // θ_d = −γ∇C
  auto slot = [&](std::size_t k) { return memory.slot(k); };
  // first loop, newest pair to oldest: a_k = ρ_k θ_sᵀq, q ← q − a_k g_s; each pass also takes
  // the next dot product, and the last one scales by γ and takes the first b of the second loop
  std::size_t j = slot(n - 1);
  double a = memory.rho_[j] * kernels::dot(memory.s_[j].data(), gp, d);
  const double* src = gp;
  double b = 0;
  for (std::size_t k = n; k-- > 0;) {
    j = slot(k);
    memory.a_[j] = a;
    if (k > 0) {
      const std::size_t next = slot(k - 1);
      a = memory.rho_[next] *
          axpy_dot(src, a, memory.y_[j].data(), 1, q, memory.s_[next].data(), d);
    } else {
      b = memory.rho_[j] * axpy_dot(src, a, memory.y_[j].data(), gamma, q, memory.y_[j].data(), d);
    }
    src = q;
  }
  // second loop, oldest to newest: r ← r + θ_s (a_k − b_k), b_{k+1} = ρ g_sᵀr; the last pass
  // negates (θ_d = −r) and returns θ_dᵀ∇C
  double slope = 0;
  for (std::size_t k = 0; k < n; ++k) {
    j = slot(k);
    const double c = memory.a_[j] - b;
    if (k + 1 < n) {
      const std::size_t next = slot(k + 1);
      b = memory.rho_[next] * axpy_dot(q, -c, memory.s_[j].data(), 1, q, memory.y_[next].data(), d);
    } else {
      slope = axpy_dot(q, -c, memory.s_[j].data(), -1, q, gp, d);
    }
  }
  return slope;
}

matrix lbfgs_explicit(const std::vector<vector>& s, const std::vector<vector>& y, double gamma) {
  if (s.empty() || s.size() != y.size())
    throw invalid_argument("lbfgs_explicit: " + std::to_string(s.size()) + " s and " +
                           std::to_string(y.size()) + " y vectors; allowed: equally many, >= 1");
  const std::size_t d = s[0].size(), m = s.size();
  matrix b = xt::zeros<double>({d, d});
  matrix p = xt::eye<double>(d);  // P_k = V_{k+1} ⋯ V_{m−1}, built from the newest pair back
  for (std::size_t k = m; k-- > 0;) {
    const double rho = 1 / dot(y[k], s[k]);
    const matrix pt = xt::transpose(p);
    const vector w = gemv(pt, s[k]);  // P_kᵀ θ_s⁽ᵏ⁾
    for (std::size_t i = 0; i < d; ++i)
      for (std::size_t j = 0; j < d; ++j) b(i, j) += rho * w(i) * w(j);
    matrix v = xt::eye<double>(d);
    for (std::size_t i = 0; i < d; ++i)
      for (std::size_t j = 0; j < d; ++j) v(i, j) -= rho * y[k](i) * s[k](j);
    p = gemm(v, p);  // P_{k−1} = V_k P_k
  }
  const matrix pt = xt::transpose(p);
  b += gamma * gemm(pt, p);  // (V_0⋯V_{m−1})ᵀ (γI) (V_0⋯V_{m−1})
  return b;
}

}  // namespace descent::optim
