#include "ui/assess_screen.h"

#include <algorithm>
#include <cstdlib>

#include "assess/categories.h"
#include "assess/justification.h"
#include "error.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "report/records.h"
#include "text/utf8.h"
#include "ui/flow_layout.h"
#include "ui/kinds.h"
#include "ui/wrapped_text.h"

namespace jianfu::ui {

using nlohmann::json;

namespace {

constexpr double kDebounce = 0.15;  // seconds of quiet typing before re-checking
constexpr double kSaveDelay = 1.0;  // seconds before an edit is written to the store

ImVec4 color_of(const std::string& verdict) {
  const Rgba c = verdict_rgba(verdict);
  return ImVec4(c.r, c.g, c.b, c.a);
}

const char* severity_label(const std::string& s) {
  return s == "block" ? "不符合" : s == "justify" ? "需说明理由或报批" : "需修改";
}
std::string severity_verdict(const std::string& s) { return s == "block" ? "reject" : s == "justify" ? "justify" : "revise"; }
const char* severity_name(rules::Severity s) {
  return s == rules::Severity::Block ? "block" : s == rules::Severity::Justify ? "justify" : "revise";
}

}  // namespace

AssessScreen::AssessScreen(Context& ctx) : ctx_(ctx) {}

json AssessScreen::proposal() const {
  json p = {{"kind", kKinds[kind_].code}, {"title", title_}, {"text", text_}, {"facts", facts_}};
  if (!parent_.empty()) p["parent_text"] = parent_;
  if (!ctx_.settings.as_of.empty()) p["date"] = ctx_.settings.as_of;
  return p;
}

void AssessScreen::start(const std::string& kind) {
  kind_ = kind_index(kind);
  title_.clear();
  text_.clear();
  parent_.clear();
  facts_ = json::object();
  reasons_.clear();
  asked_.clear();
  record_id_.clear();
  status_ = "draft";
  save_status_.clear();
  stored_view_ = false;
  recheck_summary_.clear();
  dirty_ = true;
  unsaved_ = false;  // nothing typed yet: an empty form is not a record
  changed_at_ = -1;
}

void AssessScreen::open(const storage::Record& r) {
  start(r.kind);
  const json data = json::parse(r.data, nullptr, false);
  if (!data.is_object()) return;
  const json p = data.value("proposal", json::object());
  title_ = p.value("title", "");
  text_ = p.value("text", "");
  parent_ = p.value("parent_text", "");
  facts_ = p.value("facts", json::object());
  if (data.contains("reasons") && data["reasons"].is_object())
    for (const auto& [k, v] : data["reasons"].items())
      if (v.is_string()) reasons_[k] = v.get<std::string>();
  for (const auto& [k, v] : facts_.items()) asked_.push_back(k);
  record_id_ = r.id;
  status_ = r.status;
  // Show the result as it was stored, whatever the packs say today.
  const json rep = data.value("report", json::object());
  shown_.clear();
  for (const auto& f : rep.value("findings", json::array())) {
    ShownFinding s{f.value("pack", "") + ":" + f.value("rule", ""), f.value("category", ""), f.value("severity", ""),
                   f.value("message", ""), f.value("basis", ""), f.value("fix", ""), {}};
    for (const auto& e : f.value("evidence", json::array()))
      s.evidence.push_back({e.value("start", std::size_t{0}), e.value("end", std::size_t{0}), e.value("text", "")});
    shown_.push_back(std::move(s));
  }
  shown_verdict_ = rep.value("verdict", "");
  shown_unanswered_ = rep.value("unanswered", json::array()).size();
  stored_view_ = true;
  stored_at_ = r.updated_at;
  dirty_ = false;
}

void AssessScreen::set_text(const std::string& field, const std::string& utf8) {
  (field == "title" ? title_ : field == "parent" ? parent_ : text_) = utf8;
  stored_view_ = false;
  changed(-1);  // re-check on the next frame
}

void AssessScreen::set_reason(const std::string& key, const std::string& reason) {
  reasons_[key] = reason;
  unsaved_ = true;
  changed_at_ = -1;
}

void AssessScreen::load_example() {
  start("document");
  title_ = "关于开展农村人居环境整治专项督查的通知";
  text_ =
      "各乡镇人民政府：\n"
      "为推进农村人居环境整治，经研究，决定开展专项督查。请各乡镇结合实际制定具体实施方案，"
      "于今天下班前报送贯彻落实情况。\n"
      "督查实行千分制考核，每月对各乡镇进行排名通报，并将拍照留痕情况纳入考核指标。"
      "对工作不力的乡镇实行一票否决。\n"
      "检查中不得要求基层准备汇报材料，不搞层层陪同。";
  facts_ = {{"genre", "special"}};
  changed(-1);
}

void AssessScreen::reassess() {
  dirty_ = false;
  if (!ctx_.packs) return;
  try {
    report_ = assess::assess(assess::proposal_from_json(proposal()), *ctx_.packs, ctx_.settings.as_of);
    have_report_ = true;
    packs_generation_ = ctx_.packs_generation;
    for (const auto& q : report_.unanswered)
      if (std::find(asked_.begin(), asked_.end(), q.fact) == asked_.end()) asked_.push_back(q.fact);
  } catch (const Error& e) {
    save_status_ = e.message_zh();
    return;
  }
  if (stored_view_) return;
  shown_.clear();
  for (const auto& f : report_.findings) {
    ShownFinding s{assess::finding_key(f), f.category, severity_name(f.severity), f.message, f.basis, f.fix, {}};
    for (const auto& e : f.evidence) s.evidence.push_back({e.start, e.end, e.text});
    shown_.push_back(std::move(s));
  }
  shown_verdict_ = report_.verdict;
  shown_unanswered_ = report_.unanswered.size();
}

std::string AssessScreen::verdict_text() const {
  // From what is shown (the live report, or the stored one of a re-opened record): one path for both.
  assess::Report r;
  r.verdict = shown_verdict_;
  r.verdict_text = assess::verdict_text(shown_verdict_);
  for (const auto& s : shown_) {
    assess::Finding f;
    const auto colon = s.key.find(':');
    f.pack = s.key.substr(0, colon);
    f.rule = colon == std::string::npos ? "" : s.key.substr(colon + 1);
    f.severity = s.severity == "justify" ? rules::Severity::Justify : s.severity == "block" ? rules::Severity::Block : rules::Severity::Revise;
    r.findings.push_back(f);
  }
  return assess::standing(r, reasons_).verdict_text;
}

bool AssessScreen::save_due(double now) const {
  return ctx_.store && !ctx_.read_only && unsaved_ && have_report_ && !stored_view_ && now - changed_at_ >= kSaveDelay;
}

bool AssessScreen::autosave(double now) {
  if (!save_due(now)) return false;
  storage::Record r = report::assessment_record(proposal(), assess::report_to_json(report_),
                                                {{"reasons", reasons_}, {"verdict_text", verdict_text()}});
  r.id = record_id_;
  r.status = finalize_ ? "final" : status_;
  try {
    record_id_ = ctx_.store->save(r, "本机用户", finalize_ ? "定稿" : "").id;
    status_ = r.status;
    finalize_ = false;
    ctx_.committed();
    save_status_ = status_ == "final" ? "已定稿并保存" : "已自动保存";
    unsaved_ = false;
  } catch (const Error& e) {
    save_status_ = "保存失败：" + e.message_zh() + "（" + e.code() + "）。内容仍在本页，请勿关闭。";
  }
  return true;
}

bool AssessScreen::draw_fact(const rules::FactDef& f) {
  bool changed = false;
  ImGui::PushID(f.id.c_str());
  text_wrapped(f.question);
  if (!f.help.empty()) text_disabled_wrapped(f.help);
  const bool has = facts_.contains(f.id);
  auto label_of = [&](const std::string& o) {
    const auto it = f.option_labels.find(o);
    return it == f.option_labels.end() ? o : it->second;
  };
  if (f.type == "bool") {
    int v = has ? (facts_[f.id].get<bool>() ? 1 : 0) : -1;
    if (ImGui::RadioButton("是", v == 1)) { facts_[f.id] = true; changed = true; }
    ImGui::SameLine();
    if (ImGui::RadioButton("否", v == 0)) { facts_[f.id] = false; changed = true; }
    ImGui::SameLine();
    if (ImGui::RadioButton("未答", v == -1) && has) { facts_.erase(f.id); changed = true; }
  } else if (f.type == "enum") {
    const std::string cur = has ? label_of(facts_[f.id].get<std::string>()) : "（请选择）";
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##v", cur.c_str())) {
      for (const auto& o : f.options) {
        if (ImGui::Selectable(label_of(o).c_str(), has && facts_[f.id] == o)) { facts_[f.id] = o; changed = true; }
      }
      ImGui::EndCombo();
    }
  } else if (f.type == "list") {
    // Options flow onto as many lines as the panel needs.
    FlowLayout row;
    for (const auto& o : f.options) {
      row.next(FlowLayout::check_width(label_of(o).c_str()));
      json list = has ? facts_[f.id] : json::array();
      bool on = std::find(list.begin(), list.end(), o) != list.end();
      if (ImGui::Checkbox(label_of(o).c_str(), &on)) {
        if (on) list.push_back(o);
        else list.erase(std::remove(list.begin(), list.end(), o), list.end());
        facts_[f.id] = list;
        changed = true;
      }
    }
  } else {
    // Numbers and text share a text field; an empty field means "not answered".
    std::string buf = !has ? "" : facts_[f.id].is_string() ? facts_[f.id].get<std::string>() : facts_[f.id].dump();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::InputText("##v", &buf)) {
      changed = true;
      if (buf.empty()) facts_.erase(f.id);
      else if (f.type == "string") facts_[f.id] = buf;
      else {
        char* end = nullptr;
        const double d = std::strtod(buf.c_str(), &end);
        if (end && *end == '\0') {
          if (f.type == "int") facts_[f.id] = static_cast<long long>(d);
          else facts_[f.id] = d;
        }
      }
    }
  }
  const std::string& clause = clause_for(f.id);
  if (!clause.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_wrappedf("条款：%s", clause.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::PopID();
  ImGui::Spacing();
  return changed;
}

const std::string& AssessScreen::clause_for(const std::string& fact) {
  if (clauses_generation_ != ctx_.packs_generation) {
    clauses_.clear();
    clauses_generation_ = ctx_.packs_generation;
  }
  auto it = clauses_.find(fact);
  if (it != clauses_.end()) return it->second;
  // The first rule (in pack order) whose condition reads this fact is the clause the question serves.
  std::string clause;
  const std::string needle = "\"" + fact + "\"";
  for (const auto& ar : ctx_.packs->rules()) {
    if (ar.rule->when.dump().find(needle) != std::string::npos) {
      clause = assess::basis_of(*ar.rule, *ar.source);
      break;
    }
  }
  return clauses_.emplace(fact, clause).first->second;
}

void AssessScreen::draw_questions() {
  ImGui::TextUnformatted("事项类型");
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::BeginCombo("##kind", kKinds[kind_].label)) {
    for (int i = 0; i < kKindCount; ++i) {
      if (ImGui::Selectable(kKinds[i].label, i == kind_) && i != kind_) {
        kind_ = i;
        asked_.clear();  // answers are kept in facts_; only the list of questions restarts
        stored_view_ = false;
        changed(-1);
      }
    }
    ImGui::EndCombo();
  }
  ImGui::Separator();
  text_wrappedf("检查清单（还有 %zu 个问题待回答）", shown_unanswered_);
  if (!ctx_.packs) return;
  for (const std::string& id : asked_) {
    const auto it = ctx_.packs->facts().find(id);
    if (it == ctx_.packs->facts().end()) continue;
    const auto& kinds = it->second.kinds;
    if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), kKinds[kind_].code) == kinds.end()) continue;
    if (draw_fact(it->second)) {
      stored_view_ = false;
      changed(-1);
    }
  }
}

void AssessScreen::draw_verdict() {
  if (text_.empty() && title_.empty() && facts_.empty()) {
    // Nothing to judge yet: a 符合 here would only mean that nothing was checked.
    text_disabled_wrapped("请回答左侧清单中的问题，或在上方粘贴草稿；检查结果会显示在下方。");
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, color_of(shown_verdict_));
  ImGui::Text("结论：%s", verdict_text().c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::TextDisabled("（字数 %zu，问题 %zu 条）", have_report_ ? report_.chars : 0, shown_.size());
  if (have_report_ && report_.copy_ratio && !stored_view_) {
    ImGui::SameLine();
    ImGui::TextDisabled("与上级文件重复 %.0f%%", *report_.copy_ratio * 100);
  }
  if (shown_unanswered_ > 0) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.6f, 0.4f, 0.0f, 1), "还有 %zu 个问题未回答，回答后结论可能变化。", shown_unanswered_);
  }
  if (stored_view_) {
    ImGui::TextColored(ImVec4(0.2f, 0.3f, 0.6f, 1), "显示的是 %s 保存时的结论。", stored_at_.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("用现行规则重新检查")) {
      storage::Record r;
      const json before = shown_verdict_;
      json stored = {{"verdict", shown_verdict_}, {"findings", json::array()}};
      for (const auto& s : shown_) {
        const auto colon = s.key.find(':');
        stored["findings"].push_back({{"pack", s.key.substr(0, colon)}, {"rule", s.key.substr(colon + 1)}, {"category", s.category}});
      }
      stored_view_ = false;
      reassess();
      const auto diff = report::recheck_diff(stored, assess::report_to_json(report_));
      recheck_summary_ = "重新检查：新增 " + std::to_string(diff.value("added", json::array()).size()) + " 条，不再出现 " +
                         std::to_string(diff.value("removed", json::array()).size()) + " 条；结论 " +
                         assess::verdict_text(stored["verdict"]) + " → " + report_.verdict_text + "。";
      unsaved_ = true;
      changed_at_ = -1;
    }
  }
  if (!recheck_summary_.empty()) ImGui::TextColored(ImVec4(0.2f, 0.3f, 0.6f, 1), "%s", recheck_summary_.c_str());
}

void AssessScreen::jump_to(int i) {
  if (i < 0 || i >= static_cast<int>(shown_.size()) || shown_[i].evidence.empty()) return;
  const auto& e = shown_[static_cast<std::size_t>(i)].evidence.front();
  editor_.select(e.start, e.end, i);
}

void AssessScreen::draw_findings() {
  if (text_.empty() && title_.empty() && facts_.empty()) return;
  if (shown_.empty()) ImGui::TextColored(color_of("pass"), "未发现负面清单所列问题。");
  for (std::size_t i = 0; i < shown_.size(); ++i) {
    const auto& f = shown_[i];
    if (static_cast<int>(i) == scroll_finding_) {
      ImGui::SetScrollHereY(0.0f);
      scroll_finding_ = -1;
    }
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushStyleColor(ImGuiCol_Text, color_of(severity_verdict(f.severity)));
    ImGui::Bullet();
    text_wrappedf("【%s】%s", severity_label(f.severity), f.message.c_str());
    ImGui::PopStyleColor();
    ImGui::Indent();
    ImGui::TextDisabled("类别：%s", assess::category_label(f.category).c_str());
    if (!f.evidence.empty()) {
      std::string quotes;
      for (const auto& e : f.evidence) quotes += (quotes.empty() ? "" : "、") + ("“" + e.text + "”");
      text_wrappedf("原文：%s", quotes.c_str());
      if (ImGui::SmallButton("在正文中定位")) jump_to(static_cast<int>(i));
    }
    text_wrappedf("依据：%s", f.basis.c_str());
    text_wrappedf("修改建议：%s", f.fix.c_str());
    if (f.severity == "justify") {
      std::string& reason = reasons_[f.key];
      ImGui::SetNextItemWidth(-FLT_MIN);
      if (ImGui::InputTextWithHint("##reason", "确需保留的，请填写理由或已获批准的文号", &reason)) {
        unsaved_ = true;
        changed_at_ = ImGui::GetTime();
      }
    }
    ImGui::Unindent();
    ImGui::Spacing();
    ImGui::PopID();
  }
}

// Asked of the packs once per kind and pack choice, not on every frame.
bool AssessScreen::parent_field() const {
  if (!ctx_.packs) return false;
  if (parent_field_for_ != std::make_pair(kind_, ctx_.packs_generation)) {
    parent_field_for_ = {kind_, ctx_.packs_generation};
    parent_field_ = assess::needs_parent_text(*ctx_.packs, kKinds[kind_].code);
  }
  return parent_field_;
}

// The parent document (上级文件), asked for only where a rule compares the draft with it; open by
// default once it has text, so that a re-opened record shows what it was checked against.
void AssessScreen::draw_parent(double now) {
  if (!parent_field() && parent_.empty()) return;
  ImGui::SetNextItemOpen(!parent_.empty(), ImGuiCond_Appearing);
  if (!ImGui::CollapsingHeader("上级文件（照搬照抄检查，可选）##parent-section")) return;
  ImGui::TextDisabled("如本文件是落实上级文件的配套文件，请粘贴上级文件正文，用于检查是否照搬照抄。");
  if (ImGui::InputTextMultiline("##parent", &parent_, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 4))) {
    stored_view_ = false;
    changed(now);
  }
}

void AssessScreen::draw(double now) {
  if (!ctx_.packs) {
    ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "规则包加载失败：%s", ctx_.pack_error.c_str());
    return;
  }
  if (packs_generation_ != ctx_.packs_generation && !stored_view_) dirty_ = true;
  if (dirty_ && (changed_at_ < 0 || now - changed_at_ >= kDebounce)) reassess();
  if (changed_at_ < 0) changed_at_ = now;  // the autosave's second counts from this frame

  const float left = ImGui::GetContentRegionAvail().x * 0.30f;
  ImGui::BeginChild("questions", ImVec2(left, 0), ImGuiChildFlags_Borders | ImGuiChildFlags_NavFlattened);
  draw_questions();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("draft", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::InputTextWithHint("##title", "标题，例如：关于开展农村人居环境整治的通知", &title_)) {
    stored_view_ = false;
    changed(now);
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("正文（可直接粘贴草稿）");
  ImGui::SameLine();
  if (ImGui::SmallButton("填入示例草稿")) load_example();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", save_status_.c_str());
  if (status_ != "final" && !record_id_.empty()) {
    ImGui::SameLine();
    if (ImGui::SmallButton("定稿")) {
      finalize_ = unsaved_ = true;
      changed_at_ = -1;
    }
  }
  draw_parent(now);
  draw_verdict();
  ImGui::Separator();
  // The draft, editable, wrapped, with the evidence of each finding marked in it, beside the list of
  // findings.
  const float view_w = ImGui::GetContentRegionAvail().x * 0.55f;
  std::vector<Highlight> marks;
  for (std::size_t i = 0; i < shown_.size(); ++i) {
    const Rgba c = verdict_rgba(severity_verdict(shown_[i].severity));
    for (const auto& e : shown_[i].evidence)
      marks.push_back({e.start, e.end, static_cast<int>(i),
                       ImGui::GetColorU32(ImVec4(c.r, c.g, c.b, 0.22f))});
  }
  ImGui::BeginGroup();
  text_disabled_wrapped("问题原文已在正文中标出，点击标记可查看对应问题", view_w);  // as wide as the editor
  if (editor_.draw("##body", text_, marks, ImVec2(view_w, 0))) {
    stored_view_ = false;
    changed(now);
  }
  ImGui::EndGroup();
  if (editor_.clicked_mark() >= 0) scroll_finding_ = editor_.clicked_mark();
  ImGui::SameLine();
  ImGui::BeginChild("findings", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  draw_findings();
  ImGui::EndChild();
  ImGui::EndChild();
}

nlohmann::ordered_json AssessScreen::state() const {
  nlohmann::ordered_json j;
  j["kind"] = kKinds[kind_].code;
  j["verdict"] = shown_verdict_;
  j["verdict_text"] = verdict_text();
  j["findings"] = nlohmann::ordered_json::array();
  for (const auto& f : shown_) j["findings"].push_back(f.category);
  j["keys"] = nlohmann::ordered_json::array();
  for (const auto& f : shown_) j["keys"].push_back(f.key);
  j["unanswered"] = shown_unanswered_;
  j["record_id"] = record_id_;
  j["status"] = status_;
  j["saved"] = !unsaved_;
  j["stored_view"] = stored_view_;
  j["title"] = title_;
  j["body_chars"] = text::count_code_points(text_);
  j["parent_chars"] = text::count_code_points(parent_);
  if (have_report_ && report_.copy_ratio) j["copy_ratio"] = *report_.copy_ratio;
  j["parent_field"] = parent_field();
  j["marked_lines"] = editor_.line_count();
  j["selection"] = {editor_.selection_start(), editor_.selection_end()};
  j["caret"] = editor_.caret();
  std::u32string head;
  text::decode_utf8(text_, head);
  j["body_start"] = text::encode_utf8(std::u32string_view(head).substr(0, 40));
  return j;
}

}  // namespace jianfu::ui
