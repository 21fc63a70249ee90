#pragma once
/// \file
/// A first-order update rule as a small policy (ensmallen style): a struct that keeps its
/// own state (velocity, squared-gradient averages, a step counter) and turns the gradient
/// into one step θ⁽ᵗ⁾ → θ⁽ᵗ⁺¹⁾. Algorithm 4.1 (descent.hpp) drives any rule; the rules
/// themselves live in momentum.hpp, adaptive.hpp and adam.hpp, one class per idea, with the
/// source's convention chosen by a `Form` enum (see docs/pages/conventions.md).

#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "descent/core/interval.hpp"
#include "descent/core/tensor.hpp"

namespace descent::optim {

/// The interface of a first-order update rule: one step θ⁽ᵗ⁾ → θ⁽ᵗ⁺¹⁾ from a gradient,
/// with whatever state (velocity, moment averages, step count) the rule keeps between steps.
class UpdateRule {
 public:
  virtual ~UpdateRule() = default;
  /// The variant's name as make_rule accepts it, e.g. "momentum-ewma".
  [[nodiscard]] virtual std::string name() const = 0;
  /// Where the next gradient is to be taken. Plain rules use θ itself; Nesterov-type rules
  /// (MEDL (4.33), Aggarwal 3.5.2.1, Eq. 3.42) look ahead along their velocity. `alpha` is
  /// the learning rate of the coming step.
  [[nodiscard]] virtual const vector& gradient_point(const vector& theta, double alpha) {
    (void)alpha;
    return theta;
  }
  /// Whether gradient_point() may be other than θ itself (the Nesterov-type rules): a caller
  /// that takes every gradient at θ, as nn's training loop does, cannot run such a rule.
  [[nodiscard]] virtual bool looks_ahead() const { return false; }
  /// One step: `g` is the gradient at gradient_point(θ, α), `alpha` the learning rate α⁽ᵗ⁾.
  virtual void step(vector& theta, const vector& g, double alpha) = 0;
};

/// The ranges every rule's constructor checks (descent::require, which throws
/// descent::invalid_argument naming the allowed range): a decay rate β, γ or ρ in [0, 1), the
/// ε of a denominator >= 0, Lp-Adam's exponent p in [1, 1000].
inline constexpr Interval decay_rate_range{0, 1, false, true};
/// ε of a denominator: [0, ∞).
inline constexpr Interval epsilon_range{0, std::numeric_limits<double>::infinity(), false, true};
/// Lp-Adam's exponent p: [1, 1000].
inline constexpr Interval lp_exponent_range{1, 1000, false, false};

/// The hyper-parameters of every rule, with the books' symbols. A rule reads the ones it
/// needs; validate() checks them all.
struct RuleOptions {
  double beta = 0.9;  ///< momentum / first-moment decay β (μ in the notes, ρ_f in Aggarwal): [0, 1)
  double gamma = 0.999;   ///< second-moment decay γ (ρ in Aggarwal, β in notes (2.8)): [0, 1)
  double rho = 0.95;      ///< Adadelta's decay of squared steps ρ: [0, 1)
  double epsilon = 1e-8;  ///< ε (δ in the notes): >= 0
  double p = 2;           ///< Lp-Adam's exponent p (4.39): [1, 1000]
  /// Throws descent::invalid_argument naming the first hyper-parameter out of its range.
  void validate() const;
};

/// Every variant make_rule knows, in the order of the conventions page.
[[nodiscard]] const std::vector<std::string>& rule_names();

/// The rule called `name` (one of rule_names()) with `options` (validated). Throws
/// descent::invalid_argument naming the allowed names for an unknown one.
[[nodiscard]] std::unique_ptr<UpdateRule> make_rule(const std::string& name,
                                                    const RuleOptions& options = {});

}  // namespace descent::optim
