#include "aggarwal03/search_space.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace descent::chapters::aggarwal03 {

double grid_size(const std::vector<double>& values_per_hyperparameter) {
  double n = 1;
  for (const double k : values_per_hyperparameter) n *= k;
  return n;
}

std::vector<double> grid_axis(double lo, double hi, std::size_t k) {
  if (k < 2) throw std::logic_error("grid_axis: fewer than two values");
  std::vector<double> v(k);
  for (std::size_t i = 0; i < k; ++i) v[i] = lo + (hi - lo) * double(i) / double(k - 1);
  v.back() = hi;  // exactly the end of the range, not lo + (hi − lo) rounded
  return v;
}

std::vector<Point> grid_points(const Box& box, std::size_t k) {
  std::vector<Point> points{Point{}};
  for (std::size_t axis = 0; axis < box.lo.size(); ++axis) {
    std::vector<Point> longer;
    for (const Point& p : points)
      for (const double v : grid_axis(box.lo[axis], box.hi[axis], k)) {
        longer.push_back(p);
        longer.back().push_back(v);
      }
    points = std::move(longer);
  }
  return points;
}

std::vector<Point> random_points(const Box& box, std::size_t n, Rng& rng) {
  std::vector<Point> points(n, Point(box.lo.size()));
  for (Point& p : points)
    for (std::size_t axis = 0; axis < p.size(); ++axis)
      p[axis] = rng.uniform(box.lo[axis], box.hi[axis]);
  return points;
}

double p_below_log_uniform(double lo, double hi, double t) {
  return (std::log10(t) - std::log10(lo)) / (std::log10(hi) - std::log10(lo));
}

double p_below_uniform(double lo, double hi, double t) {
  return (t - lo) / (hi - lo);
}

Box shrink_around(const Box& box, const Point& centre, double shrink) {
  Box next = box;
  for (std::size_t axis = 0; axis < box.lo.size(); ++axis) {
    const double half = shrink * (box.hi[axis] - box.lo[axis]) / 2;
    next.lo[axis] = centre[axis] - half;
    next.hi[axis] = centre[axis] + half;
  }
  return next;
}

std::size_t distinct(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return std::size_t(std::unique(values.begin(), values.end()) - values.begin());
}

}  // namespace descent::chapters::aggarwal03
