#include "descent/app/cli.hpp"
#include "medl04/chapter.hpp"

int main(int argc, char** argv) {
  return descent::app::main_for(descent::chapters::make_medl04(), argc, argv);
}
