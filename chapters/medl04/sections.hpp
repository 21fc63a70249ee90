#pragma once
/// \file
/// One function per section of MEDL Chapter 4 that has items; each appends its items
/// to the chapter in the book's order. Each item is declared by a function `<name>_item()`
/// right after the compute function that reads its parameters; the few declared here live
/// in a file of their own and are added by their section's function.

#include "descent/app/item.hpp"

namespace descent::chapters::medl04 {

void add_section_4_1(app::Chapter& chapter);  ///< §4.1 Formulation of optimization
app::Item eq_4_7_item();                      ///< §4.1 Eq. (4.7), added by add_section_4_1
/// §4.1 linear regression's Hessian 2X^T X; added by add_section_4_1
app::Item linear_regression_item();
/// §4.1 absolute-error and Huber losses are convex (chord test); added by add_section_4_1
app::Item huber_item();
void add_section_4_2(app::Chapter& chapter);  ///< §4.2 Optimization in deep learning (GD, SGD)
/// §4.2 Figure 4.4: early stopping on Fashion-MNIST; added by add_section_4_2
app::Item figure_4_4_item();
/// §4.2 Figure 4.5, the loss landscapes; added by add_section_4_2
app::Item figure_4_5_item();
void add_section_4_3(app::Chapter& chapter);  ///< §4.3 Adaptive optimization with ADAM
void add_section_4_4(app::Chapter& chapter);  ///< §4.4 Automatic differentiation
/// §4.5 Additional techniques for first-order methods
void add_section_4_5(app::Chapter& chapter);
/// §4.5 line search (4.43)-(4.50) and conjugate gradient (4.46)-(4.47)
void add_section_4_5_line_search(app::Chapter& chapter);
void add_section_4_6(app::Chapter& chapter);  ///< §4.6 Concepts of second-order methods
/// §4.6 Newton against GD on logistic regression (4.7); added by add_section_4_6_quasi_newton
app::Item logistic_newton_item();
/// §4.6 Eq. (4.57): GD as Newton with H = I/alpha; added by add_section_4_6_quasi_newton
app::Item eq_4_57_item();
/// §4.6 multivariate Newton and quasi-Newton (4.54)-(4.69), Algorithm 4.3
void add_section_4_6_quasi_newton(app::Chapter& chapter);

}  // namespace descent::chapters::medl04
