// `kite-bench check`: the regression gate against a baseline.
#include "commands.h"
#include "gate.h"
#include "inject.h"

#include <kite/harness/machine.h>

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <thread>

namespace kite::bench {

namespace fs = std::filesystem;

namespace {

fs::path resolve_baseline(const Args& args, const harness::RunContext& planned,
                          const std::string& promote_hint) {
  if (const auto file = args.get("--baseline")) return *file;
  const fs::path dir = args.get("--baseline-dir").value_or(default_baseline_dir().string());
  fs::path path = baseline_path(dir, planned);
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    const std::string what = planned.metric == "instructions"
                                 ? "architecture " + planned.arch
                                 : "machine class " + planned.machine_class;
    throw harness::ResultError("no baseline for " + what + " (" + path.string() +
                               "): promote one with `" + promote_hint + "`");
  }
  return path;
}

// Noise guard: while the gate fails on regressions (not on missing benches),
// measures the failing benches (all of them when the geomean fails) `--runs`
// more times, up to `--confirm` rounds (default 2 in time mode, 0 for
// instructions or --input), and re-evaluates with every sample. A real
// regression is in every run and stays; a burst of load on a shared machine
// does not. Returns the number of extra runs.
int confirm_failures(const Args& args, const Measurement& m,
                     const std::vector<std::string>& command_line,
                     const harness::ResultFile& baseline, const GateOptions& options,
                     const std::map<std::string, double>& inject, harness::ResultFile& current,
                     GateReport& report, std::ostream& log) {
  const bool measured = args.all("--input").empty();
  const int rounds = args.integer("--confirm", measured && m.metric == "time" ? 2 : 0, 0);
  const double delay = args.number("--confirm-delay", 1, 0);
  if (!measured) return 0;
  int extra_runs = 0;
  for (int round = 1; round <= rounds && (!report.regressed.empty() || report.geomean_failed);
       ++round) {
    std::vector<std::string> names = report.regressed;
    if (report.geomean_failed) {
      names.clear();
      for (const GateRow& row : report.rows) {
        if (row.ratio) names.push_back(row.name);
      }
    }
    log << fmt::format(
        "gate: {} failing; confirming {} bench(es) with {} more runs (round {}/{})\n",
        report.geomean_failed ? "geomean" : "per-bench", names.size(), m.runs, round, rounds);
    std::this_thread::sleep_for(std::chrono::duration<double>(delay));
    Measurement again = m;
    again.microbench.filter = exact_names_regex(names);
    harness::ResultFile extra = measure(again, command_line, log);
    require_comparable(baseline.context, extra.context);
    std::map<std::string, double> extra_inject;
    for (const auto& [name, factor] : inject) {
      if (extra.find(name)) extra_inject[name] = factor;
    }
    apply_inject(extra, extra_inject);
    current = harness::merge_results({current, extra}, m.statistic);
    report = evaluate_gate(baseline, current, options);
    extra_runs += m.runs;
  }
  return extra_runs;
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
                           {"--confirm", A::kValue},
                           {"--confirm-delay", A::kValue},
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
  const fs::path baseline_file = resolve_baseline(args, planned, promote_hint);
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

  std::map<std::string, double> inject;
  if (const char* spec_text = std::getenv(kInjectEnv); spec_text && *spec_text) {
    inject = parse_inject(spec_text);
    apply_inject(current, inject);
    io.err << "kite-bench: " << kInjectEnv << "=" << spec_text
           << " is set: the current run is made worse on purpose (test hook)\n";
  }
  GateReport report = evaluate_gate(baseline, current, options);
  const int confirmed_runs =
      confirm_failures(args, m, command_line, baseline, options, inject, current, report, io.err);
  if (const auto out = args.get("--out")) {
    harness::write_result_file(current, *out);
    io.err << "kite-bench: wrote " << *out << '\n';
  }
  io.out << "baseline: " << baseline_file.string() << " (commit " << baseline.context.commit << ", "
         << baseline.context.date << ")\n";
  print_gate_report(report, options, io.out);
  if (confirmed_runs > 0) {
    io.out << fmt::format(
        "(the failing benches were measured {} more times to confirm; every run "
        "is a sample)\n",
        confirmed_runs);
  }
  return report.passed() ? 0 : 1;
}

}  // namespace kite::bench
