// The command-line interface as a plain function, so that the real `jianfu-cli` (native and wasm)
// and the unit tests run exactly the same code. Exit codes follow the contract: 0 a result was
// produced, 2 bad input (Chinese message + English code on stderr), 1 internal error.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace jianfu::cli {

struct Streams {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

int run(const std::vector<std::string>& args, Streams io);

// Reads a whole input named on the command line; "-" is standard input.
std::string read_input(const std::string& path, std::istream& in);

}  // namespace jianfu::cli
