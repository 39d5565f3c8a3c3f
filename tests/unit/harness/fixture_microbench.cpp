// A stand-in for kite-microbench in the harness tests: two deterministic
// Google Benchmark benches named like the real suite (js/..., native/...),
// and the instruction-mode contract of docs/harness.md: with
// --kite_iterations=N the benches matching --benchmark_filter run their body
// exactly N times, outside Google Benchmark, and the process exits 0.
// Test hook: when the file named by KITE_FIXTURE_SLOW_ONCE exists, this run
// deletes it and does 20x the work, like a run hit by a burst of load.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <regex>
#include <string>
#include <vector>

namespace {

std::uint64_t sum_to(std::uint64_t n) {
  std::uint64_t sum = 0;
  for (std::uint64_t i = 0; i < n; ++i) {
    sum += i;
    benchmark::DoNotOptimize(sum);
  }
  return sum;
}

struct FixtureBench {
  const char* name;
  std::uint64_t loop_length;
};

constexpr FixtureBench kBenches[] = {{"js/sumLoop", 2000}, {"native/sumSmall", 200}};

}  // namespace

// NOLINTNEXTLINE(bugprone-exception-escape): a stand-in for kite-microbench, which may die
int main(int argc, char** argv) {
  long kite_iterations = -1;
  std::string filter = ".";
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--kite_iterations=", 18) == 0) {
      kite_iterations = std::strtol(argv[i] + 18, nullptr, 10);
      continue;
    }
    if (std::strncmp(argv[i], "--benchmark_filter=", 19) == 0) filter = argv[i] + 19;
    rest.push_back(argv[i]);
  }
  std::uint64_t slowdown = 1;
  if (const char* slow_once = std::getenv("KITE_FIXTURE_SLOW_ONCE");
      slow_once && std::remove(slow_once) == 0) {
    slowdown = 20;
  }
  if (kite_iterations >= 0) {
    const std::regex pattern(filter);
    for (const FixtureBench& bench : kBenches) {
      if (!std::regex_search(bench.name, pattern)) continue;
      for (long i = 0; i < kite_iterations; ++i)
        benchmark::DoNotOptimize(sum_to(bench.loop_length));
    }
    return 0;
  }
  for (const FixtureBench& bench : kBenches) {
    benchmark::RegisterBenchmark(
        bench.name, [length = bench.loop_length * slowdown](benchmark::State& state) {
          for (auto _ : state) benchmark::DoNotOptimize(sum_to(length));
          state.counters["ops_per_sec"] = benchmark::Counter(
              static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
        });
  }
  // Keep the tests fast unless the caller chose a minimum time.
  bool has_min_time = false;
  for (const char* arg : rest) has_min_time |= std::strncmp(arg, "--benchmark_min_time", 20) == 0;
  char min_time[] = "--benchmark_min_time=0.01";
  if (!has_min_time) rest.push_back(min_time);
  int rest_argc = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_argc, rest.data());
  if (benchmark::ReportUnrecognizedArguments(rest_argc, rest.data())) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
