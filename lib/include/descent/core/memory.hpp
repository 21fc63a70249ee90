#pragma once
/// \file
/// Large arrays in transparent huge pages.
///
/// Linux hands out fresh anonymous memory one 4 KiB page at a time, at the first access of
/// each page. For the library's largest arrays that is a visible part of their time: a
/// 2048 x 2048 product result is 8192 pages, the 60 000 Fashion-MNIST training images in
/// doubles are 376 MB, 92 000 pages. And on the benchmark machine, a VM whose kernel's DAMON
/// monitor keeps clearing pages' accessed bits, a page left unread for a while costs about
/// 4 µs to read again: 0.36 s for the training set after loading, a sixth of the batch-norm
/// network's epoch. In 2 MiB pages the set is 180 pages, and that read took 7 ms.

#include <cstddef>

namespace descent {

/// Asks the kernel to back the 2 MiB-aligned interior of `count` doubles at `data` with
/// transparent huge pages (madvise MADV_HUGEPAGE). Call it on fresh storage before it is
/// first written: the page size is chosen when a page is first touched. Arrays smaller than
/// 4 MiB are left alone (no huge page would fit between the ends). Only a hint: where THP
/// is off (/sys/kernel/mm/transparent_hugepage/enabled is "never"), or off Linux, nothing
/// changes, and the memory behaves the same either way apart from speed.
void advise_huge_pages(double* data, std::size_t count) noexcept;

}  // namespace descent
