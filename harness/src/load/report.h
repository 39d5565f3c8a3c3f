// What kite-load prints and writes (docs/harness.md, "kite-load"): the
// wrk-like text summary, the result file entry, and the exit status.
#pragma once

#include "load.h"
#include "options.h"

#include <kite/harness/results.h>

#include <ostream>

namespace kite::load {

// Requests per second over the measured window; 0 when nothing completed.
double requests_per_second(const LoadRun& run);

// Failed requests (socket errors, timeouts, protocol errors and non-2xx
// responses) as a percentage of attempted ones; 100 when none was attempted.
double error_rate_percent(const LoadStats& stats);

// The lines printed before the run starts: target, threads, connections, mode.
void print_header(std::ostream& out, const LoadOptions& options);
// Latency table, counts, errors, req/s and transfer/s.
void print_summary(std::ostream& out, const LoadOptions& options, const LoadRun& run);

// One result (schema_version 1) with one entry `http/<label>`: kind http,
// unit req/s, higher is better, the latency percentiles and counts as
// counters. Requires requests_per_second(run) > 0 (the schema's values are
// positive).
harness::ResultFile make_result(const LoadOptions& options, const LoadRun& run);

// 0: the run completed with at most --max-error-rate percent failures.
// 1: more failures than that, no response at all, or --max-time cut the
//    run short.
int exit_status(const LoadOptions& options, const LoadRun& run);

}  // namespace kite::load
