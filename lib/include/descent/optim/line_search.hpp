#pragma once
/// \file
/// Line search, MEDL §4.5 (4.43)–(4.50): given θ and a descent direction θ_d, choose the
/// step α along the ray φ(α) = C(θ + αθ_d), whose slope is φ′(α) = θ_dᵀ∇C(θ + αθ_d).
///
/// - exact: α = argmin φ over α > 0 (4.43), in closed form on a quadratic (4.46) or by a march
///   along the ray that brackets every local minimizer it passes and keeps the lowest;
/// - backtracking: α₀, ρα₀, ρ²α₀, ... (MEDL: ρ = 2/3) until the Armijo condition (4.48)
///   holds (and, optionally, a Wolfe curvature condition);
/// - Wolfe and strong Wolfe: bracketing and zoom, Nocedal–Wright Algorithms 3.5 and 3.6.
///
/// The book calls the constants β (4.48) and γ (4.49)/(4.50); those letters are taken by
/// momentum and RMSprop, so here they are c1 and c2 as in Nocedal–Wright, with
/// 0 < c1 < c2 < 1. A search that fails says why (LineSearchFailure) instead of returning
/// a silent step.
///
/// "Which search" is one value, LineSearch: a std::variant of the option structs (plus
/// FixedStep, no search at all), run by search(). Every method that searches (nonlinear CG,
/// Newton, Hessian-free, BFGS, L-BFGS) holds one and hands it to search(), which also decides the
/// first trial step (first_trial_step), so every method offers every search and no caller
/// decides the first step. line_search_names lists the names the command line uses.

#include <array>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "descent/core/tensor.hpp"
#include "descent/problems/objective.hpp"

namespace descent::optim {

/// φ(α) = C(θ + αθ_d) and φ′(α) for one θ and θ_d. Evaluating writes θ + αθ_d and its
/// gradient into buffers kept by the ray, so a search allocates nothing; after a successful
/// search they hold the accepted point (its value and gradient are not recomputed).
class Ray {
 public:
  /// `theta` and `direction` must outlive the ray; both have the objective's dimension.
  Ray(const problems::Objective& objective, const vector& theta, const vector& direction);

  /// One evaluation of the ray: the step and φ, φ′ there.
  struct Point {
    double alpha;  ///< the step α along θ_d
    double phi;   ///< φ(α) = C(θ + αθ_d)
    double dphi;  ///< φ′(α) = θ_dᵀ∇C(θ + αθ_d)
  };
  /// Evaluates φ and φ′ at α (one objective evaluation).
  Point at(double alpha);

  [[nodiscard]] const vector& theta() const { return trial_; }           ///< last θ + αθ_d
  [[nodiscard]] const vector& gradient() const { return g_; }            ///< ∇C there
  [[nodiscard]] const vector& direction() const { return *direction_; }  ///< θ_d
  [[nodiscard]] int evaluations() const { return evaluations_; }         ///< calls of at()
  /// Points the ray at a new θ and θ_d (same dimension), keeping its buffers.
  void reset(const vector& theta, const vector& direction);

 private:
  const problems::Objective* objective_;
  const vector* theta_;
  const vector* direction_;
  vector trial_;
  vector g_;
  int evaluations_ = 0;
};

/// Why a line search gave up.
enum class LineSearchFailure {
  none,
  not_descent_direction,   ///< φ′(0) >= 0: no step along θ_d decreases C at first order
  no_sufficient_decrease,  ///< the evaluation budget ran out before the conditions held
  interval_collapsed,      ///< the bracket shrank below rounding without the conditions holding
  non_finite_value,        ///< φ or φ′ was NaN or infinite and shrinking did not help
};
/// A short phrase for reports, e.g. "not a descent direction".
[[nodiscard]] const char* to_string(LineSearchFailure failure);

/// What a line search returns: the accepted point, or why there is none.
struct LineSearchResult {
  /// None on success, else why the search gave up.
  LineSearchFailure failure = LineSearchFailure::none;
  double alpha = 0;     ///< the accepted step α (the last one tried on failure)
  double phi = 0;       ///< φ(α) = C(θ + αθ_d) at the accepted step
  double dphi = 0;      ///< φ′(α) = θ_dᵀ∇C(θ + αθ_d) at the accepted step
  int evaluations = 0;  ///< objective evaluations the search used
  /// True when a step was accepted (failure is LineSearchFailure::none).
  [[nodiscard]] bool ok() const { return failure == LineSearchFailure::none; }
  /// e.g. "no sufficient decrease after 40 evaluations (last alpha = 1e-20)".
  std::string detail;
};

// --- the conditions, MEDL (4.48)-(4.50) ----------------------------------------------------

/// (4.48) Armijo (first Wolfe) condition: φ(α) <= φ(0) + c1 α φ′(0).
[[nodiscard]] bool armijo(double phi0, double dphi0, double alpha, double phi_alpha, double c1);
/// (4.49) second Wolfe (curvature) condition: φ′(α) >= c2 φ′(0).
[[nodiscard]] bool wolfe_curvature(double dphi0, double dphi_alpha, double c2);
/// (4.50) strong Wolfe curvature condition: |φ′(α)| <= −c2 φ′(0).
[[nodiscard]] bool strong_wolfe_curvature(double dphi0, double dphi_alpha, double c2);

/// Which conditions an inexact search must satisfy.
enum class Conditions {
  armijo,       ///< (4.48) only
  wolfe,        ///< (4.48) and (4.49)
  strong_wolfe  ///< (4.48) and (4.50)
};

// --- exact line search -----------------------------------------------------------------------

/// MEDL (4.46): on C(θ) = ½θᵀAθ − bᵀθ the exact step along θ_d is
/// α = −θ_dᵀ∇C(θ) / (θ_dᵀAθ_d), given `slope` = θ_dᵀ∇C(θ) and `curvature` = θ_dᵀAθ_d > 0.
/// Throws descent::invalid_argument when the curvature is not positive.
[[nodiscard]] double exact_step_quadratic(double slope, double curvature);

/// Options of the general exact line search.
///
/// The searched bracket is (0, alpha_max], walked by a march from 0: α = initial_step,
/// initial_step·expansion, initial_step·expansion², ..., up to the last such α <= alpha_max. The
/// march ends early at the first α where φ or φ′ is not finite (C overflowed: the ray ends
/// there), or when the evaluation budget runs out. Between consecutive march points a < b it
/// sees a local minimizer of φ when φ′(a) < 0 and φ rose (φ(b) > φ(a)) or the slope turned
/// (φ′(b) >= 0), and closes in on it (φ′(α) = 0 to `tolerance`). Local minimizers closer together
/// than one march step can hide each other. A ray still descending at alpha_max is not followed
/// further: the search returns the local minimizers seen before, and fails if there is none.
struct ExactOptions {
  /// Which of the local minimizers the search returns.
  enum class Rule {
    /// The book's definition (4.43), α = argmin_{α>0} C(θ + αθ_d), over the bracket: the march
    /// runs to its end, every local minimizer it sees is refined, and the lowest is returned
    /// (the first of equals).
    global_over_bracket,
    /// The first local minimizer met on the march from 0, which stops there: the rule of the
    /// authors' code (Newton on φ′ from α = 0); cheaper, and the same α as the book's whenever φ
    /// has one local minimizer on the ray (a convex C, a quadratic).
    first_local,
  };
  Rule rule = Rule::global_over_bracket;  ///< which local minimizer to return
  double initial_step = 1e-3;  ///< first march point: > 0
  double expansion = 2;        ///< the march multiplies α by this: > 1
  double alpha_max = 1e20;     ///< the bracket's right end: >= initial_step
  /// stop when |φ′(α)| <= tolerance ‖θ_d‖ ‖∇C(θ + αθ_d)‖, i.e. the cosine between θ_d and the
  /// new gradient is below it (or when the bracket reaches adjacent doubles): in (0, 1)
  double tolerance = 1e-13;
  /// evaluations of the whole search (march and refinement): 1 <= max_evaluations <= 10^6
  int max_evaluations = 200;
  /// Throws descent::invalid_argument naming the first field out of its range.
  void validate() const;
};
/// The rule's name as the command line spells it ("global_over_bracket", "first_local").
[[nodiscard]] const char* to_string(ExactOptions::Rule rule);

/// The names of ExactOptions::Rule as the command line spells them (app::Names-compatible).
inline constexpr std::array<std::pair<std::string_view, ExactOptions::Rule>, 2> exact_rule_names{{
    {"global_over_bracket", ExactOptions::Rule::global_over_bracket},
    {"first_local", ExactOptions::Rule::first_local},
}};

/// α ≈ argmin φ over the bracket of ExactOptions, by its rule. Each local minimizer is closed in
/// on from its bracket [a, b] with secant steps on φ′, falling back to bisection when a secant
/// step leaves the middle of the bracket. φ′ is used, not only φ as in golden section: φ is flat
/// to second order at the minimizer, so values alone locate α only to about √ε relative, and
/// MEDL Figure 4.9's zig-zag (consecutive gradients orthogonal) needs φ′(α) ≈ 0 itself.
/// Evaluates φ(0) itself (one evaluation); the ray's buffers end at the returned point.
[[nodiscard]] LineSearchResult exact_line_search(Ray& ray, const ExactOptions& options = {});

// --- backtracking ------------------------------------------------------------------------------

/// Options of backtracking (MEDL §4.5): shrink α₀ by `factor` until `conditions` hold.
struct BacktrackingOptions {
  double alpha0 = 1;          ///< the first, largest trial step: > 0
  double factor = 2.0 / 3.0;  ///< MEDL §4.5: each trial is `factor` times the last: in (0, 1)
  double c1 = 1e-4;           ///< Armijo constant (book: β): 0 < c1 < c2
  double c2 = 0.9;            ///< curvature constant (book: γ): c1 < c2 < 1
  /// Armijo (4.48) alone, or with the Wolfe (4.49) or strong Wolfe (4.50) curvature condition.
  Conditions conditions = Conditions::armijo;
  int max_evaluations = 100;  ///< 1 <= max_evaluations <= 10^6
  /// Throws descent::invalid_argument naming the first field out of its range.
  void validate() const;
};

/// Backtracking (MEDL §4.5): the first of α₀, ρα₀, ρ²α₀, ... satisfying `conditions`.
/// φ(0) and φ′(0) are passed in because the caller has them already.
[[nodiscard]] LineSearchResult backtracking(Ray& ray, double phi0, double dphi0,
                                            const BacktrackingOptions& options = {});

// --- Wolfe by bracketing and zoom -------------------------------------------------------------

/// Options of the Wolfe search by bracketing and zoom (Nocedal–Wright Algorithms 3.5–3.6).
struct WolfeOptions {
  double c1 = 1e-4;         ///< Armijo constant (book: β): 0 < c1 < c2
  double c2 = 0.9;          ///< curvature constant (book: γ): c1 < c2 < 1
  bool strong = true;       ///< (4.50) instead of (4.49)
  double alpha0 = 1;        ///< first trial step: > 0
  double alpha_max = 1e20;  ///< largest step the bracketing phase tries: >= alpha0
  /// bracketing multiplies α by this: > 1; 4 is the extrapolation bound of MINPACK's dcsrch
  /// (xtrapu = 4), the More–Thuente search of libLBFGS and scipy
  double expansion = 4;
  int max_evaluations = 60;  ///< 1 <= max_evaluations <= 10^6
  /// Throws descent::invalid_argument naming the first field out of its range.
  void validate() const;
};

/// Nocedal–Wright Algorithm 3.5 (bracketing) with 3.6 (zoom, cubic interpolation safeguarded
/// to the inner 80% of the bracket): a step satisfying (4.48) and (4.49), or (4.50) if strong.
[[nodiscard]] LineSearchResult wolfe_line_search(Ray& ray, double phi0, double dphi0,
                                                 const WolfeOptions& options = {});

// --- one value: which search -----------------------------------------------------------------

/// No search: the step α itself ("none"), e.g. the full step α = 1 of undamped Newton (4.54),
/// of plain Hessian-free Newton, or of quasi-Newton without a search. Never fails: a step that
/// increases C or overflows is taken, and the method's stopping test reports what follows.
struct FixedStep {
  double alpha = 1;  ///< > 0
  /// Throws descent::invalid_argument unless alpha > 0 and finite.
  void validate() const;
};

/// Which line search a method runs, with its options. WolfeOptions::strong chooses between
/// (4.49) and (4.50).
using LineSearch = std::variant<FixedStep, ExactOptions, BacktrackingOptions, WolfeOptions>;

/// The kinds of LineSearch by name: what a command line chooses.
enum class LineSearchKind { none, exact, backtracking, wolfe, strong_wolfe };
/// "none", "exact", "backtracking", "wolfe" or "strong_wolfe".
[[nodiscard]] const char* to_string(LineSearchKind kind);
/// Which kind `search` holds (strong_wolfe for WolfeOptions with strong = true).
[[nodiscard]] LineSearchKind kind_of(const LineSearch& search);

/// The searches every method that searches offers, by the names the command line uses
/// (app::Names<LineSearchKind, 4>, for app::Param::choice).
inline constexpr std::array<std::pair<std::string_view, LineSearchKind>, 4> line_search_names{{
    {"exact", LineSearchKind::exact},
    {"backtracking", LineSearchKind::backtracking},
    {"wolfe", LineSearchKind::wolfe},
    {"strong_wolfe", LineSearchKind::strong_wolfe},
}};
/// The same with "none" (FixedStep{1}, the full step) first: for the methods whose step has a
/// natural length, α = 1 — Newton, Hessian-free, BFGS and L-BFGS — not for nonlinear CG.
inline constexpr std::array<std::pair<std::string_view, LineSearchKind>, 5>
    line_search_or_none_names{{
        {"none", LineSearchKind::none},
        {"exact", LineSearchKind::exact},
        {"backtracking", LineSearchKind::backtracking},
        {"wolfe", LineSearchKind::wolfe},
        {"strong_wolfe", LineSearchKind::strong_wolfe},
    }};

/// The default options of `kind`: FixedStep{1}, ExactOptions{}, BacktrackingOptions{} (the
/// book's α₀ = 1 and factor 2/3, Armijo), WolfeOptions{} with strong = false or true.
[[nodiscard]] LineSearch default_line_search(LineSearchKind kind);

/// Throws descent::invalid_argument naming the field of the chosen options that is out of range.
void validate(const LineSearch& search);

/// What a method knows about its direction θ_d when it searches: what the first trial step of
/// an inexact search is made from (first_trial_step).
struct SearchStart {
  /// θ_d solves a Newton-type system (Newton, Hessian-free, quasi-Newton after its first
  /// iteration), so α = 1 is the step its model predicts.
  bool newton_step = false;
  /// C(θ⁽ᵗ⁻¹⁾) − C(θ⁽ᵗ⁾) when the method keeps it (nonlinear CG), else NaN.
  double last_decrease = std::numeric_limits<double>::quiet_NaN();
};

/// The first trial step of an inexact search, one policy for every method:
/// - backtracking: its alpha0 (MEDL §4.5 starts from α₀ = 1 and shrinks by 2/3);
/// - Wolfe along a Newton-type step: its alpha0 (1, the full step);
/// - Wolfe along another direction with a known last decrease: α = 2.02 · last_decrease / −φ′(0)
///   (Nocedal–Wright (3.60): the step that would repeat the last decrease; scipy's choice),
///   at most alpha0, and alpha0 when that is not a positive number;
/// - Wolfe along another direction without one (quasi-Newton's first iteration, B = I):
///   1/‖θ_d‖, a first step of unit length, as LBFGSpp and libLBFGS take (B = I knows nothing
///   of the scale of C).
/// FixedStep and ExactOptions have no trial step (their alpha and initial_step stand).
[[nodiscard]] double first_trial_step(const LineSearch& search, const SearchStart& start,
                                      double dphi0, const vector& direction);

/// Runs `search` along `ray`, given φ(0) = phi0 and φ′(0) = dphi0 (an exact search evaluates
/// φ(0) again itself), with the inexact searches' first trial step from first_trial_step. The
/// one entry every method searches through.
[[nodiscard]] LineSearchResult search(const LineSearch& search, Ray& ray, double phi0, double dphi0,
                                      const SearchStart& start = {});

}  // namespace descent::optim
