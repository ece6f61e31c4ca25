// Version of the program, as shown in the UI and written into every stored result.
#pragma once
#include <string>

namespace jianfu {
std::string version();
}
