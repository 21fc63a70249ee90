#pragma once
/// \file
/// One function per section of Aggarwal's Chapter 3 that has items; each appends its items
/// to the chapter in the book's order.

#include "descent/app/item.hpp"

namespace descent::chapters::aggarwal03 {

void add_section_3_4(app::Chapter& chapter);  ///< §3.4 Vanishing and exploding gradients
void add_section_3_5(app::Chapter& chapter);  ///< §3.5 Gradient-descent strategies

}  // namespace descent::chapters::aggarwal03
