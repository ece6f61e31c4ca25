// The stable code of the jianfu::Error a call throws, or "" when it throws none.
#pragma once
#include <functional>
#include <string>

#include "error.h"

inline std::string error_code(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const jianfu::Error& e) {
    return e.code();
  }
  return "";
}
