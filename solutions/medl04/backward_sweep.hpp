#pragma once
/// \file
/// Solution of the exercise medl04/backward_sweep (MEDL (4.31)).
///
/// The reference solution: look only once `scripts/exercises check backward_sweep` passes.

#include <cstdint>
#include <vector>

#include "descent/autodiff/tape.hpp"

namespace descent::exercises {

inline std::vector<double> backward_sweep(const autodiff::Tape& tape, std::uint32_t output) {
  std::vector<double> zeta(tape.size(), 0.0);
  zeta.at(output) = 1;
  for (std::uint32_t i = output + 1; i-- > 0;) {
    if (zeta[i] == 0) continue;  // nothing to push, and no 0·∞
    const auto& node = tape.node(i);
    for (std::uint32_t e = node.first; e < node.first + node.count; ++e)
      zeta[tape.parent(e)] += tape.partial(e) * zeta[i];  // MEDL (4.31)
  }
  return zeta;
}

}  // namespace descent::exercises
