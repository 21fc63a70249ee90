#pragma once
/// \file
/// The picture of item section-4.5-cg (MEDL §4.5, (4.46)–(4.47)): conjugate gradient against
/// steepest descent with exact steps on the same quadratic. Kept apart from the item's
/// computation (s4_5_line_search.cpp), which hands over what it computed.

#include <vector>

#include "descent/core/linalg.hpp"
#include "descent/optim/cg.hpp"
#include "descent/report/result.hpp"

namespace descent::chapters::medl04 {

/// Adds the series and the figure "section-4.5-cg": (a) the CG path `cg` and the steepest
/// descent path `steepest` (θ⁽⁰⁾, θ⁽¹⁾, ...) from `theta0` over the contours of
/// C(θ) = ½θᵀAθ − bᵀθ, (b) ‖Aθ⁽ᵗ⁾ − b‖ against t for both, and for CG on the random system
/// `random` of size `d`.
void add_cg_figure(report::Result& result, const matrix& a, const vector& b, const vector& theta0,
                   const optim::CgRun& cg, const std::vector<vector>& steepest,
                   const optim::CgRun& random, const vector& random_b);

}  // namespace descent::chapters::medl04
