#pragma once
/// \file
/// One function per section of Aggarwal's Chapter 3 that has items; each appends its
/// items to the chapter in the book's order.

#include "descent/app/item.hpp"

namespace descent::chapters::aggarwal03 {

/// §3.2.1–3.2.2 the chain rule on computational graphs: (3.1)–(3.5), Figures 3.4–3.5
void add_section_3_2_chain_rule(app::Chapter& chapter);
void add_section_3_2(app::Chapter& chapter);  ///< §3.2 Backpropagation (3.2.3–3.2.10)
void add_section_3_3(app::Chapter& chapter);  ///< §3.3 Setup: tuning, preprocessing, initialization
void add_section_3_4(app::Chapter& chapter);  ///< §3.4 Vanishing and exploding gradients
void add_figure_3_9(app::Chapter& chapter);   ///< §3.4.1 Figure 3.9: circular vs elliptical bowl
void add_section_3_5(app::Chapter& chapter);  ///< §3.5 Gradient-descent strategies
/// §3.5.6 Second-order derivatives: Newton, CG and Hessian-free, quasi-Newton, saddle points;
/// with Exercises 7, 8, 11 and 12.
void add_section_3_5_6(app::Chapter& chapter);
void add_section_3_6(app::Chapter& chapter);  ///< §3.6 Batch normalization
/// §3.6 Figure 3.18: BN before/after the activation, trained side by side
void add_figure_3_18(app::Chapter& chapter);
void add_section_3_7(app::Chapter& chapter);         ///< §3.7.3 Model compression
void add_exercises_autodiff(app::Chapter& chapter);  ///< §3.10 Exercises 1-4
void add_exercises_nn(app::Chapter& chapter);        ///< Exercises 5, 9, 10

/// §3.2.8 mini-batch SGD, Eqs. 3.27-3.32; added by add_section_3_2
app::Item section_3_2_8_item();
/// §3.3.1 tuning hyperparameters: grid, random and coarse-to-fine search; added by
/// add_section_3_3
app::Item section_3_3_1_item();

}  // namespace descent::chapters::aggarwal03
