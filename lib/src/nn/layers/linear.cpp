#include "descent/nn/layers/linear.hpp"

#include <utility>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xnoalias.hpp>
#include <xtensor/xview.hpp>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"

namespace descent::nn {

Linear::Linear(matrix W_, vector b_) : W(std::move(W_)), b(std::move(b_)) {
  if (b.size() != W.shape(1))
    throw invalid_argument("Linear: W is " + shape_string(W) + " but b has " + shape_string(b) +
                           " entries; allowed: b.size() == W.shape(1)");
  grad_W = xt::zeros<double>(W.shape());
  grad_b = xt::zeros<double>(b.shape());
}

namespace {
// out = z W + 1 bᵀ: one GEMM, then the bias on every row.
void affine(const matrix& z, const matrix& W, const vector& b, matrix& out) {
  gemm(z, W, out);
  for (std::size_t r = 0; r < out.shape(0); ++r)
    for (std::size_t j = 0; j < out.shape(1); ++j) out(r, j) += b(j);
}
}  // namespace

const matrix& Linear::forward(const matrix& z) {
  input_ = &z;
  affine(z, W, b, out_);
  return out_;
}

matrix Linear::apply(const matrix& z) const {
  matrix out;
  affine(z, W, b, out);
  return out;
}

const matrix& Linear::backward(const matrix& grad_out) {
  if (input_ == nullptr) throw invalid_argument("Linear::backward before forward");
  // Transposes are copied into buffers kept across calls (no allocation once shapes settle).
  if (w_t_.shape(0) != W.shape(1) || w_t_.shape(1) != W.shape(0))
    w_t_.resize({W.shape(1), W.shape(0)});
  xt::noalias(w_t_) = xt::transpose(W);
  const matrix& z = *input_;
  if (z_t_.shape(0) != z.shape(1) || z_t_.shape(1) != z.shape(0))
    z_t_.resize({z.shape(1), z.shape(0)});
  xt::noalias(z_t_) = xt::transpose(z);
  gemm(grad_out, w_t_, grad_in_);  // g_i = W g_{i+1}, batched
  gemm(z_t_, grad_out, grad_W);    // Σ_r z^(r) g^(r)ᵀ
  for (std::size_t j = 0; j < grad_b.size(); ++j) {
    double s = 0;
    for (std::size_t r = 0; r < grad_out.shape(0); ++r) s += grad_out(r, j);
    grad_b(j) = s;
  }
  return grad_in_;
}

}  // namespace descent::nn
