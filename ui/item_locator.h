// Finds widgets by label for automated tests (browser tests click at these rectangles). Built on
// ImGui's test-engine hooks; off unless enable() is called, so users pay nothing.
#pragma once
#include <string>

namespace jianfu::ui::item_locator {

void enable();
bool enabled();
// Called once per frame before NewFrame: forgets items from two frames ago.
void new_frame();
// JSON {"found":true,"x":..,"y":..,"w":..,"h":..} in framebuffer pixels, for the item whose full
// label, hidden part ("##title") or visible label (the part before "##") equals `label`, as last drawn;
// {"found":false} otherwise.
std::string find_json(const std::string& label);

}  // namespace jianfu::ui::item_locator
