// `kite-bench compare A.json B.json`.
#include "commands.h"
#include "compare.h"

namespace kite::bench {

int compare_command(const std::vector<std::string>& command_args, Io io) {
  using A = OptionSpec::Arity;
  const Args args =
      Args::parse(command_args, {{"--statistic", A::kValue}, {"--filter", A::kValue}});
  if (args.positional().size() != 2) {
    throw UsageError("compare takes two result files: kite-bench compare A.json B.json");
  }
  const Measurement m = measurement_from(args, /*needs_microbench=*/false);
  harness::ResultFile a = harness::read_result_file(args.positional()[0]);
  harness::ResultFile b = harness::read_result_file(args.positional()[1]);
  filter_benchmarks(a, m.microbench.filter);
  filter_benchmarks(b, m.microbench.filter);
  io.out << "A = " << args.positional()[0] << "\nB = " << args.positional()[1] << '\n';
  print_compare_report(compare_results(a, b, m.statistic), io.out);
  return 0;
}

}  // namespace kite::bench
