#include "descent/problems/finite_sum.hpp"

#include <stdexcept>

#include "descent/core/error.hpp"

namespace descent::problems {

void FiniteSum::batch_gradient(const vector& theta, const std::vector<std::size_t>& batch,
                               vector& g) const {
  vector gi;
  g = xt::zeros<double>({dimension()});
  for (const auto i : batch) {
    sample_gradient(theta, i, gi);
    g += gi;
  }
  g /= static_cast<double>(batch.size());  // MEDL (4.13)
}

double FiniteSum::value(const vector& theta) const {
  double sum = 0;
  for (std::size_t i = 0; i < samples(); ++i) sum += sample_value(theta, i);
  return sum / static_cast<double>(samples());
}

void FiniteSum::gradient(const vector& theta, vector& g) const {
  std::vector<std::size_t> all(samples());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  batch_gradient(theta, all, g);
}

void FiniteSum::sample_hessian(const vector&, std::size_t, matrix&) const {
  throw std::logic_error(name() + " has no closed-form sample Hessian");
}

void FiniteSum::hessian(const vector& theta, matrix& h) const {
  const auto d = dimension();
  h = xt::zeros<double>({d, d});
  matrix hi;
  for (std::size_t i = 0; i < samples(); ++i) {
    sample_hessian(theta, i, hi);
    h += hi / static_cast<double>(samples());
  }
}

QuadraticSum::QuadraticSum(std::vector<double> a, std::vector<vector> u)
    : a_(std::move(a)), u_(std::move(u)) {
  if (a_.empty() || a_.size() != u_.size())
    throw invalid_argument("quadratic sum (4.12): a and u need the same number n >= 1 of entries");
  for (double ai : a_)
    if (!(ai > 0)) throw invalid_argument("quadratic sum (4.12): allowed: every a_i > 0");
}

QuadraticSum QuadraticSum::figure_4_3a() {
  return {{1, 2, 3, 2, 4},
          {vector({1.0, 1.0}), vector({2.0, 0.0}), vector({3.0, 1.0}), vector({2.0, 3.0}),
           vector({1.0, 2.0})}};
}

QuadraticSum QuadraticSum::figure_4_3b() {
  return {{1, 2, 3, 2, 4}, std::vector<vector>(5, vector({2.0, 2.0}))};
}

double QuadraticSum::sample_value(const vector& t, std::size_t i) const {
  const double d1 = t(0) - u_[i](0), d2 = t(1) - u_[i](1);
  return a_[i] * d1 * d1 + d2 * d2;  // MEDL (4.12)
}

void QuadraticSum::sample_gradient(const vector& t, std::size_t i, vector& g) const {
  if (g.size() != 2) g.resize({2});
  g(0) = 2 * a_[i] * (t(0) - u_[i](0));
  g(1) = 2 * (t(1) - u_[i](1));
}

void QuadraticSum::hessian(const vector&, matrix& h) const {
  double mean_a = 0;
  for (double ai : a_) mean_a += ai / static_cast<double>(a_.size());
  h = matrix({{2 * mean_a, 0.0}, {0.0, 2.0}});
}

std::optional<vector> QuadraticSum::minimizer() const {
  double sa = 0, sau = 0, su = 0;
  for (std::size_t i = 0; i < a_.size(); ++i) {
    sa += a_[i];
    sau += a_[i] * u_[i](0);
    su += u_[i](1);
  }
  return vector({sau / sa, su / static_cast<double>(a_.size())});
}

std::optional<double> QuadraticSum::minimum() const {
  return value(*minimizer());
}

}  // namespace descent::problems
