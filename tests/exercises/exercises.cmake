# Exercise mechanics (DESIGN.md §6). For each exercise <chapter>/<name>:
#   - the stub      chapters/<chapter>/exercises/<name>.hpp  (throws descent::not_implemented)
#   - the solution  solutions/<chapter>/<name>.hpp           (same signatures)
#   - one test file tests/exercises/<chapter>/<name>_test.cpp, compiled twice; the include
#     path decides which header `#include "<name>.hpp"` finds.
# ctest runs every test case against the solution (label exercise-solutions; must pass)
# and against the shipped stub (label exercise-audit; must FAIL: a test case that passes
# on a stub tests nothing). A student who fills in a stub runs
#   cmake --build build --target exercise-<chapter>-<name>
# which builds the test against the stub and runs it, showing which cases pass.
function(descent_exercise chapter name)
  set(test_file ${CMAKE_CURRENT_SOURCE_DIR}/exercises/${chapter}/${name}_test.cpp)
  foreach(variant stub solution)
    set(target exercise_${chapter}_${name}_${variant})
    add_executable(${target} ${test_file} $<TARGET_OBJECTS:descent_test_main>)
    if(variant STREQUAL "stub")
      target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/chapters/${chapter}/exercises)
    else()
      target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/solutions/${chapter})
    endif()
    target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/support)
    target_link_libraries(${target} PRIVATE descent doctest::doctest nlohmann_json::nlohmann_json)
    target_compile_definitions(${target} PRIVATE DESCENT_FIXTURES_DIR="${DESCENT_FIXTURES_DIR}")
    descent_warnings(${target})
    descent_test_target(${target})
  endforeach()
  doctest_discover_tests(exercise_${chapter}_${name}_solution
    TEST_PREFIX "exercise:${chapter}/${name}:" PROPERTIES LABELS exercise-solutions)
  doctest_discover_tests(exercise_${chapter}_${name}_stub
    TEST_PREFIX "audit:${chapter}/${name}:" PROPERTIES LABELS exercise-audit WILL_FAIL TRUE)
  add_custom_target(exercise-${chapter}-${name}
    COMMAND exercise_${chapter}_${name}_stub
    DEPENDS exercise_${chapter}_${name}_stub
    COMMENT "Testing your ${chapter}/${name} (chapters/${chapter}/exercises/${name}.hpp)"
    USES_TERMINAL)
endfunction()

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
