#include "descent/optim/momentum.hpp"

#include "descent/core/error.hpp"

namespace descent::optim {

namespace {
// The state starts at zero with the size of the first gradient (v⁽⁰⁾ = 0 in every source).
void zero_if_empty(vector& state, std::size_t d) {
  if (state.size() != d) state = xt::zeros<double>({d});
}
}  // namespace

void GradientDescent::step(vector& theta, const vector& g, double alpha) {
  for (std::size_t i = 0; i < theta.size(); ++i) theta(i) -= alpha * g(i);
}

Momentum::Momentum(MomentumForm f, double b) : form(f), beta(b) {
  require("beta", beta, decay_rate_range);
}

std::string Momentum::name() const {
  switch (form) {
    case MomentumForm::ewma: return "momentum-ewma";
    case MomentumForm::accumulate: return "momentum-accumulate";
    case MomentumForm::heavy_ball: return "heavy-ball";
  }
  return "momentum";
}

//! [momentum]
void Momentum::step(vector& theta, const vector& g, double alpha) {
  zero_if_empty(v, theta.size());
  for (std::size_t i = 0; i < theta.size(); ++i) {
    switch (form) {
      case MomentumForm::ewma:  // MEDL (4.16)–(4.17)
        v(i) = beta * v(i) + (1 - beta) * g(i);
        theta(i) -= alpha * v(i);
        break;
      case MomentumForm::accumulate:  // MEDL footnote 15, PyTorch
        v(i) = beta * v(i) + g(i);
        theta(i) -= alpha * v(i);
        break;
      case MomentumForm::heavy_ball:  // notes (2.7), Aggarwal 3.5.2
        v(i) = beta * v(i) - alpha * g(i);
        theta(i) += v(i);
        break;
    }
  }
}
//! [momentum]

Nesterov::Nesterov(NesterovForm f, double b) : form(f), beta(b) {
  require("beta", beta, decay_rate_range);
}

std::string Nesterov::name() const {
  switch (form) {
    case NesterovForm::medl: return "nesterov";
    case NesterovForm::sutskever: return "nesterov-sutskever";
    case NesterovForm::slide_literal: return "nesterov-slide-literal";
  }
  return "nesterov";
}

//! [nesterov]
const vector& Nesterov::gradient_point(const vector& theta, double alpha) {
  zero_if_empty(v, theta.size());
  point_.resize({theta.size()});
  for (std::size_t i = 0; i < theta.size(); ++i)
    point_(i) = form == NesterovForm::medl ? theta(i) - alpha * beta * v(i)  // MEDL (4.33)
                                           : theta(i) + beta * v(i);         // Aggarwal, slide
  return point_;
}

void Nesterov::step(vector& theta, const vector& g, double alpha) {
  zero_if_empty(v, theta.size());
  for (std::size_t i = 0; i < theta.size(); ++i) {
    switch (form) {
      case NesterovForm::medl:  // (4.33)–(4.34)
        v(i) = beta * v(i) + (1 - beta) * g(i);
        theta(i) -= alpha * v(i);
        break;
      case NesterovForm::sutskever:  // Aggarwal 3.5.2.1
        v(i) = beta * v(i) - alpha * g(i);
        theta(i) += v(i);
        break;
      case NesterovForm::slide_literal:  // v in gradient units, x moves by αv
        v(i) = beta * v(i) - g(i);
        theta(i) += alpha * v(i);
        break;
    }
  }
}
//! [nesterov]

LookAheadMomentum::LookAheadMomentum(double b) : beta(b) {
  require("beta", beta, decay_rate_range);
}

void LookAheadMomentum::step(vector& theta, const vector& g, double alpha) {
  zero_if_empty(v, theta.size());
  for (std::size_t i = 0; i < theta.size(); ++i) {
    v(i) = beta * v(i) + (1 - beta) * g(i);                 // (4.36)
    theta(i) -= alpha * (beta * v(i) + (1 - beta) * g(i));  // (4.37)
  }
}

}  // namespace descent::optim
