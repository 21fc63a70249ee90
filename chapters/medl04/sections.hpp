#pragma once
/// \file
/// One function per section of MEDL Chapter 4 that has items; each appends its items
/// to the chapter in the book's order.

#include "descent/app/item.hpp"

namespace descent::chapters::medl04 {

void add_eq_4_7(app::Chapter& chapter);       ///< §4.1 Eq. (4.7), logistic-regression Hessian
void add_section_4_6(app::Chapter& chapter);  ///< §4.6 Concepts of second-order methods

}  // namespace descent::chapters::medl04
