// `kite-bench ab --a BUILD_DIR_A --b BUILD_DIR_B`: interleaved A/B runs.
#include "ab.h"
#include "commands.h"

#include <kite/harness/machine.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace kite::bench {

namespace fs = std::filesystem;

namespace {

Microbench microbench_in(const std::string& build_dir, const Measurement& m) {
  const auto found = find_microbench(build_dir);
  if (!found) {
    throw UsageError("no kite-microbench in " + build_dir +
                     ": configure and build that tree first (e.g. cmake --preset perf-off && "
                     "cmake --build --preset perf-off)");
  }
  Microbench microbench = m.microbench;
  microbench.binary = *found;
  return microbench;
}

}  // namespace

int ab_command(const std::vector<std::string>& command_args, Io io) {
  using A = OptionSpec::Arity;
  std::vector<OptionSpec> spec = measurement_options();
  spec.insert(spec.end(), {{"--a", A::kValue},
                           {"--b", A::kValue},
                           {"--rounds", A::kValue},
                           {"--out", A::kValue, "-o"}});
  const Args args = Args::parse(command_args, spec);
  const auto a_dir = args.get("--a");
  const auto b_dir = args.get("--b");
  if (!a_dir || !b_dir) throw UsageError("ab needs --a BUILD_DIR_A and --b BUILD_DIR_B");
  if (args.get("--metric").value_or("time") != "time") {
    throw UsageError("ab compares time; for instruction counts use check or compare");
  }
  const Measurement m = measurement_from(args, /*needs_microbench=*/false);
  const int rounds = args.integer("--rounds", 10, 3);
  const Microbench a = microbench_in(*a_dir, m);
  const Microbench b = microbench_in(*b_dir, m);

  std::vector<std::string> command_line{"ab"};
  command_line.insert(command_line.end(), command_args.begin(), command_args.end());
  // Each build reports its own flags through its microbench's custom
  // context (gbench.h); this binary's own flags describe neither side.
  harness::RunContext context = harness::current_context("time", "kite-bench", command_line);
  context.perf_flags.clear();

  std::vector<harness::ResultFile> a_runs;
  std::vector<harness::ResultFile> b_runs;
  for (int round = 1; round <= rounds; ++round) {
    io.err << fmt::format("round {}/{}: A\n", round, rounds);
    a_runs.push_back(measure_time(a, 1, m.statistic, context, io.err));
    io.err << fmt::format("round {}/{}: B\n", round, rounds);
    b_runs.push_back(measure_time(b, 1, m.statistic, context, io.err));
  }
  const AbReport report = analyze_ab(a.binary.string(), b.binary.string(), a_runs, b_runs);
  print_ab_report(report, io.out);
  const fs::path out = args.get("--out").value_or("ab.json");
  std::ofstream file(out, std::ios::trunc);
  file << ab_to_json(report).dump(2) << '\n';
  file.close();
  if (!file) throw harness::ResultError(out.string() + ": cannot write the file");
  io.err << "kite-bench: wrote " << out.string() << '\n';
  return 0;
}

}  // namespace kite::bench
