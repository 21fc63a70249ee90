#pragma once
/// \file
/// The slides of Lecture 5 that have items, grouped by topic; each function appends its
/// items to the chapter in the order of the slides.

#include "descent/app/item.hpp"

namespace descent::chapters::risteski05 {

/// The slide “The mother of all optimization algorithms”: steepest descent.
void add_steepest_descent(app::Chapter& chapter);
void add_gradient_descent_slides(app::Chapter& chapter);  ///< descent lemma, rates, momentum
/// The slides "Understanding gradient descent locally"; added by add_gradient_descent_slides
app::Item gd_locally_item();
/// The closed-form minimizer of a quadratic and Newton's method with its d³ cost.
void add_slides_second_order(app::Chapter& chapter);
/// The backpropagation slide's Observation 1: one neuron's ∂f/∂w₁ and the σ′(u) typo
void add_single_neuron(app::Chapter& chapter);
void add_backprop(app::Chapter& chapter);  ///< "Backpropagation" slides: O(V + E) vs Ω(V²)

}  // namespace descent::chapters::risteski05
