// The start screen: what to check (the ten kinds of proposal, a work item for a village or
// community committee, or a training course), and the most recent records to pick up again.
#pragma once
#include "ui/context.h"

namespace jianfu::ui {

// The two cards after the kinds of proposal (ui/kinds.h).
struct HomeCard {
  const char* label;
  const char* hint;
};
inline constexpr HomeCard kReviewCard{"村（社区）工作事项准入", "能否交给村（社区）"};
inline constexpr HomeCard kTrainingCard{"培训练习", "典型案例练习与测验"};

void draw_home(Context& ctx);

}  // namespace jianfu::ui
