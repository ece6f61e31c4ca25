// The one error type the core throws. Every error has a stable English code (for scripts and logs)
// and a Chinese message (for the person using the tool); callers show both.
#pragma once
#include <stdexcept>
#include <string>

namespace jianfu {

enum class ErrorKind {
  BadInput,   // the user's input or file is wrong: exit code 2, nothing stored is touched
  Internal,   // our fault or the machine's: exit code 1
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string code, std::string message_zh)
      : std::runtime_error(code + ": " + message_zh),
        kind_(kind), code_(std::move(code)), message_zh_(std::move(message_zh)) {}
  ErrorKind kind() const { return kind_; }
  const std::string& code() const { return code_; }
  const std::string& message_zh() const { return message_zh_; }

 private:
  ErrorKind kind_;
  std::string code_;
  std::string message_zh_;
};

inline Error bad_input(std::string code, std::string message_zh) {
  return Error(ErrorKind::BadInput, std::move(code), std::move(message_zh));
}
inline Error internal_error(std::string code, std::string message_zh) {
  return Error(ErrorKind::Internal, std::move(code), std::move(message_zh));
}

}  // namespace jianfu
