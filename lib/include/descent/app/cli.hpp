#pragma once
/// \file
/// The command line shared by every chapter executable (docs/pages/design.md, command line):
///
///     <id> list
///     <id> describe ITEM
///     <id> run ITEM [--set NAME=VALUE]... [--format text|markdown|csv|json] [--out DIR]
///     <id> all [--format text|markdown|csv|json] [--out DIR]
///     <id> figures --out DIR        (only the items that draw figures; used by `figures`)
///     <id> export --out DIR         (per item: ITEM.md, ITEM.txt and its figures; for docs)
///
/// Bad input gets one line on stderr naming the problem and what is allowed, exit
/// status 2, and no output file.

#include <iosfwd>
#include <string>
#include <vector>

#include "descent/app/item.hpp"

namespace descent::app {

/// Runs the command line `args` (without the program name) against `chapter`, printing
/// to `out` and `err`. Returns the exit status: 0 success, 2 bad input, 1 failure.
int run_cli(const Chapter& chapter, const std::vector<std::string>& args, std::ostream& out,
            std::ostream& err);

/// `main` of a chapter executable.
int main_for(const Chapter& chapter, int argc, char** argv);

}  // namespace descent::app
