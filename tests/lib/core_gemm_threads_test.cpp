// descent::gemm runs products below kThreadedProduct on one OpenBLAS thread and puts OpenBLAS's
// thread count back afterwards (lib/src/core/gemm_view.cpp, issue 17). Observable from outside:
// a product split over two threads rounds differently from the same product on one, so below
// the threshold the result with two threads configured must equal the one-thread result bit for
// bit; and the configured count must be what it was before the call. With a BLAS other than
// OpenBLAS the thread controls are absent and the test says so.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>

#include "descent/core/linalg.hpp"

extern "C" {
__attribute__((weak)) void openblas_set_num_threads(int threads);
__attribute__((weak)) int openblas_get_num_threads();
}

namespace {

using descent::matrix;

matrix filled(std::size_t rows, std::size_t cols, double phase) {
  matrix a = matrix::from_shape({rows, cols});
  for (std::size_t i = 0; i < a.size(); ++i) a.data()[i] = std::sin(phase + 0.731 * double(i));
  return a;
}

bool same_bits(const matrix& a, const matrix& b) {
  return a.shape() == b.shape() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

}  // namespace

TEST_CASE("core/linalg: products below kThreadedProduct run on one OpenBLAS thread") {
  if (!openblas_set_num_threads || !openblas_get_num_threads) {
    MESSAGE("the BLAS is not OpenBLAS: no thread count to check");
    return;
  }
  const int configured = openblas_get_num_threads();
  // Figure 4.4's first layer on a batch of 10 (10·784·400 = 3.1·10⁶ multiply-adds): above
  // OpenBLAS's own threshold for splitting a product, below descent's.
  const matrix x = filled(10, 784, 0.3), w = filled(784, 400, 1.7);
  static_assert(10 * 784 * 400 > descent::kSmallProduct);
  static_assert(10 * 784 * 400 < descent::kThreadedProduct);
  openblas_set_num_threads(1);
  const matrix one = descent::gemm(x, w);
  openblas_set_num_threads(2);
  const matrix two = descent::gemm(x, w);
  CHECK(openblas_get_num_threads() == 2);  // lowered for the call, put back after it
  CHECK(same_bits(one, two));
  // a product above the threshold leaves the count alone too
  const matrix big = filled(200, 784, 0.9);
  static_assert(200 * 784 * 400 >= descent::kThreadedProduct);
  const matrix large = descent::gemm(big, w);
  CHECK(openblas_get_num_threads() == 2);
  CHECK(large.shape(0) == 200);
  openblas_set_num_threads(configured);
}
