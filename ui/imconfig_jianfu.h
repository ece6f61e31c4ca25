// Dear ImGui compile-time configuration for Jianfu (used by both builds).
#pragma once

// Chinese names and places use characters above U+FFFF (CJK Ext B-G). With the default 16-bit
// ImWchar, ImGui silently replaces them with U+FFFD when they are typed or pasted.
#define IMGUI_USE_WCHAR32

// Keep the code on the current API so that upgrades show up as compile errors.
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS

// ImGui's item hooks (implemented in ui/item_locator.cpp) let tests find a widget's rectangle by
// its label. They cost one branch per item unless a test switches them on.
#define IMGUI_ENABLE_TEST_ENGINE
