#include "descent/problems/rosenbrock.hpp"

#include "descent/core/error.hpp"

namespace descent::problems {

namespace {
void require_size(const vector& theta, std::size_t d, const std::string& who) {
  if (theta.size() != d)
    throw invalid_argument(who + ": theta has " + std::to_string(theta.size()) +
                           " elements, expected " + std::to_string(d));
}
}  // namespace

Rosenbrock::Rosenbrock(double a, double b) : a_(a), b_(b) {}

double Rosenbrock::value(const vector& t) const {
  require_size(t, 2, name());
  const double u = a_ - t(0), w = t(1) - t(0) * t(0);
  return u * u + b_ * w * w;  // MEDL (4.9)
}

void Rosenbrock::gradient(const vector& t, vector& g) const {
  require_size(t, 2, name());
  const double w = t(1) - t(0) * t(0);
  if (g.size() != 2) g.resize({2});
  g(0) = -2 * (a_ - t(0)) - 4 * b_ * t(0) * w;
  g(1) = 2 * b_ * w;
}

void Rosenbrock::hessian(const vector& t, matrix& h) const {
  require_size(t, 2, name());
  if (h.shape(0) != 2 || h.shape(1) != 2) h.resize({2, 2});
  h(0, 0) = 2 - 4 * b_ * (t(1) - t(0) * t(0)) + 8 * b_ * t(0) * t(0);
  h(0, 1) = h(1, 0) = -4 * b_ * t(0);
  h(1, 1) = 2 * b_;
}

vector Rosenbrock::initial_point() const {
  return vector({-1.2, 1.0});
}
std::optional<vector> Rosenbrock::minimizer() const {
  return vector({a_, a_ * a_});
}

ExtendedRosenbrock::ExtendedRosenbrock(std::size_t d) : d_(d) {
  if (d == 0 || d % 2 != 0)
    throw invalid_argument("extended Rosenbrock: d = " + std::to_string(d) +
                           "; allowed: an even d >= 2");
}

double ExtendedRosenbrock::value(const vector& t) const {
  require_size(t, d_, name());
  double sum = 0;
  for (std::size_t i = 0; i < d_; i += 2) {
    const double u = 1 - t(i), w = t(i + 1) - t(i) * t(i);
    sum += u * u + 100 * w * w;
  }
  return sum;
}

double ExtendedRosenbrock::value_and_gradient(const vector& t, vector& g) const {
  require_size(t, d_, name());
  if (g.size() != d_) g.resize({d_});
  // Raw pointers, the loop the L-BFGS benchmark gives its peers (bench/lbfgs_peers.hpp):
  // xtensor's operator() recomputes an offset from the strides at every access.
  const double* x = t.data();
  double* gp = g.data();
  double sum = 0;
  for (std::size_t i = 0; i < d_; i += 2) {
    const double u = 1 - x[i], w = x[i + 1] - x[i] * x[i];
    sum += u * u + 100 * w * w;
    gp[i] = -2 * u - 400 * x[i] * w;
    gp[i + 1] = 200 * w;
  }
  return sum;
}

void ExtendedRosenbrock::gradient(const vector& t, vector& g) const {
  (void)value_and_gradient(t, g);
}

void ExtendedRosenbrock::hessian(const vector& t, matrix& h) const {
  require_size(t, d_, name());
  h = xt::zeros<double>({d_, d_});
  for (std::size_t i = 0; i < d_; i += 2) {
    h(i, i) = 2 - 400 * (t(i + 1) - t(i) * t(i)) + 800 * t(i) * t(i);
    h(i, i + 1) = h(i + 1, i) = -400 * t(i);
    h(i + 1, i + 1) = 200;
  }
}

void ExtendedRosenbrock::hessian_vector(const vector& t, const vector& v, vector& hv) const {
  require_size(t, d_, name());
  if (hv.size() != d_) hv.resize({d_});
  for (std::size_t i = 0; i < d_; i += 2) {  // block diagonal: O(d)
    const double h00 = 2 - 400 * (t(i + 1) - t(i) * t(i)) + 800 * t(i) * t(i);
    const double h01 = -400 * t(i);
    hv(i) = h00 * v(i) + h01 * v(i + 1);
    hv(i + 1) = h01 * v(i) + 200 * v(i + 1);
  }
}

vector ExtendedRosenbrock::initial_point() const {
  vector x = xt::empty<double>({d_});
  for (std::size_t i = 0; i < d_; i += 2) {
    x(i) = -1.2;
    x(i + 1) = 1.0;
  }
  return x;
}

std::optional<vector> ExtendedRosenbrock::minimizer() const {
  return vector(xt::ones<double>({d_}));
}

}  // namespace descent::problems
