# Driver of the consumer tests (registered by the top-level CMakeLists.txt, label `consumer`):
# builds tests/consumer/ the way another project would use descent, then runs its program.
#
#   cmake -DMODE=find_package|subdirectory -DSOURCE_DIR=<descent source> -DBINARY_DIR=<its build>
#         -DWORK_DIR=<scratch> -DGENERATOR=<generator> -DCXX_COMPILER=<compiler>
#         [-DLAUNCHER=<compiler launcher>] [-DBUILD_TYPE=Release] [-DCXX_FLAGS=<flags>]
#         -P run.cmake
#
# CXX_FLAGS are the descent build's CMAKE_CXX_FLAGS: a sanitized library (the debug preset)
# links only into a program compiled with the same sanitizers.
#
# find_package: `cmake --install BINARY_DIR --prefix WORK_DIR/prefix` (the built library, its
# headers and package configuration, nothing else), then the consumer is configured with
# CMAKE_PREFIX_PATH=WORK_DIR/prefix. subdirectory: the consumer adds SOURCE_DIR itself.
# WORK_DIR is emptied first, so every run starts from nothing.
foreach(var MODE SOURCE_DIR BINARY_DIR WORK_DIR GENERATOR CXX_COMPILER)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run.cmake: -D${var}=... is missing")
  endif()
endforeach()
if(NOT DEFINED BUILD_TYPE)
  set(BUILD_TYPE Release)
endif()

function(step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "consumer (${MODE}): ${what} failed (${rc})\n${out}\n${err}")
  endif()
  message(STATUS "consumer (${MODE}): ${what}: ok")
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(configure_args -S ${SOURCE_DIR}/tests/consumer -B ${WORK_DIR}/build -G ${GENERATOR}
    -DCMAKE_BUILD_TYPE=${BUILD_TYPE} -DCMAKE_CXX_COMPILER=${CXX_COMPILER})
if(LAUNCHER)
  list(APPEND configure_args -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER})
endif()
if(CXX_FLAGS)
  list(APPEND configure_args "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}")
endif()

if(MODE STREQUAL "find_package")
  set(prefix ${WORK_DIR}/prefix)
  step("install into ${prefix}" ${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${prefix})
  # What a user gets: the configuration file, the headers, one archive per module.
  foreach(file lib/cmake/descent/descentConfig.cmake lib/cmake/descent/descentTargets.cmake
               include/descent/optim/quasi_newton.hpp lib/libdescent_core.a)
    if(NOT EXISTS ${prefix}/${file})
      message(FATAL_ERROR "consumer (${MODE}): the install has no ${file}")
    endif()
  endforeach()
  list(APPEND configure_args -DDESCENT_USE=find_package -DCMAKE_PREFIX_PATH=${prefix})
elseif(MODE STREQUAL "subdirectory")
  list(APPEND configure_args -DDESCENT_USE=subdirectory -DDESCENT_SOURCE_DIR=${SOURCE_DIR})
else()
  message(FATAL_ERROR "run.cmake: MODE=${MODE}; allowed: find_package, subdirectory")
endif()

step("configure" ${CMAKE_COMMAND} ${configure_args})
step("build" ${CMAKE_COMMAND} --build ${WORK_DIR}/build)
step("run" ${WORK_DIR}/build/rosenbrock_lbfgs)
message(STATUS "${step_output}")
