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
void Adam::step(vector& theta, const vector& g, double alpha) {
  zero_if_empty(v, theta.size());
  zero_if_empty(s, theta.size());
  const double v_correction = 1 - std::pow(beta, t + 1);   // (4.24)
  const double s_correction = 1 - std::pow(gamma, t + 1);  // (4.24)
  // Plain pointers and the form chosen outside the loop, so that the loop vectorizes (ADAM
  // runs once per mini-batch over every weight of a network: Figure 4.4 has 419,860).
  double* th = theta.data();
  double* vp = v.data();
  double* sp = s.data();
  const double* gp = g.data();
  const std::size_t n = theta.size();
  if (form == AdamForm::medl) {
    // Lines 7–9, θ −= α v̂/(√ŝ + ε) with v̂ = v/(1 − βᵗ) and ŝ = s/(1 − γᵗ), as
    // θ += −(α/(1 − βᵗ)) v/(√s/√(1 − γᵗ) + ε): equal in exact arithmetic, two divisions and a
    // root per weight instead of three and a root (ADAM's loop is most of Figure 4.4's time),
    // and torch.optim.Adam's order of operations, so that the two round alike.
    const double step_size = alpha / v_correction, s_correction_root = std::sqrt(s_correction);
    for (std::size_t i = 0; i < n; ++i) {
      vp[i] = beta * vp[i] + (1 - beta) * gp[i];            // Algorithm 4.2, line 5
      sp[i] = gamma * sp[i] + (1 - gamma) * gp[i] * gp[i];  // line 6
      const double denominator = std::sqrt(sp[i]) / s_correction_root + epsilon;  // √ŝ + ε
      th[i] += -step_size * vp[i] / denominator;                                  // line 9
    }
  } else {  // Aggarwal (3.46): corrections folded into α_t, ε inside the root
    const double alpha_t = alpha * std::sqrt(s_correction) / v_correction;
    for (std::size_t i = 0; i < n; ++i) {
      vp[i] = beta * vp[i] + (1 - beta) * gp[i];            // (3.45)
      sp[i] = gamma * sp[i] + (1 - gamma) * gp[i] * gp[i];  // (3.44)
      th[i] -= alpha_t * vp[i] / std::sqrt(sp[i] + epsilon);
    }
  }
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
