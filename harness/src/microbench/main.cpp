// kite-microbench: Google Benchmark's CLI plus two flags of ours, removed
// before Google Benchmark sees the arguments (docs/harness.md):
//   --kite_js_dir=DIR        where suite.txt and the programs live
//   --kite_iterations=N      run every benchmark exactly N iterations
//                            (instruction-count mode under callgrind)
#include <benchmark/benchmark.h>
#include <kite/build_info.h>
#include <kite/perf_flags.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "microbench/js_benches.h"
#include "native_benches/json_benches.h"

#ifdef KITE_HAVE_HTTP_BENCHES
#include "native_benches/http_benches.h"
#endif

int main(int argc, char** argv) {
  kite::harness::JsBenchOptions options;
  options.js_dir = KITE_HARNESS_JS_DIR;
  if (const char* env = std::getenv("KITE_JS_DIR")) options.js_dir = env;
  std::vector<char*> args;
  std::string filter;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--kite_js_dir=", 14) == 0) {
      options.js_dir = argv[i] + 14;
    } else if (std::strncmp(argv[i], "--kite_iterations=", 18) == 0) {
      options.iterations = std::strtoll(argv[i] + 18, nullptr, 10);
    } else {
      if (std::strncmp(argv[i], "--benchmark_filter=", 19) == 0) filter = argv[i] + 19;
      args.push_back(argv[i]);
    }
  }
  if (options.iterations > 0) return kite::harness::run_js_fixed(options, filter);
  if (kite::harness::register_js_benches(options) < 0) return 2;
#ifdef KITE_HAVE_HTTP_BENCHES
  kite_register_http_benches();
#endif
  kite_register_json_benches();
  // Describe the measured build (docs/harness.md, "The microbench contract").
  benchmark::AddCustomContext("kite_commit", kite::build_info::kCommit);
  benchmark::AddCustomContext("kite_compiler", kite::build_info::kCompiler);
  benchmark::AddCustomContext("kite_build_type", kite::build_info::kBuildType);
  benchmark::AddCustomContext("kite_sanitize", kite::build_info::kSanitize);
  benchmark::AddCustomContext("kite_version", kite::build_info::kVersion);
  benchmark::AddCustomContext("kite_perf_opts", kite::kPerfOptsMaster ? "true" : "false");
  for (const kite::PerfFlag& flag : kite::kPerfFlags) {
    benchmark::AddCustomContext(std::string("kite_perf_flag.") + flag.name,
                                flag.enabled ? "true" : "false");
  }
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
