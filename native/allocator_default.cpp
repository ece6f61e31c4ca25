// The browser and Node builds: emscripten's allocator keeps its heap; nothing to tune.
#include "native/allocator.h"

namespace jianfu::native {
void tune_allocator() {}
}  // namespace jianfu::native
