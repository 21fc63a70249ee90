// The main() of every exercise test program: doctest's, except that numbers in a failed check
// print with 16 significant digits (doctest's default is 6), so that a check that fails at
// 1e-12 shows values that differ: "got 0.4812023519871234, expected 0.4812023519870911".

#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

int main(int argc, char** argv) {
  // doctest formats every value through one thread-local stream; its precision sticks.
  doctest::detail::tlssPush()->precision(16);
  doctest::detail::tlssPop();
  doctest::Context context(argc, argv);
  return context.run();
}
