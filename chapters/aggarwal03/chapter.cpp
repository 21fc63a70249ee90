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
  // Aggarwal numbers the exercises 1-12; four items once carried the chapter in their id.
  c.renamed = {{"exercise-3.7", "exercise-7"},
               {"exercise-3.8", "exercise-8"},
               {"exercise-3.11", "exercise-11"},
               {"exercise-3.12", "exercise-12"}};
  return c;
}

}  // namespace descent::chapters
