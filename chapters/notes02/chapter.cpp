#include "notes02/chapter.hpp"

#include "notes02/sections.hpp"

namespace descent::chapters {

app::Chapter make_notes02() {
  app::Chapter c;
  c.id = "notes02";
  c.title = "Gradient based optimization";
  c.source = "Lecture notes, Chapter 2 (with Exercises 2.1-2.5)";
  // Items arrive with the autodiff, first-order, second-order and network issues.
  notes02::add_section_2_1_newton(c);
  return c;
}

}  // namespace descent::chapters
