#pragma once
/// \file
/// The tensor types of descent: thin aliases over xtensor so that signatures read like
/// the books (a `vector` theta, a `matrix` H).

#include <vector>
#include <xtensor/xtensor.hpp>

namespace descent {

using vector = xt::xtensor<double, 1>;  ///< a point theta in R^d, a gradient
using matrix = xt::xtensor<double, 2>;  ///< row-major d x d (Hessian) or n x d (data)

/// A parameter vector as items receive it (app::Params::vector) turned into a tensor.
inline vector to_vector(const std::vector<double>& values) {
  vector out = vector::from_shape({values.size()});
  for (std::size_t i = 0; i < values.size(); ++i) out(i) = values[i];
  return out;
}

}  // namespace descent
