#include "descent/nn/layers/jacobian.hpp"

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"

namespace descent::nn {

matrix numerical_jacobian(const VectorFunction& f, const vector& z, double h) {
  if (!(h > 0)) throw invalid_argument("numerical_jacobian: h must be > 0");
  const vector f0 = f(z);
  matrix J = matrix::from_shape({f0.size(), z.size()});
  for (std::size_t r = 0; r < z.size(); ++r) {
    vector up = z, down = z;
    up(r) += h;
    down(r) -= h;
    const vector fu = f(up), fd = f(down);
    for (std::size_t k = 0; k < f0.size(); ++k) J(k, r) = (fu(k) - fd(k)) / (2 * h);
  }
  return J;
}

vector jacobian_backward(const matrix& J, const vector& grad_out) {
  if (J.shape(0) != grad_out.size())
    throw invalid_argument("jacobian_backward: J is " + shape_string(J) + " but g has " +
                           shape_string(grad_out) + " entries; allowed: J.shape(0) == g.size()");
  vector g = xt::zeros<double>({J.shape(1)});
  for (std::size_t k = 0; k < J.shape(0); ++k)
    for (std::size_t r = 0; r < J.shape(1); ++r) g(r) += J(k, r) * grad_out(k);  // Jᵀ g
  return g;
}

}  // namespace descent::nn
