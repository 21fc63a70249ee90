#include "descent/data/idx.hpp"

#include <zlib.h>

#include <filesystem>

namespace descent::data {

namespace {

struct GzFile {
  gzFile f;
  explicit GzFile(const std::string& path) : f(gzopen(path.c_str(), "rb")) {}
  ~GzFile() {
    if (f) gzclose(f);
  }
  GzFile(const GzFile&) = delete;
  GzFile& operator=(const GzFile&) = delete;
  // Reads up to n bytes; returns how many, or throws on a zlib error (a corrupt gzip stream).
  std::size_t read(void* out, std::size_t n, const std::string& path) {
    std::size_t got = 0;
    while (got < n) {
      const unsigned chunk = unsigned(std::min<std::size_t>(n - got, 1u << 30));
      const int r = gzread(f, static_cast<char*>(out) + got, chunk);
      if (r < 0) {
        int code = 0;
        const char* msg = gzerror(f, &code);
        throw data_error(path + ": corrupt gzip stream (" + msg + ")");
      }
      if (r == 0) break;
      got += std::size_t(r);
    }
    return got;
  }
};

}  // namespace

IdxArray read_idx(const std::string& path) {
  if (!std::filesystem::exists(path)) throw data_error(path + ": no such file");
  GzFile file(path);
  if (!file.f) throw data_error(path + ": cannot open");
  unsigned char magic[4];
  if (file.read(magic, 4, path) != 4)
    throw data_error(path + ": corrupt IDX file (shorter than its 4-byte magic number)");
  if (magic[0] != 0 || magic[1] != 0)
    throw data_error(path + ": not an IDX file (magic number must start with two zero bytes)");
  if (magic[2] != 0x08)
    throw data_error(path + ": IDX type 0x" + std::to_string(int(magic[2])) +
                     " is not supported; allowed: 0x08 (unsigned byte)");
  const int ndims = magic[3];
  if (ndims < 1 || ndims > 4)
    throw data_error(path + ": corrupt IDX file (" + std::to_string(ndims) +
                     " dimensions; allowed: 1 to 4)");
  IdxArray a;
  std::size_t total = 1;
  for (int k = 0; k < ndims; ++k) {
    unsigned char b[4];
    if (file.read(b, 4, path) != 4)
      throw data_error(path + ": corrupt IDX file (header ends inside the dimensions)");
    const std::size_t dim = (std::size_t(b[0]) << 24) | (std::size_t(b[1]) << 16) |
                            (std::size_t(b[2]) << 8) | std::size_t(b[3]);
    a.dims.push_back(dim);
    total *= dim;
  }
  a.data.resize(total);
  const std::size_t got = file.read(a.data.data(), total, path);
  if (got != total)
    throw data_error(path + ": corrupt IDX file (truncated: the header announces " +
                     std::to_string(total) + " data bytes, the file has " + std::to_string(got) +
                     ")");
  unsigned char extra;
  if (file.read(&extra, 1, path) != 0)
    throw data_error(path + ": corrupt IDX file (data continues past the announced size)");
  return a;
}

LabelledImages load_fashion_mnist(const std::string& split, std::size_t limit,
                                  const std::string& dir) {
  if (split != "train" && split != "t10k")
    throw data_error("Fashion-MNIST split '" + split + "' is unknown; allowed: train, t10k");
  if (!std::filesystem::is_directory(dir))
    throw data_error("Fashion-MNIST not found: " + dir +
                     " does not exist; install the Debian package dataset-fashion-mnist "
                     "(apt-get install dataset-fashion-mnist)");
  const std::string images_path = dir + "/" + split + "-images-idx3-ubyte.gz";
  const std::string labels_path = dir + "/" + split + "-labels-idx1-ubyte.gz";
  for (const auto& p : {images_path, labels_path})
    if (!std::filesystem::exists(p))
      throw data_error("Fashion-MNIST file missing: " + p +
                       "; reinstall the Debian package dataset-fashion-mnist");
  const IdxArray images = read_idx(images_path);
  const IdxArray labels = read_idx(labels_path);
  if (images.dims.size() != 3 || labels.dims.size() != 1 || images.dims[0] != labels.dims[0])
    throw data_error(images_path + ", " + labels_path +
                     ": corrupt (expected n images of rows × cols and n labels)");
  const std::size_t n = limit == 0 ? images.dims[0] : std::min(limit, images.dims[0]);
  const std::size_t pixels = images.dims[1] * images.dims[2];
  LabelledImages out{matrix({n, pixels}), {}};
  for (std::size_t i = 0; i < n * pixels; ++i) out.x.flat(i) = images.data[i] / 255.0;
  out.labels.assign(labels.data.begin(), labels.data.begin() + std::ptrdiff_t(n));
  for (auto l : out.labels)
    if (l > 9) throw data_error(labels_path + ": corrupt (label " + std::to_string(l) + " > 9)");
  return out;
}

}  // namespace descent::data
