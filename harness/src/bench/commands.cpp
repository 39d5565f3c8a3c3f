// What the kite-bench commands share: measurement options, inputs and
// baseline paths (commands.h).
#include "commands.h"

#include "gate.h"

#include <kite/harness/machine.h>

#include <regex>

namespace kite::bench {

namespace fs = std::filesystem;

std::vector<OptionSpec> measurement_options() {
  using A = OptionSpec::Arity;
  return {{"--metric", A::kValue},     {"--runs", A::kValue},       {"--statistic", A::kValue},
          {"--iterations", A::kValue}, {"--microbench", A::kValue}, {"--microbench-arg", A::kValue},
          {"--filter", A::kValue}};
}

Measurement measurement_from(const Args& args, bool needs_microbench) {
  Measurement m;
  m.metric = args.get("--metric").value_or("time");
  if (m.metric != "time" && m.metric != "instructions") {
    throw UsageError("--metric is 'time' or 'instructions', got '" + m.metric + "'");
  }
  // Instruction counts are deterministic: one run is enough by default.
  m.runs = args.integer("--runs", m.metric == "instructions" ? 1 : 5, 1);
  const std::string statistic = args.get("--statistic").value_or("best");
  const auto parsed = harness::parse_statistic(statistic);
  if (!parsed || *parsed == harness::Statistic::kSingle) {
    throw UsageError("--statistic is best, median or p75, got '" + statistic + "'");
  }
  m.statistic = *parsed;
  m.iterations = args.integer("--iterations", m.iterations, 1);
  m.microbench.filter = args.get("--filter").value_or("");
  m.microbench.extra_args = args.all("--microbench-arg");
  if (!m.microbench.filter.empty()) {
    try {
      std::regex check(m.microbench.filter);
    } catch (const std::regex_error&) {
      throw UsageError("--filter '" + m.microbench.filter + "' is not a valid regular expression");
    }
  }
  if (!needs_microbench) return m;
  if (const auto path = args.get("--microbench")) {
    m.microbench.binary = *path;
    std::error_code ec;
    if (!fs::is_regular_file(m.microbench.binary, ec)) {
      throw UsageError("--microbench " + *path + ": no such file");
    }
  } else if (const auto found = default_microbench()) {
    m.microbench.binary = *found;
  } else {
    throw UsageError(
        "no kite-microbench in this build tree: build it (cmake --build --preset release "
        "--target kite-microbench), pass --microbench PATH, or gate saved results with --input");
  }
  return m;
}

harness::RunContext planned_context(const Measurement& m,
                                    const std::vector<std::string>& command_line) {
  return harness::current_context(m.metric, "kite-bench", command_line);
}

harness::ResultFile measure(const Measurement& m, const std::vector<std::string>& command_line,
                            std::ostream& log) {
  const harness::RunContext context = planned_context(m, command_line);
  if (m.metric == "instructions") {
    return measure_instructions(m.microbench, m.runs, m.iterations, context, log);
  }
  return measure_time(m.microbench, m.runs, m.statistic, context, log);
}

harness::ResultFile read_inputs(const std::vector<std::string>& paths,
                                harness::Statistic statistic) {
  std::vector<harness::ResultFile> files;
  for (const std::string& path : paths) {
    files.push_back(harness::read_result_file(path));
    if (files.size() > 1) {
      try {
        require_comparable(files.front().context, files.back().context);
      } catch (const harness::ResultError& e) {
        throw harness::ResultError(path + " does not match " + paths.front() + ": " + e.what());
      }
    }
  }
  return harness::merge_results(files, statistic);
}

void filter_benchmarks(harness::ResultFile& result, const std::string& filter) {
  if (filter.empty()) return;
  const std::regex pattern(filter);
  std::erase_if(result.benchmarks,
                [&](const harness::Benchmark& b) { return !std::regex_search(b.name, pattern); });
}

fs::path default_baseline_dir() {
  return fs::path(KITE_SOURCE_DIR) / "baselines";
}

fs::path baseline_path(const fs::path& dir, const harness::RunContext& context) {
  if (context.metric == "instructions") return dir / context.arch / "micro-instructions.json";
  return dir / context.machine_class / "micro.json";
}

}  // namespace kite::bench
