#pragma once
// The precompiled header of libdescent and of the chapters' item libraries (which reuse it;
// lib/CMakeLists.txt): the standard headers and xtensor that nearly every translation unit
// parses, compiled once instead of once per file (docs/pages/design.md, build budget).
// Every source still includes what it uses; this header only makes that cheaper.

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"
