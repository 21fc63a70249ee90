#include "aggarwal03/chapter.hpp"

#include "aggarwal03/sections.hpp"

namespace descent::chapters {

app::Chapter make_aggarwal03() {
  app::Chapter c;
  c.id = "aggarwal03";
  c.title = "Training Deep Neural Networks";
  c.source = "Aggarwal, Neural Networks and Deep Learning, Chapter 3 (with Exercises 1-12)";
  // Items arrive with the autodiff, first-order, second-order and network issues.
  aggarwal03::add_section_3_5_6(c);
  return c;
}

}  // namespace descent::chapters
