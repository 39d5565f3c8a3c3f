// The kite-bench subcommands and what they share. Each command takes its
// arguments (after the command name) and returns an exit status (cli.h);
// it throws UsageError or harness::ResultError for unusable input, which
// run_cli turns into exit status 2.
#pragma once

#include "args.h"
#include "runner.h"

#include <kite/harness/results.h>

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace kite::bench {

struct Io {
  std::ostream& out;
  std::ostream& err;
};

int check_command(const std::vector<std::string>& args, Io io);
int compare_command(const std::vector<std::string>& args, Io io);
int promote_command(const std::vector<std::string>& args, Io io);
int ab_command(const std::vector<std::string>& args, Io io);
int convert_command(const std::vector<std::string>& args, Io io);
int http_command(const std::vector<std::string>& args, Io io);
int cold_command(const std::vector<std::string>& args, Io io);
int report_command(const std::vector<std::string>& args, Io io);

// How the current numbers are produced: options --metric, --runs,
// --statistic, --iterations, --microbench, --microbench-arg, --filter.
struct Measurement {
  std::string metric = "time";  // or "instructions"
  int runs = 5;
  harness::Statistic statistic = harness::Statistic::kBest;
  int iterations = 10;  // instruction mode: --kite_iterations
  Microbench microbench;
};

// The options Measurement reads, to add to a command's spec.
std::vector<OptionSpec> measurement_options();

// Reads the Measurement options; the microbench path is resolved only when
// `needs_microbench`.
Measurement measurement_from(const Args& args, bool needs_microbench);

// Runs the microbench as `m` says, stamped with this host's context.
harness::ResultFile measure(const Measurement& m, const std::vector<std::string>& command_line,
                            std::ostream& log);

// The context a run would have now (before it runs).
harness::RunContext planned_context(const Measurement& m,
                                    const std::vector<std::string>& command_line);

// Reads and merges result files (all must be comparable), summarized with
// `statistic`.
harness::ResultFile read_inputs(const std::vector<std::string>& paths,
                                harness::Statistic statistic);

// Keeps the benches whose names match `filter` (regex search); all when empty.
void filter_benchmarks(harness::ResultFile& result, const std::string& filter);

// baselines/ of the source tree this kite-bench was built from.
std::filesystem::path default_baseline_dir();
// DIR/<machine-class>/micro.json for time; DIR/<arch>/micro-instructions.json
// for instructions, which callgrind counts on its own simulated CPU, so one
// baseline serves every machine of an architecture (docs/harness.md).
std::filesystem::path baseline_path(const std::filesystem::path& dir,
                                    const harness::RunContext& context);

}  // namespace kite::bench
