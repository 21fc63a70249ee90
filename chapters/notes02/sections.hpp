#pragma once
/// \file
/// One function per section of the notes' Chapter 2 that has items; each appends its items
/// to the chapter in the notes' order.

#include "descent/app/item.hpp"

namespace descent::chapters::notes02 {

void add_section_2_1_newton(app::Chapter& chapter);  ///< §2.1 Newton's update (2.2)-(2.3)
void add_section_2_1(app::Chapter& chapter);         ///< §2.1 GD near a minimum, (2.1)–(2.4)
void add_section_2_2(app::Chapter& chapter);         ///< §2.2 SGD, Algorithm 1, mini-batches
void add_section_2_3(app::Chapter& chapter);         ///< §2.3 momentum (2.7), RMSProp (2.8)
void add_section_2_4(app::Chapter& chapter);         ///< §2.4 Automatic differentiation
void add_appendix_2_a(app::Chapter& chapter);  ///< Algorithm 2 and Appendix 2.A, Eqs. (2.12)-(2.18)

/// §2.1 the second-order Taylor model (2.1) and its remainder
void add_section_2_1_taylor(app::Chapter& chapter);
/// §2.1 the change of variables α = Qᵀ(θ − θ*) after (2.3), and its missing ½
void add_section_2_1_spectral(app::Chapter& chapter);
/// §2.4 introduction: reverse against forward mode, multiply-adds counted
void add_section_2_4_op_count(app::Chapter& chapter);
/// §2.2 Algorithm 1: the SGD run against GD, its noise ball, and Exercise 2.3 (unbiasedness)
app::Item algorithm_1_item();

}  // namespace descent::chapters::notes02
