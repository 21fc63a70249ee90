#include "descent/optim/adaptive.hpp"

#include <cmath>

namespace descent::optim {

namespace {
void zero_if_empty(vector& state, std::size_t d) {
  if (state.size() != d) state = xt::zeros<double>({d});
}
// The per-coordinate rate 1/(√s + ε) or 1/√(s + ε) of (4.21) and (3.40).
double inverse_root(double s, double epsilon, EpsilonPlacement placement) {
  return placement == EpsilonPlacement::outside_root ? 1 / (std::sqrt(s) + epsilon)
                                                     : 1 / std::sqrt(s + epsilon);
}
const char* suffix(EpsilonPlacement placement) {
  return placement == EpsilonPlacement::outside_root ? "" : "-inside";
}
}  // namespace

Adagrad::Adagrad(EpsilonPlacement p, double e) : placement(p), epsilon(e) {
  require("epsilon", epsilon, epsilon_range);
}

std::string Adagrad::name() const {
  return std::string("adagrad") + suffix(placement);
}

//! [adagrad]
void Adagrad::step(vector& theta, const vector& g, double alpha) {
  zero_if_empty(s, theta.size());
  for (std::size_t i = 0; i < theta.size(); ++i) {
    s(i) += g(i) * g(i);  // MEDL (4.22), Aggarwal (3.40)
    theta(i) -= alpha * inverse_root(s(i), epsilon, placement) * g(i);
  }
}
//! [adagrad]

Rmsprop::Rmsprop(EpsilonPlacement p, double gm, double e) : placement(p), gamma(gm), epsilon(e) {
  require("gamma", gamma, decay_rate_range);
  require("epsilon", epsilon, epsilon_range);
}

std::string Rmsprop::name() const {
  return std::string("rmsprop") + suffix(placement);
}

//! [rmsprop]
void Rmsprop::step(vector& theta, const vector& g, double alpha) {
  zero_if_empty(s, theta.size());
  for (std::size_t i = 0; i < theta.size(); ++i) {
    s(i) = gamma * s(i) + (1 - gamma) * g(i) * g(i);  // MEDL (4.22), notes (2.8)
    theta(i) -= alpha * inverse_root(s(i), epsilon, placement) * g(i);
  }
}
//! [rmsprop]

RmspropNesterov::RmspropNesterov(double b, double gm, double e) : beta(b), gamma(gm), epsilon(e) {
  require("beta", beta, decay_rate_range);
  require("gamma", gamma, decay_rate_range);
  require("epsilon", epsilon, epsilon_range);
}

const vector& RmspropNesterov::gradient_point(const vector& theta, double) {
  zero_if_empty(v, theta.size());
  point_ = theta + beta * v;  // W + βV
  return point_;
}

void RmspropNesterov::step(vector& theta, const vector& g, double alpha) {
  zero_if_empty(s, theta.size());
  zero_if_empty(v, theta.size());
  for (std::size_t i = 0; i < theta.size(); ++i) {
    s(i) = gamma * s(i) + (1 - gamma) * g(i) * g(i);  // A first: (3.42) needs A > 0
    v(i) = beta * v(i) - alpha / std::sqrt(s(i) + epsilon) * g(i);
    theta(i) += v(i);
  }
}

Adadelta::Adadelta(AdadeltaForm f, double gm, double r, double e)
    : form(f), gamma(gm), rho(r), epsilon(e) {
  require("gamma", gamma, decay_rate_range);
  require("rho", rho, decay_rate_range);
  require("epsilon", epsilon, epsilon_range);
}

std::string Adadelta::name() const {
  switch (form) {
    case AdadeltaForm::medl: return "adadelta";
    case AdadeltaForm::zeiler: return "adadelta-zeiler";
    case AdadeltaForm::aggarwal_printed: return "adadelta-aggarwal-printed";
  }
  return "adadelta";
}

//! [adadelta]
void Adadelta::step(vector& theta, const vector& g, double alpha) {
  zero_if_empty(s, theta.size());
  zero_if_empty(delta, theta.size());
  for (std::size_t i = 0; i < theta.size(); ++i) {
    s(i) = gamma * s(i) + (1 - gamma) * g(i) * g(i);  // RMSprop's s, (4.22)
    double ratio = 0;
    switch (form) {
      case AdadeltaForm::medl:  // (4.38): ε outside both roots
        ratio = (std::sqrt(delta(i)) + epsilon) / (std::sqrt(s(i)) + epsilon);
        break;
      case AdadeltaForm::zeiler:  // ε inside both roots
        ratio = std::sqrt(delta(i) + epsilon) / std::sqrt(s(i) + epsilon);
        break;
      case AdadeltaForm::aggarwal_printed:  // (3.43): δ⁽⁰⁾ = 0 makes every step 0
        ratio = std::sqrt(delta(i) / s(i));
        break;
    }
    const double step = ratio * g(i);
    theta(i) -= alpha * step;
    delta(i) = rho * delta(i) + (1 - rho) * step * step;  // Δθ from the steps so far
  }
}
//! [adadelta]

}  // namespace descent::optim
