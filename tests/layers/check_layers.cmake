# The layering of lib/ (lib/CMakeLists.txt): a module includes headers of the modules it may use
cmake_policy(SET CMP0057 NEW)  # if(... IN_LIST ...)
# and its own, never one above it. Run as
#   cmake -DSOURCE_DIR=<repo> -DMODULES=core,autodiff,... -DUSES_<m>=core,... -P check_layers.cmake
# (lists separated by commas) and fails, naming the file and the include, on every include
# that points upward.
set(failures 0)
string(REPLACE "," ";" MODULES "${MODULES}")
foreach(module IN LISTS MODULES)
  string(REPLACE "," ";" uses "${USES_${module}}")
  set(allowed ${module} ${uses})
  file(GLOB_RECURSE files ${SOURCE_DIR}/lib/include/descent/${module}/*.hpp
                          ${SOURCE_DIR}/lib/src/${module}/*.cpp ${SOURCE_DIR}/lib/src/${module}/*.hpp)
  foreach(file IN LISTS files)
    file(STRINGS ${file} includes REGEX "^#include \"descent/[a-z_]+/")
    foreach(line IN LISTS includes)
      string(REGEX REPLACE "^#include \"descent/([a-z_]+)/.*" "\\1" used "${line}")
      if(NOT used IN_LIST allowed)
        file(RELATIVE_PATH shown ${SOURCE_DIR} ${file})
        message(SEND_ERROR "${shown}: module ${module} includes descent/${used}/, which it may not use (allowed: ${allowed})")
        math(EXPR failures "${failures} + 1")
      endif()
    endforeach()
  endforeach()
endforeach()
if(failures EQUAL 0)
  list(LENGTH MODULES n)
  message(STATUS "layers: every include of the ${n} modules points down or sideways within its module")
endif()
