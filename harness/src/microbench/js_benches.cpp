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

int register_js_benches(const JsBenchOptions& options) {
  std::string suite_path = options.js_dir + "/suite.txt";
  std::ifstream suite(suite_path);
  if (!suite) {
    std::fprintf(stderr, "kite-microbench: cannot read %s\n", suite_path.c_str());
    return -1;
  }
  int count = 0;
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
    auto* b = benchmark::RegisterBenchmark(("js/" + p->name).c_str(),
                                           [p](benchmark::State& st) { run_program(st, *p); });
    b->Unit(benchmark::kMicrosecond);
    if (options.iterations > 0) b->Iterations(options.iterations);
    ++count;
  }
  return count;
}

}  // namespace kite::harness
