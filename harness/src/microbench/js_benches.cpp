// One benchmark per JS program: the engine is built and the program loaded
// once per benchmark run; each iteration calls bench(n). The first call's
// result is checked against the value node produces (suite.txt), so a fast
// but wrong engine fails instead of reporting a number.
#include "microbench/js_benches.h"

#include <benchmark/benchmark.h>
#include <kite/engine/engine.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace kite::harness {

namespace {

struct Program {
  std::string name;
  double n;
  std::string expected;
  std::string source;
};

void run_program(benchmark::State& state, const Program& p) {
  EngineOptions options;
  options.random_seed = 42;
  Engine engine(options);
  Completion load = engine.run_script(p.source, p.name + ".js");
  if (!load.ok) {
    state.SkipWithError(("load failed: " + load.message).c_str());
    return;
  }
  std::string result;
  Completion first = engine.call_global("bench", p.n, &result);
  if (!first.ok) {
    state.SkipWithError(("bench() threw: " + first.message).c_str());
    return;
  }
  if (result != p.expected) {
    state.SkipWithError(("wrong result " + result + ", node gives " + p.expected).c_str());
    return;
  }
  engine.reset_counters();
  for (auto _ : state) {
    Completion c = engine.call_global("bench", p.n, &result);
    if (!c.ok) {
      state.SkipWithError(("bench() threw: " + c.message).c_str());
      return;
    }
    benchmark::DoNotOptimize(result);
  }
  EngineCounters counters = engine.counters();
  auto iters = static_cast<double>(state.iterations());
  state.counters["ops_per_sec"] =
      benchmark::Counter(p.n, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["ic_hits"] = static_cast<double>(counters.ic_hits) / iters;
  state.counters["ic_misses"] = static_cast<double>(counters.ic_misses) / iters;
  state.counters["gc_collections"] = static_cast<double>(counters.gc_collections) / iters;
  state.counters["bytes_allocated"] = static_cast<double>(counters.bytes_allocated) / iters;
  state.counters["heap_bytes"] = static_cast<double>(engine.heap_size());
}

}  // namespace

namespace {
// Reads suite.txt and every program; false (with a message) on error.
bool load_suite(const JsBenchOptions& options, std::vector<std::shared_ptr<Program>>* out) {
  std::string suite_path = options.js_dir + "/suite.txt";
  std::ifstream suite(suite_path);
  if (!suite) {
    std::fprintf(stderr, "kite-microbench: cannot read %s\n", suite_path.c_str());
    return -1;
  }
  std::string line;
  while (std::getline(suite, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream in(line);
    auto p = std::make_shared<Program>();
    if (!(in >> p->name >> p->n >> p->expected)) {
      std::fprintf(stderr, "kite-microbench: bad line in %s: %s\n", suite_path.c_str(),
                   line.c_str());
      return -1;
    }
    std::ifstream src(options.js_dir + "/" + p->name + ".js");
    if (!src) {
      std::fprintf(stderr, "kite-microbench: missing %s/%s.js\n", options.js_dir.c_str(),
                   p->name.c_str());
      return -1;
    }
    std::stringstream ss;
    ss << src.rdbuf();
    p->source = ss.str();
    out->push_back(p);
  }
  return true;
}
}  // namespace

int register_js_benches(const JsBenchOptions& options) {
  std::vector<std::shared_ptr<Program>> programs;
  if (!load_suite(options, &programs)) return -1;
  for (const auto& p : programs) {
    auto* b = benchmark::RegisterBenchmark(("js/" + p->name).c_str(),
                                           [p](benchmark::State& st) { run_program(st, *p); });
    b->Unit(benchmark::kMicrosecond);
  }
  return static_cast<int>(programs.size());
}

int run_js_fixed(const JsBenchOptions& options, const std::string& filter) {
  std::vector<std::shared_ptr<Program>> programs;
  if (!load_suite(options, &programs)) return 2;
  std::regex re(filter.empty() ? std::string(".") : filter);
  int ran = 0;
  for (const auto& p : programs) {
    if (!std::regex_search("js/" + p->name, re)) continue;
    EngineOptions eo;
    eo.random_seed = 42;
    Engine engine(eo);
    Completion load = engine.run_script(p->source, p->name + ".js");
    if (!load.ok) {
      std::fprintf(stderr, "kite-microbench: %s: %s\n", p->name.c_str(), load.message.c_str());
      return 1;
    }
    std::string result;
    for (std::int64_t i = 0; i < options.iterations; ++i) {
      Completion c = engine.call_global("bench", p->n, &result);
      if (!c.ok || result != p->expected) {
        std::fprintf(stderr, "kite-microbench: %s: %s\n", p->name.c_str(),
                     c.ok ? ("wrong result " + result).c_str() : c.message.c_str());
        return 1;
      }
    }
    ++ran;
  }
  if (ran == 0) {
    std::fprintf(stderr, "kite-microbench: no JS program matches '%s'\n", filter.c_str());
    return 2;
  }
  return 0;
}

}  // namespace kite::harness
