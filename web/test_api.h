#pragma once
namespace jianfu::ui { class App; }
namespace jianfu::web {
void set_test_app(ui::App* app);
}
