// How a drawn frame reaches the page: straight from the WebGL canvas, or copied, a changed
// rectangle at a time, from a WebGL canvas kept off the page into the page's 2D canvas.
//
// Why two ways: on a PC without a usable GPU, Chromium runs WebGL in software (SwiftShader) and
// composites the page in software, and every frame drawn into a WebGL canvas on the page hands its
// compositor a whole new canvas to read back and composite, however little of it changed. At
// 1920×1080 its GPU process spent 20–21 ms of CPU per frame drawn while typing. Reading back only
// the rectangles a frame drew again (ui/screen_damage.h) and putting them into a 2D canvas, which
// tells the compositor what changed, brings that to about 5 ms (docs/BENCHMARKS.md). With a GPU,
// the WebGL canvas reaches the compositor without a read-back, and the page shows it directly.
#pragma once

#include <vector>

#include "ui/screen_damage.h"

namespace jianfu::web {

enum class Presentation { none, direct, copied };

// Makes the WebGL2 context the app draws with (handed to GLFW as its preinitialised context) and
// chooses the presentation: copied when WebGL runs in software, direct otherwise. `?present=copy`
// or `?present=direct` in the page's address chooses instead (tests, benches, a user's report).
// Returns none if no WebGL2 context could be made. Call before glfwCreateWindow.
Presentation make_gl_context();

// The page's canvas was given a new backing size: the drawing canvas follows it (copied only).
void follow_canvas_size();

// Whether the page can move pixels it shows (copied only): a scroll then moves what the page
// already shows, and only what it brings into view is drawn (ui/screen_damage.h).
bool can_move();

// A frame was drawn into `rects` of a framebuffer fb_w × fb_h (the whole of it if rects is null),
// after `moves` of what the page shows (can_move() only): makes the moves, then shows the
// rectangles (copied only; the direct canvas shows itself).
void show_drawn(const std::vector<ui::PixelRect>* rects, const std::vector<ui::PixelMove>* moves, int fb_w, int fb_h);

// Milliseconds the last show_drawn took: the moves, and the read-back, which waits for GL to finish
// drawing the frame (the benches read it beside ui::last_frame_times()).
double last_show_ms();

}  // namespace jianfu::web
