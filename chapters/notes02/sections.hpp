#pragma once
/// \file
/// One function per section of the notes' Chapter 2 that has items; each appends its
/// items to the chapter in the notes' order.

#include "descent/app/item.hpp"

namespace descent::chapters::notes02 {

void add_section_2_4(app::Chapter& chapter);  ///< §2.4 Automatic differentiation

}  // namespace descent::chapters::notes02
