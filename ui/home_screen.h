// The start screen: what to check (the ten kinds of proposal, a work item for a village or
// community committee, or a training course), and the most recent records to pick up again.
#pragma once
#include "ui/context.h"

namespace jianfu::ui {

void draw_home(Context& ctx);

}  // namespace jianfu::ui
