// aggarwal03 at the edges of what its parameters allow: ids, crashes, costs, statuses. The
// reference for each check is stated beside it (the book's numbering, a closed form, or what
// the item must say instead of crashing).

#include <doctest/doctest.h>

#include <map>
#include <string>

#include "chapters.hpp"

using descent::app::compute;

namespace {

using descent::testing::aggarwal03;

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(aggarwal03(), id);
}

}  // namespace

TEST_CASE("aggarwal03: the exercises are exercise-1 ... exercise-12, the old ids point to them") {
  // Aggarwal §3.10 numbers its exercises 1-12.
  for (int n = 1; n <= 12; ++n) (void)item("exercise-" + std::to_string(n));
  std::size_t exercises = 0;
  for (const auto& it : aggarwal03().items)
    if (it.id.rfind("exercise-", 0) == 0) ++exercises;
  CHECK(exercises == 12);
  const std::map<std::string, std::string> old_ids{{"exercise-3.7", "exercise-7"},
                                                   {"exercise-3.8", "exercise-8"},
                                                   {"exercise-3.11", "exercise-11"},
                                                   {"exercise-3.12", "exercise-12"}};
  CHECK(aggarwal03().renamed == old_ids);
  for (const auto& [old, now] : old_ids) CHECK(aggarwal03().find(old) == nullptr);
}
