#pragma once
/// \file
/// Error types shared by the whole library.

#include <stdexcept>
#include <string>

namespace descent {

/// Bad input from a user: a parameter out of its allowed range, a malformed value.
/// The message names what is wrong and what is allowed; the chapter CLI prints it on
/// one line and exits with status 2.
class invalid_argument : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Thrown by every exercise stub until the student fills it in.
class not_implemented : public std::logic_error {
 public:
  /// `what` names the unfinished piece; the message becomes "not implemented: " + what.
  explicit not_implemented(const std::string& what)
      : std::logic_error("not implemented: " + what) {}
};

}  // namespace descent
