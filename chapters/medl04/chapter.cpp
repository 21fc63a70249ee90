#include "medl04/chapter.hpp"

#include "medl04/sections.hpp"

namespace descent::chapters {

app::Chapter make_medl04() {
  app::Chapter c;
  c.id = "medl04";
  c.title = "Optimization Algorithms";
  c.source = "Liquet, Moka, Nazarathy, Mathematical Engineering of Deep Learning, Chapter 4";
  medl04::add_eq_4_7(c);
  medl04::add_section_4_6(c);
  return c;
}

}  // namespace descent::chapters
