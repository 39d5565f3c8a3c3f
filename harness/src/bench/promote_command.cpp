// `kite-bench promote`: write a baseline from fresh runs or saved results.
#include "commands.h"

#include <fmt/format.h>

namespace kite::bench {

int promote_command(const std::vector<std::string>& command_args, Io io) {
  using A = OptionSpec::Arity;
  std::vector<OptionSpec> spec = measurement_options();
  spec.insert(spec.end(),
              {{"--out", A::kValue, "-o"}, {"--baseline-dir", A::kValue}, {"--input", A::kList}});
  const Args args = Args::parse(command_args, spec);
  const std::vector<std::string> inputs = args.all("--input");
  const Measurement m = measurement_from(args, /*needs_microbench=*/inputs.empty());

  std::vector<std::string> command_line{"promote"};
  command_line.insert(command_line.end(), command_args.begin(), command_args.end());
  harness::ResultFile result =
      inputs.empty() ? measure(m, command_line, io.err) : read_inputs(inputs, m.statistic);
  filter_benchmarks(result, m.microbench.filter);
  if (result.benchmarks.empty()) {
    throw harness::ResultError("nothing to promote: the run has no benchmarks");
  }
  if (result.context.build_type != "Release" || !result.context.sanitize.empty()) {
    io.err << "kite-bench: warning: promoting a '" << result.context.build_type
           << "' build (sanitize '" << result.context.sanitize
           << "'); the gate normally runs the release preset\n";
  }
  // The output is named after the machine the numbers come from, which for
  // --input is the file's machine, not this one.
  const std::filesystem::path out = args.get("--out").value_or(
      baseline_path(args.get("--baseline-dir").value_or(default_baseline_dir().string()),
                    result.context)
          .string());
  harness::write_result_file(result, out);
  io.out << fmt::format(
      "promoted {} benches to {} (machine class {}, commit {}, {} samples each)\n",
      result.benchmarks.size(), out.string(), result.context.machine_class, result.context.commit,
      result.benchmarks.front().samples.size());
  return 0;
}

}  // namespace kite::bench
