#pragma once
/// \file
/// The IDX file format of MNIST and Fashion-MNIST (big-endian magic 0x00 0x00 type ndims,
/// then ndims big-endian 32-bit sizes, then the data), read through zlib so that gzip files
/// and plain files are both accepted. Debian's `dataset-fashion-mnist` installs the four files
/// in /usr/share/datasets/fashion-mnist/ (MNIST itself is not packaged); the original MNIST
/// files have the same names and format, so any directory holding either set can be read.
///
/// The reader trusts no header: the size it declares is checked against the file (plain) or
/// against the stream as it is decompressed (gzip), in chunks, before that much memory is
/// taken, and a file that declares more than max_idx_bytes is refused outright.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"

namespace descent::data {

/// A data directory or file is missing, unreadable or corrupt, or holds fewer examples than
/// asked for. Like every descent::invalid_argument, the message is one line naming the file
/// and what is allowed: the user fixes it by choosing another directory or smaller counts.
class data_error : public descent::invalid_argument {
 public:
  using descent::invalid_argument::invalid_argument;
};

/// The most data bytes an IDX file may declare (512 MiB; MNIST's training images are 47 MB).
inline constexpr std::size_t max_idx_bytes = std::size_t(512) << 20;

/// An IDX array of unsigned bytes (type 0x08, the only one the MNIST files use).
struct IdxArray {
  std::vector<std::size_t> dims;   ///< as the header declares them
  std::vector<std::uint8_t> data;  ///< the first `keep` records (all by default), row-major
};

/// Reads one IDX file (gzip or plain) and keeps its first `keep` records (the records are
/// the slices along the first dimension: images, labels); the rest is read and checked but
/// not stored. Throws data_error if the file cannot be opened, if the magic number is wrong,
/// the type is not unsigned byte, the declared size overflows or exceeds max_idx_bytes, or
/// the file is shorter or longer than its header says.
[[nodiscard]] IdxArray read_idx(const std::string& path, std::size_t keep = SIZE_MAX);

/// Where Debian puts Fashion-MNIST.
inline constexpr const char* fashion_mnist_dir = "/usr/share/datasets/fashion-mnist";

/// The environment variable naming the data directory when no directory is given.
inline constexpr const char* data_environment_variable = "DESCENT_DATA";

/// The directory to read a data set from: `given` if it is not empty, else the value of
/// $DESCENT_DATA if that is set and not empty, else Debian's fashion_mnist_dir.
[[nodiscard]] std::string data_directory(const std::string& given = "");

/// A labelled image set (Fashion-MNIST): one flattened image per row of x and its label.
struct LabelledImages {
  matrix x;                          ///< n × (rows · cols), pixels scaled to [0, 1]
  std::vector<std::uint8_t> labels;  ///< n labels in 0..9
};

/// The first `count` examples of the "train" or "t10k" split in `dir`, from the files
/// `<split>-images-idx3-ubyte` and `<split>-labels-idx1-ubyte`, each gzip (`.gz`, tried
/// first) or plain: MNIST's and Fashion-MNIST's names. Throws data_error, in one line,
/// when the directory or a file is missing or unreadable, a file is corrupt, the images are
/// not rows × cols pixels, the labels are not in 0..9 or not one per image, or the files hold
/// fewer than `count` examples; `count_name` is how that message names the count (e.g.
/// "train + validation"). Memory: only the `count` examples kept, plus a read buffer.
[[nodiscard]] LabelledImages load_images(const std::string& dir, const std::string& split,
                                         std::size_t count, std::size_t rows = 28,
                                         std::size_t cols = 28,
                                         const std::string& count_name = "count");

/// The first `limit` examples (0 = all; more than there are = all) of the "train" or "t10k"
/// split of the directory `dir` (Debian's Fashion-MNIST by default), whatever the image size.
/// Throws data_error naming the Debian package when the directory or a file is missing.
[[nodiscard]] LabelledImages load_fashion_mnist(const std::string& split, std::size_t limit = 0,
                                                const std::string& dir = fashion_mnist_dir);

}  // namespace descent::data
