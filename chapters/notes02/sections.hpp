#pragma once
/// \file
/// One function per section of the notes' Chapter 2 that has items, in the notes' order.

#include "descent/app/item.hpp"

namespace descent::chapters::notes02 {

void add_section_2_1_newton(app::Chapter& chapter);  ///< §2.1 Newton's update (2.2)-(2.3)

}  // namespace descent::chapters::notes02
