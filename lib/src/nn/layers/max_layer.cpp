#include "descent/nn/layers/max_layer.hpp"

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"

namespace descent::nn {

MaxForward max_forward(const matrix& z) {
  if (z.shape(1) == 0) throw invalid_argument("max_forward: rows are empty; allowed: width >= 1");
  MaxForward f{vector::from_shape({z.shape(0)}), std::vector<std::size_t>(z.shape(0))};
  for (std::size_t r = 0; r < z.shape(0); ++r) {
    std::size_t best = 0;
    for (std::size_t j = 1; j < z.shape(1); ++j)
      if (z(r, j) > z(r, best)) best = j;  // strict: the first maximal index wins ties
    f.argmax[r] = best;
    f.value(r) = z(r, best);
  }
  return f;
}

matrix max_backward(const MaxForward& fwd, const vector& grad_out, std::size_t width) {
  matrix g = xt::zeros<double>({fwd.argmax.size(), width});
  for (std::size_t r = 0; r < fwd.argmax.size(); ++r) g(r, fwd.argmax[r]) = grad_out(r);
  return g;
}

matrix Maxout::forward(const matrix& z) {
  if (W.empty() || W.size() != b.size())
    throw invalid_argument("Maxout: needs as many biases as weight matrices, at least one");
  input_ = z;
  std::vector<matrix> pieces;
  for (std::size_t k = 0; k < W.size(); ++k) {
    matrix p = gemm(z, W[k]);
    for (std::size_t r = 0; r < p.shape(0); ++r)
      for (std::size_t j = 0; j < p.shape(1); ++j) p(r, j) += b[k](j);
    pieces.push_back(std::move(p));
  }
  matrix h = pieces[0];
  winner_ = xt::zeros<std::size_t>(h.shape());
  for (std::size_t k = 1; k < pieces.size(); ++k)
    for (std::size_t i = 0; i < h.size(); ++i)
      if (pieces[k].flat(i) > h.flat(i)) {
        h.flat(i) = pieces[k].flat(i);
        winner_.flat(i) = k;
      }
  return h;
}

matrix Maxout::backward(const matrix& grad_out) {
  grad_W.assign(W.size(), matrix());
  grad_b.assign(W.size(), vector());
  matrix grad_in = xt::zeros<double>(input_.shape());
  for (std::size_t k = 0; k < W.size(); ++k) {
    matrix g = xt::zeros<double>(grad_out.shape());
    for (std::size_t i = 0; i < g.size(); ++i)
      if (winner_.flat(i) == k) g.flat(i) = grad_out.flat(i);
    grad_W[k] = gemm(matrix(xt::transpose(input_)), g);
    grad_b[k] = xt::sum(g, {0});
    grad_in += gemm(g, matrix(xt::transpose(W[k])));
  }
  return grad_in;
}

}  // namespace descent::nn
