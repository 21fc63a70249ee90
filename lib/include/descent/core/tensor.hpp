#pragma once
/// \file
/// The tensor types of descent: thin aliases over xtensor so that signatures read like
/// the books (a `vector` theta, a `matrix` H).

#include <xtensor/xtensor.hpp>

namespace descent {

using vector = xt::xtensor<double, 1>;  ///< a point theta in R^d, a gradient
using matrix = xt::xtensor<double, 2>;  ///< row-major d x d (Hessian) or n x d (data)

}  // namespace descent
