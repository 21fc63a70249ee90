#include "descent/optim/adam.hpp"

#include <algorithm>
#include <cmath>

namespace descent::optim {

namespace {
void zero_if_empty(vector& state, std::size_t d) {
  if (state.size() != d) state = xt::zeros<double>({d});
}
// The first- and second-moment decays and ε every rule of this file takes.
void check_moments(double beta, double gamma, double epsilon) {
  require("beta", beta, decay_rate_range);
  require("gamma", gamma, decay_rate_range);
  require("epsilon", epsilon, epsilon_range);
}
}  // namespace

Adam::Adam(AdamForm f, double b, double gm, double e) : form(f), beta(b), gamma(gm), epsilon(e) {
  check_moments(beta, gamma, epsilon);
}

std::string Adam::name() const {
  return form == AdamForm::medl ? "adam" : "adam-aggarwal";
}

//! [adam]
namespace {
// One pass of ADAM over every weight, one function per form. The scalars are parameters, not
// members read through `this`: a store to θ, v or s could otherwise change them as far as the
// compiler knows, so it would reload them every iteration and leave the loop scalar — one
// division and one root at a time, most of Figure 4.4's training time. As parameters the loop
// vectorizes (with the same IEEE results: no reassociation).
//
// The passes are bounded by the divider: two divisions and a root per weight. On x86-64 each
// is compiled twice, for AVX2 (four weights per instruction) and for the baseline (two), and
// the program loader picks the one the CPU runs (GCC's and Clang's target_clones): Figure
// 4.4's training took a quarter less time on the benchmark machine. Every operation is
// elementwise and none is fused (ISO C++ contracts no a·b + c into an FMA), so both versions
// give the same bits; tests/lib/optim_first_order_test.cpp checks them on every lane. The
// choice at load time is an ELF ifunc, which glibc's loader resolves; elsewhere (macOS, musl)
// the pass is compiled once, for the baseline.
#if defined(__x86_64__) && defined(__GLIBC__) && (defined(__GNUC__) || defined(__clang__))
#define DESCENT_ADAM_CLONES [[gnu::target_clones("avx2", "default")]]
#else
#define DESCENT_ADAM_CLONES
#endif

struct Moments {
  double* theta;
  double* v;
  double* s;
  const double* g;
  std::size_t n;
};

// MEDL Algorithm 4.2, lines 7–9: θ −= α v̂/(√ŝ + ε) with v̂ = v/(1 − βᵗ) and ŝ = s/(1 − γᵗ),
// computed as θ += −(α/(1 − βᵗ)) v/(√s/√(1 − γᵗ) + ε): equal in exact arithmetic, two
// divisions and a root per weight instead of three and a root, and torch.optim.Adam's order of
// operations, so that the two round alike.
DESCENT_ADAM_CLONES void medl_pass(Moments m, double beta, double gamma, double epsilon,
                                   double step_size, double s_correction_root) {
  for (std::size_t i = 0; i < m.n; ++i) {
    m.v[i] = beta * m.v[i] + (1 - beta) * m.g[i];             // Algorithm 4.2, line 5
    m.s[i] = gamma * m.s[i] + (1 - gamma) * m.g[i] * m.g[i];  // line 6
    const double denominator = std::sqrt(m.s[i]) / s_correction_root + epsilon;  // √ŝ + ε
    m.theta[i] += -step_size * m.v[i] / denominator;                             // line 9
  }
}

// Aggarwal (3.44)–(3.46): the corrections folded into α_t, ε inside the root.
DESCENT_ADAM_CLONES void aggarwal_pass(Moments m, double beta, double gamma, double epsilon,
                                       double alpha_t) {
  for (std::size_t i = 0; i < m.n; ++i) {
    m.v[i] = beta * m.v[i] + (1 - beta) * m.g[i];                  // (3.45)
    m.s[i] = gamma * m.s[i] + (1 - gamma) * m.g[i] * m.g[i];       // (3.44)
    m.theta[i] -= alpha_t * m.v[i] / std::sqrt(m.s[i] + epsilon);  // (3.46)
  }
}
}  // namespace

void Adam::step(vector& theta, const vector& g, double alpha) {
  zero_if_empty(v, theta.size());
  zero_if_empty(s, theta.size());
  const double v_correction = 1 - std::pow(beta, t + 1);   // (4.24)
  const double s_correction = 1 - std::pow(gamma, t + 1);  // (4.24)
  const Moments m{theta.data(), v.data(), s.data(), g.data(), theta.size()};
  if (form == AdamForm::medl)
    medl_pass(m, beta, gamma, epsilon, alpha / v_correction, std::sqrt(s_correction));
  else
    aggarwal_pass(m, beta, gamma, epsilon, alpha * std::sqrt(s_correction) / v_correction);
  ++t;
}
//! [adam]

Nadam::Nadam(double b, double gm, double e) : beta(b), gamma(gm), epsilon(e) {
  check_moments(beta, gamma, epsilon);
}

//! [nadam]
void Nadam::step(vector& theta, const vector& g, double alpha) {
  zero_if_empty(v, theta.size());
  zero_if_empty(s, theta.size());
  const double ahead = beta / (1 - std::pow(beta, t + 2));  // weight of the next momentum
  const double now = (1 - beta) / (1 - std::pow(beta, t + 1));
  const double s_correction = 1 - std::pow(gamma, t + 1);
  for (std::size_t i = 0; i < theta.size(); ++i) {
    v(i) = beta * v(i) + (1 - beta) * g(i);
    s(i) = gamma * s(i) + (1 - gamma) * g(i) * g(i);
    const double v_hat = ahead * v(i) + now * g(i);  // MEDL §4.5, Nadam's line 7
    theta(i) -= alpha * v_hat / (std::sqrt(s(i) / s_correction) + epsilon);
  }
  ++t;
}
//! [nadam]

LpAdam::LpAdam(double pp, double b, double gm, double e) : p(pp), beta(b), gamma(gm), epsilon(e) {
  require("p", p, lp_exponent_range);
  check_moments(beta, gamma, epsilon);
}

void LpAdam::step(vector& theta, const vector& g, double alpha) {
  zero_if_empty(v, theta.size());
  zero_if_empty(s, theta.size());
  const double gamma_p = std::pow(gamma, p);
  const double v_correction = 1 - std::pow(beta, t + 1);
  const double s_correction = 1 - std::pow(gamma_p, t + 1);
  for (std::size_t i = 0; i < theta.size(); ++i) {
    v(i) = beta * v(i) + (1 - beta) * g(i);
    s(i) = gamma_p * s(i) + (1 - gamma_p) * std::pow(std::fabs(g(i)), p);  // (4.39)
    theta(i) -=
        alpha * (v(i) / v_correction) / (std::pow(s(i) / s_correction, 1 / p) + epsilon);  // (4.40)
  }
  ++t;
}

Adamax::Adamax(double b, double gm, double e) : beta(b), gamma(gm), epsilon(e) {
  check_moments(beta, gamma, epsilon);
}

//! [adamax]
void Adamax::step(vector& theta, const vector& g, double alpha) {
  zero_if_empty(v, theta.size());
  zero_if_empty(r, theta.size());
  const double v_correction = 1 - std::pow(beta, t + 1);
  for (std::size_t i = 0; i < theta.size(); ++i) {
    v(i) = beta * v(i) + (1 - beta) * g(i);
    r(i) = std::max(gamma * r(i), std::fabs(g(i)));                // (4.41)
    theta(i) -= alpha * (v(i) / v_correction) / (r(i) + epsilon);  // (4.42)
  }
  ++t;
}
//! [adamax]

}  // namespace descent::optim
