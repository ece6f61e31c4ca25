// jianfu-cli: the headless command line. All logic is in core/cli so tests run the same code.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "native/allocator.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  jianfu::native::tune_allocator();
  const std::vector<std::string> args(argv + 1, argv + argc);
  return jianfu::cli::run(args, {std::cin, std::cout, std::cerr});
}
