// Frames identical to the one on screen are not drawn again (ui/draw_digest.h): the digest must
// see every change a user could see (position, colour, clipping, size, new glyphs) and nothing else.
#include <doctest/doctest.h>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/draw_digest.h"

using jianfu::ui::UnchangedFrames;

namespace {
// One draw list on its own (no ImGui context), as a window would emit it: a filled rectangle and
// a clipped one.
struct Frame {
  ImDrawListSharedData shared;
  ImDrawList list{&shared};
  ImDrawData data;

  explicit Frame(float x, ImU32 colour = IM_COL32(200, 0, 0, 255), float clip_right = 500.0f) {
    shared.ClipRectFullscreen = ImVec4(0, 0, 1280, 800);
    list._ResetForNewFrame();
    list.PushClipRectFullScreen();
    list.AddRectFilled(ImVec2(x, 10), ImVec2(x + 100, 40), colour);
    list.PushClipRect(ImVec2(0, 0), ImVec2(clip_right, 800));
    list.AddRectFilled(ImVec2(20, 60), ImVec2(900, 90), IM_COL32(0, 0, 200, 255));
    list.PopClipRect();
    data.Valid = true;
    data.DisplaySize = ImVec2(1280, 800);
    data.FramebufferScale = ImVec2(1, 1);
    data.AddDrawList(&list);
  }
};
}  // namespace

TEST_CASE("draw digest: the same frame twice is drawn once") {
  UnchangedFrames u;
  Frame a(10), b(10);
  CHECK_FALSE(u.unchanged(a.data, 1280, 800));  // nothing known yet: drawn
  CHECK(u.unchanged(b.data, 1280, 800));        // identical: not drawn
  CHECK(jianfu::ui::draw_digest(a.data) == jianfu::ui::draw_digest(b.data));
}

TEST_CASE("draw digest: any visible change is drawn") {
  UnchangedFrames u;
  Frame base(10);
  REQUIRE_FALSE(u.unchanged(base.data, 1280, 800));

  Frame moved(11);  // one pixel further
  CHECK_FALSE(u.unchanged(moved.data, 1280, 800));
  Frame back(10);  // and back again: differs from the frame now on screen
  CHECK_FALSE(u.unchanged(back.data, 1280, 800));

  Frame recoloured(10, IM_COL32(200, 0, 1, 255));
  CHECK_FALSE(u.unchanged(recoloured.data, 1280, 800));
  Frame clipped(10, IM_COL32(200, 0, 1, 255), 400.0f);  // same vertices, another clip rectangle
  CHECK_FALSE(u.unchanged(clipped.data, 1280, 800));

  Frame same(10, IM_COL32(200, 0, 1, 255), 400.0f);
  CHECK(u.unchanged(same.data, 1280, 800));
  CHECK_FALSE(u.unchanged(same.data, 2560, 1600));  // the canvas was resized
}

TEST_CASE("draw digest: forget() and pending textures force a draw") {
  UnchangedFrames u;
  Frame f(10);
  REQUIRE_FALSE(u.unchanged(f.data, 1280, 800));
  REQUIRE(u.unchanged(f.data, 1280, 800));
  u.forget();  // e.g. the canvas was cleared
  CHECK_FALSE(u.unchanged(f.data, 1280, 800));
  CHECK(u.unchanged(f.data, 1280, 800));

  // New glyphs waiting to be uploaded: the frame is drawn (the renderer uploads them then).
  ImTextureData atlas;
  ImVector<ImTextureData*> textures;
  textures.push_back(&atlas);
  f.data.Textures = &textures;
  atlas.Status = ImTextureStatus_WantUpdates;
  CHECK(jianfu::ui::textures_pending(f.data));
  CHECK_FALSE(u.unchanged(f.data, 1280, 800));
  atlas.Status = ImTextureStatus_OK;
  CHECK_FALSE(jianfu::ui::textures_pending(f.data));
  CHECK(u.unchanged(f.data, 1280, 800));
  f.data.Textures = nullptr;
}
