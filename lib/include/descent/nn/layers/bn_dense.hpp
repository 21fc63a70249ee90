#pragma once
/// \file
/// A dense layer with batch normalization placed before or after its activation, the two
/// options of Aggarwal Figure 3.18: (a) post-activation, h = BN(Φ(x W + b)); (b)
/// pre-activation, h = Φ(BN(x W + b)), which the book (after Ioffe and Szegedy) prefers.
/// Training mode only (batch statistics); after training use `bn.forward_inference`. The hidden
/// layer of BnNetwork (bn_network.hpp).

#include "descent/nn/activation.hpp"
#include "descent/nn/layers/batch_norm.hpp"
#include "descent/nn/layers/linear.hpp"

namespace descent::nn {

enum class Placement {
  post_activation,  ///< Figure 3.18(a): normalize the activations h
  pre_activation,   ///< Figure 3.18(b): normalize the pre-activations a
};

class BnDense {
 public:
  BnDense(matrix W, vector b, Activation phi, Placement placement, double eps = 1e-5);

  /// The layer's output on a mini-batch, in training mode. `x` must outlive backward().
  const matrix& forward_train(const matrix& x);
  /// From ∂L/∂(output): fills linear.grad_W, linear.grad_b, grad_gamma, grad_beta and
  /// returns ∂L/∂x.
  matrix backward(const matrix& grad_out);

  Linear linear;
  BatchNorm bn;
  Activation phi;
  Placement placement;
  vector grad_gamma, grad_beta;

 private:
  BatchNormCache cache_;
  matrix a_, bn_out_, phi_out_, out_;
};

}  // namespace descent::nn
