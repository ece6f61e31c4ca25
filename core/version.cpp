#include "version.h"

#include "version_info.h"

namespace jianfu {
std::string version() { return JIANFU_VERSION_STRING; }
}  // namespace jianfu
