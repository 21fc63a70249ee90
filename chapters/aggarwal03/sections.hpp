#pragma once
/// \file
/// One function per section of Aggarwal's Chapter 3 that has items; each appends its items
/// to the chapter in the book's order.

#include "descent/app/item.hpp"

namespace descent::chapters::aggarwal03 {

void add_section_3_2(app::Chapter& chapter);  ///< §3.2 Backpropagation: the chain rule on graphs
void add_exercises_autodiff(app::Chapter& chapter);  ///< §3.10 Exercises 1-4

}  // namespace descent::chapters::aggarwal03
