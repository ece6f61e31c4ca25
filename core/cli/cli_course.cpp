#include "cli/cli_course.h"

#include <fstream>
#include <ostream>

#include <nlohmann/json.hpp>

#include "error.h"
#include "storage/record_store.h"
#include "training/attempts.h"
#include "training/course.h"

namespace jianfu::cli {

namespace {
constexpr const char* kCourseUsage =
    "  jianfu-cli course check COURSE            用现行规则核对课程包的参考答案\n"
    "  jianfu-cli course summary DB [COURSE]     培训成绩表（CSV：学员 × 练习）\n"
    "  jianfu-cli course merge CSV...            合并多台设备导出的成绩表\n";
}

int cmd_course(const std::vector<std::string>& args, Streams io) {
  const std::string sub = args.empty() ? "" : args[0];
  if (sub == "check" && args.size() == 2) {
    const training::Course c = training::load_course(args[1]);
    const training::CourseCheck check = training::check_course(c);
    nlohmann::ordered_json j;
    j["course"] = c.id;
    j["version"] = c.version;
    j["exercises"] = check.exercises;
    j["ok"] = check.ok();
    j["errors"] = check.errors;
    io.out << j.dump() << "\n";
    if (!check.ok()) {
      io.err << "错误 [COURSE_OUTDATED]: 课程包 " << c.id << " 有 " << check.errors.size()
             << " 道练习的参考答案与现行规则不一致，请修订课程包：\n";
      for (const auto& e : check.errors) io.err << "  " << e << "\n";
      return 2;
    }
    return 0;
  }
  if (sub == "summary" && (args.size() == 2 || args.size() == 3)) {
    std::ifstream probe(args[1], std::ios::binary);
    if (!probe) throw bad_input("DB_NOT_FOUND", "找不到数据库文件：" + args[1]);
    storage::RecordStore store(args[1]);
    const training::Course c =
        training::load_course(args.size() == 3 ? args[2] : training::default_course_ids().front());
    io.out << training::summary_csv(store.db(), c);
    return 0;
  }
  if (sub == "merge" && args.size() >= 2) {
    std::vector<std::string> csvs;
    for (std::size_t i = 1; i < args.size(); ++i) csvs.push_back(read_input(args[i], io.in));
    io.out << training::merge_summaries(csvs);
    return 0;
  }
  throw bad_input("USAGE", std::string("course 的用法不对。\n") + kCourseUsage);
}

}  // namespace jianfu::cli
