#pragma once
/// \file
/// Per-coordinate adaptive learning rates, MEDL (4.19)–(4.23) and (4.38), Aggarwal
/// 3.5.3, notes (2.8): Adagrad, RMSprop, RMSprop with Nesterov momentum, Adadelta.

#include "descent/optim/update_rule.hpp"

namespace descent::optim {

/// Where ε goes in the denominator.
enum class EpsilonPlacement {
  outside_root,  ///< g / (√s + ε): MEDL (4.21), PyTorch
  inside_root,   ///< g / √(s + ε): Aggarwal (3.40)–(3.41), notes (2.8) with δ
};

/// Adagrad, MEDL (4.22) with (4.21) / Aggarwal (3.40): s ← s + g⊙g; θ ← θ − α g/(√s + ε).
struct Adagrad final : UpdateRule {
  /// Throws descent::invalid_argument unless ε ≥ 0.
  Adagrad(EpsilonPlacement placement, double epsilon);
  [[nodiscard]] std::string name() const override;
  void step(vector& theta, const vector& g, double alpha) override;
  EpsilonPlacement placement;  ///< where ε goes: outside or inside the square root
  double epsilon;              ///< ε ≥ 0, keeps the step finite while s is 0
  vector s;  ///< sum of squared gradients so far, s ← s + g⊙g (sized on the first step)
};

/// RMSprop, MEDL (4.22): s ← γs + (1−γ)g⊙g, then the update (4.21); notes (2.8) and
/// Aggarwal (3.41) with ε inside the root.
struct Rmsprop final : UpdateRule {
  /// Throws descent::invalid_argument unless γ ∈ [0, 1) and ε ≥ 0.
  Rmsprop(EpsilonPlacement placement, double gamma, double epsilon);
  [[nodiscard]] std::string name() const override;
  void step(vector& theta, const vector& g, double alpha) override;
  EpsilonPlacement placement;  ///< where ε goes: outside or inside the square root
  double gamma;    ///< decay γ of the squared-gradient average (β in notes (2.8), ρ in Aggarwal)
  double epsilon;  ///< ε ≥ 0 in the denominator
  vector s;        ///< EWMA of squared gradients, s ← γs + (1−γ)g⊙g
};

/// Aggarwal (3.42): g at W + βV; A ← ρA + (1−ρ)g⊙g (before V, so A > 0 at the first step);
/// V ← βV − α g/√(A + ε); W ← W + V.
struct RmspropNesterov final : UpdateRule {
  /// Throws descent::invalid_argument unless β, γ ∈ [0, 1) and ε ≥ 0.
  RmspropNesterov(double beta, double gamma, double epsilon);
  [[nodiscard]] std::string name() const override { return "rmsprop-nesterov"; }
  [[nodiscard]] const vector& gradient_point(const vector& theta, double alpha) override;
  [[nodiscard]] bool looks_ahead() const override { return true; }
  void step(vector& theta, const vector& g, double alpha) override;
  double beta;     ///< momentum β: V ← βV − α g/√(A + ε)
  double gamma;    ///< decay of the squared-gradient average A (Aggarwal's ρ)
  double epsilon;  ///< ε inside the root, √(A + ε)
  vector s;        ///< Aggarwal's A, EWMA of g⊙g
  vector v;        ///< Aggarwal's velocity V

 private:
  vector point_;
};

/// Which source's Adadelta step (they differ in where ε goes, and one never moves).
enum class AdadeltaForm {
  medl,    ///< MEDL (4.38): step = (√Δ + ε)/(√s + ε) ⊙ g
  zeiler,  ///< Zeiler 2012 / PyTorch / Aggarwal's working form: √(Δ + ε)/√(s + ε) ⊙ g
  aggarwal_printed,  ///< Aggarwal (3.43) as printed: √(δ/A) ⊙ g with δ⁽⁰⁾ = 0: never moves
};

/// Adadelta: s ← γs + (1−γ)g⊙g; θ ← θ − α·step; Δ ← ρΔ + (1−ρ)step⊙step, where Δ is the
/// average of the squared previous steps. The books have no learning rate: α = 1 is theirs
/// (PyTorch's lr multiplies the step).
struct Adadelta final : UpdateRule {
  /// Throws descent::invalid_argument unless γ, ρ ∈ [0, 1) and ε ≥ 0.
  Adadelta(AdadeltaForm form, double gamma, double rho, double epsilon);
  [[nodiscard]] std::string name() const override;
  void step(vector& theta, const vector& g, double alpha) override;
  AdadeltaForm form;  ///< which step formula
  double gamma;       ///< decay γ of the squared-gradient average s
  double rho;         ///< decay ρ of the squared-step average Δ
  double epsilon;     ///< ε in numerator and denominator (placement per `form`)
  vector s;           ///< EWMA of g⊙g
  vector delta;       ///< Δ, EWMA of step⊙step (Aggarwal's δ)
};

}  // namespace descent::optim
