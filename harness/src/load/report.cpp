// The summary, the result entry and the exit status (report.h).
#include "report.h"

#include <kite/harness/machine.h>

#include <fmt/format.h>

namespace kite::load {

namespace {

std::string format_duration(double ns) {
  if (ns < 1e3) return fmt::format("{:.0f}ns", ns);
  if (ns < 1e6) return fmt::format("{:.2f}us", ns / 1e3);
  if (ns < 1e9) return fmt::format("{:.2f}ms", ns / 1e6);
  return fmt::format("{:.2f}s", ns / 1e9);
}

std::string format_bytes(double bytes) {
  if (bytes < 1024) return fmt::format("{:.0f}B", bytes);
  if (bytes < 1024.0 * 1024) return fmt::format("{:.2f}KiB", bytes / 1024);
  if (bytes < 1024.0 * 1024 * 1024) return fmt::format("{:.2f}MiB", bytes / (1024.0 * 1024));
  return fmt::format("{:.2f}GiB", bytes / (1024.0 * 1024 * 1024));
}

double seconds(std::int64_t ns) {
  return static_cast<double>(ns) / 1e9;
}

double micros(double ns) {
  return ns / 1e3;
}

std::string mode(const LoadOptions& o) {
  std::string text = o.rate ? fmt::format("open loop at {:g} req/s", *o.rate) : "closed loop";
  if (o.pipeline > 1) text += fmt::format(", pipeline {}", o.pipeline);
  if (o.spin) text += ", spinning";
  text += o.warmup_ns > 0 ? ", warm-up " + format_duration(static_cast<double>(o.warmup_ns))
                          : ", no warm-up";
  return text;
}

struct Percentile {
  const char* name;  // in the summary
  const char* counter;
  double p;
};
constexpr Percentile kPercentiles[] = {{"50%", "latency_p50_us", 50},
                                       {"90%", "latency_p90_us", 90},
                                       {"99%", "latency_p99_us", 99},
                                       {"99.9%", "latency_p999_us", 99.9}};

}  // namespace

double requests_per_second(const LoadRun& run) {
  if (run.window_ns <= 0 || run.stats.requests == 0) return 0;
  return static_cast<double>(run.stats.requests) / seconds(run.window_ns);
}

double error_rate_percent(const LoadStats& s) {
  const std::uint64_t attempts = s.responses + s.socket_errors();
  if (attempts == 0) return 100;
  return 100.0 * static_cast<double>(s.socket_errors() + s.non_2xx()) /
         static_cast<double>(attempts);
}

void print_header(std::ostream& out, const LoadOptions& o) {
  const std::string bound = o.duration_ns ? format_duration(static_cast<double>(*o.duration_ns))
                                          : fmt::format("{}-request", *o.request_count);
  out << fmt::format("Running {} test @ {}\n", bound, o.target.url);
  out << fmt::format("  {} threads and {} connections, {}\n", o.threads, o.connections, mode(o));
  out.flush();
}

void print_summary(std::ostream& out, const LoadOptions& o, const LoadRun& run) {
  const LoadStats& s = run.stats;
  const LatencyHistogram& h = s.latency;
  out << fmt::format("  Latency    {:>10} {:>10} {:>10}\n", "Mean", "Stdev", "Max");
  out << fmt::format("             {:>10} {:>10} {:>10}\n", format_duration(h.mean()),
                     format_duration(h.stdev()), format_duration(static_cast<double>(h.max())));
  out << "  Latency Distribution" << (o.rate ? " (from each request's due time)\n" : "\n");
  for (const Percentile& p : kPercentiles) {
    out << fmt::format("  {:>6}  {:>10}\n", p.name,
                       format_duration(static_cast<double>(h.percentile(p.p))));
  }
  out << fmt::format("  {} requests in {}, {} read\n", s.requests,
                     format_duration(static_cast<double>(run.window_ns)),
                     format_bytes(static_cast<double>(s.bytes_read)));
  out << fmt::format("  Errors: connect {}, read {}, write {}, timeout {}, protocol {}\n",
                     s.errors_connect, s.errors_read, s.errors_write, s.errors_timeout,
                     s.errors_protocol);
  out << fmt::format("  Status: 2xx {}, 3xx {}, 4xx {}, 5xx {}  ({:.2f}% failed, limit {:g}%)\n",
                     s.status_2xx, s.status_3xx, s.status_4xx, s.status_5xx, error_rate_percent(s),
                     o.max_error_rate_percent);
  if (!s.first_error.empty()) out << "  First error: " << s.first_error << '\n';
  if (s.unsent > 0) {
    out << fmt::format(
        "  Behind schedule: {} requests due in the window were never sent "
        "(the server answers slower than --rate)\n",
        s.unsent);
  }
  if (run.cut_short) {
    out << fmt::format("  Stopped by --max-time {} before the run ended",
                       format_duration(static_cast<double>(o.max_time_ns)));
    if (o.request_count) out << fmt::format(" ({} of {} requests)", s.responses, *o.request_count);
    out << '\n';
  }
  const double rps = requests_per_second(run);
  const double transfer =
      run.window_ns > 0 ? static_cast<double>(s.bytes_read) / seconds(run.window_ns) : 0;
  out << fmt::format("Requests/sec: {:>10.2f}\n", rps);
  out << fmt::format("Transfer/sec: {:>10}\n", format_bytes(transfer));
}

harness::ResultFile make_result(const LoadOptions& o, const LoadRun& run) {
  const LoadStats& s = run.stats;
  const LatencyHistogram& h = s.latency;
  harness::Benchmark b;
  b.name = "http/" + o.label;
  b.kind = harness::Kind::kHttp;
  b.unit = "req/s";
  b.value = requests_per_second(run);
  b.higher_is_better = true;
  b.statistic = harness::Statistic::kSingle;
  b.samples = {b.value};
  auto& c = b.counters;
  for (const Percentile& p : kPercentiles) {
    c[p.counter] = micros(static_cast<double>(h.percentile(p.p)));
  }
  c["latency_max_us"] = micros(static_cast<double>(h.max()));
  c["latency_mean_us"] = micros(h.mean());
  c["latency_stdev_us"] = micros(h.stdev());
  c["requests"] = static_cast<double>(s.requests);
  c["responses"] = static_cast<double>(s.responses);
  c["duration_s"] = seconds(run.window_ns);
  c["transfer_bytes_per_sec"] =
      run.window_ns > 0 ? static_cast<double>(s.bytes_read) / seconds(run.window_ns) : 0;
  c["connections"] = o.connections;
  c["threads"] = o.threads;
  c["pipeline"] = o.pipeline;
  c["spin"] = o.spin;
  if (o.rate) {
    c["target_rate"] = *o.rate;
    c["unsent"] = static_cast<double>(s.unsent);
  }
  c["status_2xx"] = static_cast<double>(s.status_2xx);
  c["status_3xx"] = static_cast<double>(s.status_3xx);
  c["status_4xx"] = static_cast<double>(s.status_4xx);
  c["status_5xx"] = static_cast<double>(s.status_5xx);
  c["errors_connect"] = static_cast<double>(s.errors_connect);
  c["errors_read"] = static_cast<double>(s.errors_read);
  c["errors_write"] = static_cast<double>(s.errors_write);
  c["errors_timeout"] = static_cast<double>(s.errors_timeout);
  c["errors_protocol"] = static_cast<double>(s.errors_protocol);
  c["error_rate_percent"] = error_rate_percent(s);
  c["sent_total"] = static_cast<double>(s.sent_total);
  c["responses_total"] = static_cast<double>(s.responses_total);

  harness::ResultFile result;
  result.context = harness::current_context("time", "kite-load", o.arguments);
  result.benchmarks.push_back(std::move(b));
  return result;
}

int exit_status(const LoadOptions& o, const LoadRun& run) {
  if (run.stats.responses == 0 || run.cut_short) return 1;
  return error_rate_percent(run.stats) > o.max_error_rate_percent ? 1 : 0;
}

}  // namespace kite::load
