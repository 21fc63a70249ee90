#pragma once
/// \file
/// The items of chapter aggarwal03, assembled in the order of the source.

#include "descent/app/item.hpp"

namespace descent::chapters {

[[nodiscard]] app::Chapter make_aggarwal03();

}  // namespace descent::chapters
