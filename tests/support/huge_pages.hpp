#pragma once
// What the kernel says about transparent huge pages, for the tests of core/memory.hpp's advice
// (core_gemm_pages_test.cpp, data_test.cpp).

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace descent::testing {

// Whether the kernel gives huge pages on request: /sys/kernel/mm/transparent_hugepage/enabled
// is "madvise" or "always". Elsewhere the advice does nothing and the tests say so.
inline bool huge_pages_on_request() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(in, modes);
  return modes.find("[madvise]") != std::string::npos ||
         modes.find("[always]") != std::string::npos;
}

// AnonHugePages (kB) of the mapping that holds `p`, from /proc/self/smaps; -1 if none does.
// Only a mapping's header line parses as two hex numbers joined by '-'.
inline long huge_kb_at(const void* p) {
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  std::ifstream smaps("/proc/self/smaps");
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    unsigned long lo = 0, hi = 0;
    if (std::sscanf(line.c_str(), "%lx-%lx ", &lo, &hi) == 2 && line.find('-') < 16) {
      inside = lo <= at && at < hi;
    } else if (inside && line.rfind("AnonHugePages:", 0) == 0) {
      return std::atol(line.c_str() + 14);
    }
  }
  return -1;
}

}  // namespace descent::testing
