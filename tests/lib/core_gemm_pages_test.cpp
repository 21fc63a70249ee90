// descent::gemm(a, b) returning a new matrix advises transparent huge pages on the fresh
// result (lib/src/core/linalg.cpp, issue 17): dgemm then faults it in a few 2 MiB pages
// instead of one 4 KiB page at a time. Checked by counting the process's minor page faults,
// where the kernel offers THP on request (/sys/kernel/mm/transparent_hugepage/enabled is
// "madvise" or "always"); elsewhere the advice does nothing and the test says so.
#include <doctest/doctest.h>
#include <sys/resource.h>

#include "descent/core/linalg.hpp"
#include "huge_pages.hpp"

namespace {

long minor_faults() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

}  // namespace

TEST_CASE("core/gemm: a large fresh result is faulted in huge pages, not 4 KiB at a time") {
  if (!descent::testing::huge_pages_on_request()) {
    MESSAGE("transparent huge pages are off here: nothing to check");
    return;
  }
  // a (2048 x 4)(4 x 1024) product: cheap, and a 16 MiB result of 4096 small pages
  descent::matrix a = descent::matrix::from_shape({2048, 4});
  descent::matrix b = descent::matrix::from_shape({4, 1024});
  for (std::size_t i = 0; i < a.size(); ++i) a.flat(i) = double(i % 7) - 3;
  for (std::size_t i = 0; i < b.size(); ++i) b.flat(i) = double(i % 5) - 2;
  (void)descent::gemm(a, b);  // OpenBLAS's threads and buffers, once
  const long before = minor_faults();
  const descent::matrix c = descent::gemm(a, b);
  const long faults = minor_faults() - before;
  double corner = 0;  // c(2047, 1023) by the definition of the product
  for (std::size_t k = 0; k < 4; ++k) corner += a(2047, k) * b(k, 1023);
  CHECK(c(2047, 1023) == corner);
  CAPTURE(faults);
  // 4096 pages of 4 KiB without the advice; with it, 2 MiB pages for the aligned interior and
  // at most 2 x 512 small pages at the ends
  CHECK(faults < 2048);
}
