// The start screen's cards (ui/home_screen.h), in a real ImGui context without a window: the
// screen is built at several window widths and font sizes, and the text it draws is read back from
// the draw lists.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "imgui.h"
#include "tests/unit/headless_imgui.h"
#include "text/utf8.h"
#include "ui/home_screen.h"
#include "ui/item_locator.h"
#include "ui/kinds.h"

namespace {

// Colours found nowhere else on the screen, to tell the cards' text from everything else.
constexpr ImU32 kLabelColour = IM_COL32(255, 0, 0, 255);
constexpr ImU32 kHintColour = IM_COL32(0, 0, 255, 255);

struct Rect {
  float x0, y0, x1, y1;
  bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  bool contains(const Rect& o) const {
    const float e = 0.5f;  // glyph quads are placed on whole pixels
    return o.x0 >= x0 - e && o.x1 <= x1 + e && o.y0 >= y0 - e && o.y1 <= y1 + e;
  }
};

struct Card {
  std::string label, hint;
};

std::vector<Card> all_cards() {
  std::vector<Card> cards;
  for (const auto& k : jianfu::ui::kKinds) cards.push_back({k.label, k.hint});
  for (const auto& c : {jianfu::ui::kReviewCard, jianfu::ui::kTrainingCard}) cards.push_back({c.label, c.hint});
  return cards;
}

class StartScreen {
 public:
  StartScreen() {
    ImGui::GetStyle().Colors[ImGuiCol_Text] = ImColor(kLabelColour);
    ImGui::GetStyle().Colors[ImGuiCol_TextDisabled] = ImColor(kHintColour);
    jianfu::ui::item_locator::enable();
  }

  // Builds the screen in a window `width` wide with the font scaled by `scale`; returns the cards'
  // rectangles and the quads of every glyph drawn in the label or hint colour.
  void build(float width, float scale) {
    ImGui::GetIO().DisplaySize = ImVec2(width, 700);
    ImGui::GetStyle().FontScaleMain = scale;
    for (int i = 0; i < 2; ++i) {  // the second frame sees the first one's item rectangles
      jianfu::ui::item_locator::new_frame();
      imgui_.frame(1.0f / 60, [&] { jianfu::ui::draw_home(context_); }, ImGuiWindowFlags_NoDecoration);
    }
    cards.clear();
    for (const Card& c : all_cards()) {
      const auto j = nlohmann::json::parse(jianfu::ui::item_locator::find_json("##" + c.label));
      REQUIRE(j.value("found", false));
      cards.push_back({j["x"].get<float>(), j["y"].get<float>(), j["x"].get<float>() + j["w"].get<float>(),
                       j["y"].get<float>() + j["h"].get<float>()});
    }
    glyphs.clear();
    for (const ImDrawList* list : ImGui::GetDrawData()->CmdLists) {
      std::vector<ImVec2> corners;
      for (const ImDrawVert& v : list->VtxBuffer)
        if (v.col == kLabelColour || v.col == kHintColour) corners.push_back(v.pos);
      for (std::size_t i = 0; i + 4 <= corners.size(); i += 4) {  // four corners to a glyph
        Rect r{corners[i].x, corners[i].y, corners[i].x, corners[i].y};
        for (std::size_t k = i; k < i + 4; ++k) {
          r.x0 = std::min(r.x0, corners[k].x);
          r.y0 = std::min(r.y0, corners[k].y);
          r.x1 = std::max(r.x1, corners[k].x);
          r.y1 = std::max(r.y1, corners[k].y);
        }
        glyphs.push_back(r);
      }
    }
  }

  std::vector<Rect> cards, glyphs;

 private:
  jianfu::test::HeadlessImGui imgui_;
  jianfu::ui::PlatformServices services_;
  jianfu::ui::Context context_{services_};
};

}  // namespace

TEST_CASE("start screen: each card's label and hint stay inside the card, in any window and at any font size") {
  StartScreen s;
  for (float width : {220.0f, 400.0f, 800.0f, 1280.0f}) {
    for (float scale : {1.0f, 2.0f}) {
      CAPTURE(width);
      CAPTURE(scale);
      s.build(width, scale);
      int inside = 0, spilling = 0;
      for (const Rect& g : s.glyphs) {
        for (const Rect& c : s.cards) {
          if (!g.overlaps(c)) continue;
          if (c.contains(g)) ++inside;
          else ++spilling;
        }
      }
      CHECK(inside > 0);
      CHECK(spilling == 0);
    }
  }
}

TEST_CASE("start screen: a wide window shows every card's label and hint whole") {
  StartScreen s;
  std::size_t characters = 0;
  for (const Card& c : all_cards())
    characters += jianfu::text::count_code_points(c.label) + jianfu::text::count_code_points(c.hint);
  for (float scale : {1.0f, 2.0f}) {
    CAPTURE(scale);
    s.build(1280, scale);
    std::size_t in_cards = 0;
    for (const Rect& g : s.glyphs)
      for (const Rect& c : s.cards)
        if (c.contains(g)) ++in_cards;
    CHECK(in_cards == characters);  // one glyph per character, none cut off or replaced by "…"
  }
}
