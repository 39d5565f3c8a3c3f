// `kite-bench convert GBENCH.json -o RESULT.json`.
#include "commands.h"

#include <kite/harness/gbench.h>
#include <kite/harness/machine.h>

#include <fstream>
#include <sstream>

namespace kite::bench {

int convert_command(const std::vector<std::string>& command_args, Io io) {
  using A = OptionSpec::Arity;
  const Args args = Args::parse(
      command_args,
      {{"--out", A::kValue, "-o"}, {"--statistic", A::kValue}, {"--filter", A::kValue}});
  if (args.positional().size() != 1) {
    throw UsageError(
        "convert takes one Google Benchmark JSON file: kite-bench convert "
        "GBENCH.json -o RESULT.json");
  }
  const Measurement m = measurement_from(args, /*needs_microbench=*/false);
  const std::string& input = args.positional()[0];
  std::ifstream in(input, std::ios::binary);
  if (!in) throw harness::ResultError(input + ": cannot open the file (does it exist?)");
  std::stringstream text;
  text << in.rdbuf();

  std::vector<std::string> command_line{"convert"};
  command_line.insert(command_line.end(), command_args.begin(), command_args.end());
  harness::ResultFile result;
  try {
    result = harness::parse_gbench(
        text.str(), harness::current_context("time", "kite-bench", command_line), m.statistic);
  } catch (const harness::ResultError& e) {
    throw harness::ResultError(input + ": " + e.what());
  }
  filter_benchmarks(result, m.microbench.filter);
  if (const auto out = args.get("--out")) {
    harness::write_result_file(result, *out);
    io.err << "kite-bench: wrote " << result.benchmarks.size() << " benches to " << *out << '\n';
  } else {
    io.out << harness::dump_result(result);
  }
  return 0;
}

}  // namespace kite::bench
