# Helpers shared by every CMakeLists.txt of descent.

# The warning set every target of the project compiles with.
function(descent_warnings target)
  # -Wno-restrict, -Wno-stringop-overflow, -Wno-array-bounds: GCC 12 reports false positives
  # in std::string concatenation ("x" + std::to_string(k)) at -O2/-O3 (GCC bugs 105329,
  # 105651; the latter two appear once <string> comes from the precompiled header); the code
  # they point at is libstdc++'s, not ours. Real out-of-bounds accesses are what the debug
  # preset's AddressSanitizer catches.
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wno-restrict
                                           -Wno-stringop-overflow -Wno-array-bounds)
endfunction()
