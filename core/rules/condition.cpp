#include "rules/condition.h"

#include <algorithm>
#include <set>

#include "error.h"
#include "text/utf8.h"

namespace jianfu::rules {

using analysis::Span;
using nlohmann::json;

namespace {

[[noreturn]] void invalid(const CompileEnv& env, const std::string& what) {
  throw bad_input("PACK_INVALID", "规则包条件有误（" + env.where + "）：" + what);
}

json resolve(const json& v, const CompileEnv& env) {
  if (v.is_object() && v.contains("param")) {
    const std::string name = v["param"].is_string() ? v["param"].get<std::string>() : "";
    if (!env.params.contains(name)) invalid(env, "参数 " + name + " 未在 params 中定义");
    return env.params[name];
  }
  return v;
}

std::vector<std::uint32_t> compile_terms(const json& j, const char* key, CompileEnv& env, bool required) {
  std::vector<std::uint32_t> ids;
  if (!j.contains(key)) {
    if (required) invalid(env, std::string("缺少 ") + key);
    return ids;
  }
  const json& arr = j[key];
  if (!arr.is_array() || arr.empty()) invalid(env, std::string(key) + " 应为非空字符串数组");
  for (const auto& t : arr) {
    if (!t.is_string() || t.get<std::string>().empty()) invalid(env, std::string(key) + " 中有空词或非字符串");
    ids.push_back(env.matcher.add(text::decode_utf8_or_throw(t.get<std::string>(), "规则词语")));
  }
  return ids;
}

int within_of(const json& j, const CompileEnv& env, int dflt) {
  if (!j.contains("within")) return dflt;
  if (!j["within"].is_number_integer() || j["within"].get<int>() < 0) invalid(env, "within 应为非负整数");
  return j["within"].get<int>();
}

// --- logic -----------------------------------------------------------------------------------------
class Group : public Condition {
 public:
  Group(bool all, std::vector<std::unique_ptr<Condition>> kids) : all_(all), kids_(std::move(kids)) {}
  Tri eval(EvalEnv& env, std::vector<Span>& evidence) const override {
    bool unknown = false;
    std::vector<Span> mine;
    for (const auto& k : kids_) {
      std::vector<Span> ev;
      const Tri r = k->eval(env, ev);
      if (r == Tri::Unknown) unknown = true;
      if (all_ && r == Tri::False) return Tri::False;
      if (r == Tri::True) {
        mine.insert(mine.end(), ev.begin(), ev.end());
        if (!all_) {
          evidence.insert(evidence.end(), mine.begin(), mine.end());
          return Tri::True;
        }
      }
    }
    if (unknown) return Tri::Unknown;
    if (all_) evidence.insert(evidence.end(), mine.begin(), mine.end());
    return all_ ? Tri::True : Tri::False;
  }

 private:
  bool all_;
  std::vector<std::unique_ptr<Condition>> kids_;
};

class Not : public Condition {
 public:
  explicit Not(std::unique_ptr<Condition> kid) : kid_(std::move(kid)) {}
  Tri eval(EvalEnv& env, std::vector<Span>&) const override {
    std::vector<Span> ignored;
    const Tri r = kid_->eval(env, ignored);
    return r == Tri::Unknown ? r : (r == Tri::True ? Tri::False : Tri::True);
  }

 private:
  std::unique_ptr<Condition> kid_;
};

// --- comparisons of a value (fact or metric) ---------------------------------------------------------
const char* const kOps[] = {"eq", "ne", "in", "not_in", "gt", "gte", "lt", "lte", "is",
                            "contains", "contains_any", "count_gte", "empty"};

bool compare(const std::string& op, const json& v, const json& want) {
  if (op == "eq") return v == want;
  if (op == "ne") return v != want;
  if (op == "in") return std::find(want.begin(), want.end(), v) != want.end();
  if (op == "not_in") return std::find(want.begin(), want.end(), v) == want.end();
  if (op == "is") return v.is_boolean() && v == want;
  if (op == "contains") return v.is_array() && std::find(v.begin(), v.end(), want) != v.end();
  if (op == "contains_any") {
    if (!v.is_array()) return false;
    return std::any_of(v.begin(), v.end(), [&](const json& x) { return std::find(want.begin(), want.end(), x) != want.end(); });
  }
  if (op == "count_gte") return v.is_array() && static_cast<double>(v.size()) >= want.get<double>();
  if (!v.is_number()) return false;
  const double a = v.get<double>(), b = want.get<double>();
  if (op == "gt") return a > b;
  if (op == "gte") return a >= b;
  if (op == "lt") return a < b;
  return a <= b;  // lte
}

void check_operand(const std::string& op, const json& want, const CompileEnv& env) {
  const bool numeric = op == "gt" || op == "gte" || op == "lt" || op == "lte" || op == "count_gte";
  if (numeric && !want.is_number()) invalid(env, op + " 需要数值");
  if ((op == "in" || op == "not_in" || op == "contains_any") && !want.is_array()) invalid(env, op + " 需要数组");
  if ((op == "is" || op == "empty") && !want.is_boolean()) invalid(env, op + " 需要 true 或 false");
}

std::pair<std::string, json> find_op(const json& j, const CompileEnv& env) {
  for (const char* op : kOps) {
    if (j.contains(op)) {
      json want = resolve(j[op], env);
      check_operand(op, want, env);
      return {op, want};
    }
  }
  invalid(env, "缺少比较运算（eq/ne/in/gt/…）");
}

class FactTest : public Condition {
 public:
  FactTest(std::string name, std::string op, json want) : name_(std::move(name)), op_(std::move(op)), want_(std::move(want)) {}
  Tri eval(EvalEnv& env, std::vector<Span>&) const override {
    const bool present = env.facts.contains(name_) && !env.facts[name_].is_null();
    if (op_ == "empty") {
      const bool empty = !present || env.facts[name_] == "" || (env.facts[name_].is_array() && env.facts[name_].empty());
      return empty == want_.get<bool>() ? Tri::True : Tri::False;
    }
    if (!present) {
      if (std::find(env.missing.begin(), env.missing.end(), name_) == env.missing.end()) env.missing.push_back(name_);
      return Tri::Unknown;
    }
    return compare(op_, env.facts[name_], want_) ? Tri::True : Tri::False;
  }

 private:
  std::string name_, op_;
  json want_;
};

class MetricTest : public Condition {
 public:
  MetricTest(std::string name, std::string op, json want) : name_(std::move(name)), op_(std::move(op)), want_(std::move(want)) {}
  Tri eval(EvalEnv& env, std::vector<Span>&) const override {
    const auto it = env.metrics.find(name_);
    if (it == env.metrics.end()) return Tri::False;  // e.g. copy_ratio without a parent text
    return compare(op_, json(it->second), want_) ? Tri::True : Tri::False;
  }

 private:
  std::string name_, op_;
  json want_;
};

// --- text ------------------------------------------------------------------------------------------
struct Proximity {
  std::vector<std::uint32_t> near;
  int within = 20;
  bool demand = true;

  void compile(const json& j, CompileEnv& env, int default_within) {
    near = compile_terms(j, "near", env, false);
    within = within_of(j, env, default_within);
    if (j.contains("context")) {
      if (j["context"] != "demand" && j["context"] != "any") invalid(env, "context 只能是 demand 或 any");
      demand = j["context"] == "demand";
    }
  }
  // Keeps a span if it is not negated (for demands) and, when `near` is set, has a near-term in
  // the same sentence within `within` characters. Returns the spans to cite.
  bool accept(const analysis::TextIndex& t, const Span& s, std::vector<Span>& cite) const {
    if (demand && t.negated(s)) return false;
    if (near.empty()) {
      cite.push_back(s);
      return true;
    }
    // Cite the closest near-term in the sentence, if it is close enough.
    const Span* best = nullptr;
    std::uint32_t best_gap = 0;
    for (std::uint32_t id : near) {
      // A pattern's spans all have its length and come in text order, so the candidates within
      // reach are found by binary search rather than by scanning the whole text.
      const std::vector<Span>& all = t.spans(id);
      if (all.empty()) continue;
      const std::uint32_t len = all.front().end - all.front().start;
      const std::uint32_t from = s.start > static_cast<std::uint32_t>(within) + len ? s.start - within - len : 0;
      auto it = std::lower_bound(all.begin(), all.end(), from, [](const Span& x, std::uint32_t v) { return x.start < v; });
      for (; it != all.end() && it->start <= s.end + static_cast<std::uint32_t>(within); ++it) {
        const Span& n = *it;
        if (!t.same_sentence(s, n)) continue;
        if (demand && t.negated(n)) continue;  // 不再要求村委会出具: the near-term is negated too
        const std::uint32_t gap = n.start >= s.end ? n.start - s.end : (s.start >= n.end ? s.start - n.end : 0);
        if (static_cast<int>(gap) <= within && (!best || gap < best_gap)) {
          best = &n;
          best_gap = gap;
        }
      }
    }
    if (!best) return false;
    cite.push_back(s);
    cite.push_back(*best);
    return true;
  }
};

class TextTest : public Condition {
 public:
  TextTest(const json& j, CompileEnv& env) {
    terms_ = compile_terms(j, "terms", env, true);
    prox_.demand = false;
    prox_.compile(j, env, 20);
    if (j.contains("field")) {
      if (j["field"] != "text" && j["field"] != "title") invalid(env, "field 只能是 text 或 title");
      title_ = j["field"] == "title";
    }
  }
  Tri eval(EvalEnv& env, std::vector<Span>& evidence) const override {
    const analysis::TextIndex& t = title_ ? env.title : env.text;
    std::vector<Span> cite;
    for (std::uint32_t id : terms_) {
      for (const Span& s : t.spans(id)) prox_.accept(t, s, cite);
    }
    if (cite.empty()) return Tri::False;
    if (!title_) evidence.insert(evidence.end(), cite.begin(), cite.end());  // offsets are in `text`
    return Tri::True;
  }

 private:
  std::vector<std::uint32_t> terms_;
  Proximity prox_;
  bool title_ = false;
};

template <class Item, class Pred>
Tri eval_extracted(const std::vector<Item>& items, const analysis::TextIndex& t, const Proximity& prox,
                   Pred&& pred, std::vector<Span>& evidence) {
  std::vector<Span> cite;
  for (const Item& it : items) {
    if (pred(it)) prox.accept(t, it.span, cite);
  }
  if (cite.empty()) return Tri::False;
  evidence.insert(evidence.end(), cite.begin(), cite.end());
  return Tri::True;
}

class DeadlineTest : public Condition {
 public:
  DeadlineTest(const json& j, CompileEnv& env) {
    if (!j.contains("max_hours")) invalid(env, "deadline 缺少 max_hours");
    const json v = resolve(j["max_hours"], env);
    if (!v.is_number()) invalid(env, "max_hours 需要数值");
    max_hours_ = v.get<double>();
    prox_.compile(j, env, 20);
  }
  Tri eval(EvalEnv& env, std::vector<Span>& evidence) const override {
    return eval_extracted(env.text.deadlines(), env.text, prox_,
                          [&](const analysis::Deadline& d) { return d.hours <= max_hours_; }, evidence);
  }

 private:
  double max_hours_ = 0;
  Proximity prox_;
};

class FrequencyTest : public Condition {
 public:
  FrequencyTest(const json& j, CompileEnv& env) {
    if (!j.contains("in") || !j["in"].is_array()) invalid(env, "frequency 缺少 in 数组");
    for (const auto& v : j["in"]) values_.insert(v.get<std::string>());
    prox_.compile(j, env, 10);
  }
  Tri eval(EvalEnv& env, std::vector<Span>& evidence) const override {
    return eval_extracted(env.text.frequencies(), env.text, prox_,
                          [&](const analysis::Frequency& f) { return values_.count(f.value) > 0; }, evidence);
  }

 private:
  std::set<std::string> values_;
  Proximity prox_;
};

class QuotaTest : public Condition {
 public:
  QuotaTest(const json& j, CompileEnv& env) {
    if (j.contains("min_value")) {
      const json v = resolve(j["min_value"], env);
      if (!v.is_number()) invalid(env, "min_value 需要数值");
      min_value_ = v.get<double>();
    }
    if (j.contains("percent")) {
      if (!j["percent"].is_boolean()) invalid(env, "percent 需要 true 或 false");
      percent_ = j["percent"].get<bool>() ? 1 : 0;
    }
    prox_.compile(j, env, 15);
  }
  Tri eval(EvalEnv& env, std::vector<Span>& evidence) const override {
    return eval_extracted(env.text.quotas(), env.text, prox_, [&](const analysis::Quota& q) {
      return q.value >= min_value_ && (percent_ < 0 || q.percent == (percent_ == 1));
    }, evidence);
  }

 private:
  double min_value_ = 0;
  int percent_ = -1;  // -1: either
  Proximity prox_;
};

const std::set<std::string> kMetrics = {"chars", "copy_ratio", "paragraphs", "title_chars", "date_day"};

}  // namespace

std::unique_ptr<Condition> Condition::compile(const json& j, CompileEnv& env) {
  if (!j.is_object() || j.empty()) invalid(env, "条件应为非空对象");
  const std::string where = env.where;
  if (j.contains("all") || j.contains("any")) {
    const bool all = j.contains("all");
    const json& arr = j[all ? "all" : "any"];
    if (!arr.is_array() || arr.empty()) invalid(env, "all/any 应为非空数组");
    std::vector<std::unique_ptr<Condition>> kids;
    for (std::size_t i = 0; i < arr.size(); ++i) {
      env.where = where + (all ? ".all[" : ".any[") + std::to_string(i) + "]";
      kids.push_back(compile(arr[i], env));
    }
    env.where = where;
    return std::make_unique<Group>(all, std::move(kids));
  }
  if (j.contains("not")) {
    env.where = where + ".not";
    auto kid = compile(j["not"], env);
    env.where = where;
    return std::make_unique<Not>(std::move(kid));
  }
  if (j.contains("fact")) {
    const std::string name = j["fact"].is_string() ? j["fact"].get<std::string>() : "";
    if (!env.facts.count(name)) invalid(env, "未定义的事实 " + name + "（请在 facts 中定义）");
    auto [op, want] = find_op(j, env);
    return std::make_unique<FactTest>(name, op, want);
  }
  if (j.contains("metric")) {
    const std::string name = j["metric"].is_string() ? j["metric"].get<std::string>() : "";
    if (!kMetrics.count(name)) invalid(env, "未知的指标 " + name);
    auto [op, want] = find_op(j, env);
    return std::make_unique<MetricTest>(name, op, want);
  }
  if (j.contains("text") && j["text"].is_object()) return std::make_unique<TextTest>(j["text"], env);
  if (j.contains("deadline") && j["deadline"].is_object()) return std::make_unique<DeadlineTest>(j["deadline"], env);
  if (j.contains("frequency") && j["frequency"].is_object()) return std::make_unique<FrequencyTest>(j["frequency"], env);
  if (j.contains("quota") && j["quota"].is_object()) return std::make_unique<QuotaTest>(j["quota"], env);
  invalid(env, "未知的条件运算：" + j.begin().key());
}

}  // namespace jianfu::rules
