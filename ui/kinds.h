// The kinds of proposal the checklist knows (contract codes) with the labels officials use.
#pragma once
#include <cstddef>
#include <string>

namespace jianfu::ui {

struct KindLabel {
  const char* code;
  const char* label;
  const char* hint;  // one line on the start screen
};

inline constexpr KindLabel kKinds[] = {
    {"document", "发文", "通知、方案、意见等文件"},
    {"meeting", "会议", "会议通知、视频会安排"},
    {"inspection", "督查检查考核", "督查、检查、考核、督导方案"},
    {"research", "调研", "调研函、接待方案"},
    {"digital", "政务APP、工作群", "推广APP、建群、打卡"},
    {"data_request", "数据填报", "报表、摸排、统计"},
    {"activity", "创建示范、评比表彰、节庆", "创建、评比、达标、节庆论坛展会"},
    {"secondment", "借调", "借调、跟班学习"},
    {"school_task", "进校园", "社会事务进校园"},
    {"hospital_task", "进医院", "非医疗任务进医院"},
};
// The start screen's two cards after the kinds of proposal (code: a review record's type, the
// training screen's name); the review's label also names its records.
inline constexpr KindLabel kReviewCard{"review", "村（社区）工作事项准入", "能否交给村（社区）"};
inline constexpr KindLabel kTrainingCard{"training", "培训练习", "典型案例练习与测验"};
inline constexpr int kKindCount = static_cast<int>(sizeof(kKinds) / sizeof(kKinds[0]));

inline int kind_index(const std::string& code) {
  for (int i = 0; i < kKindCount; ++i)
    if (code == kKinds[i].code) return i;
  return 0;
}
inline const char* kind_label(const std::string& code) {
  for (const auto& k : kKinds)
    if (code == k.code) return k.label;
  return code.empty() ? "" : code == kReviewCard.code ? kReviewCard.label : "其他";
}

}  // namespace jianfu::ui
