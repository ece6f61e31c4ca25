// The audit log's edits of long texts (storage/text_edit.h): only the changed part is kept, on
// character boundaries, and either version is rebuilt from the other.
#include <doctest/doctest.h>

#include <string>
#include <tuple>
#include <utility>

#include "storage/record_store.h"
#include "storage/text_edit.h"

using namespace jianfu::storage;

namespace {
std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}
}  // namespace

TEST_CASE("text edit: the part that changed, where it starts, and the new version rebuilt from the old") {
  const std::string pad = repeat("各乡镇要按时报送材料。", 40);
  struct Case { std::string before, after, removed, inserted; std::size_t at; };
  const Case cases[] = {
      {pad + "甲" + pad, pad + "甲乙" + pad, "", "乙", pad.size() + 3},  // typed in the middle
      {pad, pad + "新的一句。", "", "新的一句。", pad.size()},             // typed at the end
      {"开头" + pad, pad, "开头", "", 0},                                  // deleted at the start
      {pad + "旧" + pad, pad + "新" + pad, "旧", "新", pad.size()},        // replaced
      {"", "全文", "", "全文", 0},
      {"全文", "全文", "", "", 6},                                          // unchanged: nothing
  };
  for (const auto& c : cases) {
    const TextEdit e = edit_between(c.before, c.after);
    CHECK(e.at == c.at);
    CHECK(e.removed == c.removed);
    CHECK(e.inserted == c.inserted);
    CHECK(apply_edit(c.before, e) == c.after);
  }
}

TEST_CASE("text edit: the parts are whole characters when the two versions share bytes of one") {
  const std::string pad = repeat("文", 200);
  // 乙 E4 B9 99 and 丁 E4 B8 81 share their first byte; 乙 and 幙 (E5 B9 99) their last two.
  const std::pair<std::string, std::string> pairs[] = {{"乙", "丁"}, {"乙", "幙"}, {"乙丙", "幙丙"}};
  for (const auto& [was, now] : pairs) {
    const TextEdit e = edit_between(pad + was + pad, pad + now + pad);
    CHECK(e.at == pad.size());
    CHECK(e.removed == was.substr(0, was.size() - (was.size() > 3 ? 3 : 0)));
    CHECK(e.inserted == now.substr(0, now.size() - (now.size() > 3 ? 3 : 0)));
    CHECK(apply_edit(pad + was + pad, e) == pad + now + pad);
  }
}

TEST_CASE("store: a word typed into a long draft logs that word and where, not the draft twice") {
  RecordStore s(":memory:");
  Record r;
  r.type = "assessment";
  r.title = "通知";
  r.body = repeat("各乡镇要按时报送材料并排名通报。", 250);  // 4,000 characters
  r.data = R"({"proposal":{"text":")" + r.body + R"("},"findings":[]})";
  r = s.save(r, "张三");
  const Record before = r;
  r.body += "请于本周内完成。";
  r.data = R"({"proposal":{"text":")" + r.body + R"("},"findings":[]})";
  r.status = "final";
  s.save(r, "张三", "定稿");
  const auto log = s.audit(r.id);
  REQUIRE(log.size() == 4);  // create, body, data, status
  std::size_t logged = 0;
  for (const auto& e : log) logged += e.old_value.size() + e.new_value.size();
  CHECK(logged < 200);  // against some 48,000 bytes of body and data, old and new
  CHECK(log[1].action == "edit");
  CHECK(log[1].field == "body@" + std::to_string(before.body.size()));
  CHECK(log[1].new_value == "请于本周内完成。");
  CHECK(log[2].action == "edit");
  CHECK(log[2].field.rfind("data@", 0) == 0);
  // Short fields keep both values whole.
  CHECK(log[3].action == "update");
  CHECK(log[3].old_value == "draft");
  CHECK(log[3].new_value == "final");
  // The logged edits rebuild the saved values from the earlier ones.
  const std::tuple<AuditEntry, std::string, std::string> edits[] = {{log[1], before.body, r.body}, {log[2], before.data, r.data}};
  for (const auto& [entry, was, now] : edits) {
    TextEdit e;
    e.at = std::stoul(entry.field.substr(entry.field.find('@') + 1));
    e.removed = entry.old_value;
    e.inserted = entry.new_value;
    CHECK(apply_edit(was, e) == now);
  }
  CHECK(s.verify_audit().ok);
}
