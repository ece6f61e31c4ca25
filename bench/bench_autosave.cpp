// One autosave of the assessment screen, part by part: a 4,000-character draft with a sentence
// typed into it, in a store that already holds some records (first argument, default 300), with
// the journal the browser uses (a rollback journal: the file lives in memory there).
//   record — the report and proposal as the record's JSON (report::assessment_record and the
//            screen's own fields, as AssessScreen::autosave does)
//   save   — RecordStore::save: the row, the audit entries, the commit
//   index  — bringing the full-text index up to date with the saved draft, which the next opening
//            of the store does (RecordStore::index_pending; saves before schema 4 did it each time)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "assess/engine.h"
#include "bench_draft.h"
#include "native/allocator.h"
#include "report/records.h"
#include "rules/pack_set.h"
#include "storage/record_store.h"
#include "text/utf8.h"

namespace {

// The byte where the n-th character starts.
std::size_t byte_of_char(const std::string& s, std::size_t n) {
  std::size_t i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n-- == 0) break;
  }
  return i;
}

using nlohmann::json;

template <class Fn>
double time_us(Fn&& fn) {
  const auto a = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - a).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// What AssessScreen::autosave hands to the store.
jianfu::storage::Record record_of(const json& proposal, const jianfu::assess::Report& report) {
  return jianfu::report::assessment_record(proposal, jianfu::assess::report_to_json(report),
                                           {{"reasons", json::object()}, {"verdict_text", report.verdict_text}});
}

struct Timing {
  double record_us = 0, save_us = 0, index_us = 0;
};

Timing autosaves(const std::string& path, std::size_t stored, const jianfu::rules::PackSet& packs) {
  std::remove(path.c_str());
  std::remove((path + "-journal").c_str());
  jianfu::storage::RecordStore store(path, /*wal=*/false);
  json proposal = {{"kind", "document"}, {"title", "关于做好春耕生产工作的通知"}, {"facts", json::object()}, {"date", "2026-03-05"}};
  store.db().exec("PRAGMA synchronous=OFF");  // filling is not what is measured
  for (std::size_t i = 0; i < stored; ++i) {
    proposal["text"] = bench_draft(4000, i);
    const auto report = jianfu::assess::assess(jianfu::assess::proposal_from_json(proposal), packs);
    store.save(record_of(proposal, report));
  }
  store.db().exec("PRAGMA synchronous=FULL");
  const std::string base = bench_draft(4000, 3);
  proposal["text"] = base;
  const std::string id =
      store.save(record_of(proposal, jianfu::assess::assess(jianfu::assess::proposal_from_json(proposal), packs))).id;
  // Each autosave follows a sentence typed somewhere in the draft (a different place each time);
  // the parts are timed one after the other in each round.
  std::vector<double> record_us, save_us, index_us;
  for (std::size_t round = 0; round < 31; ++round) {
    std::string text = base;
    text.insert(byte_of_char(text, (round * 997) % 3900), kBenchSentences[round % 10]);
    proposal["text"] = text;
    const auto report = jianfu::assess::assess(jianfu::assess::proposal_from_json(proposal), packs);
    jianfu::storage::Record r;
    record_us.push_back(time_us([&] { r = record_of(proposal, report); }));
    r.id = id;
    save_us.push_back(time_us([&] { store.save(r); }));
    index_us.push_back(time_us([&] { store.index_pending(); }));
  }
  const Timing t{median(record_us), median(save_us), median(index_us)};
  std::remove(path.c_str());
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  jianfu::native::tune_allocator();
  const std::size_t stored = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 300;
  const std::string path = argc > 2 ? argv[2] : "bench_autosave.sqlite3";
  const auto packs = jianfu::rules::load_pack_set(jianfu::rules::builtin_pack_ids());
  const Timing t = autosaves(path, stored, *packs);
  std::printf("autosave of a 4,000-character draft, %zu records stored (medians of 31): record JSON %.2f ms; "
              "save %.2f ms; its full-text index brought up to date (on the next opening) %.2f ms\n",
              stored, t.record_us / 1000, t.save_us / 1000, t.index_us / 1000);
  return 0;
}
