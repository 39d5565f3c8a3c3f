// The result schema: JSON read and write, and merging runs (results.h).
#include <kite/harness/results.h>
#include <kite/harness/stats.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

namespace kite::harness {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

constexpr std::string_view kKindNames[] = {"micro", "native", "http", "coldstart", "memory"};
constexpr std::string_view kStatisticNames[] = {"best", "median", "p75", "single"};

// Reads `key` of `object` as T, or throws a ResultError naming `where`.
template <typename T>
T field(const json& object, std::string_view key, std::string_view where) {
  auto it = object.find(key);
  if (it == object.end()) {
    throw ResultError("missing field '" + std::string(where) + "." + std::string(key) + "'");
  }
  try {
    return it->get<T>();
  } catch (const json::exception&) {
    throw ResultError("field '" + std::string(where) + "." + std::string(key) +
                      "' has the wrong type (" + it->type_name() + ")");
  }
}

ordered_json context_to_json(const RunContext& c) {
  ordered_json flags = ordered_json::object();
  for (const auto& [name, enabled] : c.perf_flags) flags[name] = enabled;
  ordered_json j{{"machine_class", c.machine_class},
                 {"arch", c.arch},
                 {"cpu_model", c.cpu_model},
                 {"cores", c.cores},
                 {"kernel", c.kernel},
                 {"compiler", c.compiler},
                 {"build_type", c.build_type},
                 {"sanitize", c.sanitize},
                 {"perf_opts", c.perf_opts},
                 {"perf_flags", flags},
                 {"commit", c.commit},
                 {"version", c.version},
                 {"date", c.date},
                 {"metric", c.metric},
                 {"tool", c.tool},
                 {"arguments", c.arguments}};
  if (!c.skipped.empty()) {
    ordered_json skipped = ordered_json::array();
    for (const SkippedServer& s : c.skipped) {
      skipped.push_back(ordered_json{{"server", s.server}, {"reason", s.reason}});
    }
    j["skipped"] = skipped;
  }
  return j;
}

RunContext context_from_json(const json& j) {
  if (!j.is_object()) throw ResultError("'context' must be an object");
  constexpr std::string_view w = "context";
  RunContext c;
  c.machine_class = field<std::string>(j, "machine_class", w);
  c.arch = field<std::string>(j, "arch", w);
  c.cpu_model = field<std::string>(j, "cpu_model", w);
  c.cores = field<int>(j, "cores", w);
  c.kernel = field<std::string>(j, "kernel", w);
  c.compiler = field<std::string>(j, "compiler", w);
  c.build_type = field<std::string>(j, "build_type", w);
  c.sanitize = field<std::string>(j, "sanitize", w);
  c.perf_opts = field<bool>(j, "perf_opts", w);
  c.perf_flags = field<std::map<std::string, bool>>(j, "perf_flags", w);
  c.commit = field<std::string>(j, "commit", w);
  c.version = field<std::string>(j, "version", w);
  c.date = field<std::string>(j, "date", w);
  c.metric = field<std::string>(j, "metric", w);
  c.tool = field<std::string>(j, "tool", w);
  c.arguments = field<std::vector<std::string>>(j, "arguments", w);
  if (const auto skipped = j.find("skipped"); skipped != j.end()) {
    if (!skipped->is_array()) throw ResultError("'context.skipped' must be an array");
    for (std::size_t i = 0; i < skipped->size(); ++i) {
      const std::string where = "context.skipped[" + std::to_string(i) + "]";
      const json& s = (*skipped)[i];
      if (!s.is_object()) throw ResultError("'" + where + "' must be an object");
      c.skipped.push_back(
          {field<std::string>(s, "server", where), field<std::string>(s, "reason", where)});
    }
  }
  return c;
}

ordered_json benchmark_to_json(const Benchmark& b) {
  ordered_json counters = ordered_json::object();
  for (const auto& [name, value] : b.counters) counters[name] = value;
  return ordered_json{{"name", b.name},
                      {"kind", to_string(b.kind)},
                      {"unit", b.unit},
                      {"value", b.value},
                      {"higher_is_better", b.higher_is_better},
                      {"statistic", to_string(b.statistic)},
                      {"samples", b.samples},
                      {"counters", counters}};
}

Benchmark benchmark_from_json(const json& j, std::size_t index) {
  const std::string where = "benchmarks[" + std::to_string(index) + "]";
  if (!j.is_object()) throw ResultError("'" + where + "' must be an object");
  Benchmark b;
  b.name = field<std::string>(j, "name", where);
  const auto kind = field<std::string>(j, "kind", where);
  const auto parsed_kind = parse_kind(kind);
  if (!parsed_kind) {
    throw ResultError("'" + where + ".kind' is '" + kind +
                      "'; expected micro, native, http, coldstart or memory");
  }
  b.kind = *parsed_kind;
  b.unit = field<std::string>(j, "unit", where);
  b.value = field<double>(j, "value", where);
  b.higher_is_better = field<bool>(j, "higher_is_better", where);
  const auto statistic = field<std::string>(j, "statistic", where);
  const auto parsed_statistic = parse_statistic(statistic);
  if (!parsed_statistic) {
    throw ResultError("'" + where + ".statistic' is '" + statistic +
                      "'; expected best, median, p75 or single");
  }
  b.statistic = *parsed_statistic;
  b.samples = field<std::vector<double>>(j, "samples", where);
  b.counters = field<std::map<std::string, double>>(j, "counters", where);
  if (!std::isfinite(b.value) || b.value <= 0) {
    throw ResultError("'" + where + ".value' of " + b.name + " must be a positive number");
  }
  return b;
}

}  // namespace

std::string_view to_string(Kind kind) {
  return kKindNames[static_cast<int>(kind)];
}
std::string_view to_string(Statistic statistic) {
  return kStatisticNames[static_cast<int>(statistic)];
}

std::optional<Kind> parse_kind(std::string_view text) {
  for (int i = 0; i < static_cast<int>(std::size(kKindNames)); ++i) {
    if (kKindNames[i] == text) return static_cast<Kind>(i);
  }
  return std::nullopt;
}

std::optional<Statistic> parse_statistic(std::string_view text) {
  for (int i = 0; i < static_cast<int>(std::size(kStatisticNames)); ++i) {
    if (kStatisticNames[i] == text) return static_cast<Statistic>(i);
  }
  return std::nullopt;
}

Kind kind_for_name(std::string_view benchmark_name) {
  return benchmark_name.starts_with("native/") ? Kind::kNative : Kind::kMicro;
}

const Benchmark* ResultFile::find(std::string_view name) const {
  for (const Benchmark& b : benchmarks) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

Benchmark* ResultFile::find(std::string_view name) {
  return const_cast<Benchmark*>(std::as_const(*this).find(name));
}

ordered_json to_json(const ResultFile& result) {
  ordered_json benchmarks = ordered_json::array();
  for (const Benchmark& b : result.benchmarks) benchmarks.push_back(benchmark_to_json(b));
  return ordered_json{{"schema_version", kSchemaVersion},
                      {"context", context_to_json(result.context)},
                      {"benchmarks", benchmarks}};
}

ResultFile result_from_json(const json& j) {
  if (!j.is_object()) throw ResultError("a result file must be a JSON object");
  auto version = j.find("schema_version");
  if (version == j.end()) {
    throw ResultError(
        "no 'schema_version': not a Kite result file (convert Google Benchmark JSON with "
        "`kite-bench convert`)");
  }
  if (!version->is_number_integer() || version->get<int>() != kSchemaVersion) {
    throw ResultError("schema_version is " + version->dump() + ", this kite-bench reads " +
                      std::to_string(kSchemaVersion) +
                      ": re-create the file with this kite-bench (`kite-bench promote` for a "
                      "baseline)");
  }
  ResultFile result;
  auto context = j.find("context");
  if (context == j.end()) throw ResultError("missing field 'context'");
  result.context = context_from_json(*context);
  auto benchmarks = j.find("benchmarks");
  if (benchmarks == j.end() || !benchmarks->is_array()) {
    throw ResultError("missing or non-array field 'benchmarks'");
  }
  for (std::size_t i = 0; i < benchmarks->size(); ++i) {
    Benchmark b = benchmark_from_json((*benchmarks)[i], i);
    if (result.find(b.name)) throw ResultError("benchmark '" + b.name + "' appears twice");
    result.benchmarks.push_back(std::move(b));
  }
  return result;
}

std::string dump_result(const ResultFile& result) {
  return to_json(result).dump(2) + "\n";
}

ResultFile parse_result(std::string_view text) {
  json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw ResultError("not valid JSON");
  return result_from_json(j);
}

ResultFile read_result_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ResultError(path.string() + ": cannot open the file (does it exist?)");
  std::stringstream text;
  text << in.rdbuf();
  try {
    return parse_result(text.str());
  } catch (const ResultError& e) {
    throw ResultError(path.string() + ": " + e.what());
  }
}

void write_result_file(const ResultFile& result, const std::filesystem::path& path) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << dump_result(result);
  out.close();
  if (!out) throw ResultError(path.string() + ": cannot write the file");
}

void apply_statistic(Benchmark& benchmark, Statistic statistic) {
  if (benchmark.samples.empty()) return;
  benchmark.statistic = benchmark.samples.size() == 1 ? Statistic::kSingle : statistic;
  benchmark.value = summarize(benchmark.samples, benchmark.statistic, benchmark.higher_is_better);
}

ResultFile merge_results(const std::vector<ResultFile>& runs, Statistic statistic) {
  ResultFile merged;
  if (runs.empty()) return merged;
  merged.context = runs.front().context;
  for (const ResultFile& run : runs) {
    for (const SkippedServer& s : run.context.skipped) {
      auto& into = merged.context.skipped;
      if (std::find(into.begin(), into.end(), s) == into.end()) into.push_back(s);
    }
  }
  // For each merged benchmark, the counters of each run and that run's value.
  std::vector<std::vector<std::pair<double, const std::map<std::string, double>*>>> per_run;
  for (const ResultFile& run : runs) {
    for (const Benchmark& b : run.benchmarks) {
      Benchmark* target = merged.find(b.name);
      if (!target) {
        merged.benchmarks.push_back(b);
        merged.benchmarks.back().samples.clear();
        per_run.emplace_back();
        target = &merged.benchmarks.back();
      }
      const auto index = static_cast<std::size_t>(target - merged.benchmarks.data());
      target->samples.insert(target->samples.end(), b.samples.begin(), b.samples.end());
      if (b.samples.empty()) target->samples.push_back(b.value);
      per_run[index].emplace_back(b.value, &b.counters);
    }
  }
  for (std::size_t i = 0; i < merged.benchmarks.size(); ++i) {
    Benchmark& b = merged.benchmarks[i];
    apply_statistic(b, statistic);
    double nearest = std::numeric_limits<double>::infinity();
    for (const auto& [value, counters] : per_run[i]) {
      if (std::abs(value - b.value) < nearest) {
        nearest = std::abs(value - b.value);
        b.counters = *counters;
      }
    }
  }
  return merged;
}

}  // namespace kite::harness
