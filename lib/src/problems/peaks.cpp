#include "descent/problems/peaks.hpp"

#include <algorithm>
#include <cmath>

#include "descent/core/error.hpp"

namespace descent::problems {

namespace {

// Each term of peaks is u(x, y)·e^{q} with u a polynomial and q = −(x−x₀)² − (y−y₀)²:
// the product rule then gives every derivative from those of u and q.
struct Term {
  double u, ux, uy, uxx, uxy, uyy;
  double x0, y0;
};

struct Derivatives {
  double f = 0, fx = 0, fy = 0, fxx = 0, fxy = 0, fyy = 0;
};

Derivatives peaks_derivatives(double x, double y) {
  const Term terms[3] = {
      // 3(1−x)² e^{−x²−(y+1)²}
      {3 * (1 - x) * (1 - x), -6 * (1 - x), 0, 6, 0, 0, 0, -1},
      // −10(x/5 − x³ − y⁵) e^{−x²−y²}
      {-2 * x + 10 * x * x * x + 10 * std::pow(y, 5), -2 + 30 * x * x, 50 * std::pow(y, 4), 60 * x,
       0, 200 * y * y * y, 0, 0},
      // −(1/3) e^{−(x+1)²−y²}
      {-1.0 / 3, 0, 0, 0, 0, 0, -1, 0},
  };
  Derivatives d;
  for (const auto& t : terms) {
    const double qx = -2 * (x - t.x0), qy = -2 * (y - t.y0);
    const double e = std::exp(-(x - t.x0) * (x - t.x0) - (y - t.y0) * (y - t.y0));
    d.f += t.u * e;
    d.fx += (t.ux + t.u * qx) * e;
    d.fy += (t.uy + t.u * qy) * e;
    d.fxx += (t.uxx + 2 * t.ux * qx + t.u * (qx * qx - 2)) * e;
    d.fyy += (t.uyy + 2 * t.uy * qy + t.u * (qy * qy - 2)) * e;
    d.fxy += (t.uxy + t.ux * qy + t.uy * qx + t.u * qx * qy) * e;
  }
  return d;
}

void require_2d(const vector& t) {
  if (t.size() != 2)
    throw invalid_argument("peaks: theta has " + std::to_string(t.size()) +
                           " elements; allowed: 2");
}

}  // namespace

double Peaks::value(const vector& t) const {
  require_2d(t);
  return peaks_derivatives(t(0), t(1)).f;
}

void Peaks::gradient(const vector& t, vector& g) const {
  require_2d(t);
  const auto d = peaks_derivatives(t(0), t(1));
  if (g.size() != 2) g.resize({2});
  g(0) = d.fx;
  g(1) = d.fy;
}

void Peaks::hessian(const vector& t, matrix& h) const {
  require_2d(t);
  const auto d = peaks_derivatives(t(0), t(1));
  if (h.shape(0) != 2 || h.shape(1) != 2) h.resize({2, 2});
  h(0, 0) = d.fxx;
  h(0, 1) = h(1, 0) = d.fxy;
  h(1, 1) = d.fyy;
}

std::string classify(double lambda_min, double lambda_max) {
  if (lambda_min > 0) return "minimum";
  if (lambda_max < 0) return "maximum";
  if (lambda_min < 0 && lambda_max > 0) return "saddle";
  return "degenerate";
}

std::vector<CriticalPoint> critical_points(const Objective& c, double lo, double hi, int n) {
  if (c.dimension() != 2 || !c.has_hessian())
    throw invalid_argument("critical_points: needs a 2-d objective with a Hessian");
  std::vector<CriticalPoint> found;
  vector g, theta;
  matrix h;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      theta = vector({lo + (hi - lo) * i / (n - 1), lo + (hi - lo) * j / (n - 1)});
      bool converged = false;
      // Newton's method on ∇C = 0, MEDL (4.54), with the 2×2 solve written out.
      for (int k = 0; k < 60 && !converged; ++k) {
        c.gradient(theta, g);
        c.hessian(theta, h);
        const double det = h(0, 0) * h(1, 1) - h(0, 1) * h(1, 0);
        if (!std::isfinite(det) || std::fabs(det) < 1e-14) break;
        const double s0 = -(h(1, 1) * g(0) - h(0, 1) * g(1)) / det;
        const double s1 = -(-h(1, 0) * g(0) + h(0, 0) * g(1)) / det;
        theta(0) += s0;
        theta(1) += s1;
        converged = std::hypot(s0, s1) < 1e-13;
      }
      if (!converged || theta(0) < lo || theta(0) > hi || theta(1) < lo || theta(1) > hi) continue;
      const bool seen = std::any_of(found.begin(), found.end(), [&](const CriticalPoint& p) {
        return std::hypot(p.theta(0) - theta(0), p.theta(1) - theta(1)) < 1e-6;
      });
      if (seen) continue;
      c.hessian(theta, h);
      // Eigenvalues of a symmetric 2×2 matrix in closed form.
      const double mean = 0.5 * (h(0, 0) + h(1, 1));
      const double radius = std::hypot(0.5 * (h(0, 0) - h(1, 1)), h(0, 1));
      CriticalPoint p{theta, c.value(theta), mean - radius, mean + radius, ""};
      p.kind = classify(p.lambda_min, p.lambda_max);
      found.push_back(p);
    }
  std::sort(found.begin(), found.end(),
            [](const CriticalPoint& a, const CriticalPoint& b) { return a.value < b.value; });
  return found;
}

}  // namespace descent::problems
