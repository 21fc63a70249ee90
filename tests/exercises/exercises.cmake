# Exercise mechanics (docs/pages/design.md, exercises). For each exercise <chapter>/<name> of
# manifest.txt:
#   - the stub      chapters/<chapter>/exercises/<name>.hpp  (throws descent::not_implemented)
#   - the solution  solutions/<chapter>/<name>.hpp           (same signatures)
#   - given code both use, if any: chapters/<chapter>/exercises/given/ (a forward pass, a figure)
#   - one test file tests/exercises/<chapter>/<name>_test.cpp, compiled against each; the
#     include path decides which header `#include "<name>.hpp"` finds.
#
# Against the stubs: ONE EXECUTABLE PER EXERCISE, exercises/exercise_<chapter>_<name> in the
# build tree, what a student builds and runs (scripts/exercises check NAME). A stub that does
# not compile breaks only its own executable, and an edit recompiles one small translation unit:
# the test file, which includes doctest, the stub and exercise_fixtures.hpp (no JSON parser:
# the fixtures are read by the compiled support library), with a small precompiled header
# (support/exercise_pch.hpp), at -O0, linked with the doctest main compiled once and only the
# modules of descent the manifest names. ctest runs every case of every stub and expects it to
# FAIL (label exercise-audit): a test case that passes on a stub tests nothing.
#
# Against the solutions: one executable, exercise_solutions, all test files as one translation
# unit (unity build: about a second per exercise saved on a clean build). ctest runs every case
# and expects it to pass (label exercise-solutions). Consequences for whoever adds an exercise:
#   - the helpers of a test file share one scope with the other test files: keep them in a
#     namespace named after the exercise;
#   - exercise header names are unique across chapters.
#
# Tests are named exercise:<chapter>/<name>:<case> and audit:<chapter>/<name>:<case>; ctest
# lists the cases of an executable when it is newer than the last listing (not after every
# build: a student's edit-and-check loop does not pay for it).

set(exercise_dir ${CMAKE_CURRENT_SOURCE_DIR}/exercises)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${exercise_dir}/manifest.txt)
file(STRINGS ${exercise_dir}/manifest.txt manifest_lines ENCODING UTF-8)
set(DESCENT_EXERCISES "")
foreach(line IN LISTS manifest_lines)
  if(line MATCHES "^#" OR line MATCHES "^[ \t]*$")
    continue()
  endif()
  if(NOT line MATCHES "^([a-z0-9]+)/([a-z0-9_]+) *\\| *([a-z -]+) *\\|")
    message(FATAL_ERROR "tests/exercises/manifest.txt: cannot read the line\n  ${line}\n"
                        "allowed: chapter/name | modules | source | what it asks")
  endif()
  set(chapter ${CMAKE_MATCH_1})
  set(name ${CMAKE_MATCH_2})
  string(STRIP "${CMAKE_MATCH_3}" modules)
  if(modules STREQUAL "-")
    set(modules "")
  endif()
  separate_arguments(modules)
  list(APPEND DESCENT_EXERCISES ${chapter}/${name})
  set(exercise_modules_${chapter}_${name} ${modules})
endforeach()

# What every exercise test links: main() (doctest's, printing 16 digits), the fixture reader
# (with the JSON parser) and the random instances of support/random_matrices.hpp ...
add_library(descent_exercise_support STATIC ${exercise_dir}/support/exercise_fixtures.cpp
                                            ${exercise_dir}/support/exercise_main.cpp
                                            ${exercise_dir}/support/random_matrices.cpp)
target_include_directories(descent_exercise_support PUBLIC ${exercise_dir}/support)
target_link_libraries(descent_exercise_support PUBLIC descent_core
                      PRIVATE nlohmann_json::nlohmann_json doctest::doctest)
target_compile_definitions(descent_exercise_support PRIVATE
  DESCENT_FIXTURES_DIR="${DESCENT_FIXTURES_DIR}"
  DESCENT_EXERCISE_OUTPUT_DIR="${CMAKE_BINARY_DIR}/exercises/output")
target_compile_options(descent_exercise_support PRIVATE -O0)
descent_warnings(descent_exercise_support)
# ... and, for the exercises that draw (module report in the manifest), the figure writer.
add_library(descent_exercise_figures STATIC ${exercise_dir}/support/exercise_figures.cpp)
target_link_libraries(descent_exercise_figures PUBLIC descent_exercise_support descent_report)
target_compile_options(descent_exercise_figures PRIVATE -O0)
descent_warnings(descent_exercise_figures)
# ... and the precompiled header every exercise test reuses (same flags: it links descent_core).
add_library(descent_exercise_pch OBJECT ${exercise_dir}/support/exercise_pch.cpp)
target_link_libraries(descent_exercise_pch PRIVATE descent_core doctest::doctest)
target_compile_options(descent_exercise_pch PRIVATE -O0)
target_precompile_headers(descent_exercise_pch PRIVATE ${exercise_dir}/support/exercise_pch.hpp)
descent_warnings(descent_exercise_pch)

function(descent_exercise_test_target target)
  target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/support)
  target_link_libraries(${target} PRIVATE descent_core descent_exercise_support doctest::doctest)
  target_compile_options(${target} PRIVATE -O0)
  target_precompile_headers(${target} REUSE_FROM descent_exercise_pch)
  descent_warnings(${target})
endfunction()

# ctest's tests of an executable: one per (exercise, test case), listed from the executable
# when ctest starts and the executable is newer than the last listing.
function(descent_exercise_ctest executable prefix label will_fail exercises)
  string(MAKE_C_IDENTIFIER "${prefix}_${executable}" id)
  set(listing ${CMAKE_CURRENT_BINARY_DIR}/${id}_tests.cmake)
  set(include_file ${CMAKE_CURRENT_BINARY_DIR}/${id}_include.cmake)
  file(WRITE ${include_file}
    "if(NOT EXISTS \"${executable}\")\n"
    "  add_test(${id}_NOT_BUILT ${id}_NOT_BUILT)\n"
    "else()\n"
    "  if(NOT EXISTS \"${listing}\" OR \"${executable}\" IS_NEWER_THAN \"${listing}\")\n"
    "    execute_process(COMMAND \"${CMAKE_COMMAND}\" -D \"EXECUTABLE=${executable}\"\n"
    "      \"-D EXERCISES=${exercises}\" -D PREFIX=${prefix} -D LABEL=${label}\n"
    "      -D WILL_FAIL=${will_fail} -D \"WORKING_DIR=${CMAKE_CURRENT_BINARY_DIR}\"\n"
    "      -D \"OUTPUT=${listing}\" -P \"${exercise_dir}/discover_exercise_tests.cmake\"\n"
    "      RESULT_VARIABLE status)\n"
    "    if(NOT status EQUAL 0)\n"
    "      add_test(${id}_NOT_LISTED ${id}_NOT_LISTED)\n"
    "      return()\n"
    "    endif()\n"
    "  endif()\n"
    "  include(\"${listing}\")\n"
    "endif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${include_file})
endfunction()

# The stubs: one executable per exercise, and the student's run target exercise-<chapter>-<name>.
set(exercise_tests "")
foreach(exercise IN LISTS DESCENT_EXERCISES)
  string(REGEX MATCH "^[^/]+" chapter ${exercise})
  string(REGEX MATCH "[^/]+$" name ${exercise})
  set(test_file ${exercise_dir}/${exercise}_test.cpp)
  list(APPEND exercise_tests ${test_file})
  set(target exercise_${chapter}_${name})
  add_executable(${target} ${test_file})
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/chapters/${chapter}/exercises
                                               ${PROJECT_SOURCE_DIR}/chapters/${chapter}/exercises/given)
  foreach(module IN LISTS exercise_modules_${chapter}_${name})
    target_link_libraries(${target} PRIVATE descent_${module})
  endforeach()
  if(report IN_LIST exercise_modules_${chapter}_${name})
    target_link_libraries(${target} PRIVATE descent_exercise_figures)
  endif()
  descent_exercise_test_target(${target})
  set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/exercises)
  descent_exercise_ctest(${CMAKE_BINARY_DIR}/exercises/${target} audit exercise-audit TRUE
                         ${exercise})
  add_custom_target(exercise-${chapter}-${name}
    COMMAND ${target}
    DEPENDS ${target}
    COMMENT "Testing your ${exercise} (chapters/${chapter}/exercises/${name}.hpp)"
    USES_TERMINAL)
endforeach()

# The solutions: one executable, one translation unit.
add_executable(exercise_solutions ${exercise_tests})
foreach(exercise IN LISTS DESCENT_EXERCISES)
  string(REGEX MATCH "^[^/]+" chapter ${exercise})
  target_include_directories(exercise_solutions PRIVATE ${PROJECT_SOURCE_DIR}/solutions/${chapter}
                                                   ${PROJECT_SOURCE_DIR}/chapters/${chapter}/exercises/given)
endforeach()
target_link_libraries(exercise_solutions PRIVATE descent descent_exercise_figures)
descent_exercise_test_target(exercise_solutions)
set_target_properties(exercise_solutions PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 0)
descent_exercise_ctest(${CMAKE_CURRENT_BINARY_DIR}/exercise_solutions exercise exercise-solutions FALSE
                       "${DESCENT_EXERCISES}")

# The runner's contract and the exercises page's list (label exercises). It runs ninja in this
# build tree (check builds the exercise first), so it runs alone: no other test's build (the
# docs) may run ninja here at the same time.
add_test(NAME exercises/runner
         COMMAND ${exercise_dir}/check_runner.sh ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR})
set_tests_properties(exercises/runner PROPERTIES LABELS exercises TIMEOUT 300 RUN_SERIAL TRUE)
