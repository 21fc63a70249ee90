# Writes the errata template (IN, docs/errata/errata.md.in) into a C++ source (OUT) as one raw
# string, common::errata_template, from which the chapters read each erratum's one-line
# summary (chapters/common/errata.cpp). Run with cmake -DIN=... -DOUT=... -P.
file(READ "${IN}" text)
string(FIND "${text}" ")errata\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter )errata\"")
endif()
set(source "// Generated from ${IN} by chapters/common/embed_errata.cmake: do not edit.\n")
string(APPEND source "namespace descent::chapters::common {\n")
string(APPEND source "extern const char* const errata_template;\n")
string(APPEND source "const char* const errata_template = R\"errata(${text})errata\";\n")
string(APPEND source "}  // namespace descent::chapters::common\n")
# Rewritten only when it changes, so an unchanged template recompiles nothing.
set(old "")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
endif()
if(NOT old STREQUAL source)
  file(WRITE "${OUT}" "${source}")
endif()
