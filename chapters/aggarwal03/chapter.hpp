#pragma once
/// \file
/// The items of chapter aggarwal03, assembled in the order of the source.

#include "descent/app/item.hpp"

namespace descent::chapters {

/// Chapter aggarwal03: its id, title, source and every item in the order of the source (what the
/// `aggarwal03` executable lists and runs).
[[nodiscard]] app::Chapter make_aggarwal03();

}  // namespace descent::chapters
