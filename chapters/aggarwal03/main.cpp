#include "aggarwal03/chapter.hpp"
#include "descent/app/cli.hpp"

int main(int argc, char** argv) {
  return descent::app::main_for(descent::chapters::make_aggarwal03(), argc, argv);
}
