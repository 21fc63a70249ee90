/// \file
/// Lecture 5 slides: the closed-form minimizer of ½xᵀAx + bᵀx + c (printed as A⁻¹b; it is
/// −A⁻¹b) and Newton's method x ← x − η(∇²f)⁻¹∇f with its "d³ runtime", counted.

#include <cmath>
#include <string>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/optim/newton.hpp"
#include "descent/problems/quadratic_form.hpp"
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
  Result result;
  auto& table = result.table("minimizer", {"candidate", "x1", "x2", "f(x)"});
  table.add({std::string("-A^-1 b (correct)"), right(0), right(1), f(a, b, right)});
  table.add({std::string("A^-1 b (as printed)"), printed(0), printed(1), f(a, b, printed)});
  const vector& step = newton.trajectory.iterates[1].theta;
  table.add({std::string("one Newton step from x0"), step(0), step(1), f(a, b, step)});
  result.value("minimizer_1", right(0));
  result.value("minimizer_2", right(1));
  result.value("f_minimum", f(a, b, right));
  result.value("f_printed", f(a, b, printed));
  result.value("newton_1", step(0));
  result.value("newton_2", step(1));
  return result;
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

Result slide_newton(const Params& p) {
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
  return result;
}

}  // namespace

void add_slides_second_order(app::Chapter& chapter) {
  chapter.add(
      {"slide-closed-form-quadratic",
       "The minimizer of 1/2 x^T A x + b^T x + c is -A^-1 b (the slide prints A^-1 b)",
       "Risteski Lecture 5, slide \"Fixes to the conditioning problem\"",
       {Param::vector("A", "3,1,1,2", Provenance::companion,
                      "a symmetric positive definite 2x2 A, row by row", 4, 4),
        Param::vector("b", "1,-1", Provenance::companion, "the linear term b", 2, 2),
        Param::vector("x0", "5,-7", Provenance::companion, "start of one Newton step", 2, 2)},
       closed_form});
  chapter.add(
      {"slide-newton",
       "Newton's method: one step on a quadratic; solving the d x d system costs ~d^3/3",
       "Risteski Lecture 5, slides on Newton's method",
       {Param::vector("dims", "1,2,3,10,100,200", Provenance::companion,
                      "the sizes d whose elimination is counted", 1, 20, Interval::closed(1, 400))},
       slide_newton});
}

}  // namespace descent::chapters::risteski05
