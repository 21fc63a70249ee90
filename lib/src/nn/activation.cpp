#include "descent/nn/activation.hpp"

#include <cmath>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"

namespace descent::nn {

const char* to_string(Activation a) {
  switch (a) {
    case Activation::identity: return "identity";
    case Activation::sigmoid: return "sigmoid";
    case Activation::tanh: return "tanh";
    case Activation::relu: return "relu";
    case Activation::leaky_relu: return "leaky_relu";
    case Activation::hard_tanh: return "hard_tanh";
    case Activation::hard_tanh_closed: return "hard_tanh_closed";
  }
  return "?";
}

double activate(Activation kind, double a, double alpha) {
  switch (kind) {
    case Activation::identity: return a;
    case Activation::sigmoid: return 1 / (1 + std::exp(-a));
    case Activation::tanh: return std::tanh(a);
    case Activation::relu: return a > 0 ? a : 0.0;
    case Activation::leaky_relu: return a > 0 ? a : alpha * a;  // Eq. 3.39
    case Activation::hard_tanh:
    case Activation::hard_tanh_closed: return a > 1 ? 1.0 : (a < -1 ? -1.0 : a);
  }
  return a;
}

double derivative(Activation kind, double a, double alpha) {
  switch (kind) {
    case Activation::identity: return 1;
    case Activation::sigmoid: {
      const double h = activate(kind, a);
      return h * (1 - h);
    }
    case Activation::tanh: {
      const double h = std::tanh(a);
      return 1 - h * h;
    }
    case Activation::relu: return a > 0 ? 1.0 : 0.0;
    case Activation::leaky_relu: return a > 0 ? 1.0 : alpha;
    case Activation::hard_tanh: return (a > -1 && a < 1) ? 1.0 : 0.0;           // §3.2.5
    case Activation::hard_tanh_closed: return (a >= -1 && a <= 1) ? 1.0 : 0.0;  // Table 3.1
  }
  return 1;
}

void activate(Activation kind, const matrix& a, matrix& out, double alpha) {
  if (out.shape() != a.shape()) out.resize(a.shape());
  for (std::size_t i = 0; i < a.size(); ++i) out.flat(i) = activate(kind, a.flat(i), alpha);
}

void activation_backward(Activation kind, const matrix& a, const matrix& h, const matrix& grad_out,
                         matrix& grad_in, double alpha) {
  if (a.shape() != grad_out.shape() || h.shape() != a.shape())
    throw invalid_argument("activation_backward: a is " + shape_string(a) + ", h is " +
                           shape_string(h) + ", grad_out is " + shape_string(grad_out) +
                           "; allowed: equal shapes");
  if (grad_in.shape() != a.shape()) grad_in.resize(a.shape());
  for (std::size_t i = 0; i < a.size(); ++i) {
    double d;
    switch (kind) {
      case Activation::sigmoid: d = h.flat(i) * (1 - h.flat(i)); break;  // Table 3.1
      case Activation::tanh: d = 1 - h.flat(i) * h.flat(i); break;       // Table 3.1
      default: d = derivative(kind, a.flat(i), alpha);
    }
    grad_in.flat(i) = grad_out.flat(i) * d;
  }
}

}  // namespace descent::nn
