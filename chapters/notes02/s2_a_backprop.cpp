/// \file
/// The notes' Algorithm 2 (backpropagation for depth L) and Appendix 2.A, Eqs. (2.12)–(2.18):
/// a two-layer network σ₂(W⁽²⁾σ₁(W⁽¹⁾x)) with a sigmoid σ₁, softmax σ₂ and cross-entropy loss,
/// differentiated elementwise (2.15)/(2.17) and in matrix form (2.18).

#include <cmath>
#include <string>
#include <xtensor/xmanipulation.hpp>

#include "common/errata.hpp"
#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/nn/activation.hpp"
#include "descent/nn/backprop/network.hpp"
#include "descent/nn/softmax.hpp"
#include "notes02/sections.hpp"

namespace descent::chapters::notes02 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

// The notes give no numbers; these weights are the catalogue's (N20/N21). W^(l) maps layer
// l's input to its pre-activation, a^(l) = W^(l) z_l (rows = outputs, as in the notes).
const std::vector<matrix>& weights() {
  static const std::vector<matrix> w{
      {{0.1, -0.2, 0.3}, {-0.4, 0.5, -0.6}, {0.7, -0.8, 0.9}, {0.2, 0.1, -0.1}},
      {{0.3, -0.1, 0.2, 0.4}, {-0.5, 0.6, -0.2, 0.1}, {0.1, 0.2, -0.3, -0.4}},
      {{0.5, -0.4, 0.3}, {-0.2, 0.6, -0.1}}};
  return w;
}

double sigmoid(double a) {
  return nn::activate(nn::Activation::sigmoid, a);
}

struct Pass {
  std::vector<vector> z;  ///< z_1 = x, z_2, ..., z_L: the input of each layer
  std::vector<vector> a;  ///< a^(1), ..., a^(L)
  vector p;               ///< softmax(a^(L))
  double loss;
};

Pass forward(const std::vector<matrix>& W, const vector& x, std::size_t label) {
  Pass f;
  f.z.push_back(x);
  for (std::size_t l = 0; l < W.size(); ++l) {
    f.a.push_back(gemv(W[l], f.z.back()));
    if (l + 1 < W.size()) {
      vector h = f.a.back();
      for (auto& v : h) v = sigmoid(v);
      f.z.push_back(h);
    }
  }
  matrix logits = xt::reshape_view(f.a.back(), {std::size_t(1), f.a.back().size()});
  f.p = xt::flatten(nn::softmax(logits));
  matrix y = xt::zeros<double>(logits.shape());
  y(0, label) = 1;
  f.loss = nn::cross_entropy(logits, y);
  return f;
}

//! [algorithm-2]
// Algorithm 2 as printed: ∇_{a^(L)}L = p − e_y (softmax + cross-entropy), then for each layer
// ∂L/∂W^(l) = ∇_{a^(l)}L z_lᵀ and ∇_{a^(l−1)}L = A^(l−1) (W^(l))ᵀ ∇_{a^(l)}L, the general form
// of Eq. (2.18) with A = diag(σ′(a)).
std::vector<matrix> algorithm_2(const std::vector<matrix>& W, const Pass& f, std::size_t label) {
  const std::size_t L = W.size();
  std::vector<matrix> grads(L);
  vector delta = f.p;  // step 1
  delta(label) -= 1;
  for (std::size_t l = L; l-- > 0;) {
    grads[l] = matrix::from_shape({delta.size(), f.z[l].size()});  // steps 2 and 5
    for (std::size_t j = 0; j < delta.size(); ++j)
      for (std::size_t i = 0; i < f.z[l].size(); ++i) grads[l](j, i) = delta(j) * f.z[l](i);
    if (l == 0) break;
    vector back = gemv(matrix(xt::transpose(W[l])), delta);  // step 4: (W^(l))ᵀ ∇
    for (std::size_t i = 0; i < back.size(); ++i) {
      const double s = sigmoid(f.a[l - 1](i));
      back(i) *= s * (1 - s);  // A^(l−1)
    }
    delta = back;
  }
  return grads;
}
//! [algorithm-2]

// The same gradients from the library's batched pre-activation backprop (rows = examples,
// W transposed to fan-in × fan-out), to show the two agree.
std::vector<matrix> library_gradients(const std::vector<matrix>& W, const vector& x,
                                      std::size_t label) {
  nn::Network net;
  for (std::size_t l = 0; l < W.size(); ++l)
    net.layers.push_back({matrix(xt::transpose(W[l])), xt::zeros<double>({W[l].shape(0)}),
                          l + 1 < W.size() ? nn::Activation::sigmoid : nn::Activation::identity});
  const matrix X = xt::reshape_view(x, {std::size_t(1), x.size()});
  const auto f = nn::forward(net, X);
  matrix y = xt::zeros<double>(f.h.back().shape());
  y(0, label) = 1;
  const auto g = nn::backprop_pre_activation(net, f, nn::softmax_cross_entropy_grad(f.h.back(), y));
  std::vector<matrix> out;
  for (const auto& gw : g.W) out.push_back(matrix(xt::transpose(gw)));
  return out;
}

void add_gradient_values(Result& result, const std::vector<matrix>& grads) {
  auto& t = result.table("gradients", {"parameter", "dL/dW"});
  for (std::size_t l = 0; l < grads.size(); ++l)
    for (std::size_t j = 0; j < grads[l].shape(0); ++j)
      for (std::size_t i = 0; i < grads[l].shape(1); ++i) {
        const std::string name =
            "W" + std::to_string(l + 1) + "_" + std::to_string(j + 1) + std::to_string(i + 1);
        t.add({name, grads[l](j, i)});
        result.value("dL_d" + name, grads[l](j, i));
      }
}

double max_diff(const std::vector<matrix>& a, const std::vector<matrix>& b) {
  double m = 0;
  for (std::size_t l = 0; l < a.size(); ++l)
    for (std::size_t i = 0; i < a[l].size(); ++i)
      m = std::max(m, std::fabs(a[l].flat(i) - b[l].flat(i)));
  return m;
}

// The input x of both items.
Param x_param() {
  return Param::vector("x", "0.5,-1,1", Provenance::companion,
                       "input (x1, x2, 1): the last entry is the intercept's 1", 3, 3,
                       Interval::closed(-1e100, 1e100));
}

std::size_t label_from(const Params& p, std::size_t classes) {
  const long label = p.integer("label");
  if (label < 0 || std::size_t(label) >= classes)
    throw invalid_argument("label " + std::to_string(label) + " is out of range; allowed: 0.." +
                           std::to_string(classes - 1));
  return std::size_t(label);
}

Result backprop_depth_l(const Params& p) {
  const auto layers = static_cast<std::size_t>(p.integer("layers"));
  const std::vector<matrix> W(weights().begin(), weights().begin() + std::ptrdiff_t(layers));
  const vector x = to_vector(p.vector("x"));
  const std::size_t label = label_from(p, W.back().shape(0));
  const auto f = forward(W, x, label);
  const auto grads = algorithm_2(W, f, label);
  Result result;
  result.value("L", f.loss);
  for (std::size_t k = 0; k < f.p.size(); ++k) result.value("p_" + std::to_string(k + 1), f.p(k));
  add_gradient_values(result, grads);
  result.value("max_diff_library", max_diff(grads, library_gradients(W, x, label)));
  return result;
}

app::Item backprop_depth_l_item() {
  return {"algorithm-2",
          "Algorithm 2: backpropagation through L sigmoid layers with a softmax output",
          "Notes Ch. 2, Algorithm 2",
          {x_param(),
           Param::integer("label", "0", Provenance::companion, "true class y (0-based)",
                          Interval::closed(0, 3)),
           Param::integer("layers", "3", Provenance::companion,
                          "depth L (3 -> 4 -> 3 -> 2 network, or the first 2 layers)",
                          Interval::closed(2, 3))},
          backprop_depth_l,
          /*errata=*/common::errata({"notes-algorithm-2"})};
}

//! [eq-2.18]
Result two_layer(const Params& p) {
  const std::vector<matrix> W(weights().begin(), weights().begin() + 2);
  const vector x = to_vector(p.vector("x"));
  const std::size_t label = label_from(p, 3);
  const auto f = forward(W, x, label);
  vector delta2 = f.p;
  delta2(label) -= 1;  // δ⁽²⁾ = ∇_{a⁽²⁾}L = p − e_y

  // Elementwise: (2.15) ∂L/∂W⁽²⁾_ji = δ⁽²⁾_j z_i; (2.16) δ⁽¹⁾_i = Σ_j δ⁽²⁾_j W⁽²⁾_ji σ′(a⁽¹⁾_i);
  // (2.17) ∂L/∂W⁽¹⁾_id = δ⁽¹⁾_i x_d.
  const vector& z = f.z[1];
  const std::size_t K = 3, M = 4, D = x.size();
  matrix g2 = matrix::from_shape({K, M}), g1 = matrix::from_shape({M, D});
  vector delta1 = vector::from_shape({M});
  for (std::size_t j = 0; j < K; ++j)
    for (std::size_t i = 0; i < M; ++i) g2(j, i) = delta2(j) * z(i);
  for (std::size_t i = 0; i < M; ++i) {
    double s = 0;
    for (std::size_t j = 0; j < K; ++j) s += delta2(j) * W[1](j, i);
    const double sig = sigmoid(f.a[0](i));
    delta1(i) = s * sig * (1 - sig);
    for (std::size_t d = 0; d < D; ++d) g1(i, d) = delta1(i) * x(d);
  }
  // Matrix form: (2.18) ∇_{a⁽¹⁾}L = A⁽¹⁾ (W⁽²⁾)ᵀ ∇_{a⁽²⁾}L, then the outer products.
  const auto matrix_form = algorithm_2(W, f, label);
  //! [eq-2.18]

  Result result;
  auto& units = result.table("units", {"quantity", "index", "value"});
  for (std::size_t i = 0; i < M; ++i) {
    units.add({std::string("a(1)"), double(i + 1), f.a[0](i)});
    units.add({std::string("z"), double(i + 1), z(i)});
    units.add({std::string("delta(1) (2.16)"), double(i + 1), delta1(i)});
    result.value("delta1_" + std::to_string(i + 1), delta1(i));
    result.value("z_" + std::to_string(i + 1), z(i));
  }
  for (std::size_t j = 0; j < K; ++j) {
    units.add({std::string("a(2)"), double(j + 1), f.a[1](j)});
    units.add({std::string("p"), double(j + 1), f.p(j)});
    units.add({std::string("delta(2)"), double(j + 1), delta2(j)});
    result.value("p_" + std::to_string(j + 1), f.p(j));
  }
  add_gradient_values(result, {g1, g2});
  result.value("L", f.loss);
  result.value("max_diff_elementwise_matrix", max_diff({g1, g2}, matrix_form));
  result.value("max_diff_library", max_diff({g1, g2}, library_gradients(W, x, label)));
  result.value("norm_dW1", std::sqrt(xt::sum(g1 * g1)()));
  result.value("norm_dW2", std::sqrt(xt::sum(g2 * g2)()));
  return result;
}

app::Item two_layer_item() {
  return {"eq-2.18",
          "Eqs. (2.12)-(2.18): a two-layer network's gradients elementwise and in matrix form",
          "Notes Ch. 2, Appendix 2.A, Eqs. (2.12)-(2.18)",
          {x_param(), Param::integer("label", "1", Provenance::companion, "true class y (0-based)",
                                     Interval::closed(0, 2))},
          two_layer,
          /*errata=*/common::errata({"notes-appendix-2-a"})};
}

}  // namespace

void add_appendix_2_a(app::Chapter& chapter) {
  chapter.add(backprop_depth_l_item());
  chapter.add(two_layer_item());
}

}  // namespace descent::chapters::notes02
