#pragma once
// Forwards to the header's new place (remove once nothing includes this path).
#include "descent/nn/layers/jacobian.hpp"
