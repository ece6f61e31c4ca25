// The scrolled views of the frame ImGui just rendered, for ui/screen_damage.h to move rather than
// draw what a scroll only moved.
//
// Any window of the frame that can scroll vertically is a view: its inside (the clip rectangle its
// content is drawn in), how far it is scrolled, and the opaque rectangle under it (its background,
// ui/occlusion.h). A window with no opaque rectangle under all of its inside is left out: what
// shows through would not move with the content. Nothing here decides what may be moved:
// ScreenDamage digests every triangle drawn over a view in the view's content terms, whichever
// window drew it, so a view whose content does not scroll with it (a pinned header, a popup over
// it) simply shows as changed.
#pragma once

#include <vector>

#include "imgui.h"
#include "ui/occlusion.h"
#include "ui/screen_damage.h"

namespace jianfu::ui {

// The views of `data` (ImGui's current context must have rendered it), drawn into fb_w × fb_h
// pixels, over the frame's occluders (find_occluders(), which the renderer takes too); none if the
// frame is scaled (ImGui in device pixels is what the app runs).
std::vector<ScrollView> scroll_views(const ImDrawData& data, int fb_w, int fb_h, const std::vector<Occluder>& occluders);

}  // namespace jianfu::ui
