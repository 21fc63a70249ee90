#pragma once
/// \file
/// Aggarwal §3.7.3 (d), mimic models: the experiment section-3.7.3 runs after the other
/// compression tricks (s3_7_mimic.cpp), and its parameters.

#include <vector>

#include "descent/app/item.hpp"

namespace descent::chapters::aggarwal03 {

/// The parameters of the mimic-model experiment (appended to section-3.7.3's own).
[[nodiscard]] std::vector<app::Param> mimic_params();
/// Refuses (descent::invalid_argument) sizes whose memory or training time one run cannot
/// afford; called before anything is computed.
void require_mimic_affordable(const app::Params& p);
/// Teacher on noisy labels; students on the same labels, on the teacher's soft targets and
/// on its argmax labels; test accuracies into `result`.
void mimic_experiment(const app::Params& p, report::Result& result);

}  // namespace descent::chapters::aggarwal03
