// Assessment speed: a 4,000-character draft with every shipped pack (re-checked on each keystroke
// in the app), a 1 MB draft, and copy_ratio of 20,000 characters against a 100,000-character parent.
#include <cstdio>
#include <string>

#include "assess/engine.h"
#include "bench_common.h"
#include "native/allocator.h"
#include "rules/pack_set.h"
#include "text/copy_ratio.h"
#include "text/utf8.h"

namespace {

// A realistic mix: mostly neutral sentences with problems scattered through them.
const char* const kSentences[] = {
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

std::string draft(std::size_t chars) {
  std::string s;
  for (std::size_t i = 0; jianfu::text::count_code_points(s) < chars; ++i) s += kSentences[(i * 7) % 10];
  return s;
}

}  // namespace

int main() {
  jianfu::native::tune_allocator();  // as jianfu-cli and the desktop app do
  const std::vector<std::string> all = jianfu::rules::builtin_pack_ids();
  std::unique_ptr<jianfu::rules::PackSet> packs;
  const double load_us = median_us(5, [&] { packs = jianfu::rules::load_pack_set(all); });
  std::printf("packs: %zu active rules from %zu packs, loaded and compiled in %.2f ms (median of 5)\n",
              packs->rules().size(), packs->packs().size(), load_us / 1000);

  jianfu::assess::Proposal p;
  p.kind = "document";
  p.date = "2026-03-05";
  p.text = draft(4000);
  std::size_t findings = 0;
  const double small = median_us(201, [&] {
    const auto r = jianfu::assess::assess(p, *packs);
    findings = r.findings.size();
    volatile std::size_t n = jianfu::assess::report_to_json(r).dump().size();
    (void)n;
  });
  std::printf("assess 4,000-character draft (all packs, report to JSON): median %.3f ms, %zu findings\n", small / 1000, findings);

  p.text = draft(1u << 20);  // about one million characters
  const double big = median_us(11, [&] { findings = jianfu::assess::assess(p, *packs).findings.size(); });
  std::printf("assess 1 MB draft (%zu characters): median %.1f ms\n", jianfu::text::count_code_points(p.text), big / 1000);

  const std::u32string parent = jianfu::text::decode_utf8_or_throw(draft(100000), "parent");
  std::u32string child = parent.substr(30000, 20000);
  for (std::size_t i = 0; i < child.size(); i += 97) child[i] = U'市';  // scattered edits
  double ratio = 0;
  const double cr = median_us(21, [&] { ratio = jianfu::text::copy_ratio(child, parent); });
  std::printf("copy_ratio 20,000 vs 100,000 characters: median %.2f ms (ratio %.3f)\n", cr / 1000, ratio);
  return 0;
}
