#pragma once
// Reference numbers for the exercise tests, read from tests/reference/fixtures/*.json.
//
// The JSON parser is compiled once, in exercise_fixtures.cpp (the library
// descent_exercise_support): an exercise's test translation unit includes only this small header,
// so an edit to a stub recompiles in about a second (docs/pages/exercises.md, "How fast").
//
// Places in a fixture are JSON pointers (RFC 6901): "/secant_4_52/1.5,1.6/theta" is the array
// `theta` of the object `1.5,1.6` of the object `secant_4_52`; "/.../theta/0" its first entry.
// A missing file or place, or a value of another kind, throws std::runtime_error naming both.

#include <cstddef>
#include <string>
#include <vector>

namespace descent::testing {

/// The number at `pointer` of fixture `file` (e.g. "exercises.json").
double fixture_number(const std::string& file, const std::string& pointer);

/// The array of numbers at `pointer`.
std::vector<double> fixture_numbers(const std::string& file, const std::string& pointer);

/// The array of arrays of numbers (the rows of a matrix) at `pointer`.
std::vector<std::vector<double>> fixture_rows(const std::string& file, const std::string& pointer);

/// How many entries the array (or object) at `pointer` has.
std::size_t fixture_size(const std::string& file, const std::string& pointer);

/// The object fixtures/exercises.json holds for one exercise (tests/reference/
/// generate_exercises.py writes it): ExerciseFixture("medl04/exact_line_search").numbers("alpha").
class ExerciseFixture {
 public:
  explicit ExerciseFixture(const std::string& exercise) : prefix_("/" + escaped(exercise) + "/") {}
  double number(const std::string& path) const { return fixture_number(kFile, prefix_ + path); }
  std::vector<double> numbers(const std::string& path) const {
    return fixture_numbers(kFile, prefix_ + path);
  }
  std::vector<std::vector<double>> rows(const std::string& path) const {
    return fixture_rows(kFile, prefix_ + path);
  }

 private:
  static constexpr const char* kFile = "exercises.json";
  // "chapter/name" as one JSON-pointer token: '/' is written "~1"
  static std::string escaped(const std::string& exercise) {
    std::string out;
    for (const char c : exercise) out += c == '/' ? std::string("~1") : std::string(1, c);
    return out;
  }
  std::string prefix_;
};

/// A directory in the build tree where an exercise may write what it produces (a figure),
/// created if missing: <build>/exercises/output/<chapter>/<name>.
std::string exercise_output_dir(const std::string& chapter, const std::string& name);

}  // namespace descent::testing
