#include "web/canvas_present.h"

#include <GLES3/gl3.h>
#include <emscripten.h>

namespace {

// Module.jianfuPresent: {mode: 'direct' | 'copy', gl, view (the page's 2D context when copying),
// scratch and row (buffers of the copy), moves (the 2D context moves go through)}. The tests and
// benches read `mode` and `gl`.
//
// ImGui needs no depth or stencil buffer and draws opaque. preserveDrawingBuffer keeps the pixels a
// partial frame does not draw: a direct canvas would otherwise be cleared after each presentation.
//
// The drawing canvas is made off the page first, and asked what draws it: a software renderer
// keeps it there (its frames are copied); otherwise it is dropped, and the context is made on the
// page's own canvas. A canvas holds one kind of context for life, which is why the choice comes
// before the page's canvas is given one.
EM_JS(int, present_make_context, (), {
  var attrs = {antialias: false, alpha: false, depth: false, stencil: false, preserveDrawingBuffer: true};
  var page = Module['canvas'];
  var asked = new URLSearchParams(location.search).get('present');
  var p = Module['jianfuPresent'] = {mode: 'direct', gl: null, view: null, scratch: null, row: null};
  if (asked !== 'direct') {
    var off = document.createElement('canvas');
    off.width = page.width; off.height = page.height;
    var gl = off.getContext('webgl2', attrs);
    var software = false;
    if (gl) {
      // Browsers that do not offer the unmasked name give a plain one that still names the family.
      var info = gl.getExtension('WEBGL_debug_renderer_info');
      var name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      software = /SwiftShader|llvmpipe|softpipe|Software|Basic Render/i.test(name);
    }
    var view = gl && (asked === 'copy' || software) ? page.getContext('2d', {alpha: false}) : null;
    if (view) {
      p.mode = 'copy'; p.gl = gl; p.view = view;
    } else if (gl) {
      var lose = gl.getExtension('WEBGL_lose_context');
      if (lose) lose.loseContext();
    }
  }
  if (!p.gl) p.gl = page.getContext('webgl2', attrs);
  Module['preinitializedWebGLContext'] = p.gl;
  return p.gl ? (p.mode === 'copy' ? 2 : 1) : 0;
});

EM_JS(void, present_follow_size, (), {
  var p = Module['jianfuPresent'];
  if (!p || p.mode !== 'copy') return;
  var page = Module['canvas'];
  p.gl.canvas.width = page.width;
  p.gl.canvas.height = page.height;
});

// Reads the rectangles back, turns each upright (WebGL's rows run bottom up) and puts it on the
// page. rects: n rectangles as x0, y0, x1, y1 in the wasm heap. One buffer, the size of the
// largest rectangle read so far, holds the pixels and is lent to the ImageData as it is.
// readPixels waits for the drawing to finish, which a frame shown on screen must do anyway.
// (Reading all of a frame's rectangles into a pixel pack buffer, to wait once, saved nothing
// measurable on a scroll's rectangles, and made a whole frame at 1920×1080 cost the GPU process
// three times as much.)
EM_JS(void, present_copy_rects, (const int* rects, int n, int fb_h), {
  var p = Module['jianfuPresent'];
  var gl = p.gl;
  var r = HEAP32.subarray(rects >> 2, (rects >> 2) + 4 * n);
  for (var i = 0; i < n; i++) {
    var x0 = r[4 * i], y0 = r[4 * i + 1], w = r[4 * i + 2] - x0, h = r[4 * i + 3] - y0;
    if (w <= 0 || h <= 0) continue;
    var bytes = w * h * 4, stride = w * 4;
    if (!p.scratch || p.scratch.byteLength < bytes) p.scratch = new ArrayBuffer(bytes);
    if (!p.row || p.row.length < stride) p.row = new Uint8Array(stride);
    var rows = new Uint8Array(p.scratch, 0, bytes);
    gl.readPixels(x0, fb_h - y0 - h, w, h, gl.RGBA, gl.UNSIGNED_BYTE, rows);
    var spare = p.row.subarray(0, stride);
    for (var top = 0, bottom = h - 1; top < bottom; top++, bottom--) {
      var a = rows.subarray(top * stride, (top + 1) * stride);
      var b = rows.subarray(bottom * stride, (bottom + 1) * stride);
      spare.set(a); a.set(b); b.set(spare);
    }
    p.view.putImageData(new ImageData(new Uint8ClampedArray(p.scratch, 0, bytes), w, h), x0, y0);
  }
});

// Moves the pixels the page shows `dy` rows up into [x0, x1) × [y0, y1) (down if dy < 0), through
// a canvas of its own: a 2D canvas drawn into itself first copies all of itself (8 ms for a
// 693×672 move in a 1920×1080 canvas, measured in this Chromium), two copies of the moved part
// take 1.2 ms. Both canvases are opaque and drawn at the same size and at whole pixels, without
// smoothing: each pixel is copied unchanged.
EM_JS(void, present_move_rect, (int x0, int y0, int x1, int y1, int dy), {
  var p = Module['jianfuPresent'];
  var w = x1 - x0, h = y1 - y0;
  if (w <= 0 || h <= 0) return;
  if (!p.moves) p.moves = document.createElement('canvas').getContext('2d', {alpha: false});
  var m = p.moves;
  if (m.canvas.width < w || m.canvas.height < h) {
    m.canvas.width = Math.max(m.canvas.width, w);
    m.canvas.height = Math.max(m.canvas.height, h);
  }
  m.imageSmoothingEnabled = false;
  p.view.imageSmoothingEnabled = false;
  m.drawImage(p.view.canvas, x0, y0 + dy, w, h, 0, 0, w, h);
  p.view.drawImage(m.canvas, 0, 0, w, h, x0, y0, w, h);
});

jianfu::web::Presentation g_presentation = jianfu::web::Presentation::none;
double g_show_ms = 0;

}  // namespace

namespace jianfu::web {

Presentation make_gl_context() {
  const int made = present_make_context();
  g_presentation = made == 2 ? Presentation::copied : made == 1 ? Presentation::direct : Presentation::none;
  return g_presentation;
}

void follow_canvas_size() {
  if (g_presentation == Presentation::copied) present_follow_size();
}

bool can_move() { return g_presentation == Presentation::copied; }

double last_show_ms() { return g_show_ms; }

void show_drawn(const std::vector<ui::PixelRect>* rects, const std::vector<ui::PixelMove>* moves, int fb_w, int fb_h) {
  g_show_ms = 0;
  if (g_presentation != Presentation::copied) return;
  const double start = emscripten_get_now();
  // The frame's GL commands go to the GPU process now, which draws them while the page makes its
  // moves; the read-back then waits for less.
  if (moves && !moves->empty()) {
    glFlush();
    for (const ui::PixelMove& m : *moves) present_move_rect(m.to.x0, m.to.y0, m.to.x1, m.to.y1, m.dy);
  }
  static std::vector<int> flat;  // x0, y0, x1, y1 of each rectangle, for the page to read
  flat.clear();
  if (!rects) {
    flat = {0, 0, fb_w, fb_h};
  } else {
    for (const ui::PixelRect& r : *rects) flat.insert(flat.end(), {r.x0, r.y0, r.x1, r.y1});
  }
  if (!flat.empty()) present_copy_rects(flat.data(), static_cast<int>(flat.size() / 4), fb_h);
  g_show_ms = emscripten_get_now() - start;
}

}  // namespace jianfu::web
