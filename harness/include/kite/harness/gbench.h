// Google Benchmark JSON (--benchmark_format=json) to the result schema.
//
// Each "iteration" run becomes a sample of the benchmark with its name
// (repetitions add samples); aggregates (mean, median, stddev) are ignored,
// since the schema keeps every sample and recomputes its own statistic.
// The value is cpu_time per iteration in nanoseconds, lower is better; every
// other numeric field that Google Benchmark does not define is a user
// counter. A run with error_occurred is dropped, so the gate reports the
// benchmark as missing.
//
// Context: a microbench may describe its own build with custom context
// (benchmark::AddCustomContext) under these keys, which then override the
// harness's compiled-in values: kite_commit, kite_compiler,
// kite_build_type, kite_sanitize, kite_version, kite_perf_opts ("true" or
// "false") and kite_perf_flag.<NAME> ("true" or "false") per perf flag.
#pragma once

#include <kite/harness/results.h>

#include <nlohmann/json_fwd.hpp>

#include <string_view>

namespace kite::harness {

// Converts one Google Benchmark document. `context` is taken as the run
// context, then overridden by the document's kite_* custom context. Throws ResultError when the
// document is not Google Benchmark JSON.
ResultFile from_gbench_json(const nlohmann::json& gbench, RunContext context, Statistic statistic);
ResultFile parse_gbench(std::string_view text, RunContext context, Statistic statistic);

}  // namespace kite::harness
