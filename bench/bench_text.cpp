// Times 字数 counting on a 4,000-character draft and on 1 MB of text (median of repeated runs).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "text/char_count.h"
#include "text/utf8.h"

static double median_us(const std::u32string& t, int reps) {
  std::vector<double> v;
  volatile std::size_t sink = 0;
  for (int i = 0; i < reps; ++i) {
    const auto a = std::chrono::steady_clock::now();
    sink = sink + jianfu::text::count_chars(t);
    const auto b = std::chrono::steady_clock::now();
    v.push_back(std::chrono::duration<double, std::micro>(b - a).count());
  }
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

int main() {
  const std::string para = "各乡镇（街道）要于2026年3月5日前报送贯彻落实情况，APP打卡签到率不低于95%。";
  std::string small, big;
  while (jianfu::text::count_code_points(small) < 4000) small += para;
  while (big.size() < (1u << 20)) big += para;
  const auto s = jianfu::text::decode_utf8_or_throw(small, "bench");
  const auto b = jianfu::text::decode_utf8_or_throw(big, "bench");
  std::printf("count_chars 4000-char draft: median %.1f us\n", median_us(s, 201));
  std::printf("count_chars 1 MB text:       median %.1f us\n", median_us(b, 21));
  return 0;
}
