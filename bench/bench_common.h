// Timing helper for the benchmarks: median wall time of repeated runs, in microseconds.
#pragma once
#include <algorithm>
#include <chrono>
#include <vector>

template <class Fn>
double median_us(int reps, Fn&& fn) {
  std::vector<double> t;
  t.reserve(reps);
  for (int i = 0; i < reps; ++i) {
    const auto a = std::chrono::steady_clock::now();
    fn();
    const auto b = std::chrono::steady_clock::now();
    t.push_back(std::chrono::duration<double, std::micro>(b - a).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}
