#include "descent/problems/quadratic.hpp"

#include "descent/core/error.hpp"

namespace descent::problems {

Quadratic::Quadratic(vector lambda, vector centre, vector start)
    : lambda_(std::move(lambda)), centre_(std::move(centre)), start_(std::move(start)) {
  if (lambda_.size() == 0 || centre_.size() != lambda_.size() || start_.size() != lambda_.size())
    throw invalid_argument("quadratic: lambda, centre and start need the same size >= 1");
  for (double l : lambda_)
    if (!(l > 0)) throw invalid_argument("quadratic: allowed: every eigenvalue lambda_i > 0");
}

Quadratic Quadratic::with_condition(double kappa) {
  if (!(kappa >= 1)) throw invalid_argument("quadratic: allowed: condition number kappa >= 1");
  return {vector({kappa, 1.0}), vector({0.0, 0.0}), vector({1.0, 1.0})};
}

double Quadratic::value(const vector& t) const {
  double sum = 0;
  for (std::size_t i = 0; i < lambda_.size(); ++i)
    sum += 0.5 * lambda_(i) * (t(i) - centre_(i)) * (t(i) - centre_(i));
  return sum;
}

void Quadratic::gradient(const vector& t, vector& g) const {
  if (g.size() != lambda_.size()) g.resize({lambda_.size()});
  for (std::size_t i = 0; i < lambda_.size(); ++i) g(i) = lambda_(i) * (t(i) - centre_(i));
}

void Quadratic::hessian(const vector&, matrix& h) const {
  const auto d = lambda_.size();
  h = xt::zeros<double>({d, d});
  for (std::size_t i = 0; i < d; ++i) h(i, i) = lambda_(i);
}

}  // namespace descent::problems
