#include "descent/optim/bfgs_update.hpp"

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"
#include "descent/core/linalg.hpp"

namespace descent::optim {

matrix bfgs_update_literal(const matrix& b, const vector& s, const vector& y) {
  const std::size_t d = s.size();
  const double rho = 1 / dot(y, s);  // (4.67)
  matrix v = xt::eye<double>(d);
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = 0; j < d; ++j) v(i, j) -= rho * y(i) * s(j);  // V = I − ρ g_s θ_sᵀ
  const matrix vt = xt::transpose(v);
  matrix out = gemm(gemm(vt, b), v);  // (4.66): VᵀBV ...
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = 0; j < d; ++j) out(i, j) += rho * s(i) * s(j);  // ... + ρ θ_s θ_sᵀ
  return out;
}

//! [bfgs-update]
void bfgs_update(matrix& b, const vector& s, const vector& y, vector& work) {
  const std::size_t d = s.size();
  const double ys = dot(y, s);
  if (!(ys > 0))
    throw invalid_argument("bfgs_update: g_s^T theta_s = " + short_number(ys) +
                           "; allowed: > 0 (the curvature condition (4.64))");
  const double rho = 1 / ys;
  if (work.size() != d) work.resize({d});
  for (std::size_t i = 0; i < d; ++i) {  // u = B g_s
    double sum = 0;
    for (std::size_t j = 0; j < d; ++j) sum += b(i, j) * y(j);
    work(i) = sum;
  }
  double yby = 0;
  for (std::size_t i = 0; i < d; ++i) yby += y(i) * work(i);
  const double c = rho * rho * yby + rho;
  // VᵀBV + ρssᵀ multiplied out: B − ρ(s uᵀ + u sᵀ) + (ρ² g_sᵀBg_s + ρ) s sᵀ, O(d²)
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = 0; j < d; ++j)
      b(i, j) += -rho * (s(i) * work(j) + work(i) * s(j)) + c * s(i) * s(j);
}
//! [bfgs-update]

}  // namespace descent::optim
