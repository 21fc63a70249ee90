#pragma once
/// \file
/// The small fixed network the §3.2 items share (catalogue A9; the book gives none):
/// x = (0.5, −1) → 3 sigmoid units → 1 sigmoid output, squared loss ½(o − y)².

#include <xtensor/xbuilder.hpp>

#include "descent/nn/backprop/network.hpp"

namespace descent::chapters::aggarwal03 {

/// The fixed 2 → 3 → 1 network described above: hidden W 2 × 3 and b (3), output W 3 × 1 and
/// b (1), sigmoid units throughout.
inline nn::Network toy_network() {
  nn::Network net;
  net.layers.push_back({matrix{{0.1, -0.2, 0.3}, {0.4, 0.5, -0.6}}, vector{0.01, -0.02, 0.03},
                        nn::Activation::sigmoid});
  net.layers.push_back({matrix{{0.7}, {-0.8}, {0.9}}, vector{0.05}, nn::Activation::sigmoid});
  return net;
}

/// ½ Σ (o − y)² and its gradient o − y.
inline double squared_loss(const matrix& o, const matrix& y) {
  double l = 0;
  for (std::size_t i = 0; i < o.size(); ++i)
    l += 0.5 * (o.flat(i) - y.flat(i)) * (o.flat(i) - y.flat(i));
  return l;
}

}  // namespace descent::chapters::aggarwal03
