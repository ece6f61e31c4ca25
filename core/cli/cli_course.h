// `jianfu-cli course …`: checking a course pack against the current rules, and the trainer's
// summaries (export from a store, merge several devices' exports).
#pragma once
#include <string>
#include <vector>

#include "cli/cli.h"

namespace jianfu::cli {
int cmd_course(const std::vector<std::string>& args, Streams io);
}
