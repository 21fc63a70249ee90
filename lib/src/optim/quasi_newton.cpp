#include "descent/optim/quasi_newton.hpp"

#include <chrono>
#include <cmath>
#include <string>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"
#include "descent/core/linalg.hpp"

namespace descent::optim {

// --- BFGS --------------------------------------------------------------------------------------

matrix bfgs_update_literal(const matrix& b, const vector& s, const vector& y) {
  const std::size_t d = s.size();
  const double rho = 1 / dot(y, s);  // (4.67)
  matrix v = xt::eye<double>(d);
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = 0; j < d; ++j) v(i, j) -= rho * y(i) * s(j);  // V = I − ρ g_s θ_sᵀ
  const matrix vt = xt::transpose(v);
  matrix out = gemm(gemm(vt, b), v);  // (4.66): VᵀBV ...
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = 0; j < d; ++j) out(i, j) += rho * s(i) * s(j);  // ... + ρ θ_s θ_sᵀ
  return out;
}

//! [bfgs-update]
void bfgs_update(matrix& b, const vector& s, const vector& y, vector& work) {
  const std::size_t d = s.size();
  const double ys = dot(y, s);
  if (!(ys > 0))
    throw invalid_argument("bfgs_update: g_s^T theta_s = " + short_number(ys) +
                           "; allowed: > 0 (the curvature condition (4.64))");
  const double rho = 1 / ys;
  if (work.size() != d) work.resize({d});
  for (std::size_t i = 0; i < d; ++i) {  // u = B g_s
    double sum = 0;
    for (std::size_t j = 0; j < d; ++j) sum += b(i, j) * y(j);
    work(i) = sum;
  }
  double yby = 0;
  for (std::size_t i = 0; i < d; ++i) yby += y(i) * work(i);
  const double c = rho * rho * yby + rho;
  // VᵀBV + ρssᵀ multiplied out: B − ρ(s uᵀ + u sᵀ) + (ρ² g_sᵀBg_s + ρ) s sᵀ, O(d²)
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = 0; j < d; ++j)
      b(i, j) += -rho * (s(i) * work(j) + work(i) * s(j)) + c * s(i) * s(j);
}
//! [bfgs-update]

// --- L-BFGS memory and the two-loop recursion ----------------------------------------------------

LbfgsMemory::LbfgsMemory(std::size_t m, std::size_t d) : rho_(m), a_(m) {
  require("m", double(m), Interval::closed(1, 1000));
  for (std::size_t k = 0; k < m; ++k) {
    s_.emplace_back(vector::shape_type{d});
    y_.emplace_back(vector::shape_type{d});
  }
}

std::size_t LbfgsMemory::slot(std::size_t k) const {
  const std::size_t m = s_.size();
  return (head_ + m - size_ + k) % m;
}
const vector& LbfgsMemory::s(std::size_t k) const {
  return s_[slot(k)];
}
const vector& LbfgsMemory::y(std::size_t k) const {
  return y_[slot(k)];
}
double LbfgsMemory::rho(std::size_t k) const {
  return rho_[slot(k)];
}

void LbfgsMemory::push(const vector& s, const vector& y) {
  next_s() = s;
  next_y() = y;
  commit(dot(y, s), dot(y, y));
}

void LbfgsMemory::commit(double ys, double yy) {
  if (!(ys > 0))
    throw invalid_argument("L-BFGS: g_s^T theta_s = " + short_number(ys) +
                           "; allowed: > 0 (the curvature condition (4.64))");
  rho_[head_] = 1 / ys;
  gamma_ = ys / yy;  // B_init = (g_sᵀθ_s / g_sᵀg_s) I, MEDL after (4.69)
  head_ = (head_ + 1) % s_.size();
  if (size_ < s_.size()) ++size_;
}

void LbfgsMemory::clear() {
  size_ = 0;
  head_ = 0;
  gamma_ = 1;
}

namespace {

// xᵀy with four partial sums: without -ffast-math the compiler may not reorder a single
// running sum, so this is what lets the loop use SIMD lanes (as Eigen's reductions do).
double dot_raw(const double* x, const double* y, std::size_t n) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += x[i] * y[i];
    s1 += x[i + 1] * y[i + 1];
    s2 += x[i + 2] * y[i + 2];
    s3 += x[i + 3] * y[i + 3];
  }
  for (; i < n; ++i) s0 += x[i] * y[i];
  return (s0 + s1) + (s2 + s3);
}

}  // namespace

//! [two-loop]
void two_loop(LbfgsMemory& memory, const vector& g, vector& r) {
  const std::size_t d = g.size();
  if (r.size() != d) r.resize({d});
  double* q = r.data();
  const double* gp = g.data();
  for (std::size_t i = 0; i < d; ++i) q[i] = gp[i];
  // first loop, newest pair to oldest: a_k = ρ_k θ_sᵀq, q ← q − a_k g_s
  for (std::size_t k = memory.size(); k-- > 0;) {
    const std::size_t j = memory.slot(k);
    const double* s = memory.s_[j].data();
    const double* y = memory.y_[j].data();
    const double a = memory.rho_[j] * dot_raw(s, q, d);
    memory.a_[j] = a;
    for (std::size_t i = 0; i < d; ++i) q[i] -= a * y[i];
  }
  // r = B_init q = γq
  const double gamma = memory.gamma();
  for (std::size_t i = 0; i < d; ++i) q[i] *= gamma;
  // second loop, oldest to newest: b = ρ_k g_sᵀr, r ← r + θ_s (a_k − b)
  for (std::size_t k = 0; k < memory.size(); ++k) {
    const std::size_t j = memory.slot(k);
    const double* s = memory.s_[j].data();
    const double* y = memory.y_[j].data();
    const double c = memory.a_[j] - memory.rho_[j] * dot_raw(y, q, d);
    for (std::size_t i = 0; i < d; ++i) q[i] += c * s[i];
  }
}
//! [two-loop]

namespace {

// q = scale (src − a y), returning wᵀq; src may be q itself. One pass over memory where the
// textbook loop takes two (an axpy, then the next dot product), with four partial sums so the
// reduction vectorizes.
double axpy_dot(const double* src, double a, const double* y, double scale, double* q,
                const double* w, std::size_t n) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const double v0 = scale * (src[i] - a * y[i]), v1 = scale * (src[i + 1] - a * y[i + 1]);
    const double v2 = scale * (src[i + 2] - a * y[i + 2]), v3 = scale * (src[i + 3] - a * y[i + 3]);
    q[i] = v0;
    q[i + 1] = v1;
    q[i + 2] = v2;
    q[i + 3] = v3;
    s0 += w[i] * v0;
    s1 += w[i + 1] * v1;
    s2 += w[i + 2] * v2;
    s3 += w[i + 3] * v3;
  }
  for (; i < n; ++i) {
    q[i] = scale * (src[i] - a * y[i]);
    s0 += w[i] * q[i];
  }
  return (s0 + s1) + (s2 + s3);
}

}  // namespace

double two_loop_direction(LbfgsMemory& memory, const vector& g, vector& direction) {
  const std::size_t d = g.size(), n = memory.size();
  if (direction.size() != d) direction.resize({d});
  double* q = direction.data();
  const double* gp = g.data();
  const double gamma = memory.gamma();
  if (n == 0) return axpy_dot(gp, 0, gp, -gamma, q, gp, d);  // θ_d = −γ∇C
  auto slot = [&](std::size_t k) { return memory.slot(k); };
  // first loop, newest pair to oldest: a_k = ρ_k θ_sᵀq, q ← q − a_k g_s; each pass also takes
  // the next dot product, and the last one scales by γ and takes the first b of the second loop
  std::size_t j = slot(n - 1);
  double a = memory.rho_[j] * dot_raw(memory.s_[j].data(), gp, d);
  const double* src = gp;
  double b = 0;
  for (std::size_t k = n; k-- > 0;) {
    j = slot(k);
    memory.a_[j] = a;
    if (k > 0) {
      const std::size_t next = slot(k - 1);
      a = memory.rho_[next] *
          axpy_dot(src, a, memory.y_[j].data(), 1, q, memory.s_[next].data(), d);
    } else {
      b = memory.rho_[j] * axpy_dot(src, a, memory.y_[j].data(), gamma, q, memory.y_[j].data(), d);
    }
    src = q;
  }
  // second loop, oldest to newest: r ← r + θ_s (a_k − b_k), b_{k+1} = ρ g_sᵀr; the last pass
  // negates (θ_d = −r) and returns θ_dᵀ∇C
  double slope = 0;
  for (std::size_t k = 0; k < n; ++k) {
    j = slot(k);
    const double c = memory.a_[j] - b;
    if (k + 1 < n) {
      const std::size_t next = slot(k + 1);
      b = memory.rho_[next] * axpy_dot(q, -c, memory.s_[j].data(), 1, q, memory.y_[next].data(), d);
    } else {
      slope = axpy_dot(q, -c, memory.s_[j].data(), -1, q, gp, d);
    }
  }
  return slope;
}

matrix lbfgs_explicit(const std::vector<vector>& s, const std::vector<vector>& y, double gamma) {
  if (s.empty() || s.size() != y.size())
    throw invalid_argument("lbfgs_explicit: " + std::to_string(s.size()) + " s and " +
                           std::to_string(y.size()) + " y vectors; allowed: equally many, >= 1");
  const std::size_t d = s[0].size(), m = s.size();
  matrix b = xt::zeros<double>({d, d});
  matrix p = xt::eye<double>(d);  // P_k = V_{k+1} ⋯ V_{m−1}, built from the newest pair back
  for (std::size_t k = m; k-- > 0;) {
    const double rho = 1 / dot(y[k], s[k]);
    const matrix pt = xt::transpose(p);
    const vector w = gemv(pt, s[k]);  // P_kᵀ θ_s⁽ᵏ⁾
    for (std::size_t i = 0; i < d; ++i)
      for (std::size_t j = 0; j < d; ++j) b(i, j) += rho * w(i) * w(j);
    matrix v = xt::eye<double>(d);
    for (std::size_t i = 0; i < d; ++i)
      for (std::size_t j = 0; j < d; ++j) v(i, j) -= rho * y[k](i) * s[k](j);
    p = gemm(v, p);  // P_{k−1} = V_k P_k
  }
  const matrix pt = xt::transpose(p);
  b += gamma * gemm(pt, p);  // (V_0⋯V_{m−1})ᵀ (γI) (V_0⋯V_{m−1})
  return b;
}

// --- Algorithm 4.3 -------------------------------------------------------------------------------

const char* to_string(LineSearchKind kind) {
  switch (kind) {
    case LineSearchKind::exact: return "exact";
    case LineSearchKind::backtracking: return "backtracking";
    case LineSearchKind::wolfe: return "wolfe";
    case LineSearchKind::strong_wolfe: return "strong_wolfe";
  }
  return "unknown";
}

void QuasiNewtonOptions::validate() const {
  stop.validate();
  require("relative_gradient_tolerance", relative_gradient_tolerance, Interval::at_least(0));
  wolfe.validate();
  backtracking.validate();
  exact.validate();
  require("m", double(m), Interval::closed(1, 1000));
  require("curvature_epsilon", curvature_epsilon, Interval::at_least(0));
}

namespace {

vector sized(std::size_t d) {
  return vector(vector::shape_type{d});
}

// B as a dense matrix (BFGS).
struct DenseInverse {
  matrix b;
  vector s, y, work;
  explicit DenseInverse(std::size_t d)
      : b(xt::eye<double>(d)), s(sized(d)), y(sized(d)), work(sized(d)) {}
  vector& s_buffer() { return s; }
  vector& y_buffer() { return y; }
  double direction(const vector& g, vector& dir) {
    const std::size_t d = g.size();
    double slope = 0;
    for (std::size_t i = 0; i < d; ++i) {
      double sum = 0;
      for (std::size_t j = 0; j < d; ++j) sum += b(i, j) * g(j);
      dir(i) = -sum;  // (4.59) θ_d = −B∇C
      slope += dir(i) * g(i);
    }
    return slope;
  }
  void update(double, double) { bfgs_update(b, s, y, work); }
};

// B applied through the last m pairs (L-BFGS).
struct LimitedMemory {
  LbfgsMemory memory;
  LimitedMemory(std::size_t m, std::size_t d) : memory(m, d) {}
  vector& s_buffer() { return memory.next_s(); }
  vector& y_buffer() { return memory.next_y(); }
  double direction(const vector& g, vector& dir) { return two_loop_direction(memory, g, dir); }
  void update(double ys, double yy) { memory.commit(ys, yy); }
};

double euclidean_norm(const vector& v) {
  double sum = 0;
  for (double x : v) sum += x * x;
  return std::sqrt(sum);
}

template <class Inverse>
QuasiNewtonRun quasi_newton(const problems::Objective& objective, const vector& theta0,
                            const QuasiNewtonOptions& options, Inverse& inverse) {
  options.validate();
  const std::size_t d = objective.dimension();
  if (theta0.size() != d)
    throw invalid_argument("quasi-Newton: theta0 has " + std::to_string(theta0.size()) +
                           " entries; allowed: " + std::to_string(d) + " (the dimension of " +
                           objective.name() + ")");
  const auto started = std::chrono::steady_clock::now();
  QuasiNewtonRun run;
  auto& tr = run.trajectory;
  vector theta = theta0, g = sized(d), dir = sized(d);
  double value = objective.value_and_gradient(theta, g);
  tr.evaluations = 1;
  double gnorm = euclidean_norm(g), theta_norm = euclidean_norm(theta);
  tr.iterates.push_back({0, options.record_theta ? theta : vector(), value, gnorm, 0, 0});
  auto relative_met = [&] {
    return options.relative_gradient_tolerance > 0 &&
           gnorm <= options.relative_gradient_tolerance * std::max(1.0, theta_norm);
  };
  if (!std::isfinite(value) || !std::isfinite(gnorm)) {
    tr.status = {StopReason::diverged, "C(theta0) or its gradient is not finite", 0};
    return run;
  }
  if ((options.stop.gradient_tolerance > 0 && gnorm < options.stop.gradient_tolerance) ||
      relative_met()) {
    tr.status = {StopReason::converged, "|grad C(theta0)| = " + short_number(gnorm), 0};
    return run;
  }
  Ray ray(objective, theta, dir);
  WolfeOptions wolfe = options.wolfe;
  wolfe.strong = options.line_search == LineSearchKind::strong_wolfe;
  BacktrackingOptions backtracking = options.backtracking;
  for (int t = 0;; ++t) {
    const double slope = inverse.direction(g, dir);  // Step 5, and θ_dᵀ∇C
    if (!(slope < 0)) {
      tr.status = {StopReason::not_descent_direction,
                   "theta_d^T grad C = " + short_number(slope) + " >= 0", t};
      return run;
    }
    // Step 6: the line search
    const double first = t == 0 && options.scale_first_step ? 1 / euclidean_norm(dir) : 0;
    LineSearchResult ls;
    switch (options.line_search) {
      case LineSearchKind::exact: ls = exact_line_search(ray, options.exact); break;
      case LineSearchKind::backtracking:
        backtracking.alpha0 = first > 0 ? first : options.backtracking.alpha0;
        ls = optim::backtracking(ray, value, slope, backtracking);
        break;
      case LineSearchKind::wolfe:
      case LineSearchKind::strong_wolfe:
        wolfe.alpha0 = first > 0 ? first : options.wolfe.alpha0;
        wolfe.alpha_max = std::max(wolfe.alpha_max, wolfe.alpha0);
        ls = wolfe_line_search(ray, value, slope, wolfe);
        break;
    }
    tr.evaluations += ls.evaluations;
    if (!ls.ok()) {
      tr.status = {StopReason::line_search_failed, ls.detail, t};
      return run;
    }
    // Step 7 and the pair (4.62), in one pass: θ_s = θ⁺ − θ, g_s = ∇C⁺ − ∇C
    vector& s = inverse.s_buffer();
    vector& y = inverse.y_buffer();
    const double* xn = ray.theta().data();
    const double* gn = ray.gradient().data();
    double* xp = theta.data();
    double* gp = g.data();
    double* sp = s.data();
    double* yp = y.data();
    // two interleaved partial sums per product, so the compiler can pair the lanes (SSE2)
    double acc[2][5] = {};  // ys, yy, ss, gg, xx
    std::size_t i = 0;
    for (; i + 2 <= d; i += 2)
      for (std::size_t l = 0; l < 2; ++l) {
        const double si = xn[i + l] - xp[i + l], yi = gn[i + l] - gp[i + l];
        sp[i + l] = si;
        yp[i + l] = yi;
        xp[i + l] = xn[i + l];
        gp[i + l] = gn[i + l];
        acc[l][0] += yi * si;
        acc[l][1] += yi * yi;
        acc[l][2] += si * si;
        acc[l][3] += gn[i + l] * gn[i + l];
        acc[l][4] += xn[i + l] * xn[i + l];
      }
    for (; i < d; ++i) {
      const double si = xn[i] - xp[i], yi = gn[i] - gp[i];
      sp[i] = si;
      yp[i] = yi;
      xp[i] = xn[i];
      gp[i] = gn[i];
      acc[0][0] += yi * si;
      acc[0][1] += yi * yi;
      acc[0][2] += si * si;
      acc[0][3] += gn[i] * gn[i];
      acc[0][4] += xn[i] * xn[i];
    }
    const double ys = acc[0][0] + acc[1][0], yy = acc[0][1] + acc[1][1], ss = acc[0][2] + acc[1][2],
                 gg = acc[0][3] + acc[1][3], xx = acc[0][4] + acc[1][4];
    value = ls.phi;
    gnorm = std::sqrt(gg);
    theta_norm = std::sqrt(xx);
    // Step 8, only under the curvature condition (4.64)
    if (ys > options.curvature_epsilon * yy && ys > 0)
      inverse.update(ys, yy);
    else
      ++run.skipped_updates;
    tr.iterates.push_back(
        {t + 1, options.record_theta ? theta : vector(), value, gnorm, std::sqrt(ss), ls.alpha});
    const auto& current = tr.iterates.back();
    if (relative_met() && std::isfinite(value)) {
      tr.status = {StopReason::converged,
                   "|grad C| = " + short_number(gnorm) + " <= " +
                       short_number(options.relative_gradient_tolerance) + " max(1, |theta|)",
                   t + 1};
      break;
    }
    if (auto stop =
            check_stop(options.stop, tr.iterates[tr.iterates.size() - 2], current, started)) {
      tr.status = *stop;
      break;
    }
  }
  if (!options.record_theta) tr.iterates.back().theta = theta;
  return run;
}

}  // namespace

QuasiNewtonRun bfgs(const problems::Objective& objective, const vector& theta0,
                    const QuasiNewtonOptions& options) {
  DenseInverse inverse(objective.dimension());
  auto run = quasi_newton(objective, theta0, options, inverse);
  run.b = std::move(inverse.b);
  return run;
}

QuasiNewtonRun lbfgs(const problems::Objective& objective, const vector& theta0,
                     const QuasiNewtonOptions& options) {
  options.validate();
  LimitedMemory inverse(options.m, objective.dimension());
  return quasi_newton(objective, theta0, options, inverse);
}

}  // namespace descent::optim
