// Browser text input for ImGui: IME commits and pastes from the text agent (js/text_agent.js,
// js/clipboard.js), the clipboard functions, and the IME caret position sent back to the page.
#pragma once

namespace jianfu::web {
void install_text_input();  // after ImGui_ImplGlfw_InitForOpenGL (which installs GLFW's stubs)
void draw_preedit();        // the composition string at the caret, drawn over everything
}
