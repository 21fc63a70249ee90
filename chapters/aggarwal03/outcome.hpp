#pragma once
/// \file
/// How an aggarwal03 item says what became of a run that did not end as the book's did:
/// one phrase per run in the result's status, so that a NaN or an infinity in a table is
/// always explained where it first appeared ("beta = 0.9: diverged after 3 iterations: ...").

#include <string>

#include "descent/core/status.hpp"
#include "descent/report/result.hpp"

namespace descent::chapters::aggarwal03 {

/// Appends `note` to the status of `result`, after "; " when the status already says something.
inline void add_status(report::Result& result, const std::string& note) {
  result.status += (result.status.empty() ? "" : "; ") + note;
}

/// Says in the status, prefixed by `label`, that a run diverged (where, and with which value);
/// says nothing for any other stop.
inline void note_divergence(report::Result& result, const std::string& label,
                            const Status& status) {
  if (status.reason == StopReason::diverged) add_status(result, label + ": " + status.to_string());
}

}  // namespace descent::chapters::aggarwal03
