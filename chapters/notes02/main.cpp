#include "descent/app/cli.hpp"
#include "notes02/chapter.hpp"

int main(int argc, char** argv) {
  return descent::app::main_for(descent::chapters::make_notes02(), argc, argv);
}
