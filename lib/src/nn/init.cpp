#include "descent/nn/init.hpp"

#include <cmath>

#include "descent/core/error.hpp"

namespace descent::nn {

const char* to_string(Init init) {
  switch (init) {
    case Init::gaussian_constant: return "gaussian_constant";
    case Init::fan_in_gaussian: return "fan_in_gaussian";
    case Init::fan_in_uniform_book: return "fan_in_uniform_book";
    case Init::fan_in_uniform: return "fan_in_uniform";
    case Init::xavier: return "xavier";
    case Init::xavier_uniform: return "xavier_uniform";
    case Init::he: return "he";
  }
  return "?";
}

double init_std(Init init, std::size_t fan_in, std::size_t fan_out, double sigma) {
  if (fan_in == 0 || fan_out == 0)
    throw invalid_argument("initialize: fan-in and fan-out must be >= 1");
  const double r = double(fan_in);
  switch (init) {
    case Init::gaussian_constant: return sigma;
    case Init::fan_in_gaussian: return std::sqrt(1 / r);
    case Init::fan_in_uniform_book: return 1 / std::sqrt(3 * r);  // U[−c, c] has std c/√3
    case Init::fan_in_uniform: return std::sqrt(1 / r);
    case Init::xavier:
    case Init::xavier_uniform: return std::sqrt(2 / (r + double(fan_out)));
    case Init::he: return std::sqrt(2 / r);
  }
  return sigma;
}

double draw_weight(Init init, std::size_t fan_in, std::size_t fan_out, Rng& rng, double sigma) {
  const double sd = init_std(init, fan_in, fan_out, sigma);
  const double r = double(fan_in);
  switch (init) {
    case Init::fan_in_uniform_book: return rng.uniform(-1 / std::sqrt(r), 1 / std::sqrt(r));
    case Init::fan_in_uniform: return rng.uniform(-std::sqrt(3 / r), std::sqrt(3 / r));
    case Init::xavier_uniform: return rng.uniform(-std::sqrt(3) * sd, std::sqrt(3) * sd);
    default: return rng.normal(0, sd);
  }
}

matrix initialize(Init init, std::size_t fan_in, std::size_t fan_out, Rng& rng, double sigma) {
  (void)init_std(init, fan_in, fan_out, sigma);  // validates the sizes
  matrix W = matrix::from_shape({fan_in, fan_out});
  for (std::size_t i = 0; i < W.size(); ++i)
    W.flat(i) = draw_weight(init, fan_in, fan_out, rng, sigma);
  return W;
}

}  // namespace descent::nn
