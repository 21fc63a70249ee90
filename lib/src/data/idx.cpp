#include "descent/data/idx.hpp"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include "descent/core/memory.hpp"

namespace descent::data {

namespace fs = std::filesystem;

namespace {

// Reads in pieces of this size: a header that lies about the size costs at most one piece
// (plus what the file really holds) before the lie is found.
constexpr std::size_t kChunk = std::size_t(1) << 20;

// A path as an error message shows it: quoted, control characters escaped, cut after 60
// characters so that the message stays one short line.
std::string shown(const std::string& path) {
  std::string r = "'";
  std::size_t n = 0;
  for (const char ch : path) {
    if (n++ == 60) return r + "...'";
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
      r += buffer;
    } else {
      r += ch;
    }
  }
  return r + "'";
}

// What a directory of IDX files must hold, for the "allowed:" part of the messages.
constexpr const char* kAllowedDirectory =
    "a directory with MNIST-format IDX files (apt-get install dataset-fashion-mnist, or MNIST's "
    "own)";

// One IDX file, opened and its header read; the data is read by read_records.
class IdxReader {
 public:
  explicit IdxReader(const std::string& path) : path_(path) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status)) throw data_error(shown(path) + ": no such file");
    if (fs::is_directory(status)) throw data_error(shown(path) + ": a directory, not an IDX file");
    // (a FIFO or a device would block or never end)
    if (!fs::is_regular_file(status))
      throw data_error(shown(path) + ": not a regular file; allowed: an IDX file");
    errno = 0;
    file_.reset(gzopen(path.c_str(), "rb"));
    if (!file_)
      throw data_error(shown(path) + ": cannot open (" +
                       (errno ? std::strerror(errno) : "out of memory") + ")");
    read_header();
  }
  [[nodiscard]] const std::vector<std::size_t>& dims() const { return dims_; }
  [[nodiscard]] const std::string& path() const { return path_; }

  // Reads the data, keeps the first `keep` records and checks that the file holds exactly
  // the declared size: the rest is read through a small buffer, never stored.
  std::vector<std::uint8_t> read_records(std::size_t keep) {
    const std::size_t records = dims_[0];
    const std::size_t kept = std::min(keep, records) * record_bytes_;
    std::vector<std::uint8_t> data;
    // A plain file's size was checked against the header: its data can be taken at once.
    // A gzip stream's length shows only as it is read: the buffer grows with what arrives.
    if (plain_) data.reserve(kept);
    std::size_t got = 0;
    while (got < kept) {
      const std::size_t n = std::min(kChunk, kept - got);
      data.resize(got + n);
      const std::size_t r = read(data.data() + got, n);
      got += r;
      if (r < n) truncated(got);
    }
    std::vector<std::uint8_t> buffer(std::min(kChunk, total_ - kept));
    while (got < total_) {
      const std::size_t n = std::min(buffer.size(), total_ - got);
      const std::size_t r = read(buffer.data(), n);
      got += r;
      if (r < n) truncated(got);
    }
    unsigned char extra;
    if (read(&extra, 1) != 0)
      throw data_error(shown(path_) +
                       ": corrupt IDX file (data continues past the announced size of " +
                       std::to_string(total_) + " bytes)");
    return data;
  }

 private:
  // Reads up to n bytes; returns how many, or throws on a zlib error (a corrupt gzip stream).
  std::size_t read(void* out, std::size_t n) {
    std::size_t got = 0;
    while (got < n) {
      const auto piece = unsigned(std::min<std::size_t>(n - got, 1u << 30));
      const int r = gzread(file_.get(), static_cast<char*>(out) + got, piece);
      if (r < 0) {
        int code = 0;
        const char* message = gzerror(file_.get(), &code);
        throw data_error(shown(path_) + ": corrupt gzip stream (" + message + ")");
      }
      if (r == 0) break;
      got += std::size_t(r);
    }
    return got;
  }

  [[noreturn]] void truncated(std::size_t got) const {
    throw data_error(shown(path_) + ": corrupt IDX file (truncated: the header announces " +
                     std::to_string(total_) + " data bytes, the file has " + std::to_string(got) +
                     ")");
  }

  void read_header() {
    unsigned char magic[4];
    if (read(magic, 4) != 4)
      throw data_error(shown(path_) + ": corrupt IDX file (shorter than its 4-byte magic number)");
    if (magic[0] != 0 || magic[1] != 0)
      throw data_error(shown(path_) +
                       ": not an IDX file (magic number must start with two zero bytes)");
    if (magic[2] != 0x08)
      throw data_error(shown(path_) + ": IDX type 0x" + std::to_string(int(magic[2])) +
                       " is not supported; allowed: 0x08 (unsigned byte)");
    const int ndims = magic[3];
    if (ndims < 1 || ndims > 4)
      throw data_error(shown(path_) + ": corrupt IDX file (" + std::to_string(ndims) +
                       " dimensions; allowed: 1 to 4)");
    std::string declared;
    bool too_large = false;
    record_bytes_ = 1;
    for (int k = 0; k < ndims; ++k) {
      unsigned char b[4];
      if (read(b, 4) != 4)
        throw data_error(shown(path_) + ": corrupt IDX file (header ends inside the dimensions)");
      const std::size_t dim = (std::size_t(b[0]) << 24) | (std::size_t(b[1]) << 16) |
                              (std::size_t(b[2]) << 8) | std::size_t(b[3]);
      dims_.push_back(dim);
      declared += (k ? " x " : "") + std::to_string(dim);
      // Each factor is below 2^32 and the product is kept below max_idx_bytes: no overflow.
      if (k > 0) {
        if (dim != 0 && record_bytes_ > max_idx_bytes / dim) too_large = true;
        if (!too_large) record_bytes_ *= dim;
      }
    }
    if (!too_large && dims_[0] != 0 && record_bytes_ > max_idx_bytes / dims_[0]) too_large = true;
    if (too_large)
      throw data_error(shown(path_) + ": the header declares " + declared +
                       " bytes of data; allowed: at most " + std::to_string(max_idx_bytes >> 20) +
                       " MiB");
    total_ = dims_[0] * record_bytes_;
    // gzdirect is meaningful once something was read: 1 for a plain (not gzip) file, whose
    // size can then be compared with the header before any data is read.
    plain_ = gzdirect(file_.get()) == 1;
    if (plain_) {
      std::error_code ec;
      const auto size = fs::file_size(path_, ec);
      const std::size_t header = 4 + 4 * dims_.size();
      if (!ec && size < header + total_) truncated(size - header);
      if (!ec && size > header + total_)
        throw data_error(shown(path_) +
                         ": corrupt IDX file (data continues past the announced size of " +
                         std::to_string(total_) + " bytes)");
    }
  }

  struct Close {
    void operator()(gzFile f) const { gzclose(f); }
  };
  std::string path_;
  std::unique_ptr<gzFile_s, Close> file_;  // closed also when the constructor throws
  std::vector<std::size_t> dims_;
  std::size_t record_bytes_ = 1;  ///< bytes of one record (product of dims after the first)
  std::size_t total_ = 0;         ///< data bytes declared
  bool plain_ = false;
};

// `dir/name.gz` or `dir/name`, whichever exists (the gzip file first).
std::string find_file(const std::string& dir, const std::string& name) {
  for (const char* suffix : {".gz", ""}) {
    const std::string path = dir + "/" + name + suffix;
    std::error_code ec;
    if (fs::exists(path, ec)) return path;
  }
  throw data_error("data directory " + shown(dir) + " has no " + name +
                   "(.gz); allowed: " + kAllowedDirectory);
}

void check_directory(const std::string& dir, const std::string& split) {
  if (split != "train" && split != "t10k")
    throw data_error("split '" + split + "' is unknown; allowed: train, t10k");
  std::error_code ec;
  const auto status = fs::status(dir, ec);
  if (!fs::exists(status))
    throw data_error("data directory " + shown(dir) +
                     " does not exist; allowed: " + kAllowedDirectory);
  if (!fs::is_directory(status))
    throw data_error("data directory " + shown(dir) +
                     " is not a directory; allowed: " + kAllowedDirectory);
}

// The first n examples of both files, each image rows × cols pixels (0: as the file says).
LabelledImages load(const std::string& dir, const std::string& split, std::size_t count,
                    bool at_most, std::size_t rows, std::size_t cols,
                    const std::string& count_name) {
  check_directory(dir, split);
  IdxReader images(find_file(dir, split + "-images-idx3-ubyte"));
  IdxReader labels(find_file(dir, split + "-labels-idx1-ubyte"));
  const auto& shape = images.dims();
  if (shape.size() != 3)
    throw data_error(shown(images.path()) + ": " + std::to_string(shape.size()) +
                     " dimensions; allowed: 3 (images x rows x cols)");
  if (labels.dims().size() != 1 || labels.dims()[0] != shape[0])
    throw data_error(shown(labels.path()) + ": corrupt (" +
                     std::to_string(labels.dims().size() == 1 ? labels.dims()[0] : 0) +
                     " labels for " + std::to_string(shape[0]) + " images; allowed: one each)");
  if (rows != 0 && (shape[1] != rows || shape[2] != cols))
    throw data_error(shown(images.path()) + ": images of " + std::to_string(shape[1]) + "x" +
                     std::to_string(shape[2]) + " pixels; allowed: " + std::to_string(rows) + "x" +
                     std::to_string(cols) + " (the network's " + std::to_string(rows * cols) +
                     " inputs)");
  const std::size_t available = shape[0];
  if (count > available && !at_most)
    throw data_error(count_name + " = " + std::to_string(count) + " images, but " +
                     shown(images.path()) + " holds " + std::to_string(available) +
                     "; allowed: " + count_name + " <= " + std::to_string(available));
  const std::size_t n = std::min(count, available);
  const auto pixels_data = images.read_records(n);
  const auto label_data = labels.read_records(n);
  const std::size_t pixels = shape[1] * shape[2];
  LabelledImages out{matrix::from_shape({n, pixels}), {}};
  // Before the first write: the 60 000 training images are 92 000 small pages or 180 huge
  // ones, faulted in and, on some VMs, read again after a pause, a page at a time
  // (core/memory.hpp).
  advise_huge_pages(out.x.data(), out.x.size());
  for (std::size_t i = 0; i < n * pixels; ++i) out.x.flat(i) = pixels_data[i] / 255.0;
  out.labels = label_data;
  for (const auto l : out.labels)
    if (l > 9)
      throw data_error(shown(labels.path()) + ": corrupt (label " + std::to_string(l) +
                       "; allowed: 0 to 9)");
  return out;
}

}  // namespace

IdxArray read_idx(const std::string& path, std::size_t keep) {
  IdxReader reader(path);
  IdxArray a;
  a.dims = reader.dims();
  a.data = reader.read_records(keep);
  return a;
}

std::string data_directory(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv(data_environment_variable); env != nullptr && *env != '\0')
    return env;
  return fashion_mnist_dir;
}

LabelledImages load_images(const std::string& dir, const std::string& split, std::size_t count,
                           std::size_t rows, std::size_t cols, const std::string& count_name) {
  return load(dir, split, count, false, rows, cols, count_name);
}

LabelledImages load_fashion_mnist(const std::string& split, std::size_t limit,
                                  const std::string& dir) {
  return load(dir, split, limit == 0 ? SIZE_MAX : limit, true, 0, 0, "count");
}

}  // namespace descent::data
