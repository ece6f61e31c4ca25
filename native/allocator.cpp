// glibc serves blocks above 128 KB with fresh mmap'd pages and unmaps them on free, so every
// re-check of a long draft paid for zeroed pages again (a 1 MB draft: 86 ms instead of 21 ms).
// Raising the thresholds keeps such blocks for reuse. The browser build's allocator reuses its
// heap already, so this is desktop-only.
#include "native/allocator.h"

#include <malloc.h>

namespace jianfu::native {

void tune_allocator() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // the largest value glibc accepts on 64-bit
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
}

}  // namespace jianfu::native
