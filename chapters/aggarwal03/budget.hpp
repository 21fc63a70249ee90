#pragma once
/// \file
/// What one run of an aggarwal03 item may cost. Each parameter has its own range, but the
/// memory and time of a run grow with products of them (chains × depth, width² × depth ×
/// seeds, ...), so an item also bounds those products: every accepted combination stays well
/// under 2 GB and finishes in about a minute on a two-core machine. A combination beyond a
/// bound is refused before anything is allocated, with one line naming the product.

#include <string>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"

namespace descent::chapters::aggarwal03 {

/// Throws descent::invalid_argument when `amount` (the product `what` of the parameters,
/// e.g. "chains x depth") exceeds `most`.
inline void require_at_most(const std::string& what, double amount, double most) {
  if (amount > most)
    throw invalid_argument(what + " = " + short_number(amount) +
                           " is more than one run affords; allowed: at most " + short_number(most));
}

}  // namespace descent::chapters::aggarwal03
