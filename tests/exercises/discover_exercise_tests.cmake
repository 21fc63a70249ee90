# Run by ctest when an exercise executable is newer than its last listing (exercises.cmake):
# write a ctest file with one test per (exercise, test case). An executable holds the tests of
# one exercise (a stub's) or of all (exercise_solutions); the cases of one exercise are the ones
# doctest lists for its source file.
#
# Inputs (-D): EXECUTABLE, EXERCISES (list of <chapter>/<name>), PREFIX (exercise|audit),
# LABEL, WILL_FAIL (TRUE|FALSE), WORKING_DIR, OUTPUT.

# A CMake command call with each argument quoted as a bracket argument when it needs it.
function(append_command name)
  set(call "${name}(")
  foreach(arg IN LISTS ARGN)
    if(arg MATCHES "[^-./:=*a-zA-Z0-9_]")
      string(APPEND call " [==[${arg}]==]")
    else()
      string(APPEND call " ${arg}")
    endif()
  endforeach()
  set(script "${script}${call})\n" PARENT_SCOPE)
endfunction()

set(script "")
foreach(exercise IN LISTS EXERCISES)
  set(source_filter "--source-file=*/${exercise}_test.cpp")
  execute_process(COMMAND "${EXECUTABLE}" ${source_filter} --list-test-cases
                  OUTPUT_VARIABLE listing RESULT_VARIABLE status WORKING_DIRECTORY "${WORKING_DIR}")
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "listing the test cases of ${exercise} in ${EXECUTABLE} failed:\n${listing}")
  endif()
  if(listing MATCHES ";")
    message(FATAL_ERROR "a test case of ${exercise} has a ';' in its name; allowed: any other "
                        "character (ctest's lists split at ';')")
  endif()
  string(REPLACE "\n" ";" lines "${listing}")
  set(count 0)
  foreach(line IN LISTS lines)
    if(line STREQUAL "" OR line MATCHES "^=+$" OR line MATCHES "^\\[doctest\\] ")
      continue()
    endif()
    # doctest splits --test-case filters at commas; a comma in a name is escaped.
    string(REPLACE "," "\\," case_filter "${line}")
    set(test_name "${PREFIX}:${exercise}:${line}")
    append_command(add_test "${test_name}" "${EXECUTABLE}" ${source_filter}
                   "--test-case=${case_filter}")
    append_command(set_tests_properties "${test_name}" PROPERTIES WORKING_DIRECTORY
                   "${WORKING_DIR}" LABELS ${LABEL} WILL_FAIL ${WILL_FAIL})
    math(EXPR count "${count} + 1")
  endforeach()
  if(count EQUAL 0)
    message(FATAL_ERROR "${EXECUTABLE} has no test cases for ${exercise} (${exercise}_test.cpp)")
  endif()
endforeach()
file(WRITE "${OUTPUT}" "${script}")
