// Command dispatch and usage (cli.h).
#include "cli.h"

#include "args.h"
#include "commands.h"

#include <kite/harness/results.h>

namespace kite::bench {

namespace {

constexpr const char* kUsage = R"(usage: kite-bench <command> [options]   (docs/harness.md)

  check    gate the microbench against a baseline: exit 0 pass, 1 fail, 2 unusable
           [--baseline FILE | --baseline-dir DIR] [--runs N] [--statistic best|median|p75]
           [--max-regression 8] [--max-geomean-regression 3] [--protected a,b]
           [--input RESULT.json ...] [--microbench PATH] [--microbench-arg ARG]
           [--filter REGEX] [--out FILE] [--metric time|instructions] [--iterations N]
           [--confirm 2] [--confirm-delay 1]
  compare  A.json B.json [--statistic S] [--filter REGEX]
  promote  [--out FILE | --baseline-dir DIR] [--runs N] [--input RESULT.json ...]
           [--metric time|instructions] [--microbench PATH] [--filter REGEX]
  ab       --a BUILD_DIR_A --b BUILD_DIR_B [--rounds N] [--out ab.json] [--filter REGEX]
  convert  GBENCH.json [-o RESULT.json] [--statistic S]
  http     Kite and the peers over HTTP, interleaved rounds, medians, ratios vs Kite
           [--profile quick|full] [--rounds N] [--duration 10s] [--warmup 2s]
           [--connections 50] [--paths /api/health,/api/noop] [--spin] [--servers kite,node,...]
           [--kite PATH] [--load PATH] [--peers-dir DIR] [--server-cpu 0] [--load-cpu 1]
           [--port P] [--out http.json]
  cold     Kite and the peers from fork to first response, interleaved rounds
           [--profile quick|full] [--rounds N] [--starts N] [--path /api/health]
           [--servers ...] [--kite PATH] [--coldstart PATH] [--peers-dir DIR]
           [--server-cpu 0] [--load-cpu 1] [--port P] [--out coldstart.json]
  report   RESULT.json... -o DIR [--baseline FILE...] [--gate CHECK_OUTPUT.txt...]
           [--history FILE (DIR/../history.jsonl)] [--no-history] [--date YYYY-MM-DD]

test hook: KITE_BENCH_INJECT=name:1.10[,name2:factor] makes benches of check's
current run worse by that factor.
)";

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << kUsage;
    return kExitUnusable;
  }
  const std::string& command = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "--help" || command == "-h" || command == "help") {
    out << kUsage;
    return kExitOk;
  }
  for (const std::string& arg : rest) {
    if (arg == "--help" || arg == "-h") {
      out << kUsage;
      return kExitOk;
    }
  }
  const Io io{out, err};
  try {
    if (command == "check") return check_command(rest, io);
    if (command == "compare") return compare_command(rest, io);
    if (command == "promote") return promote_command(rest, io);
    if (command == "ab") return ab_command(rest, io);
    if (command == "convert") return convert_command(rest, io);
    if (command == "http") return http_command(rest, io);
    if (command == "cold") return cold_command(rest, io);
    if (command == "report") return report_command(rest, io);
    err << "kite-bench: unknown command '" << command << "'\n" << kUsage;
    return kExitUnusable;
  } catch (const UsageError& e) {
    err << "kite-bench " << command << ": " << e.what() << " (kite-bench --help)\n";
  } catch (const harness::ResultError& e) {
    err << "kite-bench " << command << ": " << e.what() << '\n';
  } catch (const std::exception& e) {
    err << "kite-bench " << command << ": " << e.what() << '\n';
  }
  return kExitUnusable;
}

}  // namespace kite::bench
