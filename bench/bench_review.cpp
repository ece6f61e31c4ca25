// Work-item review against lists of 500 entries (the national lists, padded with entries built
// from real list vocabulary so that they look like a province's full catalogue).
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "bench_common.h"
#include "native/allocator.h"
#include "review/review.h"

int main() {
  jianfu::native::tune_allocator();
  nlohmann::json pack = nlohmann::json::parse(*jianfu::review::builtin_list_text("village-national"));
  const char* const verbs[] = {"协助", "配合", "做好", "开展", "落实"};
  const char* const objects[] = {"老年人", "困难群众", "退役军人", "残疾人", "留守儿童", "流动人口", "农户", "商户", "学生", "新就业群体"};
  const char* const actions[] = {"信息登记", "政策宣传", "走访慰问", "需求摸底", "服务对接", "补贴申请受理", "健康随访", "安全提示", "技能培训报名", "意见收集"};
  std::size_t n = pack["entries"].size();
  for (std::size_t i = 0; n < 500; ++i, ++n) {
    const std::string name = std::string(verbs[i % 5]) + objects[(i / 5) % 10] + actions[(i / 50) % 10] + "（" + std::to_string(i) + "）";
    pack["entries"].push_back({{"id", "X" + std::to_string(i)}, {"list", i % 3 ? "assist" : "duty"}, {"name", name},
                               {"aliases", {std::string(objects[(i / 5) % 10]) + actions[(i / 50) % 10]}}, {"source", "assist-typical"}});
  }
  std::vector<jianfu::review::ListPack> packs{jianfu::review::parse_list_pack(pack.dump(), "bench")};
  const auto lists = jianfu::review::ListSet::build(std::move(packs));
  const auto item = jianfu::review::work_item_from_json(
      {{"name", "协助开展低保入户调查"}, {"description", "对申请低保的家庭入户核实收入和财产情况，不要求填表报数"},
       {"department", "县民政局"}, {"funding", true}, {"staff_support", true}});
  std::string decision;
  jianfu::review::review(item, *lists);  // one run before timing (first-touch of memory)
  const double us = median_us(501, [&] { decision = jianfu::review::review(item, *lists).decision; });
  std::printf("review against %zu list entries: median %.3f ms (%s)\n", lists->entries().size(), us / 1000, decision.c_str());
  return 0;
}
