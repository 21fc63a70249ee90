/// \file
/// Aggarwal §3.3.1, tuning hyperparameters: grid search and its exponential count, random
/// search in the same box, sampling log α rather than α, and coarse-to-fine refinement, each
/// run on a real objective (the validation loss of a small network trained at (α, λ),
/// tuning_network.hpp) with the same budget of training runs.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "aggarwal03/budget.hpp"
#include "aggarwal03/outcome.hpp"
#include "aggarwal03/search_space.hpp"
#include "aggarwal03/sections.hpp"
#include "aggarwal03/tuning_network.hpp"
#include "descent/core/error.hpp"
#include "descent/core/random.hpp"

namespace descent::chapters::aggarwal03 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

// A search's trials: each point (log₁₀ α, log₁₀ λ) with what its training run gave.
struct Trial {
  Point at;
  TrialOutcome outcome;
};

// Runs the objective at points of log space; a point met before (coarse-to-fine grids share
// their centre with the previous round's best) is looked up, not trained again.
class Objective {
 public:
  explicit Objective(const TuningProblem& problem) : problem_(problem) {}
  TrialOutcome operator()(const Point& p) {
    const auto key = std::make_pair(p[0], p[1]);
    if (auto it = seen_.find(key); it != seen_.end()) return it->second;
    const TrialOutcome o = train_trial(problem_, std::pow(10.0, p[0]), std::pow(10.0, p[1]));
    seen_.emplace(key, o);
    return o;
  }

 private:
  const TuningProblem& problem_;
  std::map<std::pair<double, double>, TrialOutcome> seen_;
};

std::vector<Trial> run_all(Objective& f, const std::vector<Point>& points) {
  std::vector<Trial> trials;
  for (const Point& p : points) trials.push_back({p, f(p)});
  return trials;
}

// The trial of lowest validation loss; ties keep the earlier one.
const Trial& best_of(const std::vector<Trial>& trials) {
  return *std::min_element(trials.begin(), trials.end(), [](const Trial& a, const Trial& b) {
    return a.outcome.validation_loss < b.outcome.validation_loss;
  });
}

double median_loss(const std::vector<Trial>& trials) {
  std::vector<double> v;
  for (const Trial& t : trials) v.push_back(t.outcome.validation_loss);
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The log₁₀ range of a rate given as "lo,hi" (both > 0, lo < hi).
std::pair<double, double> log_range(const Params& p, const std::string& name) {
  const auto v = p.vector(name);
  if (!(v[0] < v[1]))
    throw invalid_argument(name + " = " + short_number(v[0]) + "," + short_number(v[1]) +
                           "; allowed: lo,hi with lo < hi");
  return {std::log10(v[0]), std::log10(v[1])};
}

// Levels at the 10%, 20%, ..., 90% quantiles of the finite values of the map: the contour
// lines spread over the losses the map holds rather than over its extremes.
std::vector<double> quantile_levels(const std::vector<Trial>& surface) {
  std::vector<double> v;
  for (const Trial& t : surface)
    if (std::isfinite(t.outcome.validation_loss)) v.push_back(t.outcome.validation_loss);
  std::sort(v.begin(), v.end());
  std::vector<double> levels;
  if (v.size() < 2) return levels;
  for (int q = 1; q <= 9; ++q) {
    const double level = v[std::size_t(double(q) / 10 * double(v.size() - 1))];
    if (levels.empty() || level > levels.back()) levels.push_back(level);
  }
  return levels;
}

void add_trials(Result& result, const std::string& table, const std::string& series,
                const std::vector<Trial>& trials) {
  auto& t = result.table(table, {"alpha", "lambda", "log10 alpha", "log10 lambda",
                                 "validation loss", "training loss"});
  auto& s = result.add_series(series, {"log10_alpha", "log10_lambda", "validation_loss"});
  for (const Trial& trial : trials) {
    t.add({std::pow(10.0, trial.at[0]), std::pow(10.0, trial.at[1]), trial.at[0], trial.at[1],
           trial.outcome.validation_loss, trial.outcome.train_loss});
    s.add({trial.at[0], trial.at[1], trial.outcome.validation_loss});
  }
}

// What a run may cost: every trial trains a 2 → H → 2 network for `epochs` full-batch steps
// and validates after each; a step costs about (train + validation + 8) × (H + 2) units, the
// 8 standing for its fixed overhead. Measured: 1e8 units a second (the defaults, 1.8e8 units,
// take about 2 s), so the bound of 1e9 is about 10 s. Memory is a few matrices of that size.
void require_affordable(const Params& p) {
  const double k = double(p.integer("surface"));
  const double trials = 2 * k * k + 3 * double(p.integer("budget"));
  const double per_step = (double(p.integer("train")) + double(p.integer("validation")) + 8) *
                          (double(p.integer("hidden")) + 2);
  require_at_most("(2 surface^2 + 3 budget) x epochs x (train + validation + 8) x (hidden + 2)",
                  trials * double(p.integer("epochs")) * per_step, 1e9);
}

// The threshold t of P(α < t) lies strictly inside the range `book` (so lo < hi too).
void require_inside(const std::vector<double>& book, double t) {
  if (!(book[0] < t && t < book[1]))
    throw invalid_argument("threshold = " + short_number(t) +
                           "; allowed: strictly inside book_alpha (" + short_number(book[0]) +
                           ", " + short_number(book[1]) + ")");
}

//! [section-3.3.1]
Result tuning(const Params& p) {
  require_affordable(p);
  const auto book = p.vector("book_alpha");
  const double t = p.number("threshold");
  require_inside(book, t);
  const auto [a_lo, a_hi] = log_range(p, "alpha");
  const auto [l_lo, l_hi] = log_range(p, "lambda");
  const Box box{{a_lo, l_lo}, {a_hi, l_hi}};
  const auto budget = std::size_t(p.integer("budget"));
  const auto rounds = std::size_t(p.integer("rounds"));
  // Equal budgets: a k × k grid with k² <= budget, `budget` random points, and `rounds` rounds
  // of k_c × k_c grids with rounds k_c² <= budget.
  const auto k = std::size_t(std::floor(std::sqrt(double(budget))));
  const auto k_c = std::size_t(std::floor(std::sqrt(double(budget / rounds))));
  if (k_c < 2)
    throw invalid_argument("budget / rounds = " + std::to_string(budget / rounds) +
                           " trials a round; allowed: at least 4 (a 2 x 2 grid)");
  const auto seed = static_cast<std::uint64_t>(p.integer("seed"));
  const TuningProblem problem = make_tuning_problem(
      std::size_t(p.integer("train")), std::size_t(p.integer("validation")), p.number("noise"),
      p.number("flip"), std::size_t(p.integer("hidden")), std::size_t(p.integer("epochs")), seed);
  Objective f(problem);

  const auto grid = run_all(f, grid_points(box, k));  // every combination
  Rng rng(seed + 1);
  const auto random = run_all(f, random_points(box, budget, rng));  // log α, log λ uniform
  // Coarse to fine: each round a k_c × k_c grid on a box `shrink` times smaller than the
  // last, centred on the best point found so far.
  std::vector<std::vector<Trial>> fine;
  std::vector<Box> boxes{box};
  Trial best_so_far{};
  for (std::size_t r = 0; r < rounds; ++r) {
    if (r > 0) boxes.push_back(shrink_around(boxes.back(), best_so_far.at, p.number("shrink")));
    fine.push_back(run_all(f, grid_points(boxes.back(), k_c)));
    const Trial& b = best_of(fine.back());
    if (r == 0 || b.outcome.validation_loss < best_so_far.outcome.validation_loss) best_so_far = b;
  }
  //! [section-3.3.1]

  Result result;
  // The exponential count: the book's h hyperparameters × k values, and this search's.
  auto& sizes = result.table(
      "grid size", {"grid", "hyperparameters h", "values per hyperparameter k", "runs k^h"});
  const auto h = double(p.integer("hyperparameters")), values = double(p.integer("values"));
  const double book_runs = grid_size(std::vector<double>(std::size_t(h), values));
  sizes.add({"the book's example", h, values, book_runs});
  sizes.add({"this search (alpha, lambda)", 2.0, double(k), grid_size({double(k), double(k)})});
  result.value("grid_runs_book", book_runs);
  result.value("grid_runs", grid_size({double(k), double(k)}));

  add_trials(result, "grid search", "grid", grid);
  add_trials(result, "random search", "random", random);
  for (std::size_t r = 0; r < rounds; ++r)
    add_trials(result, "coarse-to-fine round " + std::to_string(r + 1),
               "round_" + std::to_string(r + 1), fine[r]);

  // The best of each search at (at most) the same number of training runs.
  auto& best = result.table("best at equal budget",
                            {"search", "training runs", "distinct alpha", "distinct lambda",
                             "best alpha", "best lambda", "validation loss"});
  auto add_best = [&](const std::string& name, const std::string& key,
                      const std::vector<Trial>& trials) {
    std::vector<double> as, ls;
    std::map<std::pair<double, double>, int> runs;
    for (const Trial& trial : trials) {
      as.push_back(trial.at[0]);
      ls.push_back(trial.at[1]);
      runs[{trial.at[0], trial.at[1]}] = 1;
    }
    const Trial& b = best_of(trials);
    best.add({name, double(runs.size()), double(distinct(as)), double(distinct(ls)),
              std::pow(10.0, b.at[0]), std::pow(10.0, b.at[1]), b.outcome.validation_loss});
    result.value(key + "_trainings", double(runs.size()));
    result.value(key + "_distinct_alpha", double(distinct(as)));
    result.value(key + "_distinct_lambda", double(distinct(ls)));
    result.value(key + "_best_loss", b.outcome.validation_loss);
    result.value(key + "_best_log10_alpha", b.at[0]);
    result.value(key + "_best_log10_lambda", b.at[1]);
  };
  add_best("grid " + std::to_string(k) + " x " + std::to_string(k), "grid", grid);
  add_best("random (log-uniform)", "random", random);
  std::vector<Trial> all_fine;
  for (const auto& round : fine) all_fine.insert(all_fine.end(), round.begin(), round.end());
  add_best("coarse to fine, " + std::to_string(rounds) + " rounds of " + std::to_string(k_c) +
               " x " + std::to_string(k_c),
           "coarse_to_fine", all_fine);
  result.value("grid_median_loss", median_loss(grid));

  // Why log α: P(α < t) over the book's range, sampled both ways.
  const auto samples = std::size_t(p.integer("samples"));
  Rng draw(seed + 2);
  std::size_t below_log = 0, below_uniform = 0;
  for (std::size_t i = 0; i < samples; ++i) {
    // log₁₀ α uniform on [log₁₀ lo, log₁₀ hi], then 10 to that power (§3.3.1)
    below_log += std::pow(10.0, draw.uniform(std::log10(book[0]), std::log10(book[1]))) < t;
    below_uniform += draw.uniform(book[0], book[1]) < t;
  }
  auto& freq =
      result.table("P(alpha < threshold)", {"sampling", "closed form", "measured", "samples"});
  const double p_log = p_below_log_uniform(book[0], book[1], t);
  const double p_uni = p_below_uniform(book[0], book[1], t);
  freq.add({"log10 alpha uniform", p_log, double(below_log) / double(samples), double(samples)});
  freq.add({"alpha uniform", p_uni, double(below_uniform) / double(samples), double(samples)});
  result.value("p_log_uniform", p_log);
  result.value("p_uniform", p_uni);
  result.value("p_log_uniform_measured", double(below_log) / double(samples));
  result.value("p_uniform_measured", double(below_uniform) / double(samples));

  // The maps behind the figure: the objective on a surface × surface grid of the whole box,
  // and another of the box the zoom shows (the second round's, which may reach beyond).
  const auto s = std::size_t(p.integer("surface"));
  const Box& zoomed = boxes.size() > 1 ? boxes[1] : boxes[0];
  const auto surface = run_all(f, grid_points(box, s));
  const auto surface_zoom = run_all(f, grid_points(zoomed, s));
  for (const auto& [name, trials] :
       {std::pair{"surface", &surface}, {"surface_zoom", &surface_zoom}}) {
    auto& map = result.add_series(name, {"log10_alpha", "log10_lambda", "validation_loss"});
    for (const Trial& trial : *trials)
      map.add({trial.at[0], trial.at[1], trial.outcome.validation_loss});
  }
  auto& path =
      result.add_series("best_path", {"round", "log10_alpha", "log10_lambda", "validation_loss"});
  Trial so_far = best_of(fine[0]);
  for (std::size_t r = 0; r < rounds; ++r) {
    const Trial& b = best_of(fine[r]);
    if (b.outcome.validation_loss < so_far.outcome.validation_loss) so_far = b;
    path.add({double(r + 1), so_far.at[0], so_far.at[1], so_far.outcome.validation_loss});
  }

  std::size_t diverged = 0;
  for (const std::vector<Trial>* trials : std::initializer_list<const std::vector<Trial>*>{
           &grid, &random, &all_fine, &surface, &surface_zoom})
    for (const Trial& trial : *trials) diverged += trial.outcome.diverged;
  if (diverged > 0) {
    add_status(result, std::to_string(diverged) +
                           " training runs diverged (validation loss +inf): alpha too large");
    for (const std::string& where :
         {std::string("grid search"), std::string("random search"), std::string("grid"),
          std::string("random"), std::string("surface"), std::string("surface_zoom"),
          std::string("best_path")})
      result.allow_non_finite(where, "a diverged training run has validation loss +inf");
    for (std::size_t r = 0; r < rounds; ++r) {
      result.allow_non_finite("coarse-to-fine round " + std::to_string(r + 1),
                              "a diverged training run has validation loss +inf");
      result.allow_non_finite("round_" + std::to_string(r + 1),
                              "a diverged training run has validation loss +inf");
    }
    result.allow_non_finite("best at equal budget", "every run of a search diverged");
    for (const char* key :
         {"grid_best_loss", "random_best_loss", "coarse_to_fine_best_loss", "grid_median_loss"})
      result.allow_non_finite(std::string("values:") + key, "runs diverged");
  }

  report::Figure figure{
      "section-3.3.1",
      "Aggarwal §3.3.1: grid, random and coarse-to-fine search of (α, λ) on a network's "
      "validation loss",
      {},
      "The book has no example. Objective: validation cross-entropy of a 2 → " +
          std::to_string(p.integer("hidden")) + " → 2 tanh network trained by " +
          std::to_string(p.integer("epochs")) + " full-batch gradient steps with L2 rate λ on " +
          std::to_string(p.integer("train")) + " noisy two-moons points (" +
          std::to_string(p.integer("validation")) +
          " held out), from one fixed initialization. Contours: the loss on a " +
          std::to_string(s) + " × " + std::to_string(s) +
          " map of each panel's box, at that map's 10%, ..., 90% quantiles."};
  const auto levels = quantile_levels(surface);
  // Panel (a) shows every box of the search: coarse-to-fine boxes are not clipped to the range.
  Box all = box;
  for (const Box& b : boxes)
    for (std::size_t axis = 0; axis < 2; ++axis) {
      all.lo[axis] = std::min(all.lo[axis], b.lo[axis]);
      all.hi[axis] = std::max(all.hi[axis], b.hi[axis]);
    }
  auto padded = [](double lo, double hi) {
    return std::pair{lo - 0.04 * (hi - lo), hi + 0.04 * (hi - lo)};
  };
  report::Panel whole;
  whole.xrange = padded(all.lo[0], all.hi[0]);
  whole.yrange = padded(all.lo[1], all.hi[1]);
  whole.title = "(a) grid " + std::to_string(k) + " × " + std::to_string(k) + " and " +
                std::to_string(budget) + " random points";
  whole.xlabel = "log₁₀ α";
  whole.ylabel = "log₁₀ λ";
  whole.layers = {
      {"surface", "log10_alpha", "log10_lambda", report::Layer::Style::contour, "",
       "validation_loss", levels},
      {"grid", "log10_alpha", "log10_lambda", report::Layer::Style::points, "grid search"},
      {"random", "log10_alpha", "log10_lambda", report::Layer::Style::points,
       "random search (log-uniform)"}};
  // The zoom: the box of the second round (or the first, with one round), a little wider.
  report::Panel zoom;
  zoom.title = "(b) coarse to fine: " + std::to_string(rounds) + " rounds of " +
               std::to_string(k_c) + " × " + std::to_string(k_c) + ", each box ×" +
               short_number(p.number("shrink")) +
               (rounds > 1 ? " (round 1: the whole box of (a))" : "");
  zoom.xlabel = "log₁₀ α";
  zoom.ylabel = "log₁₀ λ";
  zoom.zoom =
      report::Zoom{0, padded(zoomed.lo[0], zoomed.hi[0]), padded(zoomed.lo[1], zoomed.hi[1])};
  zoom.layers.push_back({"surface_zoom", "log10_alpha", "log10_lambda",
                         report::Layer::Style::contour, "", "validation_loss",
                         quantile_levels(surface_zoom)});
  // Round 1 covers the whole box, outside the zoom but for its best point, the path's start.
  for (std::size_t r = rounds > 1 ? 1 : 0; r < rounds; ++r)
    zoom.layers.push_back({"round_" + std::to_string(r + 1), "log10_alpha", "log10_lambda",
                           report::Layer::Style::points, "round " + std::to_string(r + 1)});
  report::Layer path_layer{"best_path", "log10_alpha", "log10_lambda", report::Layer::Style::lines,
                           "best so far"};
  path_layer.markers = true;
  zoom.layers.push_back(path_layer);
  figure.panels = {whole, zoom};
  result.figures.push_back(figure);
  return result;
}

}  // namespace

app::Item section_3_3_1_item() {
  const Interval rate{0, 100, true, false};
  // Searched ranges start at 1e-8: coarse-to-fine boxes may reach a few decades below, still
  // far above the smallest double.
  const Interval searched = Interval::closed(1e-8, 100);
  return {
      "section-3.3.1",
      "Tuning hyperparameters: grid vs random vs coarse-to-fine search of (alpha, lambda) on a "
      "small network's validation loss; why log alpha is sampled",
      "Aggarwal §3.3.1",
      {Param::integer("budget", "36", Provenance::companion,
                      "training runs per search (grid: the largest k x k <= budget)",
                      Interval::closed(4, 200)),
       Param::integer("rounds", "4", Provenance::companion,
                      "coarse-to-fine rounds (each a k_c x k_c grid, rounds k_c^2 <= budget)",
                      Interval::closed(1, 8)),
       Param::number("shrink", "0.5", Provenance::companion,
                     "each coarse-to-fine box is this times the last (the book: geometrically "
                     "smaller)",
                     Interval::open(0, 1)),
       Param::vector("alpha", "0.001,1", Provenance::companion,
                     "range lo,hi of the learning rate alpha (searched in log10)", 2, 2, searched),
       Param::vector("lambda", "1e-5,1", Provenance::companion,
                     "range lo,hi of the L2 rate lambda (searched in log10)", 2, 2, searched),
       Param::integer("surface", "9", Provenance::companion,
                      "the figure's two maps of the loss: surface x surface training runs each",
                      Interval::closed(2, 60)),
       Param::integer("epochs", "250", Provenance::companion,
                      "full-batch gradient steps per training run ((2 surface^2 + 3 budget) x "
                      "epochs x (train + validation + 8) x (hidden + 2) <= 1e9)",
                      Interval::closed(1, 20000)),
       Param::integer("train", "40", Provenance::companion, "training points",
                      Interval::closed(2, 5000)),
       Param::integer("validation", "100", Provenance::companion, "held-out validation points",
                      Interval::closed(1, 10000)),
       Param::integer("hidden", "16", Provenance::companion, "hidden tanh units",
                      Interval::closed(1, 32)),
       Param::number("noise", "0.25", Provenance::companion,
                     "standard deviation of the noise added to the two moons",
                     Interval::closed(0, 10)),
       Param::number("flip", "0.05", Provenance::companion, "probability of a flipped label",
                     Interval::closed(0, 0.5)),
       Param::integer("seed", "331", Provenance::companion,
                      "seed of the data, the initial weights, the random search and the samples",
                      Interval::closed(0, 1e9)),
       Param::integer("hyperparameters", "5", Provenance::book,
                      "h of the book's grid-count example", Interval::closed(1, 20)),
       Param::integer("values", "10", Provenance::book,
                      "values per hyperparameter of the book's example", Interval::closed(1, 1000)),
       Param::vector("book_alpha", "0.001,0.1", Provenance::book,
                     "the book's range of alpha for the sampling comparison", 2, 2, rate),
       Param::number("threshold", "0.01", Provenance::companion,
                     "P(alpha < threshold) is compared (inside book_alpha)", rate),
       Param::integer("samples", "100000", Provenance::companion,
                      "alphas drawn each way for the measured frequencies",
                      Interval::closed(1, 1e7))},
      tuning};
}

}  // namespace descent::chapters::aggarwal03
