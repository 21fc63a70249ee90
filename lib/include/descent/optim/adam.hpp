#pragma once
/// \file
/// ADAM and its relatives: MEDL Algorithm 4.2 and (4.25), Aggarwal (3.44)–(3.46), Nadam
/// (MEDL §4.5), the Lp generalisation (4.39)–(4.40) and Adamax (4.41)–(4.42). Each keeps
/// its step counter t (0 before the first step), so v̂ = v/(1 − β^{t+1}) as in (4.24).

#include "descent/optim/update_rule.hpp"

namespace descent::optim {

enum class AdamForm {
  medl,  ///< Algorithm 4.2 = Kingma & Ba = PyTorch: θ ← θ − α v̂/(√ŝ + ε)
  aggarwal,  ///< (3.44)–(3.46): θ ← θ − α_t v/√(s + ε), α_t = α√(1−γ^{t+1})/(1−β^{t+1})
};

struct Adam final : UpdateRule {
  Adam(AdamForm form, double beta, double gamma, double epsilon);
  [[nodiscard]] std::string name() const override;
  void step(vector& theta, const vector& g, double alpha) override;
  AdamForm form;
  double beta, gamma, epsilon;
  int t = 0;
  vector v, s;
};

/// Nadam as MEDL §4.5 writes it: Algorithm 4.2 with line 7 replaced by
/// v̂ = β/(1 − β^{t+2}) v + (1 − β)/(1 − β^{t+1}) g.
struct Nadam final : UpdateRule {
  Nadam(double beta, double gamma, double epsilon);
  [[nodiscard]] std::string name() const override { return "nadam"; }
  void step(vector& theta, const vector& g, double alpha) override;
  double beta, gamma, epsilon;
  int t = 0;
  vector v, s;
};

/// MEDL (4.39)–(4.40): s ← γᵖs + (1−γᵖ)|g|ᵖ, ŝ = s/(1 − γ^{p(t+1)}), θ ← θ − α v̂/(ŝ^{1/p} + ε).
/// p = 2 is ADAM; large p overflows (the text's remark), which the run reports as divergence.
struct LpAdam final : UpdateRule {
  LpAdam(double p, double beta, double gamma, double epsilon);
  [[nodiscard]] std::string name() const override { return "lp-adam"; }
  void step(vector& theta, const vector& g, double alpha) override;
  double p, beta, gamma, epsilon;
  int t = 0;
  vector v, s;
};

/// MEDL (4.41)–(4.42): r ← max(γr, |g|), θ ← θ − α v̂/(r + ε) with v̂ = v/(1 − β^{t+1}).
/// PyTorch's Adamax puts ε inside the max; with ε = 0 the two agree.
struct Adamax final : UpdateRule {
  Adamax(double beta, double gamma, double epsilon);
  [[nodiscard]] std::string name() const override { return "adamax"; }
  void step(vector& theta, const vector& g, double alpha) override;
  double beta, gamma, epsilon;
  int t = 0;
  vector v, r;
};

}  // namespace descent::optim
