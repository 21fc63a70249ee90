// The figure writer of exercise_figures.hpp.

#include "exercise_figures.hpp"

#include "descent/report/figure.hpp"
#include "exercise_fixtures.hpp"

namespace descent::testing {

std::string write_exercise_figures(const descent::report::Result& result,
                                   const std::string& chapter, const std::string& name) {
  const std::string dir = exercise_output_dir(chapter, name);
  descent::report::write_figures(result, dir);
  return dir;
}

}  // namespace descent::testing
