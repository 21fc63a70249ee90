#pragma once
// Writing the figures an exercise produces into the build tree, compiled once in
// exercise_figures.cpp (report's figure writer pulls in <filesystem> and more, which would cost
// every recompile of the test that uses it).

#include <string>

namespace descent::report {
struct Result;
}

namespace descent::testing {

/// Writes every figure of `result` (TSV, gnuplot script, and SVG when gnuplot is installed) into
/// exercise_output_dir(chapter, name); returns that directory.
std::string write_exercise_figures(const descent::report::Result& result,
                                   const std::string& chapter, const std::string& name);

}  // namespace descent::testing
