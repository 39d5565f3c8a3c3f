// The gate's self-tests on synthetic results: A/A passes; one bench 10%
// worse fails and is named; every bench 4% worse fails on the geomean; a
// protected bench 20% worse passes per bench but moves the geomean; a
// missing bench fails; a new bench is noted; contexts must match.
#include "gate.h"
#include "commands.h"
#include "inject.h"

#include <kite/harness/results.h>

#include <gtest/gtest.h>

#include <cmath>

namespace {

using namespace kite::harness;
using kite::bench::evaluate_gate;
using kite::bench::GateOptions;
using kite::bench::GateReport;
using kite::bench::RowVerdict;

constexpr int kBenches = 10;

RunContext test_context() {
  RunContext c;
  c.machine_class = "x86_64-2c-test";
  c.arch = "x86_64";
  c.build_type = "Release";
  c.metric = "time";
  c.perf_flags = {{"KITE_OPT_INLINE_CACHE", true}};
  return c;
}

std::string bench_name(int i) {
  return "js/bench" + std::to_string(i);
}

// kBenches time benches (100 ns * (i+1), three samples each) plus one
// throughput bench, js/rps (higher is better).
ResultFile suite(double time_factor = 1.0) {
  ResultFile r;
  r.context = test_context();
  for (int i = 0; i < kBenches; ++i) {
    const double v = 100.0 * (i + 1) * time_factor;
    r.benchmarks.push_back(Benchmark{.name = bench_name(i),
                                     .kind = Kind::kMicro,
                                     .unit = "ns",
                                     .value = v,
                                     .higher_is_better = false,
                                     .statistic = Statistic::kBest,
                                     .samples = {v * 1.02, v, v * 1.01},
                                     .counters = {}});
  }
  const double rps = 1000.0 / time_factor;
  r.benchmarks.push_back(Benchmark{.name = "js/rps",
                                   .kind = Kind::kMicro,
                                   .unit = "ops/s",
                                   .value = rps,
                                   .higher_is_better = true,
                                   .statistic = Statistic::kBest,
                                   .samples = {rps, rps * 0.99},
                                   .counters = {}});
  return r;
}

void scale(ResultFile& r, const std::string& name, double factor) {
  kite::bench::apply_inject(r, {{name, factor}});
}

TEST(Gate, AaPasses) {
  const GateReport report = evaluate_gate(suite(), suite(), GateOptions{});
  EXPECT_TRUE(report.passed());
  EXPECT_EQ(report.compared, kBenches + 1u);
  EXPECT_DOUBLE_EQ(report.geomean_ratio, 1.0);
  EXPECT_EQ(kite::bench::verdict_line(report, GateOptions{}),
            "gate: PASS (11 benches, geomean +0.0%)");
}

TEST(Gate, OneBenchTenPercentWorseFailsAndIsNamed) {
  ResultFile current = suite();
  scale(current, "js/bench3", 1.10);
  const GateOptions options;
  const GateReport report = evaluate_gate(suite(), current, options);
  EXPECT_FALSE(report.passed());
  EXPECT_EQ(report.regressed, std::vector<std::string>{"js/bench3"});
  EXPECT_FALSE(report.geomean_failed);  // 1.1^(1/11) = +0.87%
  const std::string line = kite::bench::verdict_line(report, options);
  EXPECT_EQ(line.rfind("gate: FAIL: ", 0), 0u) << line;
  EXPECT_NE(line.find("js/bench3 +10.0%"), std::string::npos) << line;
}

TEST(Gate, HigherIsBetterRegressionIsCaught) {
  ResultFile current = suite();
  scale(current, "js/rps", 1.10);  // throughput divided by 1.1
  const GateReport report = evaluate_gate(suite(), current, GateOptions{});
  EXPECT_EQ(report.regressed, std::vector<std::string>{"js/rps"});
}

TEST(Gate, JustUnderTheThresholdPasses) {
  ResultFile current = suite();
  scale(current, "js/bench0", 1.079);
  const GateReport report = evaluate_gate(suite(), current, GateOptions{});
  EXPECT_TRUE(report.passed());
}

TEST(Gate, EveryBenchFourPercentWorseFailsOnTheGeomean) {
  const GateOptions options;
  const GateReport report = evaluate_gate(suite(), suite(1.04), options);
  EXPECT_FALSE(report.passed());
  EXPECT_TRUE(report.regressed.empty());
  EXPECT_TRUE(report.geomean_failed);
  EXPECT_NEAR(report.geomean_ratio, 1.04, 1e-9);
  EXPECT_NE(kite::bench::verdict_line(report, options).find("geomean +4.0% (limit 3%)"),
            std::string::npos);
}

TEST(Gate, ProtectedBenchPassesPerBenchButMovesTheGeomean) {
  ResultFile current = suite();
  scale(current, "js/bench5", 1.20);
  GateOptions options;
  options.protected_benches = {"js/bench5"};
  const GateReport report = evaluate_gate(suite(), current, options);
  EXPECT_TRUE(report.passed());
  EXPECT_TRUE(report.regressed.empty());
  EXPECT_NEAR(report.geomean_ratio, std::pow(1.2, 1.0 / (kBenches + 1)), 1e-9);
  EXPECT_GT(report.geomean_ratio, 1.015);
  EXPECT_EQ(report.rows[5].verdict, RowVerdict::kProtected);
  // Unprotected, the same slowdown fails.
  EXPECT_FALSE(evaluate_gate(suite(), current, GateOptions{}).passed());
}

TEST(Gate, MissingBenchFails) {
  ResultFile current = suite();
  current.benchmarks.erase(current.benchmarks.begin() + 2);
  const GateOptions options;
  const GateReport report = evaluate_gate(suite(), current, options);
  EXPECT_FALSE(report.passed());
  EXPECT_EQ(report.missing, std::vector<std::string>{"js/bench2"});
  EXPECT_NE(kite::bench::verdict_line(report, options).find("missing from this run: js/bench2"),
            std::string::npos);
}

TEST(Gate, NewBenchIsNotedNotFailed) {
  ResultFile current = suite();
  current.benchmarks.push_back(current.benchmarks.front());
  current.benchmarks.back().name = "js/brandNew";
  const GateReport report = evaluate_gate(suite(), current, GateOptions{});
  EXPECT_TRUE(report.passed());
  EXPECT_EQ(report.added, std::vector<std::string>{"js/brandNew"});
  EXPECT_EQ(report.rows.back().verdict, RowVerdict::kNew);
  EXPECT_NE(kite::bench::verdict_line(report, GateOptions{}).find("1 new"), std::string::npos);
}

TEST(Gate, StatisticIsAppliedToSamples) {
  // Best of the baseline is 100; the current's best is 100 but its median
  // is 120: "best" passes, "median" fails.
  ResultFile current = suite();
  current.benchmarks[0].samples = {100, 120, 125};
  GateOptions median;
  median.statistic = Statistic::kMedian;
  EXPECT_TRUE(evaluate_gate(suite(), current, GateOptions{}).passed());
  EXPECT_EQ(evaluate_gate(suite(), current, median).regressed,
            std::vector<std::string>{"js/bench0"});
}

TEST(Gate, UnitChangeIsUnusable) {
  ResultFile current = suite();
  current.benchmarks[0].unit = "instructions";
  EXPECT_THROW(evaluate_gate(suite(), current, GateOptions{}), ResultError);
}

TEST(Gate, EmptyBaselineIsUnusable) {
  ResultFile empty;
  empty.context = test_context();
  EXPECT_THROW(evaluate_gate(empty, suite(), GateOptions{}), ResultError);
}

TEST(Gate, ContextMismatchSaysWhatToDo) {
  RunContext other = test_context();
  other.machine_class = "aarch64-8c-other";
  try {
    kite::bench::require_comparable(test_context(), other);
    FAIL() << "expected ResultError";
  } catch (const ResultError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("baseline is for machine class x86_64-2c-test, this is aarch64-8c-other"),
              std::string::npos)
        << m;
    EXPECT_NE(m.find("kite-bench promote"), std::string::npos) << m;
  }
  RunContext flags = test_context();
  flags.perf_flags["KITE_OPT_INLINE_CACHE"] = false;
  EXPECT_THROW(kite::bench::require_comparable(test_context(), flags), ResultError);
  RunContext metric = test_context();
  metric.metric = "instructions";
  EXPECT_THROW(kite::bench::require_comparable(test_context(), metric), ResultError);
}

TEST(Gate, InstructionBaselinesAreKeyedByArchitecture) {
  RunContext base = test_context();
  base.metric = "instructions";
  RunContext other_cpu = base;
  other_cpu.machine_class = "x86_64-2c-intel-xeon";
  other_cpu.cpu_model = "Intel(R) Xeon(R) Processor";
  EXPECT_NO_THROW(kite::bench::require_comparable(base, other_cpu));
  RunContext other_arch = base;
  other_arch.arch = "aarch64";
  other_arch.machine_class = "aarch64-2c-other";
  try {
    kite::bench::require_comparable(base, other_arch);
    FAIL() << "expected ResultError";
  } catch (const ResultError& e) {
    EXPECT_NE(std::string(e.what()).find("baseline is for architecture x86_64, this is aarch64"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(kite::bench::baseline_path("b", base),
            std::filesystem::path("b/x86_64/micro-instructions.json"));
  EXPECT_EQ(kite::bench::baseline_path("b", test_context()),
            std::filesystem::path("b/x86_64-2c-test/micro.json"));
  RunContext debug = test_context();
  debug.build_type = "Debug";
  EXPECT_THROW(kite::bench::require_comparable(test_context(), debug), ResultError);
  RunContext other_commit = test_context();
  other_commit.commit = "different";
  other_commit.date = "later";
  EXPECT_NO_THROW(kite::bench::require_comparable(test_context(), other_commit));
}

TEST(Inject, ParsesAndApplies) {
  const auto factors = kite::bench::parse_inject("js/a:1.10,js/b:2");
  EXPECT_EQ(factors.size(), 2u);
  EXPECT_DOUBLE_EQ(factors.at("js/a"), 1.10);
  EXPECT_THROW(kite::bench::parse_inject("js/a"), kite::bench::UsageError);
  EXPECT_THROW(kite::bench::parse_inject("js/a:0"), kite::bench::UsageError);
  EXPECT_THROW(kite::bench::parse_inject("js/a:fast"), kite::bench::UsageError);
  ResultFile r = suite();
  kite::bench::apply_inject(r, {{"js/bench1", 1.5}, {"js/rps", 2}});
  EXPECT_DOUBLE_EQ(r.benchmarks[1].value, 300);
  EXPECT_DOUBLE_EQ(r.benchmarks[1].samples[1], 300);
  EXPECT_DOUBLE_EQ(r.find("js/rps")->value, 500);
  EXPECT_THROW(kite::bench::apply_inject(r, {{"js/nope", 1.1}}), kite::bench::UsageError);
}

}  // namespace
