#include "ui/gl_renderer.h"

#include <GLFW/glfw3.h>  // with the GL 3 / GLES 3 declarations the build asks for (ui/CMakeLists.txt)

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <string>

#include "imgui.h"
#include "ui/occlusion.h"

namespace jianfu::ui {
namespace {

// Attribute slots, bound by name before linking (GLSL 1.30 has no layout qualifiers).
constexpr GLuint kPos = 0, kUv = 1, kColor = 2;
// Not a texture name GL hands out: the next command binds its texture whatever it is.
constexpr unsigned kNoTexture = ~0u;

// The shaders' bodies are valid both as GLSL 1.30 and as GLSL ES 3.00; only the version line differs.
constexpr const char* kVertexBody = R"(
precision highp float;
uniform mat4 projection;
in vec2 pos;
in vec2 uv;
in vec4 color;
out vec2 frag_uv;
out vec4 frag_color;
void main() {
  frag_uv = uv;
  frag_color = color;
  gl_Position = projection * vec4(pos, 0.0, 1.0);
}
)";
// highp in the fragment shader too (every GLES 3 / WebGL2 device has it): atlas coordinates at
// mediump, 16-bit floats on many phones and tablets, miss texels of a large Chinese font atlas.
constexpr const char* kFragmentBody = R"(
precision highp float;
uniform sampler2D atlas;
in vec2 frag_uv;
in vec4 frag_color;
out vec4 out_color;
void main() {
  out_color = frag_color * texture(atlas, frag_uv);
}
)";

// Whether a shader compiled (or a program linked); if not, says why on stderr.
template <typename GetStatus, typename GetLog>
bool built(GLuint object, GLenum status, GetStatus get_status, GetLog get_log, const char* what) {
  GLint ok = 0;
  get_status(object, status, &ok);
  if (ok) return true;
  char log[1024] = {};
  get_log(object, static_cast<GLsizei>(sizeof log), nullptr, log);
  std::fprintf(stderr, "错误 [GL_SHADER]: %s：%s\n", what, log);
  return false;
}

GLuint compile(GLenum kind, const char* version, const char* body) {
  const std::string source = std::string(version) + "\n" + body;
  const char* text = source.c_str();
  const GLuint shader = glCreateShader(kind);
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  if (!built(shader, GL_COMPILE_STATUS, glGetShaderiv, glGetShaderInfoLog, "着色器编译失败")) {
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

}  // namespace

GlRenderer::~GlRenderer() { shutdown(); }

bool GlRenderer::init(const char* glsl_version) {
  const GLuint vs = compile(GL_VERTEX_SHADER, glsl_version, kVertexBody);
  const GLuint fs = compile(GL_FRAGMENT_SHADER, glsl_version, kFragmentBody);
  if (!vs || !fs) {
    if (vs) glDeleteShader(vs);
    if (fs) glDeleteShader(fs);
    return false;
  }
  program_ = glCreateProgram();
  glAttachShader(program_, vs);
  glAttachShader(program_, fs);
  glBindAttribLocation(program_, kPos, "pos");
  glBindAttribLocation(program_, kUv, "uv");
  glBindAttribLocation(program_, kColor, "color");
  glLinkProgram(program_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  if (!built(program_, GL_LINK_STATUS, glGetProgramiv, glGetProgramInfoLog, "着色器链接失败")) {
    glDeleteProgram(program_);
    program_ = 0;
    return false;
  }
  loc_projection_ = glGetUniformLocation(program_, "projection");
  loc_texture_ = glGetUniformLocation(program_, "atlas");

  // One vertex array for the life of the renderer: it keeps the attribute layout and the index
  // buffer, and each frame only refills the two buffers.
  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vbo_);
  glGenBuffers(1, &ibo_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);
  const GLsizei stride = sizeof(ImDrawVert);
  glEnableVertexAttribArray(kPos);
  glEnableVertexAttribArray(kUv);
  glEnableVertexAttribArray(kColor);
  glVertexAttribPointer(kPos, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(kColor, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
  glBindVertexArray(0);

  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "jianfu_gl";
  // Textures are made and updated here; commands may start anywhere in their list's vertices
  // (indices are moved on upload), so ImGui need not split lists at 65,536 vertices.
  io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures | ImGuiBackendFlags_RendererHasVtxOffset;
  GLint max_size = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
  ImGui::GetPlatformIO().Renderer_TextureMaxWidth = ImGui::GetPlatformIO().Renderer_TextureMaxHeight = max_size;
  ready_ = true;
  return true;
}

void GlRenderer::shutdown() {
  if (!ready_) return;
  ready_ = false;
  if (ImGui::GetCurrentContext()) {
    for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
      if (tex->RefCount != 1 || tex->TexID == ImTextureID_Invalid) continue;  // another context's
      const GLuint id = static_cast<GLuint>(tex->TexID);
      glDeleteTextures(1, &id);
      tex->SetTexID(ImTextureID_Invalid);
      tex->SetStatus(ImTextureStatus_Destroyed);
    }
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = nullptr;
    io.BackendFlags &= ~(ImGuiBackendFlags_RendererHasTextures | ImGuiBackendFlags_RendererHasVtxOffset);
  }
  glDeleteBuffers(1, &vbo_);
  glDeleteBuffers(1, &ibo_);
  glDeleteVertexArrays(1, &vao_);
  glDeleteProgram(program_);
  program_ = vao_ = vbo_ = ibo_ = 0;
  bound_texture_ = 0;
}

// ImGui's texture protocol (imgui.h, ImTextureStatus): make a texture, write the parts of it that
// changed (only parts no earlier glyph used), or drop one no longer used.
void GlRenderer::update_texture(ImTextureData& tex) {
  if (tex.Status == ImTextureStatus_WantCreate || tex.Status == ImTextureStatus_WantUpdates) {
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, tex.Width);  // rows of the whole texture in CPU memory
  }
  if (tex.Status == ImTextureStatus_WantCreate) {
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    // Linear filtering: ImGui draws thick lines from texels of the atlas (ImFontAtlasFlags_NoBakedLines off).
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, tex.Width, tex.Height, 0, GL_RGBA, GL_UNSIGNED_BYTE, tex.GetPixels());
    tex.SetTexID(static_cast<ImTextureID>(id));
    tex.SetStatus(ImTextureStatus_OK);
  } else if (tex.Status == ImTextureStatus_WantUpdates) {
    const GLuint id = static_cast<GLuint>(tex.TexID);
    glBindTexture(GL_TEXTURE_2D, id);
    for (const ImTextureRect& r : tex.Updates) {
      glTexSubImage2D(GL_TEXTURE_2D, 0, r.x, r.y, r.w, r.h, GL_RGBA, GL_UNSIGNED_BYTE, tex.GetPixelsAt(r.x, r.y));
    }
    tex.SetStatus(ImTextureStatus_OK);
  } else if (tex.Status == ImTextureStatus_WantDestroy && tex.UnusedFrames > 0) {
    const GLuint id = static_cast<GLuint>(tex.TexID);
    glDeleteTextures(1, &id);
    tex.SetTexID(ImTextureID_Invalid);
    tex.SetStatus(ImTextureStatus_Destroyed);
  }
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
}

// Every list's vertices into one buffer and its indices, moved by the list's first vertex and the
// command's vertex offset, into another (the frame's draw positions, ui/occlusion.h).
void GlRenderer::gather(const ImDrawData& data) {
  vertices_.clear();
  indices_.clear();
  list_first_index_.clear();
  for (const ImDrawList* list : data.CmdLists) {
    const std::uint32_t first_vertex = static_cast<std::uint32_t>(vertices_.size());
    vertices_.insert(vertices_.end(), list->VtxBuffer.begin(), list->VtxBuffer.end());
    const std::size_t base = indices_.size();
    list_first_index_.push_back(static_cast<std::uint32_t>(base));
    indices_.resize(base + static_cast<std::size_t>(list->IdxBuffer.Size));
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      const std::uint32_t shift = first_vertex + cmd.VtxOffset;
      for (unsigned i = cmd.IdxOffset; i < cmd.IdxOffset + cmd.ElemCount; ++i) {
        indices_[base + i] = shift + list->IdxBuffer.Data[i];
      }
    }
  }
}

// What the draw calls read, from copies made here (filling one buffer piecewise with
// glBufferSubData is what ImGui's renderer gave up for driver trouble): a drawing of everything,
// the frame's vertices and indices; a drawing in parts, the calls' own vertices.
void GlRenderer::upload(bool parts) {
  const std::vector<ImDrawVert>& vertices = parts ? call_vertices_ : vertices_;
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(ImDrawVert)), vertices.data(),
               GL_STREAM_DRAW);
  if (parts) return;
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);  // the vertex array's, bound in set_state
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices_.size() * sizeof(std::uint32_t)),
               indices_.data(), GL_STREAM_DRAW);
}

// Everything the drawing depends on, set without reading anything back.
void GlRenderer::set_state(const ImDrawData& data, int fb_w, int fb_h) {
  glViewport(0, 0, fb_w, fb_h);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
  // Display rectangle → clip space, y downwards.
  const float l = data.DisplayPos.x, r = data.DisplayPos.x + data.DisplaySize.x;
  const float t = data.DisplayPos.y, b = data.DisplayPos.y + data.DisplaySize.y;
  const float projection[16] = {2.0f / (r - l),    0.0f, 0.0f, 0.0f,  //
                                0.0f,              2.0f / (t - b), 0.0f, 0.0f,  //
                                0.0f,              0.0f, -1.0f, 0.0f,  //
                                (r + l) / (l - r), (t + b) / (b - t), 0.0f, 1.0f};
  glUseProgram(program_);
  glUniform1i(loc_texture_, 0);
  glUniformMatrix4fv(loc_projection_, 1, GL_FALSE, projection);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vao_);
  bound_texture_ = kNoTexture;  // a callback may have bound another
}

// The draw calls of a pass: every command from draw position `from` on whose clip rectangle meets
// `cut`, cut to it. For a drawing in parts (`only_meeting`), a call holds copies of the vertices
// of only those of the command's triangles whose bounding box (a pixel wider all round) meets the
// cut: a triangle outside it lights no pixel there. Software GL (SwiftShader) shades every vertex
// between the lowest and the highest index a call uses, so a pass down the left edge of the draft
// editor, drawn from the frame's vertices, cost as much as all of the draft's glyphs.
void GlRenderer::plan_calls(const ImDrawData& data, int fb_h, const PixelRect& cut, std::size_t from, bool only_meeting) {
  const ImVec2 off = data.DisplayPos, scale = data.FramebufferScale;
  const std::size_t first_call = calls_.size();
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList* list = data.CmdLists[n];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {  // only in frames without occluders (from is 0)
        calls_.push_back({{}, 0, 0, 0, list, &cmd});
        continue;
      }
      const std::size_t first = list_first_index_[static_cast<std::size_t>(n)] + cmd.IdxOffset;
      if (first + cmd.ElemCount <= from) continue;  // hidden in this pass by an occluder drawn later
      const PixelRect box = intersect(scissor_rect(cmd.ClipRect, data, fb_h), cut);
      if (box.empty()) continue;
      const std::size_t start = std::max(first, from), end = first + cmd.ElemCount;
      const std::size_t at = only_meeting ? call_vertices_.size() : start;
      if (only_meeting) {
        const float bx0 = static_cast<float>(box.x0) - 1.0f, by0 = static_cast<float>(box.y0) - 1.0f;
        const float bx1 = static_cast<float>(box.x1) + 1.0f, by1 = static_cast<float>(box.y1) + 1.0f;
        for (std::size_t t = start; t + 2 < end; t += 3) {
          const ImDrawVert &va = vertices_[indices_[t]], &vb = vertices_[indices_[t + 1]], &vc = vertices_[indices_[t + 2]];
          const ImVec2 &a = va.pos, &b = vb.pos, &c = vc.pos;
          if ((std::max(std::max(a.x, b.x), c.x) - off.x) * scale.x < bx0 ||
              (std::min(std::min(a.x, b.x), c.x) - off.x) * scale.x > bx1 ||
              (std::max(std::max(a.y, b.y), c.y) - off.y) * scale.y < by0 ||
              (std::min(std::min(a.y, b.y), c.y) - off.y) * scale.y > by1)
            continue;
          call_vertices_.insert(call_vertices_.end(), {va, vb, vc});
        }
      }
      const std::size_t count = only_meeting ? call_vertices_.size() - at : end - start;
      if (count == 0) continue;
      // A call that goes on where the pass's last one ended, with its texture and box, joins it:
      // each call costs software GL a fixed setup (most of a pass's cost over a line of text).
      const unsigned texture = static_cast<unsigned>(cmd.GetTexID());
      Call* last = calls_.size() > first_call ? &calls_.back() : nullptr;
      if (last && !last->callback && last->texture == texture && last->box == box && last->start + last->count == at) {
        last->count += count;
      } else {
        calls_.push_back({box, texture, at, count, nullptr, nullptr});
      }
    }
  }
}

void GlRenderer::draw(ImDrawData& data, int fb_w, int fb_h, const float clear[4], const std::vector<PixelRect>* rects,
                      const std::vector<Occluder>* occluders) {
  if (!ready_) return;
  if (data.Textures) {  // even when nothing is drawn (a minimised window): ImGui expects it every frame
    for (ImTextureData* tex : *data.Textures) {
      if (tex->Status != ImTextureStatus_OK) update_texture(*tex);
    }
  }
  if (fb_w <= 0 || fb_h <= 0) return;
  set_state(data, fb_w, fb_h);
  gather(data);
  const std::vector<PixelRect> whole{{0, 0, fb_w, fb_h}};
  const ImU32 background = ImGui::ColorConvertFloat4ToU32(ImVec4(clear[0], clear[1], clear[2], clear[3]));
  const std::vector<Occluder> found =
      occlusion_ && !occluders ? find_occluders(data, fb_w, fb_h, *ImGui::GetIO().Fonts) : std::vector<Occluder>{};
  passes_ = plan_passes(occlusion_ && occluders ? *occluders : found, rects ? *rects : whole, background);
  calls_.clear();
  call_vertices_.clear();
  std::vector<std::size_t> pass_calls;  // where each pass's calls start
  for (const DrawPass& pass : passes_) {
    pass_calls.push_back(calls_.size());
    plan_calls(data, fb_h, pass.rect, pass.from, rects != nullptr);
  }
  pass_calls.push_back(calls_.size());
  upload(rects != nullptr);
  for (std::size_t p = 0; p < passes_.size(); ++p) {
    const DrawPass& pass = passes_[p];
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(pass.clear);
    glClearColor(c.x, c.y, c.z, c.w);
    glScissor(pass.rect.x0, fb_h - pass.rect.y1, pass.rect.width(), pass.rect.height());
    glClear(GL_COLOR_BUFFER_BIT);
    for (std::size_t i = pass_calls[p]; i < pass_calls[p + 1]; ++i) {
      const Call& call = calls_[i];
      if (call.callback) {
        if (call.callback->UserCallback == ImDrawCallback_ResetRenderState) set_state(data, fb_w, fb_h);
        else call.callback->UserCallback(call.list, call.callback);
        continue;
      }
      glScissor(call.box.x0, fb_h - call.box.y1, call.box.width(), call.box.height());
      if (call.texture != bound_texture_) {
        glBindTexture(GL_TEXTURE_2D, call.texture);
        bound_texture_ = call.texture;
      }
      if (rects) {
        glDrawArrays(GL_TRIANGLES, static_cast<GLint>(call.start), static_cast<GLsizei>(call.count));
      } else {
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(call.count), GL_UNSIGNED_INT,
                       reinterpret_cast<void*>(call.start * sizeof(std::uint32_t)));
      }
    }
  }
  glBindVertexArray(0);
}

}  // namespace jianfu::ui
