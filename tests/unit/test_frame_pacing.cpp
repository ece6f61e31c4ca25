// When the window is drawn (ui/frame_pacing.h): every frame while the user works and for a few
// seconds after, then a few times a second; anything outside ImGui's input queue can wake it.
#include <doctest/doctest.h>

#include "ui/frame_pacing.h"

using jianfu::ui::FramePacer;

namespace {
// Draws at every 1/60 s tick from `from` to `to` that the pacer asks for; returns how many.
int frames_between(FramePacer& p, double from, double to, bool input = false) {
  int n = 0;
  for (double t = from; t < to; t += 1.0 / 60) {
    if (p.due(t, input)) {
      p.drew(t);
      ++n;
    }
  }
  return n;
}
}  // namespace

TEST_CASE("frame pacing: full rate after input, a few frames a second once idle") {
  FramePacer p;
  CHECK(p.due(0.0, false));  // the first frame is always drawn
  p.drew(0.0);
  CHECK(p.wait(0.5) == 0.0);  // still within the active seconds after start
  CHECK(frames_between(p, 0.01, 2.9) > 160);
  const int idle = frames_between(p, 3.5, 5.5);
  CHECK(idle >= 18);
  CHECK(idle <= 21);  // 10 a second, not 60
  CHECK(p.wait(5.51) > 0.0);
  CHECK(p.wait(5.51) <= FramePacer::kIdleInterval);
}

TEST_CASE("frame pacing: input or a wake-up draws at once and restores the full rate") {
  FramePacer p;
  frames_between(p, 0.0, 10.0);
  CHECK(p.wait(10.0) > 0.0);
  CHECK(p.due(10.0, true));  // a key press: drawn at the next tick
  p.drew(10.0);
  CHECK(frames_between(p, 10.01, 12.9) > 160);
  frames_between(p, 12.9, 20.0);
  p.wake();  // an IME composition, a file loaded, a resized window
  CHECK(p.wait(20.0) == 0.0);
  CHECK(p.due(20.0, false));
  p.drew(20.0);
  CHECK(p.due(20.02, false));  // and the next ones too
}
