#include "medl04/chapter.hpp"

#include "medl04/sections.hpp"

namespace descent::chapters {

app::Chapter make_medl04() {
  app::Chapter c;
  c.id = "medl04";
  c.title = "Optimization Algorithms";
  c.source = "Liquet, Moka, Nazarathy, Mathematical Engineering of Deep Learning, Chapter 4";
  medl04::add_section_4_1(c);
  medl04::add_section_4_2(c);
  medl04::add_figure_4_4(c);
  medl04::add_section_4_3(c);
  medl04::add_section_4_4(c);
  medl04::add_section_4_5(c);
  medl04::add_section_4_5_line_search(c);
  medl04::add_section_4_6(c);
  medl04::add_section_4_6_quasi_newton(c);
  return c;
}

}  // namespace descent::chapters
