#include "aggarwal03/chapter.hpp"

namespace descent::chapters {

app::Chapter make_aggarwal03() {
  app::Chapter c;
  c.id = "aggarwal03";
  c.title = "Training Deep Neural Networks";
  c.source = "Aggarwal, Neural Networks and Deep Learning, Chapter 3 (with Exercises 1-12)";
  // Items arrive with the autodiff, first-order, second-order and network issues.
  return c;
}

}  // namespace descent::chapters
