#include "descent/nn/layers/bn_dense.hpp"

#include <utility>

namespace descent::nn {

BnDense::BnDense(matrix W, vector b, Activation phi_, Placement placement_, double eps)
    : linear(std::move(W), std::move(b)),
      bn(linear.W.shape(1), eps),
      phi(phi_),
      placement(placement_) {}

//! [placement]
const matrix& BnDense::forward_train(const matrix& x) {
  a_ = linear.forward(x);
  if (placement == Placement::pre_activation) {
    bn_out_ = bn.forward_train(a_, cache_);  // Figure 3.18(b): BN between W and Φ
    activate(phi, bn_out_, out_);
  } else {
    activate(phi, a_, phi_out_);
    out_ = bn.forward_train(phi_out_, cache_);  // Figure 3.18(a): BN after Φ
  }
  return out_;
}

matrix BnDense::backward(const matrix& grad_out) {
  matrix grad_a;
  if (placement == Placement::pre_activation) {
    matrix grad_bn;
    activation_backward(phi, bn_out_, out_, grad_out, grad_bn);
    auto g = bn.backward_compact(cache_, grad_bn);
    grad_a = std::move(g.v);
    grad_gamma = std::move(g.gamma);
    grad_beta = std::move(g.beta);
  } else {
    auto g = bn.backward_compact(cache_, grad_out);
    activation_backward(phi, a_, phi_out_, g.v, grad_a);
    grad_gamma = std::move(g.gamma);
    grad_beta = std::move(g.beta);
  }
  return linear.backward(grad_a);
}
//! [placement]

}  // namespace descent::nn
