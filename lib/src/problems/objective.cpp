#include "descent/problems/objective.hpp"

#include <stdexcept>

#include "descent/core/linalg.hpp"

namespace descent::problems {

void Objective::hessian(const vector&, matrix&) const {
  throw std::logic_error(name() + " has no closed-form Hessian");
}

void Objective::hessian_vector(const vector& theta, const vector& v, vector& hv) const {
  matrix h;
  hessian(theta, h);
  hv = gemv(h, v);
}

}  // namespace descent::problems
