#pragma once
namespace jianfu::ui { class App; class GlRenderer; class ScreenDamage; }
namespace jianfu::web {
// damage: what the page draws of each frame (null when every frame is drawn whole); renderer: what
// draws it.
void set_test_app(ui::App* app, ui::ScreenDamage* damage, ui::GlRenderer* renderer);
}
