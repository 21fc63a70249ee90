#pragma once
/// \file
/// One function per section of Aggarwal Chapter 3 that has items; each appends its items
/// to the chapter in the book's order.

#include "descent/app/item.hpp"

namespace descent::chapters::aggarwal03 {

/// §3.5.6 Second-order derivatives: Newton, CG and Hessian-free, quasi-Newton, saddle points;
/// with Exercises 7, 8, 11 and 12.
void add_section_3_5_6(app::Chapter& chapter);

}  // namespace descent::chapters::aggarwal03
