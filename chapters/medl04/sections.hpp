#pragma once
/// \file
/// One function per section of MEDL Chapter 4 that has items; each appends its items
/// to the chapter in the book's order.

#include "descent/app/item.hpp"

namespace descent::chapters::medl04 {

void add_section_4_5(app::Chapter& chapter);  ///< §4.5 Line search and conjugate gradient
void add_section_4_6(app::Chapter& chapter);  ///< §4.6 Concepts of second-order methods
/// §4.6 multivariate Newton and quasi-Newton (4.54)-(4.69), Algorithm 4.3
void add_section_4_6_quasi_newton(app::Chapter& chapter);

}  // namespace descent::chapters::medl04
