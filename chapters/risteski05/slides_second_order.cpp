/// \file
/// Lecture 5 slides: the closed-form minimizer of ½xᵀAx + bᵀx + c (printed as A⁻¹b; it is
/// −A⁻¹b) and Newton's method x ← x − η(∇²f)⁻¹∇f with its "d³ runtime", counted.

#include <cmath>
#include <string>

#include "common/errata.hpp"
#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/optim/hessian_free.hpp"
#include "descent/optim/newton.hpp"
#include "descent/problems/quadratic_form.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "risteski05/sections.hpp"

namespace descent::chapters::risteski05 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

// f = ½xᵀAx + bᵀx + c
double f(const matrix& a, const vector& b, const vector& x) {
  return 0.5 * dot(x, gemv(a, x)) + dot(b, x);
}

Result closed_form(const Params& p) {
  const auto v = p.vector("A");
  const matrix a{{v[0], v[1]}, {v[2], v[3]}};
  const auto bv = p.vector("b");
  const vector b{bv[0], bv[1]};
  const problems::QuadraticForm q(a, -b);  // ½xᵀAx − (−b)ᵀx
  if (!q.minimizer())
    throw invalid_argument("A is not positive definite; allowed: a symmetric positive definite A");
  const vector right = -solve(a, b);  // ∇f = Ax + b = 0
  const vector printed = solve(a, b);
  const auto newton = optim::newton(q, vector{p.vector("x0")[0], p.vector("x0")[1]});
  // (a start at the minimizer takes no step: it is its own "one step")
  const auto& iterates = newton.trajectory.iterates;
  const vector& step = iterates.size() > 1 ? iterates[1].theta : iterates[0].theta;
  for (const double number : {right(0), right(1), printed(0), printed(1), f(a, b, right),
                              f(a, b, printed), step(0), step(1), f(a, b, step)})
    if (!std::isfinite(number))  // A nearly singular for this b: -A^-1 b is past the doubles
      throw invalid_argument(
          "the minimizer -A^-1 b (or A^-1 b, or f there) overflows for this A "
          "and b; allowed: a better-conditioned A or a smaller b");
  Result result;
  auto& table = result.table("minimizer", {"candidate", "x1", "x2", "f(x)"});
  table.add({std::string("-A^-1 b (correct)"), right(0), right(1), f(a, b, right)});
  table.add({std::string("A^-1 b (as printed)"), printed(0), printed(1), f(a, b, printed)});
  table.add({std::string("one Newton step from x0"), step(0), step(1), f(a, b, step)});
  result.value("minimizer_1", right(0));
  result.value("minimizer_2", right(1));
  result.value("f_minimum", f(a, b, right));
  result.value("f_printed", f(a, b, printed));
  result.value("newton_1", step(0));
  result.value("newton_2", step(1));
  return result;
}

app::Item closed_form_item() {
  return {"slide-closed-form-quadratic",
          "The minimizer of 1/2 x^T A x + b^T x + c is -A^-1 b (the slide prints A^-1 b)",
          "Risteski Lecture 5, slide \"Fixes to the conditioning problem\"",
          {Param::vector("A", "3,1,1,2", Provenance::companion,
                         "a symmetric positive definite 2x2 A, row by row", 4, 4,
                         Interval::closed(-1e6, 1e6)),
           Param::vector("b", "1,-1", Provenance::companion, "the linear term b", 2, 2,
                         Interval::closed(-1e6, 1e6)),
           Param::vector("x0", "5,-7", Provenance::companion, "start of one Newton step", 2, 2,
                         Interval::closed(-1e6, 1e6))},
          closed_form,
          /*errata=*/common::errata({"risteski-closed-form"})};
}

// Gaussian elimination without pivoting plus back-substitution on a d×d system, counting
// multiplications/divisions and additions/subtractions: what "invert a d×d matrix" costs.
void count_operations(std::size_t d, double& multiplications, double& additions) {
  matrix a = xt::zeros<double>({d, d});
  vector b = xt::ones<double>({d});
  for (std::size_t i = 0; i < d; ++i)  // diagonally dominant: no pivoting needed
    for (std::size_t j = 0; j < d; ++j) a(i, j) = i == j ? double(d) + 1 : 1.0 / (1.0 + i + j);
  multiplications = additions = 0;
  for (std::size_t k = 0; k < d; ++k)
    for (std::size_t i = k + 1; i < d; ++i) {
      const double m = a(i, k) / a(k, k);
      ++multiplications;
      for (std::size_t j = k + 1; j < d; ++j) {
        a(i, j) -= m * a(k, j);
        ++multiplications;
        ++additions;
      }
      b(i) -= m * b(k);
      ++multiplications;
      ++additions;
    }
  for (std::size_t i = d; i-- > 0;) {
    double s = b(i);
    for (std::size_t j = i + 1; j < d; ++j) {
      s -= a(i, j) * b(j);
      ++multiplications;
      ++additions;
    }
    b(i) = s / a(i, i);
    ++multiplications;
  }
}

// Newton-CG on the extended Rosenbrock costs a few O(d) passes per step: the sizes of one
// run add up to at most 1e6 (about 13 s on this machine, 100 MB).
constexpr double kMostNewtonCgDims = 1e6;

Result slide_newton(const Params& p) {
  double total = 0;
  for (const double d : p.vector("cg_dims")) total += d;
  if (total > kMostNewtonCgDims)
    throw invalid_argument("cg_dims add up to " + short_number(total) + "; allowed: at most " +
                           short_number(kMostNewtonCgDims) + " in all");
  Result result;
  auto& table = result.table("cost of one Newton step's solve",
                             {"d", "mult/div", "d^3/3 + d^2 - d/3", "add/sub", "mult/div / d^3"});
  auto& series = result.add_series("cost", {"d", "multiplications"});
  for (const double dv : p.vector("dims")) {
    const auto d = static_cast<std::size_t>(dv);
    double m = 0, a = 0;
    count_operations(d, m, a);
    const double formula = dv * dv * dv / 3 + dv * dv - dv / 3;
    table.add({dv, m, formula, a, m / (dv * dv * dv)});
    series.add({dv, m});
    result.value("mult_" + std::to_string(d), m);
    result.value("add_" + std::to_string(d), a);
  }
  // one step with η = 1 solves any SPD quadratic, whatever its conditioning
  const problems::QuadraticForm q(matrix{{1.0, 0.0}, {0.0, 1e6}}, vector{1.0, 1.0});
  const auto run = optim::newton(q, vector{3.0, -4.0});
  const vector error = run.trajectory.iterates[1].theta - *q.minimizer();
  result.value("ill_conditioned_error_after_one_step", std::sqrt(dot(error, error)));
  // For large d the system is solved inexactly by CG on Hessian-vector products (Newton–CG):
  // each product costs O(d) here, so a Newton step costs a few O(d) passes, not d³/3.
  auto& cg = result.table(
      "Newton-CG on extended Rosenbrock from (-1.2, 1, ...)",
      {"d", "Newton steps", "CG steps", "Hv products", "evaluations", "O(d) products per step",
       "|theta - 1|", "dense LU mult/div d^3/3 + d^2 - d/3"});
  for (const double dv : p.vector("cg_dims")) {
    const auto d = static_cast<std::size_t>(dv);
    const problems::ExtendedRosenbrock f(d);
    optim::HessianFreeOptions o;
    o.forcing = p.number("forcing");
    o.line_search = optim::WolfeOptions{};  // strong Wolfe from the full step
    o.record_theta = false;
    o.stop.max_iterations = 10000;
    o.stop.gradient_tolerance = p.number("gtol");
    const auto nc = optim::hessian_free(f, f.initial_point(), o);
    const vector err = nc.trajectory.last().theta - 1.0;
    const int steps = nc.trajectory.status.iterations;
    cg.add({dv, double(steps), double(nc.cg_iterations), double(nc.hessian_products),
            double(nc.trajectory.evaluations),
            double(nc.hessian_products + nc.trajectory.evaluations) / std::max(1, steps),
            std::sqrt(dot(err, err)), dv * dv * dv / 3 + dv * dv - dv / 3});
    const std::string k = std::to_string(d);
    result.value("newton_cg_iterations_" + k, steps);
    result.value("newton_cg_products_" + k, nc.hessian_products);
    result.value("newton_cg_evaluations_" + k, nc.trajectory.evaluations);
    result.value("newton_cg_distance_" + k, std::sqrt(dot(err, err)));
    result.value("newton_cg_converged_" + k, nc.trajectory.status.converged() ? 1 : 0);
  }
  return result;
}

app::Item slide_newton_item() {
  return {
      "slide-newton",
      "Newton's method: one step on a quadratic; solving the d x d system costs ~d^3/3, "
      "Newton-CG a few O(d) products",
      "Risteski Lecture 5, slides on Newton's method",
      {Param::vector("dims", "1,2,3,10,100,200", Provenance::companion,
                     "the sizes d whose elimination is counted", 1, 20, Interval::closed(1, 400)),
       Param::vector("cg_dims", "1000,10000,100000", Provenance::companion,
                     "the sizes d of the extended Rosenbrock solved by Newton-CG (even)", 1, 10,
                     Interval::closed(2, 1e7)),
       Param::number("forcing", "0.5", Provenance::companion,
                     "eta: inner CG stops at |H s + grad| <= min(eta, sqrt|grad|) |grad|",
                     Interval::open(0, 1)),
       Param::number("gtol", "1e-7", Provenance::companion, "Newton-CG stops at |grad C| < gtol",
                     Interval::open(0, 1))},
      slide_newton};
}

}  // namespace

void add_slides_second_order(app::Chapter& chapter) {
  chapter.add(closed_form_item());
  chapter.add(slide_newton_item());
}

}  // namespace descent::chapters::risteski05
