#pragma once
/// \file
/// The items of chapter notes02, assembled in the order of the source.

#include "descent/app/item.hpp"

namespace descent::chapters {

[[nodiscard]] app::Chapter make_notes02();

}  // namespace descent::chapters
