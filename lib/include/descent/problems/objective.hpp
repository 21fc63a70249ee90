#pragma once
/// \file
/// The interface every multivariate test problem implements: a smooth C: R^d -> R with
/// its gradient and, where it exists in closed form, its Hessian and Hessian-vector
/// product; and, as in ensmallen's test problems, its own answer (a start point, the
/// minimizer and the minimum), so one harness can test any optimizer on it.

#include <optional>
#include <string>

#include "descent/core/tensor.hpp"

namespace descent::problems {

/// A test problem C: R^d → R for the optimizers: value, gradient, optionally the Hessian,
/// and its own answer (start point, minimizer, minimum) for the tests to compare against.
class Objective {
 public:
  virtual ~Objective() = default;

  /// A name for reports, e.g. "Rosenbrock (a = 1, b = 100)".
  [[nodiscard]] virtual std::string name() const = 0;
  /// d, the number of parameters θ has.
  [[nodiscard]] virtual std::size_t dimension() const = 0;

  /// C(θ).
  [[nodiscard]] virtual double value(const vector& theta) const = 0;
  /// ∇C(θ) written into `g` (resized if needed; no allocation when it has the right size).
  virtual void gradient(const vector& theta, vector& g) const = 0;
  /// C(θ) and ∇C(θ) together; override when sharing work pays.
  virtual double value_and_gradient(const vector& theta, vector& g) const {
    gradient(theta, g);
    return value(theta);
  }

  /// Whether hessian() and hessian_vector() are available in closed form.
  [[nodiscard]] virtual bool has_hessian() const { return false; }
  /// ∇²C(θ) into `h`; throws std::logic_error when has_hessian() is false.
  virtual void hessian(const vector& theta, matrix& h) const;
  /// ∇²C(θ) v into `hv`; by default through hessian(), override for O(d) products.
  virtual void hessian_vector(const vector& theta, const vector& v, vector& hv) const;

  /// Where the sources (or the companion) start this problem.
  [[nodiscard]] virtual vector initial_point() const = 0;
  /// The global minimizer and minimum, when known in closed form.
  [[nodiscard]] virtual std::optional<vector> minimizer() const { return std::nullopt; }
  /// C at the global minimizer, when known in closed form.
  [[nodiscard]] virtual std::optional<double> minimum() const { return std::nullopt; }
};

}  // namespace descent::problems
