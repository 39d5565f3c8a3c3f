// Registration of the JS microbench programs (harness/js/suite.txt).
#pragma once

#include <cstdint>
#include <string>

namespace kite::harness {

struct JsBenchOptions {
  std::string js_dir;           // folder holding suite.txt and <name>.js
  std::int64_t iterations = 0;  // fixed benchmark iterations (0: let Google Benchmark decide)
};

// Registers one benchmark `js/<name>` per line of suite.txt. Returns the
// number registered, or -1 (with a message on stderr) if the suite is unreadable.
int register_js_benches(const JsBenchOptions& options);

// Deterministic mode: loads every program whose name `js/<name>` matches
// `filter` and calls bench(n) exactly options.iterations times, with no
// timing loop (for instruction counting under callgrind). Returns the
// process exit code.
int run_js_fixed(const JsBenchOptions& options, const std::string& filter);

}  // namespace kite::harness
