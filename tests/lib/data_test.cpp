// Unit tests of the data module: preprocessing and whitening on the catalogue's matrix D0
// (Aggarwal §3.3.2, catalogue A21/A22, computed with numpy), and the IDX reader on small files
// this test writes itself, on corrupt files, and on Debian's Fashion-MNIST when installed.

#include <doctest/doctest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <new>
#include <string>
#include <vector>
#include <xtensor/xmanipulation.hpp>

#include "descent/core/linalg.hpp"
#include "descent/data/idx.hpp"
#include "descent/data/preprocess.hpp"
#include "huge_pages.hpp"

using namespace descent;

namespace {

const matrix D0{{2, 0, 1}, {0, 1, 3}, {4, 2, 2}, {1, 3, 0}, {3, 1, 4}, {2, 5, 2}};

// Named after the process too: another checkout's suite may run the same test at the same
// time, and must not rewrite a file this one is reading.
std::string temp_path(const std::string& name) {
  const std::string unique = "descent_idx_" + std::to_string(getpid()) + "_" + name;
  return (std::filesystem::temp_directory_path() / unique).string();
}

std::vector<unsigned char> idx_bytes(std::vector<std::uint32_t> dims,
                                     const std::vector<unsigned char>& data) {
  std::vector<unsigned char> b{0, 0, 0x08, static_cast<unsigned char>(dims.size())};
  for (auto d : dims)
    for (int s = 24; s >= 0; s -= 8) b.push_back(static_cast<unsigned char>(d >> s));
  b.insert(b.end(), data.begin(), data.end());
  return b;
}

void write_plain(const std::string& path, const std::vector<unsigned char>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

void write_gz(const std::string& path, const std::vector<unsigned char>& bytes) {
  gzFile f = gzopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  gzwrite(f, bytes.data(), unsigned(bytes.size()));
  gzclose(f);
}

}  // namespace

TEST_CASE("data preprocessing: centering, standardization and min-max on D0 (catalogue A21)") {
  const vector mu = data::column_means(D0);
  CHECK(mu(0) == 2);
  CHECK(mu(1) == 2);
  CHECK(mu(2) == 2);
  const vector s = data::column_stds(D0);  // 1/n
  CHECK(s(0) == doctest::Approx(1.2909944487).epsilon(1e-9));
  CHECK(s(1) == doctest::Approx(1.6329931619).epsilon(1e-9));
  const matrix z = data::standardize(D0);
  CHECK(z(0, 0) == 0);
  CHECK(z(0, 1) == doctest::Approx(-1.2247448714).epsilon(1e-9));
  CHECK(z(0, 2) == doctest::Approx(-0.7745966692).epsilon(1e-9));
  const matrix m = data::min_max(D0);
  CHECK(m(0, 0) == 0.5);
  CHECK(m(0, 1) == 0);
  CHECK(m(0, 2) == 0.25);
  CHECK(m(2, 0) == 1);
  CHECK(m(2, 1) == doctest::Approx(0.4).epsilon(1e-15));
}

TEST_CASE("data whitening: eigenvalues, identity covariance, Mahalanobis norms (A22)") {
  const auto w = data::whiten(D0);
  REQUIRE(w.eigenvalues.size() == 3);
  CHECK(w.eigenvalues(0) == doctest::Approx(2.8878640959).epsilon(1e-9));
  CHECK(w.eigenvalues(1) == doctest::Approx(1.8773426862).epsilon(1e-9));
  CHECK(w.eigenvalues(2) == doctest::Approx(1.2347932179).epsilon(1e-9));
  const matrix cov = gemm(matrix(xt::transpose(w.U)), w.U) / 6.0;
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 3; ++j) CHECK(std::fabs(cov(i, j) - (i == j)) <= 1e-12);
  // Squared row norms are sign-invariant (eigenvector signs are arbitrary).
  const double expected[] = {2.755186722,  3.7510373444, 2.5062240664,
                             2.7012448133, 2.7012448133, 3.5850622407};
  for (std::size_t r = 0; r < 6; ++r) {
    double n2 = 0;
    for (std::size_t c = 0; c < 3; ++c) n2 += w.U(r, c) * w.U(r, c);
    CHECK(n2 == doctest::Approx(expected[r]).epsilon(1e-9));
  }
  // Rank-deficient: a fourth column col0 + col1 has eigenvalue ≈ 0, dropped by 1e-5.
  matrix D1 = matrix::from_shape({6, 4});
  for (std::size_t r = 0; r < 6; ++r) {
    for (std::size_t c = 0; c < 3; ++c) D1(r, c) = D0(r, c);
    D1(r, 3) = D0(r, 0) + D0(r, 1);
  }
  const auto w1 = data::whiten(D1);
  CHECK(w1.eigenvalues.size() == 3);
  CHECK(w1.eigenvalues(0) == doctest::Approx(6.6862783074).epsilon(1e-9));
}

TEST_CASE("data read_idx: small files written here, gzip and plain") {
  const std::vector<unsigned char> pixels{0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255};
  const auto bytes = idx_bytes({2, 2, 3}, pixels);
  const std::string gz = temp_path("ok.gz"), plain = temp_path("ok");
  write_gz(gz, bytes);
  write_plain(plain, bytes);
  for (const auto& path : {gz, plain}) {
    const auto a = data::read_idx(path);
    CHECK(a.dims == std::vector<std::size_t>{2, 2, 3});
    CHECK(a.data == pixels);
  }
  std::filesystem::remove(gz);
  std::filesystem::remove(plain);
}

TEST_CASE("data read_idx: missing and corrupt files get a clear error") {
  CHECK_THROWS_WITH_AS(data::read_idx(temp_path("does-not-exist.gz")),
                       doctest::Contains("no such file"), data::data_error);
  const std::string p = temp_path("bad.gz");
  write_gz(p, {1, 2, 8, 1, 0, 0, 0, 1, 7});
  CHECK_THROWS_WITH_AS(data::read_idx(p), doctest::Contains("not an IDX file"), data::data_error);
  auto truncated = idx_bytes({10}, {1, 2, 3});
  write_gz(p, truncated);
  CHECK_THROWS_WITH_AS(data::read_idx(p), doctest::Contains("truncated"), data::data_error);
  auto longer = idx_bytes({2}, {1, 2, 3});
  write_gz(p, longer);
  CHECK_THROWS_WITH_AS(data::read_idx(p), doctest::Contains("past the announced size"),
                       data::data_error);
  // A gzip file cut in the middle of its deflate stream.
  std::vector<unsigned char> big(5000);
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<unsigned char>(i * 7919 % 251);
  write_gz(p, idx_bytes({5000}, big));
  const auto size = std::filesystem::file_size(p);
  std::filesystem::resize_file(p, size / 2);
  CHECK_THROWS_AS(data::read_idx(p), data::data_error);
  std::filesystem::remove(p);
  CHECK_THROWS_WITH_AS(data::load_fashion_mnist("train", 1, temp_path("no-dir")),
                       doctest::Contains("dataset-fashion-mnist"), data::data_error);
  CHECK_THROWS_AS(data::load_fashion_mnist("valid", 1), data::data_error);
  // Data errors are bad input (the user picks the directory): exit status 2 in the CLI.
  CHECK_THROWS_AS(data::load_fashion_mnist("train", 1, temp_path("no-dir")),
                  descent::invalid_argument);
}

TEST_CASE("data load_fashion_mnist: Debian's files, when installed") {
  if (!std::filesystem::exists(data::fashion_mnist_dir)) {
    MESSAGE("dataset-fashion-mnist is not installed; skipping the real files");
    return;
  }
  const auto test = data::load_fashion_mnist("t10k", 100);
  CHECK(test.x.shape(0) == 100);
  CHECK(test.x.shape(1) == 784);
  CHECK(test.labels.size() == 100);
  // The first t10k label of Fashion-MNIST is 9 (ankle boot), the second 2 (pullover)
  // (zalandoresearch/fashion-mnist README's test set order).
  CHECK(int(test.labels[0]) == 9);
  CHECK(int(test.labels[1]) == 2);
  double lo = 1, hi = 0;
  for (double v : test.x) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  CHECK(lo == 0);
  CHECK(hi <= 1);
}

// --- headers that lie (issue 11: the size a header declares is checked before it is taken) --

namespace {

// The virtual memory of this process now, in bytes (/proc/self/statm, first field).
std::size_t address_space_in_use() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0;
  statm >> pages;
  return pages * std::size_t(sysconf(_SC_PAGESIZE));
}

// Runs `body` in a child process whose address space may grow by at most `headroom` bytes,
// and returns how it ended: 0 if body returned, 3 if it ran out of memory (std::bad_alloc),
// 4 if it threw anything else, 5 if it died otherwise.
int with_memory_headroom(std::size_t headroom, const std::function<void()>& body) {
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // Measured here, in the child: the parent's other threads (OpenBLAS starts its workers when
    // the library loads) may still be mapping their buffers, so a size measured before fork
    // could be short of what the child inherits, and eat the headroom.
    const std::size_t limit = address_space_in_use() + headroom;
    const rlimit cap{limit, limit};
    setrlimit(RLIMIT_AS, &cap);
    try {
      body();
    } catch (const std::bad_alloc&) {
      _exit(3);
    } catch (...) {
      _exit(4);
    }
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 5;
}

// Writes `images` images of rows × cols pixels (pixel k of image i = (i + k) mod 256) and
// their labels (i mod 10, or `label` when given) as the two IDX files of `split` in `dir`.
void write_set(const std::string& dir, const std::string& split, std::uint32_t images,
               std::uint32_t rows = 28, std::uint32_t cols = 28, bool gzip = true, int label = -1) {
  std::filesystem::create_directories(dir);
  std::vector<unsigned char> pixels(std::size_t(images) * rows * cols), labels(images);
  for (std::size_t i = 0; i < images; ++i) {
    labels[i] = static_cast<unsigned char>(label >= 0 ? label : int(i % 10));
    for (std::size_t k = 0; k < std::size_t(rows) * cols; ++k)
      pixels[i * rows * cols + k] = static_cast<unsigned char>((i + k) % 256);
  }
  const std::string stem = dir + "/" + split;
  if (gzip) {
    write_gz(stem + "-images-idx3-ubyte.gz", idx_bytes({images, rows, cols}, pixels));
    write_gz(stem + "-labels-idx1-ubyte.gz", idx_bytes({images}, labels));
  } else {
    write_plain(stem + "-images-idx3-ubyte", idx_bytes({images, rows, cols}, pixels));
    write_plain(stem + "-labels-idx1-ubyte", idx_bytes({images}, labels));
  }
}

}  // namespace

TEST_CASE("data read_idx: a header larger than the file is refused before it is allocated") {
  // 500,000 images of 28 x 28 (392 MB) declared by a gzip file of a few dozen bytes: the
  // reader must find the truncation with only what the stream delivers in memory.
  const std::string gz = temp_path("liar.gz"), plain = temp_path("liar");
  write_gz(gz, idx_bytes({500000, 28, 28}, std::vector<unsigned char>(100, 7)));
  write_plain(plain, idx_bytes({500000, 28, 28}, std::vector<unsigned char>(100, 7)));
  for (const auto& path : {gz, plain}) {
    CAPTURE(path);
    CHECK_THROWS_WITH_AS(data::read_idx(path), doctest::Contains("truncated"), data::data_error);
    // With 64 MB of headroom, allocating the declared 392 MB first would be a bad_alloc.
    CHECK(with_memory_headroom(std::size_t(64) << 20, [&] {
            try {
              (void)data::read_idx(path);
            } catch (const data::data_error&) {
              return;
            }
            std::_Exit(6);
          }) == 0);
  }
  std::filesystem::remove(gz);
  std::filesystem::remove(plain);
}

TEST_CASE("data read_idx: sizes past the cap or overflowing 64 bits are refused, not allocated") {
  const std::string p = temp_path("huge.gz");
  // 4 x 10^6 images of 28 x 28: 3.1 GB declared (the audit's case), over max_idx_bytes.
  write_gz(p, idx_bytes({4000000, 28, 28}, {1, 2, 3}));
  CHECK_THROWS_WITH_AS(data::read_idx(p), doctest::Contains("at most 512 MiB"), data::data_error);
  // 2^31 rows: a bare std::bad_alloc before.
  write_gz(p, idx_bytes({1u << 31, 1}, {}));
  CHECK_THROWS_WITH_AS(data::read_idx(p), doctest::Contains("2147483648 x 1"), data::data_error);
  // 4 x 2^31 x 2^31 = 2^64 wraps to 0 in 64-bit arithmetic: it was accepted as empty.
  write_gz(p, idx_bytes({4, 1u << 31, 1u << 31}, {}));
  CHECK_THROWS_WITH_AS(data::read_idx(p), doctest::Contains("at most 512 MiB"), data::data_error);
  // A zero dimension is a legitimately empty file.
  write_gz(p, idx_bytes({0, 28, 28}, {}));
  CHECK(data::read_idx(p).data.empty());
  std::filesystem::remove(p);
}

TEST_CASE("data read_idx: keep stores the first records and still checks the whole file") {
  const std::vector<unsigned char> pixels{0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255};
  const std::string p = temp_path("keep.gz");
  write_gz(p, idx_bytes({3, 2, 2}, pixels));
  const auto a = data::read_idx(p, 2);
  CHECK(a.dims == std::vector<std::size_t>{3, 2, 2});
  CHECK(a.data == std::vector<std::uint8_t>(pixels.begin(), pixels.begin() + 8));
  write_gz(p, idx_bytes({4, 2, 2}, pixels));  // one image short
  CHECK_THROWS_WITH_AS(data::read_idx(p, 1), doctest::Contains("truncated"), data::data_error);
  std::filesystem::remove(p);
}

TEST_CASE("data load_images: a crafted set, gzip or plain, and its first count images") {
  const std::string dir = temp_path("set");
  std::filesystem::remove_all(dir);
  write_set(dir, "train", 30);
  const auto s = data::load_images(dir, "train", 12);
  CHECK(s.x.shape(0) == 12);
  CHECK(s.x.shape(1) == 784);
  CHECK(s.labels.size() == 12);
  CHECK(int(s.labels[11]) == 1);
  CHECK(s.x(3, 5) == 8 / 255.0);  // pixel 5 of image 3 is 8
  // The same set uncompressed, as some MNIST mirrors ship it.
  std::filesystem::remove_all(dir);
  write_set(dir, "t10k", 5, 28, 28, false);
  CHECK(data::load_images(dir, "t10k", 5).labels.size() == 5);
  std::filesystem::remove_all(dir);
}

TEST_CASE("data load_images: a large set is stored in huge pages (core/memory.hpp)") {
  if (!testing::huge_pages_on_request()) {
    MESSAGE("transparent huge pages are off here: nothing to check");
    return;
  }
  // 6000 images are 37.6 MB of doubles, 9200 small pages or 17 huge ones between the ends.
  // Above 32 MB, the most glibc's malloc ever serves from its heap, so the matrix is fresh
  // memory whatever this process freed before (a reused heap block has its pages already).
  const std::string dir = temp_path("large");
  std::filesystem::remove_all(dir);
  write_set(dir, "train", 6000);
  const auto s = data::load_images(dir, "train", 6000);
  std::filesystem::remove_all(dir);
  REQUIRE(s.x.shape(0) == 6000);
  CHECK(s.x(5999, 783) == double((5999 + 783) % 256) / 255.0);
  // the middle: the advice splits the mapping, and its unaligned head keeps small pages
  const long huge_kb = testing::huge_kb_at(s.x.data() + s.x.size() / 2);
  CAPTURE(huge_kb);
  CHECK(huge_kb >= 2048);
}

TEST_CASE("data load_images: fewer images than asked for is one line with both counts") {
  // The audit's sets of 1200, 10 and 0 images for train + validation = 1500: a heap overflow
  // and two segmentation faults in figure-4.4 before.
  for (const std::uint32_t n : {1200u, 10u, 0u}) {
    CAPTURE(n);
    const std::string dir = temp_path("short");
    std::filesystem::remove_all(dir);
    write_set(dir, "train", n);
    const std::string expected = "train + validation = 1500 images, but '" + dir +
                                 "/train-images-idx3-ubyte.gz' holds " + std::to_string(n) +
                                 "; allowed: train + validation <= " + std::to_string(n);
    CHECK_THROWS_WITH_AS(data::load_images(dir, "train", 1500, 28, 28, "train + validation"),
                         doctest::Contains(expected.c_str()), data::data_error);
    std::filesystem::remove_all(dir);
  }
}

TEST_CASE("data load_images: images that do not fit the network, bad labels, missing files") {
  const std::string dir = temp_path("odd");
  std::filesystem::remove_all(dir);
  write_set(dir, "train", 40, 2, 2);  // 2 x 2 images were trained on silently before
  CHECK_THROWS_WITH_AS(data::load_images(dir, "train", 10),
                       doctest::Contains("images of 2x2 pixels; allowed: 28x28 (the network's "
                                         "784 inputs)"),
                       data::data_error);
  std::filesystem::remove_all(dir);
  write_set(dir, "train", 10, 28, 28, true, 12);
  CHECK_THROWS_WITH_AS(data::load_images(dir, "train", 10), doctest::Contains("label 12"),
                       data::data_error);
  write_gz(dir + "/train-labels-idx1-ubyte.gz", idx_bytes({9}, std::vector<unsigned char>(9)));
  CHECK_THROWS_WITH_AS(data::load_images(dir, "train", 5),
                       doctest::Contains("9 labels for 10 images"), data::data_error);
  std::filesystem::remove(dir + "/train-labels-idx1-ubyte.gz");
  CHECK_THROWS_WITH_AS(data::load_images(dir, "train", 5),
                       doctest::Contains("has no train-labels-idx1-ubyte(.gz)"), data::data_error);
  CHECK_THROWS_WITH_AS(data::load_images(dir + "/train-images-idx3-ubyte.gz", "train", 5),
                       doctest::Contains("is not a directory"), data::data_error);
  // A FIFO in place of a file: gzopen would wait for a writer forever.
  const std::string fifo = dir + "/fifo";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_THROWS_WITH_AS(data::read_idx(fifo), doctest::Contains("not a regular file"),
                       data::data_error);
  CHECK_THROWS_WITH_AS(data::load_images(dir + "/none", "train", 5),
                       doctest::Contains("does not exist; allowed: a directory with MNIST-format"),
                       data::data_error);
  // A long path is cut in the message, which stays one short line.
  const std::string long_dir = dir + "/" + std::string(3000, 'x');
  try {
    (void)data::load_images(long_dir, "train", 5);
    FAIL("no error for a missing directory");
  } catch (const data::data_error& e) {
    CHECK(std::string(e.what()).size() < 250);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("data data_directory: the parameter, else $DESCENT_DATA, else Debian's directory") {
  const char* saved = std::getenv("DESCENT_DATA");
  const std::string before = saved ? saved : "";
  unsetenv("DESCENT_DATA");
  CHECK(data::data_directory("") == data::fashion_mnist_dir);
  CHECK(data::data_directory("/some/mnist") == "/some/mnist");
  setenv("DESCENT_DATA", "/from/env", 1);
  CHECK(data::data_directory("") == "/from/env");
  CHECK(data::data_directory("/some/mnist") == "/some/mnist");
  setenv("DESCENT_DATA", "", 1);  // set but empty: as if unset
  CHECK(data::data_directory("") == data::fashion_mnist_dir);
  if (saved)
    setenv("DESCENT_DATA", before.c_str(), 1);
  else
    unsetenv("DESCENT_DATA");
}
