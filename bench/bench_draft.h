// The draft the native benchmarks check and save: a realistic mix of neutral sentences with
// problems scattered through them, repeated to the length asked.
#pragma once
#include <cstddef>
#include <string>

#include "text/utf8.h"

inline const char* const kBenchSentences[] = {
    "各乡镇要组织农技人员深入田间地头开展技术指导，确保春耕生产顺利推进。",
    "县财政安排专项资金支持高标准农田建设，县农业农村局牵头做好项目管理。",
    "请各乡镇于今天下班前报送贯彻落实情况。",
    "督查实行千分制考核，每月对各乡镇进行排名通报。",
    "检查中不得要求基层拍照留痕，不搞层层陪同。",
    "各村（社区）要结合实际制定具体实施方案。",
    "要强化督促检查，及时研究解决工作中遇到的问题，推动各项任务落到实处。",
    "每个社区每天完成点赞不少于500次，参与率纳入月度排名通报。",
    "坚持问题导向，聚焦群众急难愁盼，把各项措施落到实处。",
    "对发生较大事故的乡镇实行一票否决。",
};

// At least `chars` characters; shift starts the sentence order elsewhere (distinct drafts).
inline std::string bench_draft(std::size_t chars, std::size_t shift = 0) {
  std::string s;
  for (std::size_t i = 0; jianfu::text::count_code_points(s) < chars; ++i) s += kBenchSentences[(i * 7 + shift) % 10];
  return s;
}
