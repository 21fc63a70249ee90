#pragma once
/// \file
/// The items of chapter medl04, assembled in the order of the source.

#include "descent/app/item.hpp"

namespace descent::chapters {

[[nodiscard]] app::Chapter make_medl04();

}  // namespace descent::chapters
