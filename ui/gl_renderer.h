// Draws ImGui's frames with OpenGL 3 / OpenGL ES 3 (WebGL2), in the whole framebuffer or only in
// some rectangles of it (ui/screen_damage.h), and keeps ImGui's textures (the font atlas) on the GPU.
//
// Why not ImGui's own OpenGL 3 renderer: it is written to run inside someone else's engine, so it
// reads back about twenty pieces of GL state before each drawing and restores them after. In a
// browser, some of those reads are round trips to the GPU process that wait for everything queued
// before them: traced at 1920×1080 under software WebGL, about ten such waits of 0.3-0.8 ms each
// per drawn frame, 5 ms of a 12 ms animation frame. This app owns its GL context, so it sets the
// state it needs and reads none. It also uploads a frame's vertices once, however many rectangles
// are drawn, where ImGui's renderer uploads them again for every call.
#pragma once

#include <cstdint>
#include <vector>

#include "imgui.h"
#include "ui/occlusion.h"
#include "ui/screen_damage.h"

namespace jianfu::ui {

class GlRenderer {
 public:
  GlRenderer() = default;
  ~GlRenderer();
  GlRenderer(const GlRenderer&) = delete;
  GlRenderer& operator=(const GlRenderer&) = delete;

  // Needs the GL context current and an ImGui context. glsl_version: the shaders' first line
  // ("#version 130" for desktop OpenGL 3.0, "#version 300 es" for WebGL2). Tells ImGui that this
  // renderer makes its textures. False (with a message on stderr) if the shaders do not build.
  bool init(const char* glsl_version);
  // Drops the textures and GL objects; also done by the destructor while the context is current.
  void shutdown();

  // Brings ImGui's textures up to date, then draws `data` into the bound framebuffer of fb_w×fb_h
  // pixels, cleared to `clear` (RGBA) first. With `rects` (top-left origin, in framebuffer pixels),
  // only inside those rectangles: each is cleared and drawn with every clip rectangle cut to it,
  // so its pixels are those a whole drawing gives; the rest of the framebuffer is left as it was.
  // Where an opaque rectangle hides what is under it, that part is cleared to its colour and drawn
  // from it on (ui/occlusion.h): the same pixels, fewer filled. `occluders`: the frame's, when the
  // caller has found them already (find_occluders()); looked for here otherwise.
  void draw(ImDrawData& data, int fb_w, int fb_h, const float clear[4],
            const std::vector<PixelRect>* rects = nullptr, const std::vector<Occluder>* occluders = nullptr);
  // Whether hidden parts are skipped (on unless turned off, to compare the two drawings).
  void set_occlusion(bool on) { occlusion_ = on; }
  // The passes of the last drawing.
  const std::vector<DrawPass>& passes() const { return passes_; }

 private:
  // A draw call of a pass: indices_[start, start + count) (a drawing of everything) or
  // call_vertices_[start, start + count) (a drawing in parts) with `texture`, cut to `box`; or a
  // command's callback, run in its place.
  struct Call {
    PixelRect box;
    unsigned texture = 0;
    std::size_t start = 0, count = 0;
    const ImDrawList* list = nullptr;
    const ImDrawCmd* callback = nullptr;
  };
  void update_texture(ImTextureData& tex);
  void gather(const ImDrawData& data);
  void upload(bool parts);
  void set_state(const ImDrawData& data, int fb_w, int fb_h);
  void plan_calls(const ImDrawData& data, int fb_h, const PixelRect& cut, std::size_t from, bool only_meeting);

  bool ready_ = false;
  bool occlusion_ = true;
  std::vector<DrawPass> passes_;
  unsigned program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0;
  int loc_projection_ = -1, loc_texture_ = -1;
  unsigned bound_texture_ = 0;
  // The frame's indices, each moved by the position of its list's vertices in the one vertex
  // buffer, so that every list is drawn from the same upload (the frame's draw positions).
  std::vector<ImDrawVert> vertices_;
  std::vector<std::uint32_t> indices_;
  std::vector<std::uint32_t> list_first_index_;
  std::vector<Call> calls_;                   // the frame's draw calls, pass after pass
  std::vector<ImDrawVert> call_vertices_;  // their triangles' vertices, for a drawing in parts
};

}  // namespace jianfu::ui
