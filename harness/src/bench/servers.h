// The servers `kite-bench http` and `kite-bench cold` measure: Kite serving
// examples/handler.js and the peers of harness/peers/ (node, deno, bun,
// nginx) and kite-floor (harness/src/floor), found on this machine or skipped with a note; and a
// running server process pinned to one CPU, on a loopback port, stopped when it goes out of scope.
#pragma once

#include <kite/harness/results.h>
#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kite::bench {

// The order of the interleaved rounds: kite, node, deno, bun, nginx, floor, kite, ...
inline const std::vector<std::string> kServerNames = {"kite", "node",  "deno",
                                                      "bun",  "nginx", "floor"};

// Where the programs are. Every path is absolute once resolved.
struct Tools {
  std::filesystem::path source_dir;  // examples/handler.js and harness/peers/ live here
  std::filesystem::path kite;        // build/<preset>/runtime/kite
  std::filesystem::path load;        // kite-load
  std::filesystem::path coldstart;   // kite-coldstart
  std::filesystem::path floor;       // kite-floor: the cheapest server, the generator's ceiling
  std::filesystem::path peers_bin;   // build/peers/node_modules/.bin (scripts/peers-setup.sh)
};

// The tools of the build tree this kite-bench belongs to (the folder above
// it that holds CMakeCache.txt), and the source tree it was built from.
// Missing programs are left empty.
Tools default_tools();

struct ServerSpec {
  std::string name;
  // The command; "{port}" is replaced by the port, "{dir}" by a scratch folder.
  std::vector<std::string> argv;
  // The endpoints it serves; empty: every endpoint of examples/handler.js.
  std::vector<std::string> paths;

  bool serves(const std::string& path) const;
};

// The servers of `wanted` (names from kServerNames, in that order) that are
// installed; one entry in `skipped` per server that is not ({"deno", "not
// installed (scripts/peers-setup.sh)"}). Throws UsageError for an unknown
// name, or when Kite itself is wanted and missing.
std::vector<ServerSpec> find_servers(const std::vector<std::string>& wanted, const Tools& tools,
                                     std::vector<harness::SkippedServer>& skipped);

// `argv` with "{dir}" replaced, and "{port}" too unless `port` is nullopt.
std::vector<std::string> expand_command(const std::vector<std::string>& argv,
                                        std::optional<int> port, const std::string& dir);

// The first port from `from` on such that `count` consecutive ports can be
// bound on 127.0.0.1 right now (so a server left running by someone else
// is never measured in place of ours). Throws when none is free below 65535.
int free_ports(int from, int count);

// One GET of `path` on 127.0.0.1:`port` (Connection: close); the status, or
// nullopt when nothing complete came back within `timeout_s`.
std::optional<int> http_get_status(int port, const std::string& path, double timeout_s);

class RunningServer {
 public:
  // Starts `spec` on `port`, pinned to `cpu` (sched_setaffinity; -1: not
  // pinned), its output in `log_file`, and waits up to `timeout_s` until
  // GET `ready_path` answers 2xx. nullopt with `error` set when it exits
  // ("exited during start-up: <the last line of its output>") or does not
  // answer in time (it is stopped first).
  static std::optional<RunningServer> start(const ServerSpec& spec, int port, int cpu,
                                            const std::filesystem::path& scratch_dir,
                                            const std::string& ready_path, double timeout_s,
                                            std::string& error);
  RunningServer(RunningServer&& other) noexcept;
  RunningServer& operator=(RunningServer&&) = delete;
  RunningServer(const RunningServer&) = delete;
  ~RunningServer();

  // Peak resident set size (VmHWM) of the server and its direct children,
  // the largest of them, in bytes; 0 when unreadable.
  double peak_rss_bytes() const;
  // SIGTERM to the server's process group, SIGKILL after 2 s.
  void stop();

 private:
  explicit RunningServer(pid_t pid) : pid_(pid) {}
  pid_t pid_ = -1;
};

}  // namespace kite::bench
