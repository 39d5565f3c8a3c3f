// `kite-bench check`: the regression gate against a baseline.
#include "commands.h"
#include "gate.h"
#include "inject.h"

#include <kite/harness/machine.h>

#include <fmt/format.h>

#include <cstdlib>

namespace kite::bench {

namespace fs = std::filesystem;

namespace {

fs::path resolve_baseline(const Args& args, const Measurement& m, const std::string& machine_class,
                          const std::string& promote_hint) {
  if (const auto file = args.get("--baseline")) return *file;
  const fs::path dir = args.get("--baseline-dir").value_or(default_baseline_dir().string());
  const fs::path path = baseline_path(dir, machine_class, m.metric);
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    throw harness::ResultError("no baseline for machine class " + machine_class + " (" +
                               path.string() + "): promote one with `" + promote_hint + "`");
  }
  return path;
}

}  // namespace

int check_command(const std::vector<std::string>& command_args, Io io) {
  using A = OptionSpec::Arity;
  std::vector<OptionSpec> spec = measurement_options();
  spec.insert(spec.end(), {{"--baseline", A::kValue},
                           {"--baseline-dir", A::kValue},
                           {"--max-regression", A::kValue},
                           {"--max-geomean-regression", A::kValue},
                           {"--protected", A::kList},
                           {"--input", A::kList},
                           {"--out", A::kValue}});
  const Args args = Args::parse(command_args, spec);
  const std::vector<std::string> inputs = args.all("--input");
  const Measurement m = measurement_from(args, /*needs_microbench=*/inputs.empty());

  GateOptions options;
  options.statistic = m.statistic;
  options.max_regression_pct = args.number("--max-regression", 8, 0);
  options.max_geomean_regression_pct = args.number("--max-geomean-regression", 3, 0);
  for (const std::string& name : args.list("--protected")) options.protected_benches.insert(name);

  std::vector<std::string> command_line{"check"};
  command_line.insert(command_line.end(), command_args.begin(), command_args.end());
  const harness::RunContext planned = planned_context(m, command_line);

  std::string promote_hint = "kite-bench promote";
  if (const auto dir = args.get("--baseline-dir")) promote_hint += " --baseline-dir " + *dir;
  if (m.metric == "instructions") promote_hint += " --metric instructions";
  const fs::path baseline_file = resolve_baseline(args, m, planned.machine_class, promote_hint);
  harness::ResultFile baseline = harness::read_result_file(baseline_file);
  filter_benchmarks(baseline, m.microbench.filter);

  harness::ResultFile current;
  if (inputs.empty()) {
    // Refuse before spending minutes measuring something incomparable.
    require_comparable(baseline.context, planned);
    current = measure(m, command_line, io.err);
  } else {
    current = read_inputs(inputs, m.statistic);
  }
  filter_benchmarks(current, m.microbench.filter);
  require_comparable(baseline.context, current.context);

  if (const char* spec_text = std::getenv(kInjectEnv); spec_text && *spec_text) {
    apply_inject(current, parse_inject(spec_text));
    io.err << "kite-bench: " << kInjectEnv << "=" << spec_text
           << " is set: the current run is made worse on purpose (test hook)\n";
  }
  if (const auto out = args.get("--out")) {
    harness::write_result_file(current, *out);
    io.err << "kite-bench: wrote " << *out << '\n';
  }

  const GateReport report = evaluate_gate(baseline, current, options);
  io.out << "baseline: " << baseline_file.string() << " (commit " << baseline.context.commit << ", "
         << baseline.context.date << ")\n";
  print_gate_report(report, options, io.out);
  return report.passed() ? 0 : 1;
}

}  // namespace kite::bench
