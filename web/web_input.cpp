#include "web/web_input.h"

#include <emscripten.h>

#include <string>

#include "imgui.h"
#include "ui/frame_pacing.h"

namespace {

std::string g_clipboard;  // the newest text from a paste or from ImGui's own copy
std::string g_preedit;    // the IME's composition string while the user is composing
ImVec2 g_caret;
float g_caret_height = 0;

const char* get_clipboard(ImGuiContext*) { return g_clipboard.c_str(); }

void set_clipboard(ImGuiContext*, const char* text) {
  g_clipboard = text ? text : "";
  EM_ASM({ if (Module['jianfuCopy']) Module['jianfuCopy'](UTF8ToString($0)); }, g_clipboard.c_str());
}

void set_ime_data(ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData* d) {
  g_caret = d->InputPos;
  g_caret_height = d->InputLineHeight;
  EM_ASM({ if (Module['jianfuPlaceAgent']) Module['jianfuPlaceAgent']($0, $1, $2, $3); }, d->WantTextInput ? 1 : 0,
         d->InputPos.x, d->InputPos.y, d->InputLineHeight);
}

// Windows line ends and the characters Word and WPS put in copied lists: CRLF → LF, private-use
// bullets (Symbol/Wingdings, which ImGui's filter would drop) → "•".
std::string normalise_paste(const char* in) {
  std::string out;
  for (const char* p = in; *p; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c == '\r') {
      if (p[1] != '\n') out += '\n';
      continue;
    }
    // U+E000–U+F8FF is EE 80 80 … EF A3 BF in UTF-8.
    if ((c == 0xEE || (c == 0xEF && static_cast<unsigned char>(p[1]) <= 0xA3)) && p[1] && p[2]) {
      out += "\xE2\x80\xA2";
      p += 2;
      continue;
    }
    out += *p;
  }
  return out;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void jianfu_text_input(const char* utf8) {
  if (utf8) ImGui::GetIO().AddInputCharactersUTF8(utf8);
}

// The composition is drawn by this file, not by ImGui: a change to it is no input ImGui sees.
EMSCRIPTEN_KEEPALIVE void jianfu_ime_preedit(const char* utf8) {
  g_preedit = utf8 ? utf8 : "";
  jianfu::ui::frame_pacer().wake();
}

// press_keys: the paste came without a Ctrl+V (a menu paste), so the app is told to paste now.
EMSCRIPTEN_KEEPALIVE void jianfu_clipboard_paste(const char* utf8, int press_keys) {
  g_clipboard = normalise_paste(utf8 ? utf8 : "");
  jianfu::ui::frame_pacer().wake();
  if (press_keys) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
  }
}

}  // extern "C"

namespace jianfu::web {

void install_text_input() {
  ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
  pio.Platform_GetClipboardTextFn = get_clipboard;
  pio.Platform_SetClipboardTextFn = set_clipboard;
  pio.Platform_SetImeDataFn = set_ime_data;
}

void draw_preedit() {
  if (g_preedit.empty()) return;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const ImVec2 size = ImGui::CalcTextSize(g_preedit.c_str());
  const ImVec2 a = g_caret, b(g_caret.x + size.x + 4, g_caret.y + g_caret_height);
  dl->AddRectFilled(a, b, IM_COL32(255, 255, 230, 255));
  dl->AddText(ImVec2(a.x + 2, a.y), IM_COL32(0, 0, 0, 255), g_preedit.c_str());
  dl->AddLine(ImVec2(a.x, b.y - 1), ImVec2(b.x, b.y - 1), IM_COL32(0, 0, 0, 255), 1.0f);
}

}  // namespace jianfu::web
