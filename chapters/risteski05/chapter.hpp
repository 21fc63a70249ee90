#pragma once
/// \file
/// The items of chapter risteski05, assembled in the order of the source.

#include "descent/app/item.hpp"

namespace descent::chapters {

/// Chapter risteski05: its id, title, source and every item in the order of the source (what the
/// `risteski05` executable lists and runs).
[[nodiscard]] app::Chapter make_risteski05();

}  // namespace descent::chapters
