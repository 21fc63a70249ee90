#pragma once
/// \file
/// Gradient descent and the momentum family: plain GD, momentum in each source's form,
/// Nesterov momentum in each source's form, and MEDL's look-ahead momentum (4.36)–(4.37).

#include "descent/optim/update_rule.hpp"

namespace descent::optim {

/// θ⁽ᵗ⁺¹⁾ = θ⁽ᵗ⁾ − α⁽ᵗ⁾∇C(θ⁽ᵗ⁾): MEDL Algorithm 2.1 / (4.10) with a full gradient.
struct GradientDescent final : UpdateRule {
  [[nodiscard]] std::string name() const override { return "gd"; }
  void step(vector& theta, const vector& g, double alpha) override;
};

/// The three ways the sources write momentum. With a constant α all three produce the same
/// iterates once α is rescaled: ewma(α, β) = accumulate(α(1−β), β) = heavy_ball(α(1−β), β).
enum class MomentumForm {
  ewma,        ///< MEDL (4.16)–(4.17): v ← βv + (1−β)g, θ ← θ − αv
  accumulate,  ///< MEDL footnote 15, PyTorch SGD(momentum): v ← βv + g, θ ← θ − αv
  heavy_ball,  ///< notes (2.7), Aggarwal 3.5.2, Polyak slide: v ← βv − αg, θ ← θ + v
};

/// Momentum in one of the three forms of MomentumForm; the velocity starts at 0.
struct Momentum final : UpdateRule {
  /// Throws descent::invalid_argument unless β ∈ [0, 1).
  Momentum(MomentumForm form, double beta);
  [[nodiscard]] std::string name() const override;
  void step(vector& theta, const vector& g, double alpha) override;
  MomentumForm form;  ///< which source's update
  double beta;        ///< momentum β ∈ [0, 1), the weight of the old velocity
  vector v;  ///< the velocity, v⁽⁰⁾ = 0 (sized on the first step)
};

/// Where Nesterov's gradient is evaluated, per source.
enum class NesterovForm {
  medl,  ///< MEDL (4.33)–(4.34): g at θ − αβv; v ← βv + (1−β)g; θ ← θ − αv
  sutskever,  ///< Aggarwal 3.5.2.1 and the slide corrected: g at θ + βv; v ← βv − αg; θ ← θ + v
  slide_literal,  ///< Risteski slide as printed: g at x + βv; v ← βv − g; x ← x + αv (diverges)
};

/// Nesterov momentum: the gradient is taken at a look-ahead point (gradient_point), not at θ.
struct Nesterov final : UpdateRule {
  /// Throws descent::invalid_argument unless β ∈ [0, 1).
  Nesterov(NesterovForm form, double beta);
  [[nodiscard]] std::string name() const override;
  [[nodiscard]] const vector& gradient_point(const vector& theta, double alpha) override;
  [[nodiscard]] bool looks_ahead() const override { return true; }
  void step(vector& theta, const vector& g, double alpha) override;
  NesterovForm form;  ///< which source's look-ahead point and update
  double beta;        ///< momentum β ∈ [0, 1)
  vector v;           ///< the velocity, v⁽⁰⁾ = 0 (sized on the first step)

 private:
  vector point_;
};

/// MEDL (4.36)–(4.37): v ← βv + (1−β)g; θ ← θ − α(βv + (1−β)g), the gradient at θ itself.
/// Equals PyTorch SGD(lr = α(1−β), momentum = β, nesterov = True).
struct LookAheadMomentum final : UpdateRule {
  /// Throws descent::invalid_argument unless β ∈ [0, 1).
  explicit LookAheadMomentum(double beta);
  [[nodiscard]] std::string name() const override { return "lookahead"; }
  void step(vector& theta, const vector& g, double alpha) override;
  double beta;  ///< momentum β ∈ [0, 1)
  vector v;     ///< EWMA of gradients, v⁽⁰⁾ = 0
};

}  // namespace descent::optim
