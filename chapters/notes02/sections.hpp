#pragma once
/// \file
/// One function per section of the notes' Chapter 2 that has items, in the notes' order.

#include "descent/app/item.hpp"

namespace descent::chapters::notes02 {

void add_appendix_2_a(app::Chapter& chapter);  ///< Algorithm 2 and Appendix 2.A, Eqs. (2.12)-(2.18)

}  // namespace descent::chapters::notes02
