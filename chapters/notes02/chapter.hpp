#pragma once
/// \file
/// The items of chapter notes02, assembled in the order of the source.

#include "descent/app/item.hpp"

namespace descent::chapters {

/// Chapter notes02: its id, title, source and every item in the order of the source (what the
/// `notes02` executable lists and runs).
[[nodiscard]] app::Chapter make_notes02();

}  // namespace descent::chapters
