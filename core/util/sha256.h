// SHA-256 (FIPS 180-4), for the content hash of rule packs recorded in every report.
#pragma once
#include <string>
#include <string_view>

namespace jianfu::util {
std::string sha256_hex(std::string_view data);
}
