// When the window needs drawing. While the user works, and for a few seconds after the last input,
// every frame is drawn; after that only a few times a second, which is enough for the timers
// (debounced checks, autosave) and the caret. Drawing every frame of an idle window kept 1.4
// processor cores busy on the desktop with software OpenGL; on a county office's old PC without a
// GPU driver that is a hot, loud machine doing nothing.
#pragma once

#include <algorithm>

namespace jianfu::ui {

class FramePacer {
 public:
  static constexpr double kActiveSeconds = 3.0;  // full rate for this long after the last input
  static constexpr double kIdleInterval = 0.1;   // then one frame every 100 ms

  // Something the UI must show happened outside ImGui's input queue (an IME composition, a file
  // that finished loading, a resized window, a command from a test): draw now, at full rate.
  void wake() { woken_ = true; }
  // Whether to draw at `now` (seconds). input: events are waiting in ImGui's queue.
  bool due(double now, bool input) {
    if (input || woken_) {
      woken_ = false;
      active_until_ = now + kActiveSeconds;
      return true;
    }
    return now < active_until_ || now - last_drawn_ >= kIdleInterval;
  }
  // How long the shell may sleep for events before the next frame is due (0: draw at once).
  double wait(double now) const {
    if (woken_ || now < active_until_) return 0.0;
    return std::max(0.0, last_drawn_ + kIdleInterval - now);
  }
  void drew(double now) { last_drawn_ = now; }

 private:
  bool woken_ = true;  // the first frame is always drawn
  double active_until_ = 0.0, last_drawn_ = -1e9;
};

// The pacer of this process's one window (ImGui's context is one per process too).
FramePacer& frame_pacer();
// Whether input events are waiting for the next ImGui frame.
bool input_waiting();

}  // namespace jianfu::ui
