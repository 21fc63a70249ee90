#pragma once
/// \file
/// The test surfaces of MEDL Figure 4.1: the convex bowl θ₁² + θ₂² and MATLAB's "peaks"
/// (the authors' figure code), with its nine critical points classified by the
/// eigenvalues of the Hessian.

#include <string>
#include <vector>

#include "descent/problems/objective.hpp"

namespace descent::problems {

/// z = 3(1−x)²e^{−x²−(y+1)²} − 10(x/5 − x³ − y⁵)e^{−x²−y²} − (1/3)e^{−(x+1)²−y²}.
class Peaks final : public Objective {
 public:
  [[nodiscard]] std::string name() const override { return "peaks"; }
  [[nodiscard]] std::size_t dimension() const override { return 2; }
  [[nodiscard]] double value(const vector& theta) const override;
  void gradient(const vector& theta, vector& g) const override;
  [[nodiscard]] bool has_hessian() const override { return true; }
  void hessian(const vector& theta, matrix& h) const override;
  [[nodiscard]] vector initial_point() const override { return vector({0.0, 0.0}); }
};

/// A critical point and its kind from the Hessian's eigenvalues.
struct CriticalPoint {
  vector theta;           ///< where ∇C(θ) = 0 (to the accuracy of Newton's method)
  double value = 0;       ///< C(θ)
  double lambda_min = 0;  ///< smallest eigenvalue of ∇²C(θ)
  double lambda_max = 0;  ///< largest eigenvalue of ∇²C(θ)
  std::string kind;                       ///< "minimum", "maximum", "saddle"
};

/// Newton's method on ∇C = 0 from every point of an n × n grid over [lo, hi]², merged
/// (distance < 1e-6) and classified; sorted by value.
[[nodiscard]] std::vector<CriticalPoint> critical_points(const Objective& c, double lo, double hi,
                                                         int n);

/// Kind of a critical point from the eigenvalues of its Hessian (slide "checking for local
/// minima"): both > 0 minimum, both < 0 maximum, opposite signs saddle, else "degenerate".
[[nodiscard]] std::string classify(double lambda_min, double lambda_max);

}  // namespace descent::problems
