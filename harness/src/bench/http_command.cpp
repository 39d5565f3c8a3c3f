// `kite-bench http`: Kite and every installed peer on the same endpoints,
// the server pinned to one CPU and kite-load to the other, in interleaved
// rounds (kite, node, deno, bun, nginx, kite, ...); medians over rounds and
// ratios vs Kite (docs/harness.md, "kite-bench http").
#include "commands.h"
#include "comparison.h"
#include "process.h"
#include "table.h"

#include <kite/harness/machine.h>
#include <kite/harness/stats.h>

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>

namespace kite::bench {

namespace fs = std::filesystem;

namespace {

// The counters of kite-load's entry carried (as medians over rounds) into
// the comparison's entry.
const std::vector<std::string> kLoadCounters = {
    "latency_p50_us", "latency_p90_us",     "latency_p99_us", "latency_max_us",
    "requests",       "error_rate_percent", "connections"};

struct Series {
  std::vector<double> samples;
  std::map<std::string, std::vector<double>> counters;
};

// Kite at this fraction of floor's req/s or more is measuring the generator.
constexpr double kGeneratorBound = 0.95;

std::string entry_name(const std::string& server, const std::string& path) {
  return "http/" + server + path;
}

std::string format_seconds(double s) {
  return fmt::format("{}ms", static_cast<long>(s * 1000));
}

}  // namespace

int http_command(const std::vector<std::string>& command_args, Io io) {
  using A = OptionSpec::Arity;
  std::vector<OptionSpec> spec = comparison_options();
  spec.insert(spec.end(), {{"--duration", A::kValue},
                           {"--warmup", A::kValue},
                           {"--connections", A::kValue},
                           {"--paths", A::kList},
                           {"--spin", A::kSwitch},
                           {"--load", A::kValue}});
  const Args args = Args::parse(command_args, spec);
  Comparison c = comparison_from(args, 19700, "http.json");
  const int connections = args.integer("--connections", 50, 1);
  const bool spin = args.has("--spin");  // kite-load never sleeps (docs/harness.md)
  std::vector<std::string> paths = args.list("--paths");
  if (paths.empty()) paths = {"/api/health", "/api/noop"};
  for (const std::string& path : paths) {
    if (!path.starts_with("/")) throw UsageError("--paths: '" + path + "' does not start with /");
  }
  if (const auto load = args.get("--load")) c.tools.load = fs::absolute(*load);
  if (c.tools.load.empty() || access(c.tools.load.c_str(), X_OK) != 0) {
    throw UsageError(
        "no kite-load: build it (cmake --build --preset release --target kite-load) "
        "or pass --load PATH");
  }
  std::vector<harness::SkippedServer> skipped;
  const std::vector<ServerSpec> servers = find_servers(c.servers, c.tools, skipped);
  for (const harness::SkippedServer& s : skipped) io.err << "note: " << skip_note(s) << '\n';

  char scratch_template[] = "/tmp/kite-bench-http-XXXXXX";
  if (mkdtemp(scratch_template) == nullptr) throw std::runtime_error("cannot create a temp folder");
  const fs::path scratch = scratch_template;

  std::map<std::string, Series> http;    // entry name -> per-round req/s
  std::map<std::string, Series> memory;  // server -> per-round peak RSS
  int port = c.port;
  io.err << fmt::format(
      "http: profile {}, {} round(s), {} per endpoint after {} warm-up, {} connections, server "
      "on CPU {}, kite-load on CPU {}\n",
      c.profile.name, c.profile.rounds, format_seconds(c.profile.duration_s),
      format_seconds(c.profile.warmup_s), connections, c.server_cpu, c.load_cpu);
  for (int round = 1; round <= c.profile.rounds; ++round) {
    for (const ServerSpec& server : servers) {
      std::vector<std::string> own_paths;
      for (const std::string& path : paths) {
        if (server.serves(path)) own_paths.push_back(path);
      }
      if (own_paths.empty()) continue;
      std::string error;
      port = free_ports(port + 1, 1);
      auto running =
          RunningServer::start(server, port, c.server_cpu, scratch, own_paths.front(), 30, error);
      if (!running) {
        note_skipped(skipped, io.err, server.name, fmt::format("round {}: {}", round, error));
        continue;
      }
      for (const std::string& path : own_paths) {
        const fs::path json = scratch / fmt::format("{}-{}-{}.json", server.name, round, port);
        std::vector<std::string> argv = {c.tools.load.string(),
                                         "-t",
                                         "1",
                                         "-c",
                                         std::to_string(connections),
                                         "-d",
                                         format_seconds(c.profile.duration_s),
                                         "--warmup",
                                         format_seconds(c.profile.warmup_s),
                                         "--label",
                                         server.name + path,
                                         "--json",
                                         json.string(),
                                         fmt::format("http://127.0.0.1:{}{}", port, path)};
        if (spin) argv.insert(argv.begin() + 1, "--spin");
        const ProcessResult load = run_process(argv, /*capture_stderr=*/true, c.load_cpu);
        std::error_code ec;
        if (load.exit_code != 0 || !fs::exists(json, ec)) {
          const std::string said = last_line(load.stderr_text);
          note_skipped(skipped, io.err, server.name,
                       fmt::format("round {}: GET {}: kite-load exit {}{}", round, path,
                                   load.exit_code, said.empty() ? "" : ": " + said));
          io.err << load.stderr_text;
          continue;
        }
        const harness::ResultFile result = harness::read_result_file(json);
        const harness::Benchmark& b = result.benchmarks.at(0);
        Series& series = http[entry_name(server.name, path)];
        series.samples.push_back(b.value);
        for (const std::string& counter : kLoadCounters) {
          if (auto it = b.counters.find(counter); it != b.counters.end()) {
            series.counters[counter].push_back(it->second);
          }
        }
        io.err << fmt::format(
            "round {}: {:<5} {:<12} {:>10.0f} req/s  p99 {:.0f} us\n", round, server.name, path,
            b.value, b.counters.contains("latency_p99_us") ? b.counters.at("latency_p99_us") : 0.0);
      }
      if (const double rss = running->peak_rss_bytes(); rss > 0) {
        memory[server.name].samples.push_back(rss);
      }
      running->stop();
    }
  }
  std::error_code ec;
  fs::remove_all(scratch, ec);

  std::vector<std::string> command_line{"http"};
  command_line.insert(command_line.end(), command_args.begin(), command_args.end());
  harness::ResultFile result;
  result.context = harness::current_context("time", "kite-bench", command_line);
  result.context.skipped = skipped;
  Table table({"server", "path", "req/s", "p50", "p99", "peak RSS", "req/s vs kite"});
  for (const ServerSpec& server : servers) {
    for (const std::string& path : paths) {
      const auto it = http.find(entry_name(server.name, path));
      if (it == http.end()) continue;
      result.benchmarks.push_back(median_entry(it->first, harness::Kind::kHttp, "req/s", true,
                                               it->second.samples, it->second.counters));
      const harness::Benchmark& b = result.benchmarks.back();
      const auto kite = http.find(entry_name("kite", path));
      const double kite_rps = kite == http.end() ? 0 : harness::median(kite->second.samples);
      const auto counter = [&](const char* name) {
        return b.counters.contains(name) ? fmt::format("{:.0f} us", b.counters.at(name)) : "-";
      };
      const auto rss = memory.find(server.name);
      table.add({server.name, path, fmt::format("{:.0f}", b.value), counter("latency_p50_us"),
                 counter("latency_p99_us"),
                 rss == memory.end()
                     ? "-"
                     : fmt::format("{:.1f} MB", harness::median(rss->second.samples) / 1048576.0),
                 kite_rps > 0 ? fmt::format("{:.2f}x", b.value / kite_rps) : "-"});
    }
  }
  for (const ServerSpec& server : servers) {
    const auto it = memory.find(server.name);
    if (it == memory.end()) continue;
    result.benchmarks.push_back(median_entry("memory/" + server.name + "/peak_rss_http",
                                             harness::Kind::kMemory, "bytes", false,
                                             it->second.samples, {}));
  }
  if (result.benchmarks.empty()) {
    throw harness::ResultError("no server produced a measurement (see the notes above)");
  }
  harness::write_result_file(result, c.out);
  table.print(io.out);
  io.out << fmt::format(
      "medians of {} round(s); {} s per endpoint, {} connections; peak RSS = VmHWM after the "
      "round; wrote {}\n",
      c.profile.rounds, c.profile.duration_s, connections, c.out);
  for (const std::string& path : paths) {
    const auto kite = http.find(entry_name("kite", path));
    const auto floor = http.find(entry_name("floor", path));
    if (kite == http.end() || floor == http.end()) continue;
    const double ratio =
        harness::median(kite->second.samples) / harness::median(floor->second.samples);
    if (ratio >= kGeneratorBound) {
      io.out << fmt::format(
          "note: GET {}: kite is at {:.2f}x floor (the cheapest server there is): the load "
          "generator sets this rate, not Kite, and ratios to Kite are compressed towards 1\n",
          path, ratio);
    }
  }
  for (const harness::SkippedServer& s : skipped) io.out << "note: " << skip_note(s) << '\n';
  return 0;
}

}  // namespace kite::bench
