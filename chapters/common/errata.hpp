#pragma once
/// \file
/// The errata an item concerns, named by the anchors of their entries on the errata page. The
/// one-line summary of each entry is read from the page's template (docs/errata/errata.md.in,
/// its "In short" line), compiled into the chapters, so the prose lives in one place.

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "descent/report/format.hpp"

namespace descent::chapters::common {

/// The errata entries of a template in the format of docs/errata/errata.md.in: the anchor of
/// every `## title {#anchor}` heading, with the text of its `- **In short:**` line (its
/// continuation lines, indented by two spaces, joined with single spaces), or an empty text if
/// the entry has none. Throws std::logic_error if an anchor appears twice.
[[nodiscard]] std::map<std::string, std::string, std::less<>> errata_summaries(
    std::string_view text);

/// The errata page's entries `anchors`, each with its summary from the template compiled in.
/// An anchor the template does not have, or whose entry has no "In short" line, is a
/// programming error (std::logic_error): every chapter fails at start-up, so every test does.
[[nodiscard]] std::vector<report::Erratum> errata(std::initializer_list<std::string_view> anchors);

}  // namespace descent::chapters::common
