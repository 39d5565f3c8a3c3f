// Profiles, options and median entries of the comparisons (comparison.h).
#include "comparison.h"

#include <kite/harness/stats.h>

#include <charconv>

namespace kite::bench {

namespace {

// "10s", "2.5s", "500ms" or a bare number of seconds.
double parse_seconds(const std::string& text, const std::string& option) {
  std::string number = text;
  double scale = 1;
  if (number.ends_with("ms")) {
    number.resize(number.size() - 2);
    scale = 1e-3;
  } else if (number.ends_with("s")) {
    number.pop_back();
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (ec != std::errc() || end != number.data() + number.size() || value <= 0) {
    throw UsageError(option + " is a duration like 10s or 500ms, got '" + text + "'");
  }
  return value * scale;
}

}  // namespace

Profile profile_named(const std::string& name) {
  if (name == "full") return {};
  if (name == "quick") return {"quick", 1, 2, 1, 5};
  throw UsageError("--profile is quick or full, got '" + name + "'");
}

std::vector<OptionSpec> comparison_options() {
  using A = OptionSpec::Arity;
  return {{"--profile", A::kValue},  {"--rounds", A::kValue},    {"--servers", A::kList},
          {"--kite", A::kValue},     {"--peers-dir", A::kValue}, {"--server-cpu", A::kValue},
          {"--load-cpu", A::kValue}, {"--port", A::kValue},      {"--out", A::kValue, "-o"}};
}

Comparison comparison_from(const Args& args, int default_port, const std::string& default_out) {
  Comparison c;
  c.profile = profile_named(args.get("--profile").value_or("full"));
  c.profile.rounds = args.integer("--rounds", c.profile.rounds, 1);
  if (const auto d = args.get("--duration")) c.profile.duration_s = parse_seconds(*d, "--duration");
  if (const auto w = args.get("--warmup")) c.profile.warmup_s = parse_seconds(*w, "--warmup");
  c.tools = default_tools();
  if (const auto kite = args.get("--kite")) c.tools.kite = std::filesystem::absolute(*kite);
  if (const auto dir = args.get("--peers-dir")) c.tools.peers_bin = std::filesystem::absolute(*dir);
  c.servers = args.list("--servers");
  if (c.servers.empty()) c.servers = kServerNames;
  c.server_cpu = args.integer("--server-cpu", 0, -1);
  c.load_cpu = args.integer("--load-cpu", 1, -1);
  c.port = args.integer("--port", default_port, 1024);
  c.out = args.get("--out").value_or(default_out);
  return c;
}

std::string skip_note(const harness::SkippedServer& skipped) {
  return skipped.server + ": " + skipped.reason + "; skipped";
}

void note_skipped(std::vector<harness::SkippedServer>& skipped, std::ostream& err,
                  const std::string& server, const std::string& reason) {
  skipped.push_back({server, reason});
  err << "note: " << skip_note(skipped.back()) << '\n';
}

harness::Benchmark median_entry(std::string name, harness::Kind kind, std::string unit,
                                bool higher_is_better, const std::vector<double>& samples,
                                const std::map<std::string, std::vector<double>>& counters) {
  harness::Benchmark b;
  b.name = std::move(name);
  b.kind = kind;
  b.unit = std::move(unit);
  b.higher_is_better = higher_is_better;
  b.samples = samples;
  b.statistic = samples.size() == 1 ? harness::Statistic::kSingle : harness::Statistic::kMedian;
  b.value = harness::median(samples);
  for (const auto& [counter, values] : counters) {
    if (!values.empty()) b.counters[counter] = harness::median(values);
  }
  return b;
}

EntryName split_entry_name(const std::string& name) {
  EntryName e;
  const auto first = name.find('/');
  e.kind = name.substr(0, first);
  if (first == std::string::npos) return e;
  const auto second = name.find('/', first + 1);
  e.server =
      name.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
  if (second != std::string::npos) e.rest = name.substr(second);
  return e;
}

}  // namespace kite::bench
