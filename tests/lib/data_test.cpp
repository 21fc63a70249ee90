// Unit tests of the data module: preprocessing and whitening on the catalogue's matrix D0
// (Aggarwal §3.3.2, catalogue A21/A22, computed with numpy), and the IDX reader on small files
// this test writes itself, on corrupt files, and on Debian's Fashion-MNIST when installed.

#include <doctest/doctest.h>
#include <zlib.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>
#include <xtensor/xmanipulation.hpp>

#include "descent/core/linalg.hpp"
#include "descent/data/idx.hpp"
#include "descent/data/preprocess.hpp"

using namespace descent;

namespace {

const matrix D0{{2, 0, 1}, {0, 1, 3}, {4, 2, 2}, {1, 3, 0}, {3, 1, 4}, {2, 5, 2}};

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("descent_idx_" + name)).string();
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
