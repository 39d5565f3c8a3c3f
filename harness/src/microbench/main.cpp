// kite-microbench: Google Benchmark's CLI plus two flags of ours, removed
// before Google Benchmark sees the arguments (docs/harness.md):
//   --kite_js_dir=DIR        where suite.txt and the programs live
//   --kite_iterations=N      run every benchmark exactly N iterations
//                            (instruction-count mode under callgrind)
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "microbench/js_benches.h"

#ifdef KITE_HAVE_HTTP_BENCHES
#include "native_benches/http_benches.h"
#endif

int main(int argc, char** argv) {
  kite::harness::JsBenchOptions options;
  options.js_dir = KITE_HARNESS_JS_DIR;
  if (const char* env = std::getenv("KITE_JS_DIR")) options.js_dir = env;
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--kite_js_dir=", 14) == 0) {
      options.js_dir = argv[i] + 14;
    } else if (std::strncmp(argv[i], "--kite_iterations=", 18) == 0) {
      options.iterations = std::strtoll(argv[i] + 18, nullptr, 10);
    } else {
      args.push_back(argv[i]);
    }
  }
  if (kite::harness::register_js_benches(options) < 0) return 2;
#ifdef KITE_HAVE_HTTP_BENCHES
  kite_register_http_benches();
#endif
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
