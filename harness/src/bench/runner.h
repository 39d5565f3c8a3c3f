// Running the microbench (docs/harness.md, "The microbench contract"):
// in time mode N child processes with --benchmark_format=json, merged into
// one result with every run as a sample; in instruction mode one valgrind
// (callgrind) child per JS program with a fixed iteration count.
#pragma once

#include <kite/harness/results.h>

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace kite::bench {

inline constexpr const char* kMicrobenchName = "kite-microbench";

struct Microbench {
  std::filesystem::path binary;
  std::string filter;                   // --benchmark_filter; empty runs everything
  std::vector<std::string> extra_args;  // passed through verbatim
};

// The microbench of the build tree this kite-bench belongs to: next to
// kite-bench, else anywhere in its build tree (the folder that holds
// CMakeCache.txt). nullopt when there is none.
std::optional<std::filesystem::path> default_microbench();

// The kite-microbench inside `build_dir`, or nullopt.
std::optional<std::filesystem::path> find_microbench(const std::filesystem::path& build_dir);

// Runs `runs` times; each run's values become samples; the value is
// `statistic` of them. `context` is the run context, overridden by the
// microbench's kite_* custom context (gbench.h). Progress goes to `log`.
// Throws harness::ResultError when a run fails or prints no JSON.
harness::ResultFile measure_time(const Microbench& microbench, int runs,
                                 harness::Statistic statistic, const harness::RunContext& context,
                                 std::ostream& log);

// A --benchmark_filter regex that matches exactly these names.
std::string exact_names_regex(const std::vector<std::string>& names);

// The benchmark names the microbench would run (--benchmark_list_tests).
std::vector<std::string> list_benchmarks(const Microbench& microbench);

// Instruction mode: for each `js/` benchmark (after the filter), runs
//   valgrind --tool=callgrind <microbench> --benchmark_filter=^NAME$
//            --kite_iterations=<iterations>
// `runs` times and records the child's total instruction count (Ir), lower
// is better, unit "instructions". Throws harness::ResultError when valgrind
// is missing or a child fails.
harness::ResultFile measure_instructions(const Microbench& microbench, int runs, int iterations,
                                         const harness::RunContext& context, std::ostream& log);

}  // namespace kite::bench
