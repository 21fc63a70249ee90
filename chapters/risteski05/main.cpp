#include "descent/app/cli.hpp"
#include "risteski05/chapter.hpp"

int main(int argc, char** argv) {
  return descent::app::main_for(descent::chapters::make_risteski05(), argc, argv);
}
