#include "notes02/chapter.hpp"

#include "notes02/sections.hpp"

namespace descent::chapters {

app::Chapter make_notes02() {
  app::Chapter c;
  c.id = "notes02";
  c.title = "Gradient based optimization";
  c.source = "Lecture notes, Chapter 2 (with Exercises 2.1-2.5)";
  notes02::add_section_2_1_taylor(c);
  notes02::add_section_2_1_newton(c);
  notes02::add_section_2_1_spectral(c);
  notes02::add_section_2_1(c);
  notes02::add_section_2_2(c);
  notes02::add_section_2_3(c);
  notes02::add_section_2_4_op_count(c);
  notes02::add_section_2_4(c);
  notes02::add_appendix_2_a(c);
  return c;
}

}  // namespace descent::chapters
