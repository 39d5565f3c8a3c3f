// A whole kite-load run: check the server answers, start the worker
// threads on one shared plan, wait for them and merge what they counted.
#pragma once

#include "options.h"
#include "stats.h"

#include <cstdint>
#include <stdexcept>

namespace kite::load {

// The server did not accept a TCP connection before the run: exit status 2.
class UnreachableError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct LoadRun {
  LoadStats stats;  // merged over the threads
  // The measured window in ns: the duration, or for -n from the end of the
  // warm-up to the last measured response.
  std::int64_t window_ns = 0;
  bool cut_short = false;  // --max-time stopped the run before it ended by itself
};

// One blocking connect to the target, bounded by `timeout_ns`; throws
// UnreachableError with the reason (e.g. "Connection refused").
void probe_server(const Target& target, std::int64_t timeout_ns);

// Runs the load described by `options` (already validated) and returns
// when every worker has stopped: at the latest at --max-time.
LoadRun run_load(const LoadOptions& options);

}  // namespace kite::load
