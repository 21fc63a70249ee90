# Helpers shared by every CMakeLists.txt of descent.

# The warning set every target of the project compiles with.
function(descent_warnings target)
  # -Wno-restrict: GCC 12 reports false positives in std::string concatenation at -O2/-O3
  # (GCC bug 105329); the code it points at is libstdc++'s, not ours.
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wno-restrict)
endfunction()
