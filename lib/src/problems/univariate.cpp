#include "descent/problems/univariate.hpp"

#include <cmath>

namespace descent::problems {

Univariate quadratic(double a, double m, double c) {
  Univariate f;
  f.formula = "a (theta - m)^2 + c";
  f.value = [=](double t) { return a * (t - m) * (t - m) + c; };
  f.d1 = [=](double t) { return 2 * a * (t - m); };
  f.d2 = [=](double) { return 2 * a; };
  (a > 0 ? f.local_minima : f.local_maxima).push_back(m);
  return f;
}

Univariate overshoot_cubic() {
  Univariate f;
  f.formula = "(theta - 3)^2 (theta + 3)";
  f.value = [](double t) { return (t - 3) * (t - 3) * (t + 3); };
  f.d1 = [](double t) { return 3 * (t - 3) * (t + 1); };  // MEDL p. 155
  f.d2 = [](double t) { return 6 * (t - 1); };
  f.local_minima = {3};
  f.local_maxima = {-1};
  f.inflection_points = {1};
  return f;
}

Univariate oscillating_quartic() {
  Univariate f;
  f.formula = "-theta^4/4 + 5 theta^2/2";
  f.value = [](double t) { return -0.25 * t * t * t * t + 2.5 * t * t; };
  f.d1 = [](double t) { return -t * t * t + 5 * t; };
  f.d2 = [](double t) { return -3 * t * t + 5; };
  f.local_minima = {0};
  f.local_maxima = {-std::sqrt(5.0), std::sqrt(5.0)};
  f.inflection_points = {-std::sqrt(5.0 / 3.0), std::sqrt(5.0 / 3.0)};
  return f;
}

Univariate figure_4_10_quartic() {
  Univariate f;
  f.formula = "theta^4 - 4 theta^3 - 2 theta^2 + 10 theta + 15";
  f.value = [](double t) { return (((t - 4) * t - 2) * t + 10) * t + 15; };  // Horner
  f.d1 = [](double t) { return ((4 * t - 12) * t - 4) * t + 10; };
  f.d2 = [](double t) { return (12 * t - 24) * t - 4; };
  // The roots of C' = 4θ³ − 12θ² − 4θ + 10, from numpy.roots (catalogue C44); the tests
  // check C' vanishes there.
  f.local_minima = {-0.9342978757660598, 3.0597919701013234};
  f.local_maxima = {0.8745059056647392};
  f.inflection_points = {1 - 2 / std::sqrt(3.0), 1 + 2 / std::sqrt(3.0)};
  return f;
}

std::string classify_stationary_point(const Univariate& f, double theta) {
  const double curvature = f.d2(theta);
  if (curvature > 0) return "local minimum";
  if (curvature < 0) return "local maximum";
  return "degenerate";
}

}  // namespace descent::problems
