#pragma once
/// \file
/// The slides of Risteski's lecture 5 that have items, grouped as the lecture runs.

#include "descent/app/item.hpp"

namespace descent::chapters::risteski05 {

void add_gradient_descent_slides(app::Chapter& chapter);  ///< descent lemma, rates, momentum

}  // namespace descent::chapters::risteski05
