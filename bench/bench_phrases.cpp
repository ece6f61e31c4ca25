// The phrase-list side of the textlint comparison (bench/textlint): finds which of the listed words
// occur in each file, with the same automaton the engine uses, and times it.
//   bench_phrases WORDS.txt FILE...     prints one JSON object: {"ms": median, "hits": {file: [words]}}
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_common.h"
#include "text/matcher.h"
#include "text/utf8.h"

static std::string slurp(const char* path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: bench_phrases WORDS.txt FILE...\n");
    return 2;
  }
  std::vector<std::string> words;
  std::istringstream wl(slurp(argv[1]));
  for (std::string w; std::getline(wl, w);) if (!w.empty()) words.push_back(w);
  std::vector<std::u32string> texts;
  for (int i = 2; i < argc; ++i) texts.push_back(jianfu::text::decode_utf8_or_throw(slurp(argv[i]), argv[i]));

  nlohmann::ordered_json hits = nlohmann::ordered_json::object();
  auto run_all = [&](bool record) {
    jianfu::text::Matcher m;
    std::vector<std::uint32_t> ids;
    for (const auto& w : words) ids.push_back(m.add(jianfu::text::decode_utf8_or_throw(w, "word")));
    m.build();
    for (std::size_t i = 0; i < texts.size(); ++i) {
      std::set<std::uint32_t> seen;
      for (const auto& match : m.find(texts[i])) seen.insert(match.pattern);
      if (!record) continue;
      auto& list = hits[argv[i + 2]] = nlohmann::ordered_json::array();
      for (std::size_t w = 0; w < words.size(); ++w) if (seen.count(ids[w])) list.push_back(words[w]);
    }
  };
  run_all(true);
  const double us = median_us(21, [&] { run_all(false); });
  nlohmann::ordered_json out;
  out["ms"] = us / 1000;
  out["words"] = words.size();
  out["files"] = texts.size();
  out["hits"] = hits;
  std::printf("%s\n", out.dump().c_str());
  return 0;
}
