#pragma once
#include <string>

#include "ui/platform.h"

namespace jianfu::native {
std::string data_dir();
ui::PlatformServices make_services(const std::string& exe_dir, float content_scale);
}  // namespace jianfu::native
