#include "risteski05/chapter.hpp"

#include "risteski05/sections.hpp"

namespace descent::chapters {

app::Chapter make_risteski05() {
  app::Chapter c;
  c.id = "risteski05";
  c.title = "Intro to optimization";
  c.source = "Risteski, CMU 10707 Lecture 5 (slides)";
  // Items arrive with the autodiff, first-order and second-order issues.
  risteski05::add_steepest_descent(c);
  risteski05::add_gradient_descent_slides(c);
  risteski05::add_slides_second_order(c);
  risteski05::add_single_neuron(c);
  risteski05::add_backprop(c);
  return c;
}

}  // namespace descent::chapters
