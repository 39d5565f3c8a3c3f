// `kite-bench cold`: kite-coldstart on Kite and every installed peer, N
// starts per server per round, rounds interleaved (kite, node, deno, bun,
// nginx, kite, ...), the server pinned to one CPU and the timer to the other
// (docs/harness.md, "kite-bench cold").
#include "commands.h"
#include "comparison.h"
#include "process.h"
#include "table.h"

#include <kite/harness/machine.h>
#include <kite/harness/stats.h>

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

namespace kite::bench {

namespace fs = std::filesystem;

int cold_command(const std::vector<std::string>& command_args, Io io) {
  using A = OptionSpec::Arity;
  std::vector<OptionSpec> spec = comparison_options();
  spec.insert(spec.end(),
              {{"--starts", A::kValue}, {"--path", A::kValue}, {"--coldstart", A::kValue}});
  const Args args = Args::parse(command_args, spec);
  Comparison c = comparison_from(args, 21000, "coldstart.json");
  c.profile.starts = args.integer("--starts", c.profile.starts, 1);
  const std::string path = args.get("--path").value_or("/api/health");
  if (const auto tool = args.get("--coldstart")) c.tools.coldstart = fs::absolute(*tool);
  if (c.tools.coldstart.empty() || access(c.tools.coldstart.c_str(), X_OK) != 0) {
    throw UsageError(
        "no kite-coldstart: build it (cmake --build --preset release --target "
        "kite-coldstart) or pass --coldstart PATH");
  }
  std::vector<harness::SkippedServer> skipped;
  const std::vector<ServerSpec> servers = find_servers(c.servers, c.tools, skipped);
  for (const harness::SkippedServer& s : skipped) io.err << "note: " << skip_note(s) << '\n';

  char scratch_template[] = "/tmp/kite-bench-cold-XXXXXX";
  if (mkdtemp(scratch_template) == nullptr) throw std::runtime_error("cannot create a temp folder");
  const fs::path scratch = scratch_template;

  std::map<std::string, std::vector<double>> start_ms;  // server -> every start
  std::map<std::string, std::vector<double>> rss;       // server -> RSS after each first response
  int port = c.port;
  io.err << fmt::format("cold: profile {}, {} round(s) of {} starts per server, GET {}\n",
                        c.profile.name, c.profile.rounds, c.profile.starts, path);
  for (int round = 1; round <= c.profile.rounds; ++round) {
    for (const ServerSpec& server : servers) {
      if (!server.serves(path)) continue;
      port = free_ports(port, c.profile.starts);
      const fs::path json = scratch / fmt::format("{}-{}.json", server.name, round);
      const fs::path dir = scratch / fmt::format("{}-{}", server.name, round);
      fs::create_directories(dir);
      std::vector<std::string> argv = {c.tools.coldstart.string(),
                                       "--runs",
                                       std::to_string(c.profile.starts),
                                       "--port",
                                       std::to_string(port),
                                       "--path",
                                       path,
                                       "--name",
                                       server.name,
                                       "--cpu",
                                       std::to_string(c.server_cpu),
                                       "--timeout",
                                       "30",
                                       "--json",
                                       json.string(),
                                       "--"};
      // kite-coldstart replaces "{port}": each start gets its own port.
      const std::vector<std::string> command =
          expand_command(server.argv, std::nullopt, dir.string());
      argv.insert(argv.end(), command.begin(), command.end());
      port += c.profile.starts;
      const ProcessResult run = run_process(argv, /*capture_stderr=*/true, c.load_cpu);
      std::error_code ec;
      if (run.exit_code != 0 || !fs::exists(json, ec)) {
        const std::string said = last_line(run.stderr_text);
        note_skipped(skipped, io.err, server.name,
                     fmt::format("round {}: kite-coldstart exit {}{}", round, run.exit_code,
                                 said.empty() ? "" : ": " + said));
        io.err << run.stderr_text;
        continue;
      }
      io.err << "round " << round << ": " << run.stdout_text;
      const harness::ResultFile result = harness::read_result_file(json);
      for (const harness::Benchmark& b : result.benchmarks) {
        auto& sink = b.kind == harness::Kind::kColdstart ? start_ms[server.name] : rss[server.name];
        std::copy_if(b.samples.begin(), b.samples.end(), std::back_inserter(sink),
                     [](double v) { return v > 0; });
      }
    }
  }
  std::error_code ec;
  fs::remove_all(scratch, ec);

  std::vector<std::string> command_line{"cold"};
  command_line.insert(command_line.end(), command_args.begin(), command_args.end());
  harness::ResultFile result;
  result.context = harness::current_context("time", "kite-bench", command_line);
  result.context.skipped = skipped;
  Table table({"server", "p50", "min", "p95", "RSS after 1st response", "p50 vs kite"});
  const double kite_ms = start_ms.contains("kite") ? harness::median(start_ms["kite"]) : 0;
  for (const ServerSpec& server : servers) {
    const auto it = start_ms.find(server.name);
    if (it == start_ms.end()) continue;
    const std::vector<double>& ms = it->second;
    harness::Benchmark b =
        median_entry("coldstart/" + server.name, harness::Kind::kColdstart, "ms", false, ms, {});
    b.counters = {{"min_ms", *std::min_element(ms.begin(), ms.end())},
                  {"p95_ms", harness::percentile(ms, 95)},
                  {"max_ms", *std::max_element(ms.begin(), ms.end())}};
    result.benchmarks.push_back(b);
    const std::vector<double>& server_rss = rss[server.name];
    table.add({server.name, fmt::format("{:.2f} ms", b.value),
               fmt::format("{:.2f} ms", b.counters["min_ms"]),
               fmt::format("{:.2f} ms", b.counters["p95_ms"]),
               server_rss.empty()
                   ? "-"
                   : fmt::format("{:.1f} MB", harness::median(server_rss) / 1048576.0),
               kite_ms > 0 ? fmt::format("{:.2f}x", b.value / kite_ms) : "-"});
  }
  for (const ServerSpec& server : servers) {
    const auto it = rss.find(server.name);
    if (it == rss.end() || it->second.empty()) continue;
    result.benchmarks.push_back(median_entry("memory/" + server.name + "/rss_after_first_response",
                                             harness::Kind::kMemory, "bytes", false, it->second,
                                             {}));
  }
  if (result.benchmarks.empty()) {
    throw harness::ResultError("no server produced a measurement (see the notes above)");
  }
  harness::write_result_file(result, c.out);
  table.print(io.out);
  io.out << fmt::format("{} starts per server (medians); wrote {}\n",
                        c.profile.rounds * c.profile.starts, c.out);
  for (const harness::SkippedServer& s : skipped) io.out << "note: " << skip_note(s) << '\n';
  return 0;
}

}  // namespace kite::bench
