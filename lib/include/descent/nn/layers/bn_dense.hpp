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

/// Where BN sits in a layer (Aggarwal Figure 3.18): after or before the activation.
enum class Placement {
  post_activation,  ///< Figure 3.18(a): normalize the activations h
  pre_activation,   ///< Figure 3.18(b): normalize the pre-activations a
};

/// A dense layer with batch normalization, assembled from the textbook layers Linear,
/// BatchNorm and an activation, in either Placement.
class BnDense {
 public:
  /// W fan_in × fan_out, b fan_out entries; BN over the fan_out units with ε = `eps`.
  BnDense(matrix W, vector b, Activation phi, Placement placement, double eps = 1e-5);

  /// The layer's output on a mini-batch, in training mode. `x` must outlive backward().
  const matrix& forward_train(const matrix& x);
  /// From ∂L/∂(output): fills linear.grad_W, linear.grad_b, grad_gamma, grad_beta and
  /// returns ∂L/∂x.
  matrix backward(const matrix& grad_out);

  Linear linear;        ///< the affine part a = x W + b, with its gradients
  BatchNorm bn;         ///< the normalization, with γ, β and running statistics
  Activation phi;       ///< the activation Φ
  Placement placement;  ///< BN after Φ (post) or before it (pre)
  vector grad_gamma;    ///< ∂L/∂γ after backward(), fan_out entries
  vector grad_beta;     ///< ∂L/∂β after backward(), fan_out entries

 private:
  BatchNormCache cache_;
  matrix a_, bn_out_, phi_out_, out_;
};

}  // namespace descent::nn
