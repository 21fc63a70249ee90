#pragma once
/// \file
/// The items of chapter medl04, assembled in the order of the source.

#include "descent/app/item.hpp"

namespace descent::chapters {

/// Chapter medl04: its id, title, source and every item in the order of the source (what the
/// `medl04` executable lists and runs).
[[nodiscard]] app::Chapter make_medl04();

}  // namespace descent::chapters
