// Learning-rate schedules, gradient clipping and Polyak averaging: three small helpers
// of the descent loop, in one translation unit to keep the build short.
#include <cmath>
#include <stdexcept>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"
#include "descent/core/kernels.hpp"
#include "descent/optim/averaging.hpp"
#include "descent/optim/clipping.hpp"
#include "descent/optim/schedule.hpp"

namespace descent::optim {

//! [schedule]
double Schedule::at(int t) const {
  switch (kind) {
    case Kind::fixed: return alpha;
    case Kind::exponential: return alpha * std::pow(decay, t);  // MEDL Fig. 4.2: α·0.99ᵗ
    case Kind::step: return alpha * std::pow(decay, t / every);
    case Kind::inverse: return alpha / (1 + k * t);  // Aggarwal §3.5.1
  }
  return alpha;
}
//! [schedule]

void Schedule::validate() const {
  require("alpha", alpha, Interval::greater_than(0));
  require("decay", decay, Interval{0, 1, true, false});
  require("every", every, Interval::at_least(1));
  require("k", k, Interval::at_least(0));
}

void Clipping::validate() const {
  require("threshold", threshold, Interval::greater_than(0));
}

//! [clip]
bool clip(vector& g, const Clipping& c) {
  switch (c.kind) {
    case Clipping::Kind::none: return false;
    case Clipping::Kind::value: {
      bool changed = false;
      for (auto& gi : g)
        if (std::fabs(gi) > c.threshold) {
          gi = std::copysign(c.threshold, gi);
          changed = true;
        }
      return changed;
    }
    case Clipping::Kind::norm: {
      const double norm = euclidean_norm(g);
      if (norm <= c.threshold) return false;  // only rescale when above τ (erratum T24)
      g *= c.threshold / norm;
      return true;
    }
  }
  return false;
}
//! [clip]

PolyakAverage::PolyakAverage(Kind kind, double beta) : kind_(kind), beta_(beta) {
  require("beta", beta, Interval{0, 1, false, true});
}

void PolyakAverage::add(const vector& theta) {
  if (count_ == 0) sum_ = xt::zeros<double>({theta.size()});
  ++count_;
  if (kind_ == Kind::simple) {
    sum_ += theta;
  } else {
    sum_ = beta_ * sum_ + (1 - beta_) * theta;  // θ̄⁽⁰⁾ = 0
    beta_power_ *= beta_;
  }
}

vector PolyakAverage::value() const {
  if (count_ == 0) throw std::logic_error("PolyakAverage::value before any add()");
  switch (kind_) {
    case Kind::simple: return sum_ / static_cast<double>(count_);
    case Kind::exponential: return sum_;
    case Kind::bias_corrected: return sum_ / (1 - beta_power_);
  }
  return sum_;
}

}  // namespace descent::optim
