#pragma once
/// \file
/// The items of chapter risteski05, assembled in the order of the source.

#include "descent/app/item.hpp"

namespace descent::chapters {

[[nodiscard]] app::Chapter make_risteski05();

}  // namespace descent::chapters
