#pragma once
/// \file
/// ADAM and its relatives: MEDL Algorithm 4.2 and (4.25), Aggarwal (3.44)–(3.46), Nadam
/// (MEDL §4.5), the Lp generalisation (4.39)–(4.40) and Adamax (4.41)–(4.42). Each keeps
/// its step counter t (0 before the first step), so v̂ = v/(1 − β^{t+1}) as in (4.24).

#include "descent/optim/update_rule.hpp"

namespace descent::optim {

/// Which source's ADAM update (they differ in where ε and the bias corrections go).
enum class AdamForm {
  medl,  ///< Algorithm 4.2 = Kingma & Ba = PyTorch: θ ← θ − α v̂/(√ŝ + ε)
  aggarwal,  ///< (3.44)–(3.46): θ ← θ − α_t v/√(s + ε), α_t = α√(1−γ^{t+1})/(1−β^{t+1})
};

/// ADAM (MEDL Algorithm 4.2, (4.25); Aggarwal (3.44)–(3.46)): exponential averages v of g
/// and s of g⊙g, bias-corrected by 1 − β^{t+1} and 1 − γ^{t+1}, step ∝ v̂/√ŝ.
struct Adam final : UpdateRule {
  /// Throws descent::invalid_argument unless β, γ ∈ [0, 1) and ε ≥ 0.
  Adam(AdamForm form, double beta, double gamma, double epsilon);
  [[nodiscard]] std::string name() const override;
  void step(vector& theta, const vector& g, double alpha) override;
  AdamForm form;   ///< which source's update `step` applies
  double beta;     ///< first-moment decay β (MEDL (4.23); Aggarwal ρ_f)
  double gamma;    ///< second-moment decay γ (Aggarwal ρ)
  double epsilon;  ///< ε in the denominator, keeps the step finite where s ≈ 0
  int t = 0;       ///< steps taken so far (0 before the first), the t of the bias corrections
  vector v;        ///< first moment: EWMA of g, v ← βv + (1−β)g (sized on the first step)
  vector s;        ///< second moment: EWMA of g⊙g, s ← γs + (1−γ)g⊙g
};

/// Nadam as MEDL §4.5 writes it: Algorithm 4.2 with line 7 replaced by
/// v̂ = β/(1 − β^{t+2}) v + (1 − β)/(1 − β^{t+1}) g.
struct Nadam final : UpdateRule {
  /// Throws descent::invalid_argument unless β, γ ∈ [0, 1) and ε ≥ 0.
  Nadam(double beta, double gamma, double epsilon);
  [[nodiscard]] std::string name() const override { return "nadam"; }
  void step(vector& theta, const vector& g, double alpha) override;
  double beta;     ///< first-moment decay β
  double gamma;    ///< second-moment decay γ
  double epsilon;  ///< ε added to √ŝ
  int t = 0;       ///< steps taken so far (0 before the first)
  vector v;        ///< first moment, EWMA of g
  vector s;        ///< second moment, EWMA of g⊙g
};

/// MEDL (4.39)–(4.40): s ← γᵖs + (1−γᵖ)|g|ᵖ, ŝ = s/(1 − γ^{p(t+1)}), θ ← θ − α v̂/(ŝ^{1/p} + ε).
/// p = 2 is ADAM; large p overflows (the text's remark), which the run reports as divergence.
struct LpAdam final : UpdateRule {
  /// Throws descent::invalid_argument unless 1 ≤ p ≤ 1000, β, γ ∈ [0, 1) and ε ≥ 0.
  LpAdam(double p, double beta, double gamma, double epsilon);
  [[nodiscard]] std::string name() const override { return "lp-adam"; }
  void step(vector& theta, const vector& g, double alpha) override;
  double p;        ///< the norm's exponent p (p = 2 is ADAM)
  double beta;     ///< first-moment decay β
  double gamma;    ///< decay γ; the p-th moment decays by γᵖ
  double epsilon;  ///< ε added to ŝ^{1/p}
  int t = 0;       ///< steps taken so far (0 before the first)
  vector v;        ///< first moment, EWMA of g
  vector s;        ///< p-th moment, s ← γᵖs + (1−γᵖ)|g|ᵖ (4.39)
};

/// MEDL (4.41)–(4.42): r ← max(γr, |g|), θ ← θ − α v̂/(r + ε) with v̂ = v/(1 − β^{t+1}).
/// PyTorch's Adamax puts ε inside the max; with ε = 0 the two agree.
struct Adamax final : UpdateRule {
  /// Throws descent::invalid_argument unless β, γ ∈ [0, 1) and ε ≥ 0.
  Adamax(double beta, double gamma, double epsilon);
  [[nodiscard]] std::string name() const override { return "adamax"; }
  void step(vector& theta, const vector& g, double alpha) override;
  double beta;     ///< first-moment decay β
  double gamma;    ///< decay γ of the running maximum r
  double epsilon;  ///< ε added to r
  int t = 0;       ///< steps taken so far (0 before the first)
  vector v;        ///< first moment, EWMA of g
  vector r;  ///< running max of |g|, r ← max(γr, |g|) (4.41): the p → ∞ limit of LpAdam's s^{1/p}
};

}  // namespace descent::optim
