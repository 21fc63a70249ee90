#pragma once
/// \file
/// One function per section of MEDL Chapter 4 that has items; each appends its items
/// to the chapter in the book's order.

#include "descent/app/item.hpp"

namespace descent::chapters::medl04 {

void add_section_4_1(app::Chapter& chapter);  ///< §4.1 Formulation of optimization
void add_eq_4_7(app::Chapter& chapter);       ///< §4.1 Eq. (4.7), called by add_section_4_1
void add_section_4_2(app::Chapter& chapter);  ///< §4.2 Optimization in deep learning (GD, SGD)
/// §4.2 Figure 4.4: early stopping on Fashion-MNIST; called by add_section_4_2
void add_figure_4_4(app::Chapter& chapter);
/// §4.2 Figure 4.5, the loss landscapes; called by add_section_4_2
void add_figure_4_5(app::Chapter& chapter);
void add_section_4_3(app::Chapter& chapter);  ///< §4.3 Adaptive optimization with ADAM
void add_section_4_4(app::Chapter& chapter);  ///< §4.4 Automatic differentiation
void add_section_4_5(
    app::Chapter& chapter);  ///< §4.5 Additional techniques for first-order methods
/// §4.5 line search (4.43)-(4.50) and conjugate gradient (4.46)-(4.47)
void add_section_4_5_line_search(app::Chapter& chapter);
void add_section_4_6(app::Chapter& chapter);  ///< §4.6 Concepts of second-order methods
/// §4.6 multivariate Newton and quasi-Newton (4.54)-(4.69), Algorithm 4.3
void add_section_4_6_quasi_newton(app::Chapter& chapter);

}  // namespace descent::chapters::medl04
