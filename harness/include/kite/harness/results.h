// The benchmark result schema (docs/harness.md, schema_version 1): one run
// context and a list of benchmark entries, read and written as JSON.
//
// Every function here is pure or touches only the file it is given; nothing
// is shared, so all of it is safe to call from any thread. Malformed input
// raises ResultError, whose message names the file and says what is wrong.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kite::harness {

// Bumped on any change to the JSON layout that a reader of this version
// would misread; an optional field that older readers ignore (context.skipped)
// is not such a change. The snapshot test pins the layout.
inline constexpr int kSchemaVersion = 1;

// What a benchmark measures. Microbench names `js/...` are kMicro and
// `native/...` are kNative (see kind_for_name).
enum class Kind { kMicro, kNative, kHttp, kColdstart, kMemory };

// How `value` summarizes `samples`. kSingle: exactly one sample.
enum class Statistic { kBest, kMedian, kP75, kSingle };

std::string_view to_string(Kind kind);
std::string_view to_string(Statistic statistic);
std::optional<Kind> parse_kind(std::string_view text);
std::optional<Statistic> parse_statistic(std::string_view text);
Kind kind_for_name(std::string_view benchmark_name);

// A server that `kite-bench http` or `cold` left out of a run, or one round
// of a server that it dropped, and why.
struct SkippedServer {
  std::string server;  // kite, node, deno, bun or nginx
  std::string
      reason;  // "not installed (scripts/peers-setup.sh)", "round 2: exited during start-up"

  bool operator==(const SkippedServer&) const = default;
};

// Where and how a result was produced. Two results are comparable by the
// gate only when their machine class, metric, build type, sanitizer and
// perf flags agree (see gate.h in kite-bench).
struct RunContext {
  std::string machine_class;               // machine_class() of arch, cores, cpu_model
  std::string arch;                        // uname -m
  std::string cpu_model;                   // /proc/cpuinfo "model name"
  int cores = 0;                           // online logical CPUs
  std::string kernel;                      // uname -s -r
  std::string compiler;                    // e.g. "GNU 12.2.0"
  std::string build_type;                  // CMAKE_BUILD_TYPE
  std::string sanitize;                    // KITE_SANITIZE ("" when none)
  bool perf_opts = true;                   // the KITE_PERF_OPTS master switch
  std::map<std::string, bool> perf_flags;  // every KITE_OPT_* flag
  std::string commit;
  std::string version;
  std::string date;                    // UTC ISO-8601, e.g. 2025-01-31T12:00:00Z
  std::string metric;                  // "time" or "instructions"
  std::string tool;                    // the program that wrote the file
  std::vector<std::string> arguments;  // its arguments
  // Optional: written only when not empty, so files without skips keep the
  // layout of the first version-1 files, and older readers ignore it.
  std::vector<SkippedServer> skipped;

  bool operator==(const RunContext&) const = default;
};

struct Benchmark {
  std::string name;
  Kind kind = Kind::kMicro;
  std::string unit;  // "ns" (time per iteration), "instructions", "bytes", ...
  double value = 0;  // `statistic` of `samples`
  bool higher_is_better = false;
  Statistic statistic = Statistic::kSingle;
  std::vector<double> samples;             // one value per run, in run order
  std::map<std::string, double> counters;  // user counters (ops_per_sec, ic_hits, ...)

  bool operator==(const Benchmark&) const = default;
};

struct ResultFile {
  RunContext context;
  std::vector<Benchmark> benchmarks;

  // The entry named `name`, or nullptr. The pointer lives as long as the file.
  const Benchmark* find(std::string_view name) const;
  Benchmark* find(std::string_view name);

  bool operator==(const ResultFile&) const = default;
};

// Unusable input: bad JSON, a wrong schema version, a missing field, a file
// that cannot be read. The message says what to do about it.
class ResultError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Keys in schema order (schema_version, context, benchmarks; fields as in
// docs/harness.md), so the files read well and diff cleanly.
nlohmann::ordered_json to_json(const ResultFile& result);
// Throws ResultError (naming the field) when `json` is not a schema-1 result.
ResultFile result_from_json(const nlohmann::json& json);

// Two-space-indented JSON with a trailing newline: the checked-in format.
std::string dump_result(const ResultFile& result);
ResultFile parse_result(std::string_view text);
ResultFile read_result_file(const std::filesystem::path& path);
// Creates missing parent folders. Throws ResultError when the file cannot be
// written.
void write_result_file(const ResultFile& result, const std::filesystem::path& path);

// Recomputes `value` from `samples` with `statistic` (kSingle when there is
// only one sample). A benchmark without samples keeps its value.
void apply_statistic(Benchmark& benchmark, Statistic statistic);

// Merges several results of the same suite into one: the samples of each
// benchmark are concatenated in order, the value is recomputed with
// `statistic`, and the counters are those of the run whose value is nearest
// the statistic. The context is the first result's, with the skipped
// servers of every result (each once). Benchmarks keep the order of their
// first appearance.
ResultFile merge_results(const std::vector<ResultFile>& runs, Statistic statistic);

}  // namespace kite::harness
