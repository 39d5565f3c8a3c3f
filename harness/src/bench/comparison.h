// What `kite-bench http` and `kite-bench cold` share: the quick and full
// profiles, the tool and CPU options, and turning per-round samples into
// median entries of the result schema.
#pragma once

#include "args.h"
#include "servers.h"

#include <kite/harness/results.h>

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace kite::bench {

// --profile quick|full; explicit options override a profile's values.
struct Profile {
  std::string name = "full";
  int rounds = 5;          // interleaved rounds over every server
  double duration_s = 10;  // http: measured window per endpoint
  double warmup_s = 2;     // http: warm-up before the window (JIT, caches)
  int starts = 10;         // cold: starts per server per round
};
Profile profile_named(const std::string& name);  // throws UsageError

// Options every comparison takes: --profile --rounds --servers --kite
// --peers-dir --server-cpu --load-cpu --port --out.
std::vector<OptionSpec> comparison_options();

struct Comparison {
  Profile profile;
  Tools tools;
  std::vector<std::string> servers;  // wanted, in round order
  int server_cpu = 0;
  int load_cpu = 1;
  int port = 0;
  std::string out;
};
Comparison comparison_from(const Args& args, int default_port, const std::string& default_out);

// "deno: not installed (scripts/peers-setup.sh); skipped"
std::string skip_note(const harness::SkippedServer& skipped);
// Records that `server`, or one round of it, was left out of the run (the
// result's context.skipped) and says so on `err`: "note: " + skip_note.
void note_skipped(std::vector<harness::SkippedServer>& skipped, std::ostream& err,
                  const std::string& server, const std::string& reason);

// One entry from per-round samples: value = median of `samples`; each
// counter the median of its per-round values.
harness::Benchmark median_entry(std::string name, harness::Kind kind, std::string unit,
                                bool higher_is_better, const std::vector<double>& samples,
                                const std::map<std::string, std::vector<double>>& counters);

// "http/kite/api/health" -> server "kite", rest "/api/health"; "coldstart/kite"
// -> "kite", "". Empty server when the name has no second segment.
struct EntryName {
  std::string kind;
  std::string server;
  std::string rest;
};
EntryName split_entry_name(const std::string& name);

}  // namespace kite::bench
