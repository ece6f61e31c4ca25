// The store with 100,000 assessments: opening it, one history page, full-text searches (also while
// a changed record waits for the index).
#include <cstdint>
#include <cstdio>
#include <string>

#include "bench_common.h"
#include "native/allocator.h"
#include "storage/record_store.h"

int main(int argc, char** argv) {
  jianfu::native::tune_allocator();
  const std::string path = argc > 1 ? argv[1] : "bench_store.sqlite3";
  const char* const parts[] = {"请各乡镇于今天下班前报送贯彻落实情况。", "督查实行千分制考核，每月排名通报。",
                               "县农业农村局做好技术服务，县财政安排专项资金。", "检查中不得要求基层拍照留痕。",
                               "各村（社区）要结合实际制定具体实施方案。"};
  {
    jianfu::storage::RecordStore s(path);
    if (s.count() < 100000) {
      // Built once and kept next to the benchmark (about 50 s on this machine).
      s.db().exec("PRAGMA synchronous=OFF");
      // Kinds, verdicts and dates drawn independently (a fixed-seed generator), as in real use.
      std::uint32_t rng = 12345;
      auto next = [&rng] { rng = rng * 1664525u + 1013904223u; return rng >> 8; };
      s.db().transaction([&] {
        for (int i = static_cast<int>(s.count()); i < 100000; ++i) {
          jianfu::storage::Record r;
          r.type = "assessment";
          r.kind = next() % 3 ? "document" : "meeting";
          r.title = "关于第" + std::to_string(i) + "号事项的通知";
          for (int k = 0; k < 12; ++k) r.body += parts[(i + k) % 5];
          r.verdict = next() % 4 ? "revise" : "reject";
          r.data = "{\"findings\":[]}";
          // Raw insert: the audit trail of a synthetic history is not what is measured here.
          auto st = s.db().prepare("INSERT INTO records(id, type, kind, title, body, data, verdict, created_at, updated_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)");
          char ts[32];
          std::snprintf(ts, sizeof ts, "2026-%02u-%02uT%02u:%02u:00Z", 1 + next() % 12, 1 + next() % 28, next() % 24, next() % 60);
          st.bind(1, jianfu::storage::new_record_id()).bind(2, r.type).bind(3, r.kind).bind(4, r.title)
              .bind(5, r.body).bind(6, r.data).bind(7, r.verdict).bind(8, std::string(ts));
          st.step();
        }
      });
    }
  }
  const double open_us = median_us(11, [&] { jianfu::storage::RecordStore s(path); });
  jianfu::storage::RecordStore s(path);
  const std::size_t n = s.count();
  std::size_t page = 0, hits = 0;
  const double page_us = median_us(51, [&] { page = s.history(jianfu::storage::HistoryFilter{}, 50, 200).size(); });
  jianfu::storage::HistoryFilter f;
  f.query = "千分制考核";  // in every synthetic record: the worst case
  const double fts_us = median_us(21, [&] { hits = s.history(f, 50).size(); });
  jianfu::storage::HistoryFilter rare;
  rare.query = "第4242号";  // in one record
  std::size_t rare_hits = 0;
  const double rare_us = median_us(21, [&] { rare_hits = s.history(rare, 50).size(); });
  jianfu::storage::HistoryFilter g;
  g.kind = "meeting";
  g.verdict = "reject";
  const double filter_us = median_us(51, [&] { page = s.history(g, 50).size(); });
  // The same searches while one changed record waits for the index (as after an autosave), rolled
  // back so that the kept file does not change.
  s.db().exec("BEGIN");
  s.db().exec("UPDATE records SET body = body || '补充一句。' WHERE rowid = 4242");
  std::size_t waiting_hits = 0, waiting_rare = 0;
  const double waiting_fts_us = median_us(21, [&] { waiting_hits = s.history(f, 50).size(); });
  const double waiting_rare_us = median_us(21, [&] { waiting_rare = s.history(rare, 50).size(); });
  s.db().exec("ROLLBACK");
  std::printf("store with %zu records: open %.1f ms; history page (50, offset 200) %.2f ms; "
              "filtered page (kind + verdict) %.2f ms; full-text search: words in every record %.2f ms (%zu shown), "
              "words in one record %.2f ms (%zu); with a changed record not yet indexed: %.2f ms (%zu), %.2f ms (%zu)\n",
              n, open_us / 1000, page_us / 1000, filter_us / 1000, fts_us / 1000, hits, rare_us / 1000, rare_hits,
              waiting_fts_us / 1000, waiting_hits, waiting_rare_us / 1000, waiting_rare);
  return 0;
}
