// Declares the two OpenBLAS functions itself instead of including <cblas.h>/<openblas_config.h>.
#include "openblas_info.hpp"

#include <cstdlib>

extern "C" char* openblas_get_corename();
extern "C" int openblas_get_num_threads();

namespace descent::bench {

std::string openblas_core() {
  const char* name = openblas_get_corename();
  return name != nullptr ? std::string(name) : std::string("unknown");
}

int openblas_threads() {
  return openblas_get_num_threads();
}

std::string openblas_summary() {
  const char* coretype = std::getenv("OPENBLAS_CORETYPE");
  return "OpenBLAS core: " + openblas_core() + ", threads: " + std::to_string(openblas_threads()) +
         ", OPENBLAS_CORETYPE=" + (coretype != nullptr ? coretype : "(unset)");
}

}  // namespace descent::bench
