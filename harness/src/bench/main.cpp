// kite-bench: the benchmark gate, comparisons, baselines and A/B runs.
#include "cli.h"

#include <iostream>

int main(int argc, char** argv) {
  return kite::bench::run_cli(std::vector<std::string>(argv + 1, argv + argc), std::cout,
                              std::cerr);
}
