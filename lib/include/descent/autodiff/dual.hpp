#pragma once
/// \file
/// Forward mode: a dual number carries a primal value a and a tangent ȧ = ∂a/∂θ·θ̇, and
/// every elementary operation applies its tangent rule ȧ_i = ∇f_iᵀ u̇ (MEDL (4.29)).
///
/// `Dual<T>` is a template so that duals can nest: `Dual<Dual<double>>` carries the second
/// directional derivative used by `hessian` (api.hpp). `Dual<double>` is `Dual1`.
///
/// Kinks and singular points are handled deliberately, never by a blind chain rule:
/// - every rule multiplies the incoming tangent by the local derivative through `chain`,
///   which returns 0 when the incoming tangent is 0, so a direction that does not move an
///   input gives 0 even where the local derivative is infinite (no 0·∞ = NaN);
/// - `sqrt` at 0: the one-sided derivative +∞ (times the tangent's sign) for a moving input;
/// - `abs` at 0 and `relu` at 0: the subgradient 0 (as PyTorch);
/// - `max(a, b)` at a tie: the mean ½(ȧ + ḃ), a subgradient (as PyTorch's `maximum`);
/// - `log` at 0 gives value −∞ and tangent −∞·sign(ȧ); outside a function's domain the
///   value is NaN because the input is, not because of a rule.

#include <cmath>
#include <type_traits>

namespace descent::autodiff {

/// A primal value and its tangent.
template <class T>
struct Dual {
  T value{};    ///< the primal value a
  T tangent{};  ///< the tangent ȧ, the directional derivative of a along the seed direction

  Dual() = default;
  /// A constant: tangent 0 (implicit, so a plain number passes where a Dual is expected).
  Dual(double v) : value(v), tangent(0) {}  // NOLINT: constants convert implicitly
  /// Value `v` with tangent `t`; seed an input with t = 1 to differentiate along it.
  Dual(T v, T t) : value(v), tangent(t) {}
  /// A nested constant (for Dual2): tangent 0.
  template <class U = T, class = std::enable_if_t<!std::is_same_v<U, double>>>
  Dual(T v) : value(v), tangent(0) {}  // NOLINT
};

using Dual1 = Dual<double>;  ///< first derivatives
using Dual2 = Dual<Dual1>;   ///< second derivatives (nested)

/// The primal value of a number, through any depth of nesting.
inline double primal(double x) {
  return x;
}
/// The innermost double of a nested dual (its value's value ...).
template <class T>
double primal(const Dual<T>& x) {
  return primal(x.value);
}

namespace detail {
inline bool is_zero(double x) {
  return x == 0;
}
template <class T>
bool is_zero(const Dual<T>& x) {
  return is_zero(x.value) && is_zero(x.tangent);
}
}  // namespace detail

/// t · d, with 0 when t is 0 whatever d is: the direction does not move this input.
template <class T, class D>
T chain(const T& t, const D& d) {
  if (detail::is_zero(t)) return T(0.0);
  return t * d;
}

// --- arithmetic: MEDL (4.29) for the elementary functions ----------------------------------

/// Sum rule: (a + b)˙ = ȧ + ḃ.
template <class T>
Dual<T> operator+(const Dual<T>& a, const Dual<T>& b) {
  return {a.value + b.value, a.tangent + b.tangent};
}
/// (a − b)˙ = ȧ − ḃ.
template <class T>
Dual<T> operator-(const Dual<T>& a, const Dual<T>& b) {
  return {a.value - b.value, a.tangent - b.tangent};
}
/// (−a)˙ = −ȧ.
template <class T>
Dual<T> operator-(const Dual<T>& a) {
  return {-a.value, -a.tangent};
}
// [tangent-mul]
/// Product rule: (ab)˙ = ȧ b + a ḃ.
template <class T>
Dual<T> operator*(const Dual<T>& a, const Dual<T>& b) {
  // product rule: (ab)˙ = ȧ b + a ḃ
  return {a.value * b.value, chain(a.tangent, b.value) + chain(b.tangent, a.value)};
}
// [tangent-mul]
/// Quotient rule: (a/b)˙ = (ȧ − (a/b) ḃ)/b.
template <class T>
Dual<T> operator/(const Dual<T>& a, const Dual<T>& b) {
  const T q = a.value / b.value;
  // (a/b)˙ = (ȧ − q ḃ)/b
  return {q, (a.tangent - chain(b.tangent, q)) / b.value};
}

// Mixed with plain numbers (constants have tangent 0).
/// a + c: the tangent is unchanged.
template <class T>
Dual<T> operator+(const Dual<T>& a, double c) {
  return {a.value + c, a.tangent};
}
/// c + a: the tangent is unchanged.
template <class T>
Dual<T> operator+(double c, const Dual<T>& a) {
  return {c + a.value, a.tangent};
}
/// a − c: the tangent is unchanged.
template <class T>
Dual<T> operator-(const Dual<T>& a, double c) {
  return {a.value - c, a.tangent};
}
/// c − a: tangent −ȧ.
template <class T>
Dual<T> operator-(double c, const Dual<T>& a) {
  return {c - a.value, -a.tangent};
}
/// a · c: tangent c ȧ.
template <class T>
Dual<T> operator*(const Dual<T>& a, double c) {
  return {a.value * c, a.tangent * c};
}
/// c · a: tangent c ȧ.
template <class T>
Dual<T> operator*(double c, const Dual<T>& a) {
  return {c * a.value, c * a.tangent};
}
/// a / c: tangent ȧ / c.
template <class T>
Dual<T> operator/(const Dual<T>& a, double c) {
  return {a.value / c, a.tangent / c};
}
/// c / a: tangent −c ȧ / a².
template <class T>
Dual<T> operator/(double c, const Dual<T>& a) {
  return Dual<T>(T(c)) / a;
}

// --- elementary functions ------------------------------------------------------------------

// [tangent-sin]
/// sin˙ = cos(a) ȧ.
template <class T>
Dual<T> sin(const Dual<T>& a) {
  using std::cos, std::sin;
  return {sin(a.value), chain(a.tangent, cos(a.value))};  // sin˙ = cos(a) ȧ
}
// [tangent-sin]
/// cos˙ = −sin(a) ȧ.
template <class T>
Dual<T> cos(const Dual<T>& a) {
  using std::cos, std::sin;
  return {cos(a.value), chain(a.tangent, -sin(a.value))};
}
// [tangent-exp]
/// exp˙ = exp(a) ȧ.
template <class T>
Dual<T> exp(const Dual<T>& a) {
  using std::exp;
  const T e = exp(a.value);
  return {e, chain(a.tangent, e)};  // exp˙ = exp(a) ȧ
}
// [tangent-exp]
/// log˙ = ȧ / a (natural logarithm; −∞ at a = 0).
template <class T>
Dual<T> log(const Dual<T>& a) {
  using std::log;
  return {log(a.value), chain(a.tangent, 1.0 / a.value)};
}
/// log(1 + a), accurate for small a; tangent ȧ / (1 + a).
template <class T>
Dual<T> log1p(const Dual<T>& a) {
  using std::log1p;
  return {log1p(a.value), chain(a.tangent, 1.0 / (1.0 + a.value))};
}
/// √a; tangent ȧ / (2√a), ±∞ at a = 0 for a moving input, 0 for a still one.
template <class T>
Dual<T> sqrt(const Dual<T>& a) {
  using std::sqrt;
  const T r = sqrt(a.value);
  // at 0 the one-sided derivative is +inf; chain() keeps a still input at tangent 0
  return {r, chain(a.tangent, 0.5 / r)};
}
/// tanh˙ = (1 − tanh² a) ȧ.
template <class T>
Dual<T> tanh(const Dual<T>& a) {
  using std::tanh;
  const T t = tanh(a.value);
  return {t, chain(a.tangent, 1.0 - t * t)};
}
/// σ(a) = 1/(1 + e^(−a)), computed without overflow for large |a|; σ' = σ(1 − σ).
template <class T>
Dual<T> sigmoid(const Dual<T>& a) {
  using std::exp;
  T s;
  if (primal(a.value) >= 0) {
    s = 1.0 / (1.0 + exp(-a.value));
  } else {
    const T e = exp(a.value);
    s = e / (1.0 + e);
  }
  return {s, chain(a.tangent, s * (1.0 - s))};
}
/// a^p for a constant exponent: p a^(p−1) ȧ.
template <class T>
Dual<T> pow(const Dual<T>& a, double p) {
  using std::pow;
  if (p == 0) return Dual<T>(T(1.0));
  return {pow(a.value, p), chain(a.tangent, p * pow(a.value, p - 1))};
}
/// a^b = exp(b log a) for a > 0; the b-term b˙ log(a) a^b is taken as 0 at a = 0 (its limit).
template <class T>
Dual<T> pow(const Dual<T>& a, const Dual<T>& b) {
  using std::log, std::pow;
  const T v = pow(a.value, b.value);
  T t = chain(a.tangent, b.value * pow(a.value, b.value - 1.0));
  if (!detail::is_zero(b.tangent) && primal(a.value) != 0) t = t + b.tangent * log(a.value) * v;
  return {v, t};
}
/// |a| with the subgradient 0 at a = 0.
template <class T>
Dual<T> abs(const Dual<T>& a) {
  const double p = primal(a.value);
  if (p > 0) return a;
  if (p < 0) return -a;
  return {a.value, T(0.0)};
}
/// max(a, 0) with the subgradient 0 at a = 0.
template <class T>
Dual<T> relu(const Dual<T>& a) {
  if (primal(a.value) > 0) return a;
  return {primal(a.value) < 0 ? T(0.0) : a.value, T(0.0)};
}
/// max(a, b); at a tie the mean of the two tangents (a subgradient).
template <class T>
Dual<T> max(const Dual<T>& a, const Dual<T>& b) {
  const double pa = primal(a.value), pb = primal(b.value);
  if (pa > pb) return a;
  if (pb > pa) return b;
  return {a.value, 0.5 * (a.tangent + b.tangent)};
}

}  // namespace descent::autodiff
