#include "aggarwal03/chapter.hpp"

#include "aggarwal03/sections.hpp"

namespace descent::chapters {

app::Chapter make_aggarwal03() {
  app::Chapter c;
  c.id = "aggarwal03";
  c.title = "Training Deep Neural Networks";
  c.source = "Aggarwal, Neural Networks and Deep Learning, Chapter 3 (with Exercises 1-12)";
  aggarwal03::add_section_3_2_chain_rule(c);
  aggarwal03::add_section_3_2(c);
  aggarwal03::add_section_3_3(c);
  aggarwal03::add_section_3_4(c);
  aggarwal03::add_figure_3_9(c);
  aggarwal03::add_section_3_5(c);
  aggarwal03::add_section_3_5_6(c);
  aggarwal03::add_section_3_6(c);
  aggarwal03::add_figure_3_18(c);
  aggarwal03::add_section_3_7(c);
  aggarwal03::add_exercises_autodiff(c);
  aggarwal03::add_exercises_nn(c);
  return c;
}

}  // namespace descent::chapters
