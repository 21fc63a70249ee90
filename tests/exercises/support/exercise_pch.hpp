#pragma once
// The precompiled header of every exercise test (tests/exercises/exercises.cmake): doctest,
// xtensor's tensor type and the standard headers the tests and stubs use. No JSON (the
// fixtures are read by the compiled exercise_fixtures.cpp) and nothing of descent beyond the
// tensor aliases, so loading it costs a fraction of a second.

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"
