/// \file
/// Aggarwal §3.2.3–§3.2.10: backpropagation with post-activation (Δ) and pre-activation (δ)
/// variables, the activation-specific updates, softmax, the decoupled view of Table 3.1,
/// losses on hidden nodes, shared weights and gradient checking.

#include <cmath>
#include <functional>
#include <string>
#include <xtensor/xmanipulation.hpp>

#include "aggarwal03/graph_figures.hpp"
#include "aggarwal03/sections.hpp"
#include "aggarwal03/toy_network.hpp"
#include "common/errata.hpp"
#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"
#include "descent/nn/activation.hpp"
#include "descent/nn/gradient_check.hpp"
#include "descent/nn/layers/jacobian.hpp"
#include "descent/nn/layers/linear.hpp"
#include "descent/nn/layers/max_layer.hpp"
#include "descent/nn/softmax.hpp"

namespace descent::chapters::aggarwal03 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

matrix row_of(const std::vector<double>& xs) {
  matrix m = matrix::from_shape({1, xs.size()});
  for (std::size_t j = 0; j < xs.size(); ++j) m(0, j) = xs[j];
  return m;
}

Param x_param() {
  return Param::vector("x", "0.5,-1", Provenance::companion, "the input (x1, x2)", 2, 2);
}
Param y_param() {
  return Param::number("y", "1", Provenance::companion, "the target of L = (o - y)^2 / 2");
}

// The gradients of one form as values and a table (one row per weight).
void add_gradients(Result& result, const nn::Gradients& g) {
  auto& t = result.table("gradients", {"parameter", "dL/dparameter"});
  for (std::size_t k = 0; k < g.W.size(); ++k) {
    for (std::size_t i = 0; i < g.W[k].shape(0); ++i)
      for (std::size_t j = 0; j < g.W[k].shape(1); ++j) {
        const std::string name =
            "W" + std::to_string(k + 1) + "_" + std::to_string(i + 1) + std::to_string(j + 1);
        t.add({name, g.W[k](i, j)});
        result.value("dL_d" + name, g.W[k](i, j));
      }
    for (std::size_t j = 0; j < g.b[k].size(); ++j) {
      const std::string name = "b" + std::to_string(k + 1) + "_" + std::to_string(j + 1);
      t.add({name, g.b[k](j)});
      result.value("dL_d" + name, g.b[k](j));
    }
  }
}

double max_abs_diff(const vector& a, const vector& b) {
  double m = 0;
  for (std::size_t i = 0; i < a.size(); ++i) m = std::max(m, std::fabs(a(i) - b(i)));
  return m;
}

// --- section-3.2.3 / section-3.2.4 ---------------------------------------------------------

Result toy_backprop(const Params& p, bool post) {
  const auto net = toy_network();
  const matrix x = row_of(p.vector("x")), y = row_of({p.number("y")});
  const auto f = nn::forward(net, x);
  const matrix grad_o = f.h.back() - y;
  const auto g = post ? nn::backprop_post_activation(net, f, grad_o)
                      : nn::backprop_pre_activation(net, f, grad_o);
  Result result;
  auto& units = result.table("hidden units", {"unit", "a (pre-activation)", "h (post-activation)",
                                              "Delta = dL/dh", "delta = dL/da"});
  for (std::size_t j = 0; j < 3; ++j) {
    units.add(
        {"h" + std::to_string(j + 1), f.a[0](0, j), f.h[0](0, j), g.post[0](0, j), g.pre[0](0, j)});
    result.value("a1_" + std::to_string(j + 1), f.a[0](0, j));
    result.value("h_" + std::to_string(j + 1), f.h[0](0, j));
    result.value("Delta_h_" + std::to_string(j + 1), g.post[0](0, j));
    result.value("delta_h_" + std::to_string(j + 1), g.pre[0](0, j));
  }
  result.value("a2", f.a[1](0, 0));
  result.value("o", f.h[1](0, 0));
  result.value("L", squared_loss(f.h.back(), y));
  add_gradients(result, g);
  const auto other = post ? nn::backprop_pre_activation(net, f, grad_o)
                          : nn::backprop_post_activation(net, f, grad_o);
  result.value("max_diff_other_form", max_abs_diff(nn::flatten(g), nn::flatten(other)));
  if (post)
    result.figures.push_back(report::Figure{
        "section-3.2.3",
        "The 2-3-1 sigmoid network as a computational graph (Figures 3.6, 3.7): each unit with a, "
        "h and Δ = ∂L/∂h, each edge with its local derivative z(i, j) = wᵢⱼ Φ′(aⱼ)",
        {},
        "Drawn by Graphviz from the network and the forward and backward passes of the tables; "
        "Δ of a unit is the sum over its outgoing edges of z times the Δ downstream "
        "(Eq. 3.10). Biases are not drawn.",
        network_dot(net, f, g, squared_loss(f.h.back(), y), "network")});
  return result;
}

app::Item post_activation_item() {
  return {"section-3.2.3",
          "Backpropagation with post-activation variables Delta = dL/dh on a 2-3-1 sigmoid network",
          "Aggarwal §3.2.3, Eqs. 3.9-3.13",
          {x_param(), y_param()},
          [](const Params& p) { return toy_backprop(p, true); },
          /*errata=*/common::errata({"aggarwal-3-9", "aggarwal-3-11", "aggarwal-3-2-7"})};
}

app::Item pre_activation_item() {
  return {"section-3.2.4",
          "Backpropagation with pre-activation variables delta = dL/da: the same gradients",
          "Aggarwal §3.2.4, Eqs. 3.14-3.19",
          {x_param(), y_param()},
          [](const Params& p) { return toy_backprop(p, false); },
          /*errata=*/common::errata({"aggarwal-3-15"})};
}

//! [exercise-9]
// Exercise 9: the pre- and post-activation forms (and the decoupled one) compute the same
// gradients: δ = Φ'(a) ⊙ Δ at every layer. Checked on random networks of every activation.
Result forms_agree(const Params& p) {
  Rng rng(static_cast<std::uint64_t>(p.integer("seed")));
  const auto width = static_cast<std::size_t>(p.integer("width"));
  const auto depth = static_cast<std::size_t>(p.integer("depth"));
  const auto batch = static_cast<std::size_t>(p.integer("batch"));
  Result result;
  auto& t = result.table("forms", {"activation", "max |post - pre|", "max |decoupled - pre|",
                                   "max |delta - phi'(a) Delta|"});
  double worst = 0;
  for (auto phi : {nn::Activation::sigmoid, nn::Activation::tanh, nn::Activation::relu,
                   nn::Activation::leaky_relu, nn::Activation::hard_tanh}) {
    nn::Network net;
    for (std::size_t k = 0; k < depth; ++k) {
      matrix W = matrix::from_shape({width, width});
      vector b = vector::from_shape({width});
      for (auto& w : W) w = rng.normal(0, 1);
      for (auto& c : b) c = rng.normal(0, 0.1);
      net.layers.push_back({W, b, phi});
    }
    matrix x = matrix::from_shape({batch, width}), up = matrix::from_shape({batch, width});
    for (auto& v : x) v = rng.normal(0, 1);
    for (auto& v : up) v = rng.normal(0, 1);
    const auto f = nn::forward(net, x);
    const auto post = nn::backprop_post_activation(net, f, up);
    const auto pre = nn::backprop_pre_activation(net, f, up);
    const auto dec = nn::backprop_decoupled(net, f, up);
    double identity = 0;
    for (std::size_t k = 0; k < depth; ++k)
      for (std::size_t i = 0; i < pre.pre[k].size(); ++i)
        identity = std::max(identity, std::fabs(pre.pre[k].flat(i) -
                                                nn::derivative(phi, f.a[k].flat(i), net.alpha) *
                                                    post.post[k].flat(i)));
    const double d1 = max_abs_diff(nn::flatten(post), nn::flatten(pre));
    const double d2 = max_abs_diff(nn::flatten(dec), nn::flatten(pre));
    t.add({std::string(nn::to_string(phi)), d1, d2, identity});
    worst = std::max({worst, d1, d2, identity});
  }
  result.value("max_difference", worst);
  return result;
}
//! [exercise-9]

app::Item forms_agree_item() {
  return {"exercise-9",
          "Pre-activation, post-activation and decoupled backpropagation agree",
          "Aggarwal §3.10, Exercise 9",
          {Param::integer("width", "6", Provenance::companion, "units per layer",
                          Interval::closed(1, 200)),
           Param::integer("depth", "4", Provenance::companion, "layers", Interval::closed(1, 50)),
           Param::integer("batch", "5", Provenance::companion, "rows of the mini-batch",
                          Interval::closed(1, 500)),
           Param::integer("seed", "9", Provenance::companion, "seed", Interval::at_least(0))},
          forms_agree};
}

// --- section-3.2.5 -------------------------------------------------------------------------

Result activation_updates(const Params& p) {
  const auto z = p.vector("z");
  const auto g = p.vector("upstream");
  if (z.size() != g.size())
    throw invalid_argument("upstream has " + std::to_string(g.size()) + " values, z has " +
                           std::to_string(z.size()) + "; allowed: equal counts");
  const matrix a = row_of(z), up = row_of(g);
  Result result;
  std::vector<std::string> columns{"z", "upstream"};
  const std::vector<nn::Activation> kinds{nn::Activation::identity,
                                          nn::Activation::sigmoid,
                                          nn::Activation::tanh,
                                          nn::Activation::relu,
                                          nn::Activation::leaky_relu,
                                          nn::Activation::hard_tanh,
                                          nn::Activation::hard_tanh_closed};
  std::vector<matrix> back;
  for (auto k : kinds) {
    columns.push_back(std::string(nn::to_string(k)) + " backward");
    matrix h, gi;
    nn::activate(k, a, h, p.number("alpha"));
    nn::activation_backward(k, a, h, up, gi, p.number("alpha"));
    back.push_back(gi);
  }
  auto& t = result.table("backward", columns);
  for (std::size_t i = 0; i < z.size(); ++i) {
    std::vector<report::Cell> row{z[i], g[i]};
    for (std::size_t k = 0; k < kinds.size(); ++k) {
      row.push_back(back[k](0, i));
      result.value(std::string(nn::to_string(kinds[k])) + "_" + std::to_string(i + 1),
                   back[k](0, i));
    }
    t.add(row);
  }
  return result;
}

app::Item activation_updates_item() {
  return {
      "section-3.2.5",
      "The backward step of each activation: linear, sigmoid, tanh, ReLU, leaky ReLU, hard tanh "
      "(open and closed interval at +-1)",
      "Aggarwal §3.2.5 and Eq. 3.39",
      {Param::vector("z", "-2,-1,-0.5,0,0.5,1,2", Provenance::companion, "pre-activations", 1, 100),
       Param::vector("upstream", "1,2,3,4,5,6,7", Provenance::companion, "upstream gradients dL/dh",
                     1, 100),
       Param::number("alpha", "0.01", Provenance::companion, "leaky ReLU slope",
                     Interval::open(0, 1))},
      activation_updates,
      /*errata=*/common::errata({"aggarwal-3-2-5-tanh", "aggarwal-hard-tanh"})};
}

// --- section-3.2.5.1 / exercise-10 ---------------------------------------------------------

Result softmax_cross_entropy(const Params& p, bool exercise) {
  const auto v = p.vector("v"), y = p.vector("y");
  if (v.size() != y.size())
    throw invalid_argument("y has " + std::to_string(y.size()) + " entries, v has " +
                           std::to_string(v.size()) + "; allowed: equal counts");
  double ysum = 0;
  for (double yi : y) ysum += yi;
  if (std::fabs(ysum - 1) > 1e-12 || *std::min_element(y.begin(), y.end()) < 0)
    throw invalid_argument("y must be a probability vector (entries >= 0 summing to 1)");
  const matrix V = row_of(v), Y = row_of(y);
  const matrix o = nn::softmax(V);
  const matrix grad = nn::softmax_cross_entropy_grad(V, Y);  // Eq. 3.22
  vector vv = xt::flatten(V);
  const matrix J = nn::softmax_jacobian(vv);
  // Chain rule through the Jacobian, ∂L/∂v = Jᵀ ∂L/∂o with ∂L/∂o_j = −y_j/o_j: Exercise 10.
  vector dl_do = vector::from_shape({v.size()});
  for (std::size_t j = 0; j < v.size(); ++j) dl_do(j) = -y[j] / o(0, j);
  const vector chained = nn::jacobian_backward(J, dl_do);
  auto loss = [&](const vector& w) { return nn::cross_entropy(row_of({w.begin(), w.end()}), Y); };
  const auto check = nn::check_gradient(loss, vv, xt::flatten(grad), 1e-6);

  Result result;
  auto& t = result.table("softmax", {"i", "v_i", "y_i", "o_i", "o_i - y_i (Eq. 3.22)", "J^T dL/do",
                                     "central difference"});
  for (std::size_t i = 0; i < v.size(); ++i) {
    t.add({double(i + 1), v[i], y[i], o(0, i), grad(0, i), chained(i), check.estimated(i)});
    result.value("o_" + std::to_string(i + 1), o(0, i));
    result.value("grad_" + std::to_string(i + 1), grad(0, i));
  }
  result.value("L", nn::cross_entropy(V, Y));
  result.value("max_rho", check.max_rho);
  result.value("max_diff_chain_rule", max_abs_diff(chained, xt::flatten(grad)));
  if (exercise) {
    std::vector<std::string> cols{"i"};
    for (std::size_t j = 0; j < v.size(); ++j)
      cols.push_back("d o_i / d v_" + std::to_string(j + 1));
    auto& jt = result.table("jacobian", cols);
    double off = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
      std::vector<report::Cell> row{double(i + 1)};
      for (std::size_t j = 0; j < v.size(); ++j) {
        row.push_back(J(i, j));
        // Exercise 10: o_i(1 − o_i) on the diagonal, −o_i o_j off it.
        const double closed = i == j ? o(0, i) * (1 - o(0, i)) : -o(0, i) * o(0, j);
        off = std::max(off, std::fabs(J(i, j) - closed));
      }
      jt.add(row);
    }
    const matrix numeric = nn::numerical_jacobian(
        [](const vector& w) {
          return vector(xt::flatten(nn::softmax(row_of({w.begin(), w.end()}))));
        },
        vv);
    result.value("max_diff_closed_form_jacobian", off);
    result.value("max_diff_numerical_jacobian", max_abs_diff(xt::flatten(numeric), xt::flatten(J)));
  }
  return result;
}

std::vector<Param> softmax_params(const std::string& y_help) {
  return {Param::vector("v", "1,2,3", Provenance::companion, "scores v_i", 2, 100),
          Param::vector("y", "0,0,1", Provenance::companion, y_help, 2, 100)};
}

app::Item softmax_item() {
  return {"section-3.2.5.1", "Softmax with cross-entropy: dL/dv = o - y",
          "Aggarwal §3.2.5.1, Eqs. 3.20-3.22", softmax_params("target probabilities y_i"),
          [](const Params& p) { return softmax_cross_entropy(p, false); }};
}

app::Item softmax_jacobian_item() {
  return {"exercise-10",
          "The softmax Jacobian o_i(delta_ij - o_j), and dL/dv = o - y",
          "Aggarwal §3.10, Exercise 10",
          softmax_params("target probabilities"),
          [](const Params& p) { return softmax_cross_entropy(p, true); },
          /*errata=*/common::errata({"aggarwal-exercise-10"})};
}

// --- table-3.1 -----------------------------------------------------------------------------

// One row of Table 3.1 checked by finite differences: L = g_{i+1} · f(z_i), so ∂L/∂z_i is
// exactly the backward pass of the row.
struct RowCheck {
  double max_abs_error;
  double max_rho;
};

RowCheck check_row(const std::function<vector(const vector&)>& f, const vector& z,
                   const vector& upstream, const vector& backward, double eps) {
  auto loss = [&](const vector& w) { return dot(upstream, f(w)); };
  const auto c = nn::check_gradient(loss, z, backward, eps, nn::Difference::central);
  return {max_abs_diff(c.estimated, backward), c.max_rho};
}

//! [table-3.1]
Result table_3_1(const Params& p) {
  const double eps = p.number("epsilon");
  const auto zv = p.vector("z");
  vector z = vector::from_shape({zv.size()});
  for (std::size_t i = 0; i < zv.size(); ++i) z(i) = zv[i];
  Rng rng(static_cast<std::uint64_t>(p.integer("seed")));
  const std::size_t d = z.size();
  vector up = vector::from_shape({d});
  for (auto& u : up) u = rng.normal(0, 1);

  Result result;
  auto& t = result.table("rows", {"function", "type", "forward", "backward",
                                  "max |backward - central difference|", "max rho (Eq. 3.34)"});
  auto add = [&](const std::string& name, const std::string& type, const std::string& fw,
                 const std::string& bw, RowCheck c) {
    t.add({name, type, fw, bw, c.max_abs_error, c.max_rho});
    result.value("rho_" + name, c.max_rho);
  };

  // Linear (many-many): z_{i+1} = Wᵀ z_i, g_i = W g_{i+1}.
  matrix W = matrix::from_shape({d, 2});
  for (auto& w : W) w = rng.normal(0, 1);
  vector up2 = vector::from_shape({2});
  for (auto& u : up2) u = rng.normal(0, 1);
  nn::Linear linear(W, xt::zeros<double>({2}));
  auto lin = [&](const vector& w) {
    nn::Linear l(W, xt::zeros<double>({2}));
    const matrix in = xt::reshape_view(w, {std::size_t(1), w.size()});
    return vector(xt::flatten(l.forward(in)));
  };
  const matrix zin = xt::reshape_view(z, {std::size_t(1), d});
  (void)linear.forward(zin);
  const vector lin_back =
      xt::flatten(linear.backward(xt::reshape_view(up2, {std::size_t(1), std::size_t(2)})));
  add("linear", "many-many", "z' = W^T z", "g = W g'", check_row(lin, z, up2, lin_back, eps));

  // One-one activations: g_i = g_{i+1} ⊙ Φ'.
  for (auto [phi, fw, bw] :
       {std::tuple{nn::Activation::sigmoid, "sigmoid(z)", "g' * z' * (1 - z')"},
        std::tuple{nn::Activation::tanh, "tanh(z)", "g' * (1 - z' * z')"},
        std::tuple{nn::Activation::relu, "z * I(z > 0)", "g' * I(z > 0)"},
        std::tuple{nn::Activation::hard_tanh, "clip(z, -1, 1)", "g' inside (-1, 1), else 0"}}) {
    auto f = [phi = phi](const vector& w) {
      vector o(w.shape());
      for (std::size_t i = 0; i < w.size(); ++i) o(i) = nn::activate(phi, w(i));
      return o;
    };
    matrix h, gi;
    nn::activate(phi, zin, h);
    nn::activation_backward(phi, zin, h, xt::reshape_view(up, {std::size_t(1), d}), gi);
    add(nn::to_string(phi), "one-one", fw, bw, check_row(f, z, up, xt::flatten(gi), eps));
  }

  // Max (many-one): copy to the maximal input, 0 elsewhere.
  auto fmax = [](const vector& w) {
    return vector{nn::max_forward(xt::reshape_view(w, {std::size_t(1), w.size()})).value(0)};
  };
  const auto mf = nn::max_forward(zin);
  const vector up1{up(0)};
  add("max", "many-one", "max_k z_k", "g' to the argmax, 0 elsewhere",
      check_row(fmax, z, up1, xt::flatten(nn::max_backward(mf, up1, d)), eps));

  // Arbitrary f_k (anything): g_i = Jᵀ g_{i+1} (Eqs. 3.23–3.24), with J computed from the
  // closed-form partial derivatives of f(z) = (z1 z2, sin z_d, Σ z²).
  auto farb = [](const vector& w) {
    double s = 0;
    for (double x : w) s += x * x;
    return vector{w(0) * w(1), std::sin(w(w.size() - 1)), s};
  };
  matrix J = xt::zeros<double>({std::size_t(3), d});
  J(0, 0) = z(1);
  J(0, 1) = z(0);
  J(1, d - 1) = std::cos(z(d - 1));
  for (std::size_t r = 0; r < d; ++r) J(2, r) = 2 * z(r);
  const vector up3{up(0), up(1), up(2)};
  add("arbitrary", "anything", "f(z) = (z1 z2, sin z_d, |z|^2)", "J^T g'",
      check_row(farb, z, up3, nn::jacobian_backward(J, up3), eps));
  return result;
}
//! [table-3.1]

app::Item table_3_1_item() {
  return {"table-3.1",
          "Table 3.1: every row's backward pass against central differences",
          "Aggarwal §3.2.6, Table 3.1, Eqs. 3.23-3.24",
          {Param::vector("z", "0.3,-1.2,0.7,2.1", Provenance::companion,
                         "the input z_i of each row (at least 3 entries, none at a kink)", 3, 100),
           Param::number("epsilon", "1e-6", Provenance::companion, "finite-difference step",
                         Interval::open(0, 1)),
           Param::integer("seed", "31", Provenance::companion,
                          "seed of the upstream gradients and W", Interval::at_least(0))},
          table_3_1,
          /*errata=*/common::errata({"aggarwal-hard-tanh"})};
}

// --- section-3.2.7 -------------------------------------------------------------------------

Result hidden_losses(const Params& p) {
  const auto net = toy_network();
  const double lambda = p.number("lambda");
  const matrix x = row_of(p.vector("x")), y = row_of({p.number("y")});
  const auto f = nn::forward(net, x);
  // L_h = λ Σ|h|: ∂L_h/∂h = λ sign(h) is added where h is computed (Eqs. 3.25–3.26).
  matrix hidden_grad = lambda * xt::sign(f.h[0]);
  nn::HiddenLossGrads hidden{hidden_grad, std::nullopt};
  const auto g = nn::backprop_pre_activation(net, f, f.h.back() - y, hidden);
  const auto g_post = nn::backprop_post_activation(net, f, f.h.back() - y, hidden);
  Result result;
  add_gradients(result, g);
  double l1 = 0;
  for (double h : f.h[0]) l1 += std::fabs(h);
  const double total = squared_loss(f.h.back(), y) + lambda * l1;
  result.value("L_total", total);
  result.value("max_diff_post_form", max_abs_diff(nn::flatten(g), nn::flatten(g_post)));
  // Finite differences on the total loss.
  auto loss = [&](const vector& theta) {
    auto n = net;
    nn::unflatten(theta, n);
    const auto ff = nn::forward(n, x);
    double s = 0;
    for (double h : ff.h[0]) s += std::fabs(h);
    return squared_loss(ff.h.back(), y) + lambda * s;
  };
  result.value("max_rho", nn::check_gradient(loss, nn::flatten(net), nn::flatten(g)).max_rho);
  return result;
}

app::Item hidden_losses_item() {
  return {"section-3.2.7",
          "A loss on hidden nodes: L = (o - y)^2/2 + lambda sum |h| enters through Eqs. 3.25-3.26",
          "Aggarwal §3.2.7, Eqs. 3.25-3.26",
          {x_param(), y_param(),
           Param::number("lambda", "0.1", Provenance::companion, "weight of the hidden L1 loss",
                         Interval::at_least(0))},
          hidden_losses,
          /*errata=*/common::errata({"aggarwal-3-26"})};
}

// --- section-3.2.9 -------------------------------------------------------------------------

//! [shared-weights]
Result shared_weights(const Params& p) {
  const double w = p.number("w"), x = p.number("x");
  // o = w (w x): treat the two uses as w1 (inner) and w2 (outer), differentiate each as if
  // independent, then add (§3.2.9).
  const double inner = w * x;
  const double d_w1 = w * x;  // ∂o/∂w1 = w2 x
  const double d_w2 = inner;  // ∂o/∂w2 = w1 x
  Result result;
  auto& t = result.table("shared", {"use", "dL/dw_i"});
  t.add({std::string("w1 (inner, w1 x)"), d_w1});
  t.add({std::string("w2 (outer, w2 h)"), d_w2});
  t.add({std::string("sum = dL/dw"), d_w1 + d_w2});
  result.value("o", w * inner);
  result.value("dL_dw1", d_w1);
  result.value("dL_dw2", d_w2);
  result.value("dL_dw", d_w1 + d_w2);
  auto o = [&](const vector& v) { return v(0) * v(0) * x; };
  result.value("central_difference",
               nn::finite_difference(o, vector{w}, 0, 1e-6, nn::Difference::central));
  //! [shared-weights]
  // The same with a tied linear autoencoder x̂ = W (Wᵀ x) (a PCA autoencoder): the gradient
  // of the tied W is the sum of the encoder's and the decoder's.
  matrix Wt{{0.6, -0.3}, {0.2, 0.8}, {-0.5, 0.1}};
  const matrix xr{{1.0, -2.0, 0.5}};
  nn::Linear enc(Wt, xt::zeros<double>({2})),
      dec(matrix(xt::transpose(Wt)), xt::zeros<double>({3}));
  const matrix code = enc.forward(xr);
  const matrix out = dec.forward(code);
  const matrix gout = out - xr;  // ½|x̂ − x|²
  (void)enc.backward(dec.backward(gout));
  const matrix tied = enc.grad_W + matrix(xt::transpose(dec.grad_W));
  auto loss = [&](const vector& theta) {
    matrix Wm = xt::reshape_view(theta, {std::size_t(3), std::size_t(2)});
    const matrix xh = gemm(gemm(xr, Wm), matrix(xt::transpose(Wm)));
    return squared_loss(xh, xr);
  };
  const auto check = nn::check_gradient(loss, xt::flatten(Wt), xt::flatten(tied));
  result.value("autoencoder_max_rho", check.max_rho);
  return result;
}

app::Item shared_weights_item() {
  return {"section-3.2.9",
          "Shared weights: the gradient is the sum over the uses (o = w (w x), and a tied "
          "autoencoder)",
          "Aggarwal §3.2.9",
          {Param::number("w", "1.5", Provenance::companion, "the shared weight"),
           Param::number("x", "2", Provenance::companion, "the input")},
          shared_weights};
}

// --- section-3.2.10 ------------------------------------------------------------------------

//! [gradient-check]
Result gradient_checking(const Params& p) {
  const auto net = toy_network();
  const matrix x = row_of(p.vector("x")), y = row_of({p.number("y")});
  const auto f = nn::forward(net, x);
  const auto g = nn::backprop_pre_activation(net, f, f.h.back() - y);
  auto loss = [&](const vector& theta) {
    auto n = net;
    nn::unflatten(theta, n);
    return squared_loss(nn::forward(n, x).h.back(), y);
  };
  const vector theta = nn::flatten(net), analytic = nn::flatten(g);
  Result result;
  auto& t = result.table("epsilon sweep (W1_11)", {"epsilon", "G_e forward (Eq. 3.33)",
                                                   "rho forward", "G_e central", "rho central"});
  for (double eps : p.vector("epsilons")) {
    const double fw = nn::finite_difference(loss, theta, 0, eps, nn::Difference::forward);
    const double ce = nn::finite_difference(loss, theta, 0, eps, nn::Difference::central);
    t.add({eps, fw, nn::relative_ratio(fw, analytic(0)), ce, nn::relative_ratio(ce, analytic(0))});
  }
  const auto all_fw =
      nn::check_gradient(loss, theta, analytic, p.number("epsilon"), nn::Difference::forward);
  const auto all_ce =
      nn::check_gradient(loss, theta, analytic, p.number("epsilon"), nn::Difference::central);
  result.value("G_a_W1_11", analytic(0));
  result.value("max_rho_forward", all_fw.max_rho);
  result.value("max_rho_central", all_ce.max_rho);
  // A deliberately wrong gradient (one entry off by 1%) must be caught: ρ ≈ 0.005 > 1e-6.
  vector wrong = analytic;
  wrong(3) *= 1.01;
  result.value("max_rho_wrong_gradient", nn::check_gradient(loss, theta, wrong).max_rho);
  return result;
}
//! [gradient-check]

app::Item gradient_checking_item() {
  return {"section-3.2.10",
          "Gradient checking: forward and central differences and the ratio rho",
          "Aggarwal §3.2.10, Eqs. 3.33-3.34",
          {x_param(), y_param(),
           Param::vector("epsilons", "1e-2,1e-3,1e-4,1e-5,1e-6,1e-7,1e-8,1e-9,1e-10",
                         Provenance::companion, "steps of the sweep", 1, 30,
                         Interval{0, 1, true, true}),
           Param::number("epsilon", "1e-6", Provenance::companion,
                         "step of the all-parameter check", Interval::open(0, 1))},
          gradient_checking,
          /*errata=*/common::errata({"aggarwal-3-34"})};
}

// --- exercise-5 ----------------------------------------------------------------------------

Result exercise_5(const Params& p) {
  const auto zv = p.vector("z");
  vector z = vector::from_shape({zv.size()});
  for (std::size_t i = 0; i < zv.size(); ++i) z(i) = zv[i];
  auto sig = [](const vector& w) {
    vector o(w.shape());
    for (std::size_t i = 0; i < w.size(); ++i) o(i) = nn::activate(nn::Activation::sigmoid, w(i));
    return o;
  };
  const matrix J = nn::numerical_jacobian(sig, z);
  Result result;
  std::vector<std::string> cols{"k"};
  for (std::size_t r = 0; r < z.size(); ++r) cols.push_back("dz'_k/dz_" + std::to_string(r + 1));
  auto& t = result.table("sigmoid jacobian", cols);
  double off = 0;
  for (std::size_t k = 0; k < z.size(); ++k) {
    std::vector<report::Cell> row{double(k + 1)};
    for (std::size_t r = 0; r < z.size(); ++r) {
      row.push_back(J(k, r));
      if (k != r) off = std::max(off, std::fabs(J(k, r)));
    }
    t.add(row);
    result.value("J_" + std::to_string(k + 1) + std::to_string(k + 1), J(k, k));
  }
  // The caution: J is diagonal, so Jᵀg = g ⊙ diag(J); forming J costs d² memory and a d²
  // product where the elementwise rule costs d.
  result.value("max_off_diagonal", off);
  result.value("dense_entries", double(z.size() * z.size()));
  result.value("needed_entries", double(z.size()));
  return result;
}

app::Item exercise_5_item() {
  return {"exercise-5",
          "The Jacobian of the sigmoid layer is diagonal: why the Jacobian form is wasteful",
          "Aggarwal §3.10, Exercise 5",
          {Param::vector("z", "0,1,-2", Provenance::companion, "the input of the layer", 1, 50)},
          exercise_5};
}

}  // namespace

void add_section_3_2(app::Chapter& chapter) {
  chapter.add(post_activation_item());
  chapter.add(pre_activation_item());
  chapter.add(activation_updates_item());
  chapter.add(softmax_item());
  chapter.add(table_3_1_item());
  chapter.add(hidden_losses_item());
  chapter.add(section_3_2_8_item());  // s3_2_8_minibatch.cpp
  chapter.add(shared_weights_item());
  chapter.add(gradient_checking_item());
}

void add_exercises_nn(app::Chapter& chapter) {
  chapter.add(exercise_5_item());
  chapter.add(forms_agree_item());
  chapter.add(softmax_jacobian_item());
}

}  // namespace descent::chapters::aggarwal03
