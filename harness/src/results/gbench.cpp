// Google Benchmark JSON to the result schema (gbench.h).
#include <kite/harness/gbench.h>

#include <nlohmann/json.hpp>

#include <set>

namespace kite::harness {

using nlohmann::json;

namespace {

// Fields Google Benchmark writes for every run; anything else numeric is a
// user counter.
const std::set<std::string, std::less<>> kReservedFields = {"name",
                                                            "family_index",
                                                            "per_family_instance_index",
                                                            "run_name",
                                                            "run_type",
                                                            "repetitions",
                                                            "repetition_index",
                                                            "threads",
                                                            "iterations",
                                                            "real_time",
                                                            "cpu_time",
                                                            "time_unit",
                                                            "aggregate_name",
                                                            "aggregate_unit",
                                                            "label",
                                                            "error_occurred",
                                                            "error_message"};

double nanoseconds_per(std::string_view unit) {
  if (unit == "ns") return 1;
  if (unit == "us") return 1e3;
  if (unit == "ms") return 1e6;
  if (unit == "s") return 1e9;
  throw ResultError("unknown Google Benchmark time_unit '" + std::string(unit) + "'");
}

bool parse_flag_word(const json& value) {
  return value.is_string() ? value.get<std::string>() == "true" : value == true;
}

void apply_custom_context(const json& gbench_context, RunContext& context) {
  if (!gbench_context.is_object()) return;
  const std::pair<const char*, std::string*> strings[] = {{"kite_commit", &context.commit},
                                                          {"kite_compiler", &context.compiler},
                                                          {"kite_build_type", &context.build_type},
                                                          {"kite_sanitize", &context.sanitize},
                                                          {"kite_version", &context.version}};
  for (const auto& [key, target] : strings) {
    auto it = gbench_context.find(key);
    if (it != gbench_context.end() && it->is_string()) *target = it->get<std::string>();
  }
  if (auto it = gbench_context.find("kite_perf_opts"); it != gbench_context.end()) {
    context.perf_opts = parse_flag_word(*it);
  }
  constexpr std::string_view kFlagPrefix = "kite_perf_flag.";
  bool reported_flags = false;
  std::map<std::string, bool> flags;
  for (const auto& [key, value] : gbench_context.items()) {
    if (key.starts_with(kFlagPrefix)) {
      reported_flags = true;
      flags[key.substr(kFlagPrefix.size())] = parse_flag_word(value);
    }
  }
  if (reported_flags) context.perf_flags = flags;
}

}  // namespace

ResultFile from_gbench_json(const json& gbench, RunContext context, Statistic statistic) {
  if (!gbench.is_object() || !gbench.contains("benchmarks") || !gbench["benchmarks"].is_array()) {
    throw ResultError(
        "not Google Benchmark JSON (no 'benchmarks' array): run the microbench with "
        "--benchmark_format=json");
  }
  if (auto it = gbench.find("context"); it != gbench.end()) apply_custom_context(*it, context);
  ResultFile result;
  result.context = std::move(context);
  for (const json& run : gbench["benchmarks"]) {
    if (!run.is_object() || !run.contains("name")) {
      throw ResultError("a Google Benchmark entry has no 'name'");
    }
    if (run.value("run_type", "iteration") != "iteration") continue;
    if (run.value("error_occurred", false)) continue;
    const std::string name = run.value("run_name", run["name"].get<std::string>());
    if (!run.contains("cpu_time") || !run["cpu_time"].is_number()) {
      throw ResultError("Google Benchmark entry '" + name + "' has no numeric cpu_time");
    }
    const double ns = run["cpu_time"].get<double>() * nanoseconds_per(run.value("time_unit", "ns"));
    Benchmark* b = result.find(name);
    if (!b) {
      result.benchmarks.push_back(Benchmark{.name = name,
                                            .kind = kind_for_name(name),
                                            .unit = "ns",
                                            .value = ns,
                                            .higher_is_better = false,
                                            .statistic = Statistic::kSingle,
                                            .samples = {},
                                            .counters = {}});
      b = &result.benchmarks.back();
    }
    b->samples.push_back(ns);
    for (const auto& [key, value] : run.items()) {
      if (value.is_number() && !kReservedFields.contains(key))
        b->counters[key] = value.get<double>();
    }
  }
  for (Benchmark& b : result.benchmarks) apply_statistic(b, statistic);
  return result;
}

ResultFile parse_gbench(std::string_view text, RunContext context, Statistic statistic) {
  json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw ResultError("the microbench output is not valid JSON");
  return from_gbench_json(j, std::move(context), statistic);
}

}  // namespace kite::harness
