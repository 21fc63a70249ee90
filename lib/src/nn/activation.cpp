#include "descent/nn/activation.hpp"

#include <cmath>
#include <string>
#include <type_traits>

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

namespace {

// Φ and Φ' of a kind known at compile time. The one-number functions below pick the kind per
// call; the loops over a mini-batch pick it once and run a loop the compiler can vectorize
// (a call and a switch per element cost more than a ReLU).
template <Activation K>
double value(double a, double alpha) {
  if constexpr (K == Activation::identity) return a;
  if constexpr (K == Activation::sigmoid) return 1 / (1 + std::exp(-a));
  if constexpr (K == Activation::tanh) return std::tanh(a);
  if constexpr (K == Activation::relu) return a > 0 ? a : 0.0;
  if constexpr (K == Activation::leaky_relu) return a > 0 ? a : alpha * a;  // Eq. 3.39
  if constexpr (K == Activation::hard_tanh || K == Activation::hard_tanh_closed)
    return a > 1 ? 1.0 : (a < -1 ? -1.0 : a);
}

template <Activation K>
double slope(double a, double alpha) {
  if constexpr (K == Activation::identity) return 1;
  if constexpr (K == Activation::sigmoid) {
    const double h = value<K>(a, alpha);
    return h * (1 - h);
  }
  if constexpr (K == Activation::tanh) {
    const double h = std::tanh(a);
    return 1 - h * h;
  }
  if constexpr (K == Activation::relu) return a > 0 ? 1.0 : 0.0;
  if constexpr (K == Activation::leaky_relu) return a > 0 ? 1.0 : alpha;
  if constexpr (K == Activation::hard_tanh) return (a > -1 && a < 1) ? 1.0 : 0.0;  // §3.2.5
  if constexpr (K == Activation::hard_tanh_closed)
    return (a >= -1 && a <= 1) ? 1.0 : 0.0;  // Table 3.1
}

template <Activation K>
using Kind = std::integral_constant<Activation, K>;

// f(Kind<kind>{}): the run-time kind as a compile-time one.
template <class F>
decltype(auto) with_kind(Activation kind, F&& f) {
  switch (kind) {
    case Activation::identity: return f(Kind<Activation::identity>{});
    case Activation::sigmoid: return f(Kind<Activation::sigmoid>{});
    case Activation::tanh: return f(Kind<Activation::tanh>{});
    case Activation::relu: return f(Kind<Activation::relu>{});
    case Activation::leaky_relu: return f(Kind<Activation::leaky_relu>{});
    case Activation::hard_tanh: return f(Kind<Activation::hard_tanh>{});
    case Activation::hard_tanh_closed: return f(Kind<Activation::hard_tanh_closed>{});
  }
  throw invalid_argument("activation: unknown kind " + std::to_string(int(kind)));
}

void require_same_shape(ConstMatrixView a, ConstMatrixView b, const char* who) {
  if (a.rows != b.rows || a.cols != b.cols)
    throw invalid_argument(std::string(who) + ": " + std::to_string(a.rows) + "x" +
                           std::to_string(a.cols) + " and " + std::to_string(b.rows) + "x" +
                           std::to_string(b.cols) + "; allowed: equal shapes");
}

}  // namespace

double activate(Activation kind, double a, double alpha) {
  return with_kind(kind, [&](auto k) { return value<decltype(k)::value>(a, alpha); });
}

double derivative(Activation kind, double a, double alpha) {
  return with_kind(kind, [&](auto k) { return slope<decltype(k)::value>(a, alpha); });
}

void activate(Activation kind, ConstMatrixView a, MatrixView h, double alpha) {
  require_same_shape(a, h, "activate");
  const std::size_t n = a.rows * a.cols;
  with_kind(kind, [&](auto k) {
    for (std::size_t i = 0; i < n; ++i) h.data[i] = value<decltype(k)::value>(a.data[i], alpha);
  });
}

void multiply_by_derivative(Activation kind, ConstMatrixView a, MatrixView delta, double alpha) {
  require_same_shape(a, delta, "multiply_by_derivative");
  const std::size_t n = a.rows * a.cols;
  with_kind(kind, [&](auto k) {
    for (std::size_t i = 0; i < n; ++i)
      delta.data[i] *= slope<decltype(k)::value>(a.data[i], alpha);
  });
}

void activate(Activation kind, const matrix& a, matrix& out, double alpha) {
  if (out.shape() != a.shape()) out.resize(a.shape());
  activate(kind, ConstMatrixView(a), MatrixView{out.data(), a.shape(0), a.shape(1)}, alpha);
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
