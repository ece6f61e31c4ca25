// Settings: font size, which local rule packs and provincial lists apply (on top of the national
// ones), the date the rules are applied as of, and where the records are kept (with a check of the
// store's integrity and audit chain).
#pragma once
#include <string>
#include <vector>

#include "ui/context.h"

namespace jianfu::ui {

class SettingsScreen {
 public:
  explicit SettingsScreen(Context& ctx);
  void draw();

 private:
  struct PackChoice {
    std::string id, title, region;
    std::size_t size = 0;
  };
  bool pack_checkbox(const PackChoice& p, std::vector<std::string>& chosen);

  Context& ctx_;
  std::vector<PackChoice> packs_, lists_;
  std::string as_of_, as_of_error_, check_result_;
};

}  // namespace jianfu::ui
