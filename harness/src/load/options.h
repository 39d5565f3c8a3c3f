// kite-load's command line (docs/harness.md, "kite-load"): the options, the
// target URL, durations, and the loopback-only rule. Parsing is pure: it
// reads files only for --body-file and never touches the network.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kite::load {

// A command line that cannot be used, or a target that is refused: exit
// status 2. The message says what to change.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where the load goes: always a loopback address of this machine.
struct Target {
  std::string url;        // as given
  std::string authority;  // host[:port] as written, for the Host header
  std::string path;       // origin-form request target ("/" when the URL has none)
  sockaddr_storage address{};
  socklen_t address_length = 0;
  int port = 80;
};

// Throws UsageError for anything but http://HOST[:PORT][/path] whose HOST is
// `localhost`, an IPv4 address in 127.0.0.0/8 or `[::1]`. `localhost` means
// 127.0.0.1 (no name lookup is done).
Target parse_target(std::string_view url);

// "10s", "1.5s", "250ms", "100us", "2m", "1h", or a bare number of seconds,
// in nanoseconds. Throws UsageError naming `option` for anything else or a
// negative value.
std::int64_t parse_duration(std::string_view text, std::string_view option);

struct LoadOptions {
  Target target;
  int connections = 50;  // -c
  int threads = 1;       // -t
  // Exactly one bound: a duration (-d, the default 10 s) or a count (-n).
  std::optional<std::int64_t> duration_ns;
  std::optional<std::uint64_t> request_count;
  std::int64_t warmup_ns = 1'000'000'000;  // --warmup, not recorded
  std::optional<double> rate;              // --rate: open loop, total req/s
  int pipeline = 1;                        // --pipeline: requests in flight per connection
  // --spin: poll epoll without ever sleeping. A sleeping generator (the
  // default, like wrk) makes the server pay a cross-core wake-up with the
  // responses it sends while the generator waits.
  bool spin = false;
  std::string method = "GET";
  std::vector<std::string> paths;  // --path (round-robin); the URL's path when none
  std::vector<std::pair<std::string, std::string>> headers;  // -H 'Name: value'
  std::string body;                                          // --body or --body-file
  std::int64_t timeout_ns = 2'000'000'000;                   // --timeout, per request
  std::int64_t max_time_ns = 0;  // --max-time: hard cap on the whole run (see parse_options)
  std::string label;             // --label; the result is named http/<label>
  std::optional<std::string> json_path;  // --json
  double max_error_rate_percent = 1.0;   // --max-error-rate
  bool help = false;                     // -h / --help: print usage and exit 0
  std::vector<std::string> arguments;    // the command line, for the result context
};

// Parses argv[1..] (without the program name). Throws UsageError. Defaults:
// -c 50 -t 1 -d 10s --warmup 1s --timeout 2s --max-error-rate 1, closed
// loop, GET; --max-time defaults to warm-up + duration + timeout + 10 s for
// a duration run and warm-up + 300 s for a count run.
LoadOptions parse_options(const std::vector<std::string>& args);

// The usage text printed by --help and after a usage error.
std::string_view usage();

}  // namespace kite::load
