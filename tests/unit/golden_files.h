// The golden corpora: every .json file of a folder, in name order, parsed.
#pragma once
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

inline std::vector<std::pair<std::string, nlohmann::json>> golden_cases(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::pair<std::string, nlohmann::json>> cases;
  for (const auto& path : files) {
    std::ifstream f(path);
    std::stringstream ss;
    ss << f.rdbuf();
    cases.emplace_back(path.filename().string(), nlohmann::json::parse(ss.str()));
  }
  return cases;
}
