#include "training/course.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "assess/categories.h"
#include "assess/engine.h"
#include "assess/proposal.h"
#include "error.h"
#include "review/list_pack.h"
#include "review/review.h"
#include "rules/pack_set.h"
#include "text/sentences.h"
#include "text/utf8.h"
#include "util/json_input.h"

namespace jianfu::training {

using nlohmann::json;

namespace {

const std::set<std::string> kTasks = {"spot", "passages", "verdict", "access"};

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw bad_input("COURSE_INVALID", "课程包" + (where.empty() ? std::string() : "的练习 " + where) + "有误：" + what);
}

std::string str(const json& j, const char* key, const std::string& where, bool required = true) {
  if (!j.contains(key)) {
    if (required) fail(where, std::string("缺少字段 ") + key);
    return "";
  }
  if (!j[key].is_string()) fail(where, std::string("字段 ") + key + " 应为文字");
  return j[key].get<std::string>();
}

std::vector<std::string> str_list(const json& j, const char* key, const std::string& where) {
  std::vector<std::string> out;
  if (!j.contains(key)) return out;
  if (!j[key].is_array()) fail(where, std::string("字段 ") + key + " 应为列表");
  for (const auto& v : j[key]) {
    if (!v.is_string()) fail(where, std::string("字段 ") + key + " 的每一项应为文字");
    out.push_back(v.get<std::string>());
  }
  return out;
}

template <typename T>
std::vector<T> sorted_unique(std::vector<T> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

}  // namespace

const std::vector<std::string>& verdict_words() {
  static const std::vector<std::string> words = {"pass", "revise", "justify", "reject"};
  return words;
}

const std::vector<std::string>& decision_words() {
  static const std::vector<std::string> words = {"admit", "admit_with_conditions", "procedure", "reject"};
  return words;
}

bool is_verdict(const std::string& word) {
  return std::find(verdict_words().begin(), verdict_words().end(), word) != verdict_words().end();
}

bool is_decision(const std::string& word) {
  return std::find(decision_words().begin(), decision_words().end(), word) != decision_words().end();
}

const Exercise* Course::find(const std::string& id) const {
  for (const auto& e : exercises)
    if (e.id == id) return &e;
  return nullptr;
}

nlohmann::ordered_json answer_to_json(const Answer& a) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (!a.categories.empty()) j["categories"] = a.categories;
  if (!a.passages.empty()) j["passages"] = a.passages;
  if (!a.verdict.empty()) j["verdict"] = a.verdict;
  if (!a.decision.empty()) j["decision"] = a.decision;
  return j;
}

Answer answer_from_json(const json& j, const std::string& task) {
  Answer a;
  if (!j.is_object()) return a;
  if (task == "spot" && j.contains("categories") && j["categories"].is_array()) {
    for (const auto& c : j["categories"])
      if (c.is_string()) a.categories.push_back(c.get<std::string>());
    a.categories = sorted_unique(a.categories);
  }
  if (task == "passages" && j.contains("passages") && j["passages"].is_array()) {
    for (const auto& p : j["passages"])
      if (p.is_number_integer()) a.passages.push_back(p.get<int>());
    a.passages = sorted_unique(a.passages);
  }
  if (task == "verdict" && j.contains("verdict") && j["verdict"].is_string()) a.verdict = j["verdict"];
  if (task == "access" && j.contains("decision") && j["decision"].is_string()) a.decision = j["decision"];
  return a;
}

Course parse_course(std::string_view bytes) {
  const json j = util::parse_json_input(bytes);
  if (!j.is_object() || j.value("format", "") != "jianfu-course/1")
    throw bad_input("COURSE_FORMAT", "不是课程包文件（format 应为 jianfu-course/1）。");
  Course c;
  c.id = str(j, "id", "");
  c.title = str(j, "title", "");
  c.version = str(j, "version", "");
  c.as_of = str(j, "as_of", "");
  c.packs = str_list(j, "packs", "");
  c.lists = str_list(j, "lists", "");
  if (!j.contains("chapters") || !j["chapters"].is_array() || j["chapters"].empty()) fail("", "缺少章节（chapters）");
  std::set<std::string> chapter_ids, exercise_ids;
  for (const auto& cj : j["chapters"]) {
    Chapter ch{str(cj, "id", ""), str(cj, "title", ""), str(cj, "intro", "", false)};
    if (!chapter_ids.insert(ch.id).second) fail("", "章节编号重复：" + ch.id);
    c.chapters.push_back(ch);
  }
  if (!j.contains("exercises") || !j["exercises"].is_array() || j["exercises"].empty()) fail("", "缺少练习（exercises）");
  for (const auto& ej : j["exercises"]) {
    Exercise e;
    e.id = str(ej, "id", "");
    const std::string& w = e.id;
    if (!exercise_ids.insert(e.id).second) fail(w, "编号重复");
    e.chapter = str(ej, "chapter", w);
    if (!chapter_ids.count(e.chapter)) fail(w, "所属章节 " + e.chapter + " 不存在");
    e.title = str(ej, "title", w);
    e.task = str(ej, "task", w);
    if (!kTasks.count(e.task)) fail(w, "任务类型 " + e.task + " 未知（应为 spot、passages、verdict 或 access）");
    e.scenario = str(ej, "scenario", w);
    e.modelled_on = str(ej, "modelled_on", w);
    e.explanation = str(ej, "explanation", w);
    if (e.scenario.empty() || e.explanation.empty()) fail(w, "情境和讲解不能为空");
    if (e.task == "access") {
      if (!ej.contains("work_item") || !ej["work_item"].is_object()) fail(w, "准入练习需要 work_item");
      e.work_item = ej["work_item"];
    } else {
      if (!ej.contains("proposal") || !ej["proposal"].is_object()) fail(w, "该练习需要 proposal");
      e.proposal = ej["proposal"];
    }
    e.choices = sorted_unique(str_list(ej, "choices", w));
    for (const auto& ch : e.choices)
      if (!assess::is_category(ch)) fail(w, "选项 " + ch + " 不是问题类别代码");
    if (e.task == "spot" && e.choices.size() < 2) fail(w, "找问题练习至少要提供两个选项");
    if (!ej.contains("answer")) fail(w, "缺少参考答案（answer）");
    e.answer = answer_from_json(ej["answer"], e.task);
    if (e.task == "verdict" && !is_verdict(e.answer.verdict)) fail(w, "参考结论应为 pass、revise、justify 或 reject");
    if (e.task == "access" && !is_decision(e.answer.decision)) fail(w, "参考决定应为 admit、admit_with_conditions、procedure 或 reject");
    if (e.task == "passages") {
      const std::string text = e.proposal.value("text", "");
      const std::u32string t = text::decode_utf8_or_throw(text, "练习 " + w + " 的正文");
      for (const auto& s : text::split_sentences(t)) e.sentences.push_back(text::encode_utf8(t.substr(s.start, s.end - s.start)));
      if (e.sentences.size() < 2) fail(w, "找问题语句练习的正文至少要有两句");
      for (int p : e.answer.passages)
        if (p < 0 || p >= static_cast<int>(e.sentences.size())) fail(w, "参考答案中的句号 " + std::to_string(p) + " 超出正文的句数");
    }
    if (e.task == "spot") {
      for (const auto& a : e.answer.categories)
        if (!std::binary_search(e.choices.begin(), e.choices.end(), a)) fail(w, "参考答案 " + a + " 不在选项中");
    }
    c.exercises.push_back(std::move(e));
  }
  return c;
}

Course load_course(const std::string& spec) {
  const std::string id = spec.rfind("builtin:", 0) == 0 ? spec.substr(8) : spec;
  if (const std::string* text = builtin_course_text(id)) return parse_course(*text);
  std::ifstream in(spec, std::ios::binary);
  if (!in) throw bad_input("COURSE_NOT_FOUND", "找不到课程包：" + spec);
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_course(ss.str());
}

Answer engine_answer(const Exercise& e, const Course& c, const rules::PackSet& packs, const review::ListSet& lists) {
  Answer a;
  if (e.task == "access") {
    a.decision = review::review(review::work_item_from_json(e.work_item), lists).decision;
    return a;
  }
  const assess::Report r = assess::assess(assess::proposal_from_json(e.proposal), packs, c.as_of);
  if (e.task == "verdict") {
    a.verdict = r.verdict;
  } else if (e.task == "passages") {
    // A sentence is a problem passage when a finding's evidence touches it.
    const std::u32string t = text::decode_utf8_or_throw(e.proposal.value("text", ""), "练习 " + e.id + " 的正文");
    const auto sentences = text::split_sentences(t);
    for (const auto& f : r.findings)
      for (const auto& ev : f.evidence)
        for (std::size_t i : text::sentences_overlapping(sentences, ev.start, ev.end)) a.passages.push_back(static_cast<int>(i));
    a.passages = sorted_unique(a.passages);
  } else {
    for (const auto& f : r.findings) a.categories.push_back(f.category);
    a.categories = sorted_unique(a.categories);
  }
  return a;
}

CourseCheck check_course(const Course& c) {
  CourseCheck out;
  const auto packs = rules::load_pack_set(c.packs);
  const auto lists = review::load_list_set(c.lists);
  for (const Exercise& e : c.exercises) {
    ++out.exercises;
    Answer now;
    try {
      now = engine_answer(e, c, *packs, *lists);
    } catch (const Error& err) {
      out.errors.push_back(e.id + "：引擎无法处理该练习（" + err.code() + " " + err.message_zh() + "）");
      continue;
    }
    if (e.task == "spot" && now.categories != e.answer.categories) {
      std::string got, want;
      for (const auto& x : now.categories) got += (got.empty() ? "" : ",") + x;
      for (const auto& x : e.answer.categories) want += (want.empty() ? "" : ",") + x;
      out.errors.push_back(e.id + "：参考答案为 [" + want + "]，当前规则得出 [" + got + "]");
    } else if (e.task == "spot") {
      // Every category the engine finds must be among the choices, or the learner cannot pick it.
      for (const auto& x : now.categories)
        if (!std::binary_search(e.choices.begin(), e.choices.end(), x))
          out.errors.push_back(e.id + "：当前规则得出的类别 " + x + " 不在选项中");
    }
    if (e.task == "passages" && now.passages != e.answer.passages) {
      std::string got, want;
      for (int x : now.passages) got += (got.empty() ? "" : ",") + std::to_string(x);
      for (int x : e.answer.passages) want += (want.empty() ? "" : ",") + std::to_string(x);
      out.errors.push_back(e.id + "：参考语句为 [" + want + "]，当前规则得出 [" + got + "]");
    }
    if (e.task == "verdict" && now.verdict != e.answer.verdict)
      out.errors.push_back(e.id + "：参考结论为 " + e.answer.verdict + "，当前规则得出 " + now.verdict);
    if (e.task == "access" && now.decision != e.answer.decision)
      out.errors.push_back(e.id + "：参考决定为 " + e.answer.decision + "，当前规则得出 " + now.decision);
  }
  return out;
}

}  // namespace jianfu::training
