#pragma once
/// \file
/// The IDX file format of MNIST and Fashion-MNIST (big-endian magic 0x00 0x00 type ndims,
/// then ndims big-endian 32-bit sizes, then the data), read through zlib so that gzip files
/// and plain files are both accepted. Debian's `dataset-fashion-mnist` installs the four files
/// in /usr/share/datasets/fashion-mnist/ (MNIST itself is not packaged).

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "descent/core/tensor.hpp"

namespace descent::data {

/// A data file is missing or corrupt; the message names the file and what to do.
class data_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An IDX array of unsigned bytes (type 0x08, the only one the MNIST files use).
struct IdxArray {
  std::vector<std::size_t> dims;
  std::vector<std::uint8_t> data;
};

/// Reads one IDX file (gzip or plain). Throws data_error if it cannot be opened, if the magic
/// number is wrong, the type is not unsigned byte, or the file is shorter or longer than its
/// header says.
[[nodiscard]] IdxArray read_idx(const std::string& path);

/// Where Debian puts Fashion-MNIST.
inline constexpr const char* fashion_mnist_dir = "/usr/share/datasets/fashion-mnist";

struct LabelledImages {
  matrix x;                          ///< n × 784, pixels scaled to [0, 1]
  std::vector<std::uint8_t> labels;  ///< n labels in 0..9
};

/// The first `limit` examples (0 = all) of the "train" or "t10k" split. Throws data_error
/// naming the Debian package when the directory or a file is missing.
[[nodiscard]] LabelledImages load_fashion_mnist(const std::string& split, std::size_t limit = 0,
                                                const std::string& dir = fashion_mnist_dir);

}  // namespace descent::data
