#pragma once
/// \file
/// The differentiable-programming interface of MEDL §4.4: `jvp`, `vjp`, `gradient`,
/// `jacobian`, `partial_derivative`, `hessian` of a function g: ℝ^d → ℝ^m.
///
/// The function is written once as a generic callable (a generic lambda) that works on any
/// number type T: it is called with T = Dual1 for forward mode, T = Var for reverse mode and
/// T = Dual2 for second derivatives. Vector-valued functions take and return
/// `std::vector<T>`; scalar ones (for `gradient`, `hessian`) return a T.
///
/// Indices are 0-based (the book's `partial_derivative(i=2, j=3)` is (1, 2) here).

#include <cstddef>
#include <string>
#include <vector>

#include "descent/autodiff/dual.hpp"
#include "descent/autodiff/tape.hpp"
#include "descent/core/error.hpp"

namespace descent::autodiff {

/// A dense matrix as rows.
using Rows = std::vector<std::vector<double>>;

namespace detail {
inline void check_size(const char* what, std::size_t got, std::size_t want) {
  if (got != want)
    throw invalid_argument(std::string("autodiff: ") + what + " has " + std::to_string(got) +
                           " entries; allowed: exactly " + std::to_string(want));
}

// Records g on a fresh tape at θ; returns the output Vars.
template <class G>
std::vector<Var> record_vector(G&& g, Tape& tape, const std::vector<double>& theta) {
  std::vector<Var> x;
  x.reserve(theta.size());
  for (double t : theta) x.push_back(tape.input(t));
  return g(x);
}

inline std::vector<double> input_adjoints(const Tape& tape, const std::vector<double>& adjoint) {
  std::vector<double> out;
  out.reserve(tape.inputs().size());
  for (auto i : tape.inputs()) out.push_back(adjoint[i]);
  return out;
}
}  // namespace detail

/// Forward mode: the Jacobian-vector product J_g(θ) v in one sweep of dual numbers.
template <class G>
std::vector<double> jvp(G&& g, const std::vector<double>& theta, const std::vector<double>& v) {
  detail::check_size("the tangent v", v.size(), theta.size());
  //! [jvp]
  std::vector<Dual1> x(theta.size());
  for (std::size_t k = 0; k < theta.size(); ++k) x[k] = Dual1(theta[k], v[k]);  // θ̇ = v
  const std::vector<Dual1> y = g(x);
  std::vector<double> out;
  for (const auto& yi : y) out.push_back(yi.tangent);  // ẏ = J v
  //! [jvp]
  return out;
}

/// Reverse mode: the vector-Jacobian product uᵀ J_g(θ) in one forward recording and one
/// backward sweep seeded with ζ_out = u.
template <class G>
std::vector<double> vjp(G&& g, const std::vector<double>& theta, const std::vector<double>& u) {
  Tape tape;
  const std::vector<Var> y = detail::record_vector(g, tape, theta);
  detail::check_size("the cotangent u", u.size(), y.size());
  std::vector<std::uint32_t> outputs;
  for (const auto& yi : y) outputs.push_back(yi.index);
  std::vector<double> adjoint;
  tape.backward(outputs, u, adjoint);
  return detail::input_adjoints(tape, adjoint);
}

/// ∇C(θ) of a scalar function by one backward sweep (d partials for the price of ~one
/// evaluation).
template <class F>
std::vector<double> gradient(F&& f, const std::vector<double>& theta) {
  Tape tape;
  std::vector<Var> x;
  for (double t : theta) x.push_back(tape.input(t));
  const Var c = f(x);
  std::vector<double> adjoint;
  tape.backward({c.index}, {1.0}, adjoint);
  return detail::input_adjoints(tape, adjoint);
}

/// Which sweep built a Jacobian.
enum class Mode { forward, reverse };

/// J_g(θ), m × d, with the mode chosen by shape: d forward sweeps (columns J e_j) when
/// d ≤ m, m backward sweeps (rows e_iᵀ J) when m < d.
struct Jacobian {
  Rows rows;  ///< row i holds ∂g_i/∂θ_1 .. ∂g_i/∂θ_d (m rows of d numbers)
  Mode mode = Mode::forward;  ///< which sweep filled the rows
};

/// The Jacobian of g: R^d → R^m at θ, where `g` maps a std::vector<Var> to a std::vector<Var>;
/// forward mode when d ≤ m, reverse mode otherwise (see Jacobian).
template <class G>
Jacobian jacobian(G&& g, const std::vector<double>& theta) {
  Tape tape;
  const std::vector<Var> y = detail::record_vector(g, tape, theta);
  const std::size_t m = y.size(), d = theta.size();
  Jacobian J;
  J.rows.resize(m);
  if (d <= m) {
    for (auto& row : J.rows) row.assign(d, 0.0);
    J.mode = Mode::forward;
    for (std::size_t j = 0; j < d; ++j) {
      std::vector<double> e(d, 0.0);
      e[j] = 1;
      const auto column = jvp(g, theta, e);
      for (std::size_t i = 0; i < m; ++i) J.rows[i][j] = column[i];
    }
  } else {
    J.mode = Mode::reverse;
    std::vector<double> adjoint;
    for (std::size_t i = 0; i < m; ++i) {  // the recorded tape is swept m times
      tape.backward({y[i].index}, {1.0}, adjoint);
      J.rows[i] = detail::input_adjoints(tape, adjoint);
    }
  }
  return J;
}

/// ∂g_i/∂θ_j (0-based) by one forward sweep with θ̇ = e_j.
template <class G>
double partial_derivative(G&& g, const std::vector<double>& theta, std::size_t i, std::size_t j) {
  if (j >= theta.size())
    throw invalid_argument("autodiff: partial derivative in j = " + std::to_string(j) +
                           "; allowed: 0 <= j < " + std::to_string(theta.size()));
  std::vector<double> e(theta.size(), 0.0);
  e[j] = 1;
  const auto column = jvp(g, theta, e);
  if (i >= column.size())
    throw invalid_argument("autodiff: partial derivative of output i = " + std::to_string(i) +
                           "; allowed: 0 <= i < " + std::to_string(column.size()));
  return column[i];
}

/// ∇²C(θ) of a scalar function by nested duals: entry (j, k) is the second directional
/// derivative with inner tangent e_j and outer tangent e_k; d(d+1)/2 sweeps (symmetry).
template <class F>
Rows hessian(F&& f, const std::vector<double>& theta) {
  const std::size_t d = theta.size();
  Rows H(d, std::vector<double>(d, 0.0));
  for (std::size_t j = 0; j < d; ++j)
    for (std::size_t k = j; k < d; ++k) {
      std::vector<Dual2> x(d);
      for (std::size_t q = 0; q < d; ++q)
        x[q] = Dual2(Dual1(theta[q], q == j ? 1.0 : 0.0), Dual1(q == k ? 1.0 : 0.0, 0.0));
      const Dual2 c = f(x);
      H[j][k] = H[k][j] = c.tangent.tangent;
    }
  return H;
}

}  // namespace descent::autodiff
