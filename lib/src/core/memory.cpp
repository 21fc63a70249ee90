#include "descent/core/memory.hpp"

#if defined(__linux__)
#include <sys/mman.h>  // madvise
#endif

#include <cstdint>

namespace descent {

void advise_huge_pages(double* data, std::size_t count) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
  if (count * sizeof(double) < 2 * huge) return;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t end = begin + count * sizeof(double);
  const std::uintptr_t first = (begin + huge - 1) & ~(huge - 1), last = end & ~(huge - 1);
  // A failure (an old kernel without THP) leaves small pages, which are correct, only slower.
  if (last > first) (void)madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
  (void)data, (void)count;
#endif
}

}  // namespace descent
