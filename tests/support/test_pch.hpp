#pragma once
// The precompiled header of every test translation unit (tests/CMakeLists.txt): the
// headers nearly all of them parse — doctest, the fixture reader's JSON library, xtensor —
// compiled once instead of once per file (about 3 s each on the project machine).
// Only headers that every test may see belong here; nothing here defines a test.

#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>
#include <xtensor/xtensor.hpp>

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"
