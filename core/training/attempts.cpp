#include "training/attempts.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "error.h"
#include "storage/record_store.h"
#include "util/csv.h"

namespace jianfu::training {

namespace {

constexpr const char* kLearnerHeader = "学员";
constexpr const char* kTotalHeader = "总分";

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// learner → exercise → best fraction
using Table = std::map<std::string, std::map<std::string, double>>;

std::string write_table(const std::vector<std::string>& ids, const Table& t) {
  std::string out = "\xEF\xBB\xBF";
  out += kLearnerHeader;
  for (const auto& id : ids) out += "," + util::csv_field(id);
  out += std::string(",") + kTotalHeader + "\r\n";
  for (const auto& [learner, scores] : t) {
    out += util::csv_field(learner);
    double total = 0;
    for (const auto& id : ids) {
      const auto it = scores.find(id);
      out += ",";
      if (it != scores.end()) {
        out += fmt(it->second);
        total += it->second;
      }
    }
    out += "," + fmt(total) + "\r\n";
  }
  return out;
}

}  // namespace

Attempt record_attempt(storage::Database& db, const std::string& learner, const Course& c, const Exercise& e,
                       const std::string& mode, const Answer& given, const Grade& g) {
  if (learner.empty()) throw bad_input("LEARNER_MISSING", "请先填写学员姓名，练习记录才能归到您的名下。");
  Attempt a{storage::new_record_id(), learner, c.id, e.id, mode, answer_to_json(given).dump(), g.score, g.max_score,
            storage::now_utc_iso8601()};
  auto st = db.prepare(
      "INSERT INTO attempts(id, learner, course, exercise, mode, answer, score, max_score, at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)");
  st.bind(1, a.id).bind(2, a.learner).bind(3, a.course).bind(4, a.exercise).bind(5, a.mode).bind(6, a.answer);
  st.bind_real(7, a.score).bind_real(8, a.max_score).bind(9, a.at);
  st.step();
  return a;
}

std::vector<Attempt> attempts(storage::Database& db, const std::string& course, const std::string& learner) {
  auto st = db.prepare(
      "SELECT id, learner, course, exercise, mode, answer, score, max_score, at FROM attempts "
      "WHERE course = ?1 AND (?2 = '' OR learner = ?2) ORDER BY at, id");
  st.bind(1, course).bind(2, learner);
  std::vector<Attempt> out;
  while (st.step()) {
    out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.real(6), st.real(7), st.text(8)});
  }
  return out;
}

Progress progress(storage::Database& db, const Course& c, const std::string& learner) {
  std::set<std::string> tried, right;
  for (const Attempt& a : attempts(db, c.id, learner)) {
    if (!c.find(a.exercise)) continue;  // an exercise since removed from the course
    tried.insert(a.exercise);
    if (a.score >= a.max_score) right.insert(a.exercise);
  }
  return {tried.size(), right.size()};
}

std::string summary_csv(storage::Database& db, const Course& c) {
  Table t;
  for (const Attempt& a : attempts(db, c.id)) {
    if (!c.find(a.exercise) || a.max_score <= 0) continue;
    double& best = t[a.learner].try_emplace(a.exercise, 0.0).first->second;
    best = std::max(best, a.score / a.max_score);
  }
  std::vector<std::string> ids;
  for (const auto& e : c.exercises) ids.push_back(e.id);
  return write_table(ids, t);
}

std::string merge_summaries(const std::vector<std::string>& csvs) {
  std::vector<std::string> ids;
  Table t;
  for (std::size_t f = 0; f < csvs.size(); ++f) {
    const auto rows = util::parse_csv(csvs[f]);
    const std::string which = "第 " + std::to_string(f + 1) + " 个文件";
    if (rows.empty() || rows[0].size() < 2 || rows[0].front() != kLearnerHeader || rows[0].back() != kTotalHeader)
      throw bad_input("SUMMARY_FORMAT", which + "不是减负工具导出的培训成绩表（第一行应为“学员,…,总分”）。");
    const std::vector<std::string> these(rows[0].begin() + 1, rows[0].end() - 1);
    if (f == 0) ids = these;
    else if (these != ids)
      throw bad_input("SUMMARY_MISMATCH", which + "的练习与第 1 个文件不同（可能来自不同课程或版本），无法合并。");
    for (std::size_t r = 1; r < rows.size(); ++r) {
      const auto& row = rows[r];
      if (row.size() != rows[0].size())
        throw bad_input("SUMMARY_FORMAT", which + "第 " + std::to_string(r + 1) + " 行的列数不对。");
      auto& scores = t[row[0]];
      for (std::size_t k = 0; k < ids.size(); ++k) {
        const std::string& cell = row[k + 1];
        if (cell.empty()) continue;
        char* end = nullptr;
        const double v = std::strtod(cell.c_str(), &end);
        if (!end || *end != '\0' || v < 0 || v > 1)
          throw bad_input("SUMMARY_FORMAT", which + "第 " + std::to_string(r + 1) + " 行有无效的分数：" + cell);
        double& best = scores.try_emplace(ids[k], 0.0).first->second;
        best = std::max(best, v);
      }
    }
  }
  return write_table(ids, t);
}

}  // namespace jianfu::training
