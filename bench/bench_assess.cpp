// Assessment speed: a 4,000-character draft with every shipped pack (re-checked on each keystroke
// in the app), a 1 MB draft, and copy_ratio of 20,000 characters against a 100,000-character parent.
#include <cstdio>
#include <string>

#include "assess/engine.h"
#include "bench_common.h"
#include "bench_draft.h"
#include "native/allocator.h"
#include "rules/pack_set.h"
#include "text/copy_ratio.h"
#include "text/utf8.h"


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
  p.text = bench_draft(4000);
  std::size_t findings = 0;
  const double small = median_us(201, [&] {
    const auto r = jianfu::assess::assess(p, *packs);
    findings = r.findings.size();
    volatile std::size_t n = jianfu::assess::report_to_json(r).dump().size();
    (void)n;
  });
  std::printf("assess 4,000-character draft (all packs, report to JSON): median %.3f ms, %zu findings\n", small / 1000, findings);

  p.text = bench_draft(1u << 20);  // about one million characters
  const double big = median_us(11, [&] { findings = jianfu::assess::assess(p, *packs).findings.size(); });
  std::printf("assess 1 MB draft (%zu characters): median %.1f ms\n", jianfu::text::count_code_points(p.text), big / 1000);

  const std::u32string parent = jianfu::text::decode_utf8_or_throw(bench_draft(100000), "parent");
  std::u32string child = parent.substr(30000, 20000);
  for (std::size_t i = 0; i < child.size(); i += 97) child[i] = U'市';  // scattered edits
  double ratio = 0;
  const double cr = median_us(21, [&] { ratio = jianfu::text::copy_ratio(child, parent); });
  std::printf("copy_ratio 20,000 vs 100,000 characters: median %.2f ms (ratio %.3f)\n", cr / 1000, ratio);
  return 0;
}
