#pragma once
namespace jianfu::native {
// Keeps large freed blocks in the process instead of returning them to the system after every
// call (see allocator.cpp). Call once at start-up.
void tune_allocator();
}  // namespace jianfu::native
