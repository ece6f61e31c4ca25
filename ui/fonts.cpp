#include "ui/fonts.h"

#include <cstdio>

#include "imgui.h"
#include "text/utf8.h"

namespace jianfu::ui {

static bool file_exists(const std::string& path) {
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    std::fclose(f);
    return true;
  }
  return false;
}

bool Fonts::load(const PlatformServices& services) {
  ImGuiIO& io = ImGui::GetIO();
  for (const FontFile& f : services.fonts) {
    if (!file_exists(f.path)) continue;
    ImFontConfig cfg;
    cfg.FontNo = static_cast<ImU32>(f.face);
    cfg.OversampleH = 2;  // crisper strokes for 汉字 at small sizes with stb_truetype
    if ((main_ = io.Fonts->AddFontFromFileTTF(f.path.c_str(), 0.0f, &cfg)) != nullptr) return true;
  }
  return false;
}

bool Fonts::covers(char32_t c) {
  if (c > 0xFFFF) return main_->IsGlyphInFont(static_cast<ImWchar>(c));
  if (known_for_ != generation_) {
    known_.assign(0x10000, 0);
    known_for_ = generation_;
  }
  std::uint8_t& k = known_[c];
  if (k == 0) k = main_->IsGlyphInFont(static_cast<ImWchar>(c)) ? 1 : 2;
  return k == 1;
}

int Fonts::check_coverage(std::string_view utf8, const PlatformServices& services) {
  if (!main_) return 0;
  std::u32string cps;
  if (!text::decode_utf8(utf8, cps)) return 0;
  int missing = 0;
  for (char32_t c : cps) {
    if (c >= 0x20 && !covers(c)) ++missing;
  }
  if (missing > 0 && extra_state_ == Extra::None) {
    if (!services.request_extra_font) {
      extra_state_ = Extra::Unavailable;
    } else {
      extra_state_ = Extra::Pending;
      services.request_extra_font([this](const FontFile& f) {
        ImFontConfig cfg;
        cfg.MergeMode = true;
        cfg.FontNo = static_cast<ImU32>(f.face);
        cfg.OversampleH = 2;
        // Fonts may be added at any time with 1.92's dynamic atlas; merged sources are asked in order.
        extra_state_ = ImGui::GetIO().Fonts->AddFontFromFileTTF(f.path.c_str(), 0.0f, &cfg, nullptr)
                           ? Extra::Merged : Extra::Unavailable;
        ++generation_;
      });
    }
  }
  return missing;
}

}  // namespace jianfu::ui
