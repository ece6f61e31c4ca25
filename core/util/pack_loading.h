// Resolving pack names for both kinds of data pack (rule packs, work-item list packs): each spec is
// builtin:ID, the ID of a built-in pack, or a file path; a pack's base (`extends`) comes before it,
// taken from the list or else from the built-in packs.
#pragma once
#include <algorithm>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "error.h"

namespace jianfu::util {

template <class Pack>
struct PackSource {
  std::string noun;  // 规则包 | 清单包, for messages
  std::function<const std::string*(const std::string&)> builtin_text;
  std::function<std::vector<std::string>()> builtin_ids;
  std::function<Pack(std::string_view, const std::string&)> parse;
};

// Returns the packs in load order (bases first). from_files receives the ids of packs read from files.
template <class Pack>
std::vector<Pack> resolve_packs(const std::vector<std::string>& specs, const PackSource<Pack>& src,
                                std::vector<std::string>* from_files = nullptr) {
  std::vector<Pack> requested;
  for (const std::string& spec : specs) {
    const std::string id = spec.rfind("builtin:", 0) == 0 ? spec.substr(8) : spec;
    if (const std::string* text = src.builtin_text(id)) {
      requested.push_back(src.parse(*text, "builtin:" + id));
      continue;
    }
    std::ifstream f(spec, std::ios::binary);
    if (!f) {
      std::string all;
      for (const auto& b : src.builtin_ids()) all += (all.empty() ? "" : "、") + b;
      throw bad_input("PACK_NOT_FOUND", "找不到" + src.noun + "：" + spec + "（内置" + src.noun + "：" + all + "）");
    }
    std::ostringstream ss;
    ss << f.rdbuf();
    requested.push_back(src.parse(ss.str(), spec));
    if (from_files) from_files->push_back(requested.back().id);
  }
  std::vector<Pack> ordered;
  std::set<std::string> loaded;
  std::function<void(const Pack&)> add = [&](const Pack& p) {
    if (loaded.count(p.id)) return;
    if (!p.extends.empty() && !loaded.count(p.extends)) {
      auto base = std::find_if(requested.begin(), requested.end(), [&](const Pack& q) { return q.id == p.extends; });
      if (base != requested.end()) add(*base);
      else if (const std::string* text = src.builtin_text(p.extends)) add(src.parse(*text, "builtin:" + p.extends));
      else throw bad_input("PACK_BASE_MISSING", src.noun + " " + p.id + " 依赖的基础" + src.noun + " " + p.extends + " 未找到。");
    }
    loaded.insert(p.id);
    ordered.push_back(p);
  };
  for (const Pack& p : requested) add(p);
  return ordered;
}

}  // namespace jianfu::util
