# Exercise mechanics (DESIGN.md §6). For each exercise <chapter>/<name>:
#   - the stub      chapters/<chapter>/exercises/<name>.hpp  (throws descent::not_implemented)
#   - the solution  solutions/<chapter>/<name>.hpp           (same signatures)
#   - one test file tests/exercises/<chapter>/<name>_test.cpp, compiled against each; the
#     include path decides which header `#include "<name>.hpp"` finds.
# ctest runs every test case against the solution (label exercise-solutions; must pass)
# and against the shipped stub (label exercise-audit; must FAIL: a test case that passes
# on a stub tests nothing). A student who fills in a stub runs
#   cmake --build build --target exercise-<chapter>-<name>
# which builds the tests against the stubs and runs that exercise's cases.
#
# Build cost (README, Development): every exercise test is small, and what a test translation
# unit costs is mostly fixed (loading the precompiled header, instantiating the JSON and
# xtensor templates it uses: about 3 s each, 48 of them). So all test files of one variant
# are compiled as ONE translation unit into ONE executable, `exercise_stubs` and
# `exercise_solutions` (about 6 s each). Consequences for whoever adds an exercise:
#   - helper names in the test files share one scope: give them names of their own
#     (fixtures.hpp already has to_vector/to_matrix; do not redefine them);
#   - exercise header names are unique across chapters (the include path holds every
#     chapter's directory of the variant);
#   - ctest tells the exercises apart by source file (doctest's --source-file filter), so the
#     test names stay exercise:<chapter>/<name>:<case> and audit:<chapter>/<name>:<case>.
set(DESCENT_EXERCISES "")
macro(descent_exercise chapter name)
  list(APPEND DESCENT_EXERCISES ${chapter}/${name})
endmacro()

descent_exercise(medl04 newton_step)
descent_exercise(medl04 tangent_rules)
descent_exercise(medl04 backward_sweep)
descent_exercise(medl04 vjp_from_jvp)
descent_exercise(notes02 adjoints_2_11)
descent_exercise(medl04 backtracking_armijo)
descent_exercise(medl04 strong_wolfe_zoom)
descent_exercise(medl04 cg_iteration)
descent_exercise(medl04 bfgs_update)
descent_exercise(medl04 lbfgs_two_loop)
descent_exercise(aggarwal03 backprop_exercises)
descent_exercise(aggarwal03 batch_norm_backward)
descent_exercise(aggarwal03 softmax_cross_entropy)
descent_exercise(aggarwal03 layer_backward)
descent_exercise(aggarwal03 gradient_checker)
descent_exercise(aggarwal03 nonlinear_cg_beta)
descent_exercise(medl04 momentum_update)
descent_exercise(medl04 nesterov_update)
descent_exercise(medl04 adagrad_update)
descent_exercise(medl04 rmsprop_update)
descent_exercise(medl04 adadelta_update)
descent_exercise(medl04 adam_update)
descent_exercise(medl04 nadam_update)
descent_exercise(medl04 adamax_update)

set(exercise_tests "")
set(exercise_chapters "")
foreach(exercise IN LISTS DESCENT_EXERCISES)
  list(APPEND exercise_tests ${CMAKE_CURRENT_SOURCE_DIR}/exercises/${exercise}_test.cpp)
  string(REGEX REPLACE "/.*" "" chapter ${exercise})
  list(APPEND exercise_chapters ${chapter})
endforeach()
list(REMOVE_DUPLICATES exercise_chapters)

foreach(variant stubs solutions)
  set(target exercise_${variant})
  add_executable(${target} ${exercise_tests} $<TARGET_OBJECTS:descent_test_main>)
  foreach(chapter IN LISTS exercise_chapters)
    if(variant STREQUAL "stubs")
      target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/chapters/${chapter}/exercises)
    else()
      target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/solutions/${chapter})
    endif()
  endforeach()
  target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/support)
  target_link_libraries(${target} PRIVATE descent doctest::doctest nlohmann_json::nlohmann_json)
  target_compile_definitions(${target} PRIVATE DESCENT_FIXTURES_DIR="${DESCENT_FIXTURES_DIR}")
  set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 0)
  descent_warnings(${target})
  descent_test_target(${target})
endforeach()

# One ctest test per (exercise, test case), discovered after each build from the executable
# itself (as doctest_discover_tests does, but listing one source file at a time).
function(descent_discover_exercise_tests target prefix label will_fail)
  set(ctest_file ${CMAKE_CURRENT_BINARY_DIR}/${target}_tests.cmake)
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -D EXECUTABLE=$<TARGET_FILE:${target}>
            "-D EXERCISES=${DESCENT_EXERCISES}" -D PREFIX=${prefix} -D LABEL=${label}
            -D WILL_FAIL=${will_fail} -D WORKING_DIR=${CMAKE_CURRENT_BINARY_DIR}
            -D OUTPUT=${ctest_file}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/exercises/discover_exercise_tests.cmake
    VERBATIM)
  set(include_file ${CMAKE_CURRENT_BINARY_DIR}/${target}_include.cmake)
  file(WRITE ${include_file}
    "if(EXISTS \"${ctest_file}\")\n"
    "  include(\"${ctest_file}\")\n"
    "else()\n"
    "  add_test(${target}_NOT_BUILT ${target}_NOT_BUILT)\n"
    "endif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${include_file})
endfunction()
descent_discover_exercise_tests(exercise_solutions exercise exercise-solutions FALSE)
descent_discover_exercise_tests(exercise_stubs audit exercise-audit TRUE)

foreach(exercise IN LISTS DESCENT_EXERCISES)
  string(REGEX MATCH "^[^/]+" chapter ${exercise})
  string(REGEX MATCH "[^/]+$" name ${exercise})
  add_custom_target(exercise-${chapter}-${name}
    COMMAND exercise_stubs --source-file=*/${exercise}_test.cpp --no-skipped-summary
    DEPENDS exercise_stubs
    COMMENT "Testing your ${exercise} (chapters/${chapter}/exercises/${name}.hpp)"
    USES_TERMINAL)
endforeach()
