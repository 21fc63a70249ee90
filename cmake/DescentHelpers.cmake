# Helpers shared by every CMakeLists.txt of descent.

# The warning set every target of the project compiles with.
function(descent_warnings target)
  # -Wno-restrict, -Wno-stringop-overflow: GCC 12 reports false positives in std::string
  # concatenation ("x" + std::to_string(k)) at -O2/-O3 (GCC bugs 105329, 105651; the second
  # appears once <string> comes from the precompiled header); the code they point at is
  # libstdc++'s, not ours.
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wno-restrict
                                           -Wno-stringop-overflow)
endfunction()
