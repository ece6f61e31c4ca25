#pragma once
#include "ui/platform.h"

namespace jianfu::web {
// Services for the browser: database in the IndexedDB-backed /data folder, the preloaded subset
// font, and the rest of the font fetched on demand.
ui::PlatformServices make_services(float device_pixel_ratio);
}  // namespace jianfu::web
