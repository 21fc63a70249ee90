#pragma once
/// \file
/// One function per group of slides of Lecture 5 that has items, in the order of the slides.

#include "descent/app/item.hpp"

namespace descent::chapters::risteski05 {

/// The closed-form minimizer of a quadratic and Newton's method with its d³ cost.
void add_slides_second_order(app::Chapter& chapter);

}  // namespace descent::chapters::risteski05
