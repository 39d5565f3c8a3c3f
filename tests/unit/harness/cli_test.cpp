// kite-bench driven in-process: exit statuses and messages of every
// command on the synthetic fixtures, the KITE_BENCH_INJECT hook, and the
// runner against the fixture microbench (time and instruction mode).
#include "cli.h"

#include <kite/harness/machine.h>
#include <kite/harness/results.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using namespace kite::harness;

const std::string kFixtures = KITE_TEST_FIXTURES;
const std::string kMicrobench = KITE_FIXTURE_MICROBENCH;

struct CliRun {
  int status;
  std::string out;
  std::string err;
};

CliRun kite_bench(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int status = kite::bench::run_cli(args, out, err);
  return {status, out.str(), err.str()};
}

std::string fixture(const std::string& name) {
  return kFixtures + "/" + name;
}

CliRun check_input(const std::string& current) {
  return kite_bench({"check", "--baseline", fixture("baseline.json"), "--input", fixture(current)});
}

// A fresh folder under the test's temporary directory.
fs::path scratch_dir(const std::string& name) {
  fs::path dir = fs::path(testing::TempDir()) / ("kite-bench-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

class InjectEnv {
 public:
  explicit InjectEnv(const char* spec) { setenv("KITE_BENCH_INJECT", spec, 1); }
  ~InjectEnv() { unsetenv("KITE_BENCH_INJECT"); }
};

TEST(Cli, AaPasses) {
  const CliRun r = check_input("current_same.json");
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("gate: PASS (4 benches, geomean +0.0%)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("bench"), std::string::npos);
}

TEST(Cli, OneBenchTenPercentWorseFails) {
  const CliRun r = check_input("current_one_slow.json");
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("gate: FAIL: js/b +10.0% (limit 8%)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("REGRESSION"), std::string::npos);
}

TEST(Cli, FourPercentEverywhereFailsOnTheGeomean) {
  const CliRun r = check_input("current_all_4pct.json");
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("gate: FAIL: geomean +4.0% (limit 3%)"), std::string::npos) << r.out;
}

TEST(Cli, ProtectedAndThresholdOptions) {
  const CliRun r = kite_bench({"check", "--baseline", fixture("baseline.json"), "--input",
                               fixture("current_one_slow.json"), "--protected", "js/b,js/zzz",
                               "--max-geomean-regression=5"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("protected"), std::string::npos);
}

TEST(Cli, MissingBenchFails) {
  const CliRun r = check_input("current_missing.json");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("missing from this run: js/c"), std::string::npos) << r.out;
}

TEST(Cli, FilterRestrictsBothSides) {
  const CliRun r = kite_bench({"check", "--baseline", fixture("baseline.json"), "--input",
                               fixture("current_missing.json"), "--filter", "^js/[ab]$"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("gate: PASS (2 benches"), std::string::npos) << r.out;
}

TEST(Cli, UnusableInputExitsTwoWithAdvice) {
  struct Case {
    std::string file;
    std::string message;
  };
  for (const Case& c :
       {Case{"malformed.json", "not valid JSON"}, Case{"wrong_schema.json", "schema_version is 2"},
        Case{"other_machine.json",
             "baseline is for machine class x86_64-2c-test-cpu, this is "
             "arm64-8c-other-cpu: promote a baseline for this machine with "
             "`kite-bench promote`"},
        Case{"other_flags.json", "perf flags differ"},
        Case{"no-such-file.json", "cannot open the file"}}) {
    const CliRun r = check_input(c.file);
    EXPECT_EQ(r.status, 2) << c.file;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.file << ": " << r.err;
  }
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(kite_bench({}).status, 2);
  EXPECT_EQ(kite_bench({"frobnicate"}).status, 2);
  EXPECT_EQ(kite_bench({"check", "--runs", "zero"}).status, 2);
  EXPECT_EQ(kite_bench({"check", "--statistic", "mean", "--input", "x"}).status, 2);
  EXPECT_EQ(kite_bench({"check", "--bogus"}).status, 2);
  EXPECT_EQ(kite_bench({"compare", fixture("baseline.json")}).status, 2);
  EXPECT_EQ(kite_bench({"--help"}).status, 0);
}

TEST(Cli, BaselineDirWithoutThisMachineSaysHowToPromote) {
  const fs::path dir = scratch_dir("empty-baselines");
  const CliRun r = kite_bench(
      {"check", "--baseline-dir", dir.string(), "--input", fixture("current_same.json")});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("no baseline for machine class " + probe_host().machine_class),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("kite-bench promote --baseline-dir " + dir.string()), std::string::npos)
      << r.err;
}

TEST(Cli, InjectHookMakesTheGateFailAndNamesTheBench) {
  const InjectEnv inject("js/a:1.10");
  const CliRun r = check_input("current_same.json");
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("gate: FAIL: js/a +10.0%"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("test hook"), std::string::npos) << r.err;
}

TEST(Cli, InjectHookRejectsUnknownBench) {
  const InjectEnv inject("js/nope:1.10");
  EXPECT_EQ(check_input("current_same.json").status, 2);
}

TEST(Cli, CompareShowsRatiosAndPValues) {
  const CliRun r =
      kite_bench({"compare", fixture("baseline.json"), fixture("current_one_slow.json")});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("context differs: commit: base111 -> curr222"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("+10.0%"), std::string::npos) << r.out;
  // js/b: A {200, 200.5, 200.9} against B {220, 220.5, 220.9}: p = 0.0809.
  EXPECT_NE(r.out.find("0.0809"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("compare: 4 benches, geomean +2.4%"), std::string::npos) << r.out;
}

TEST(Cli, ConvertGoogleBenchmarkJson) {
  const fs::path out = scratch_dir("convert") / "result.json";
  const CliRun r = kite_bench({"convert", fixture("gbench_sample.json"), "-o", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const ResultFile result = read_result_file(out);
  EXPECT_EQ(result.benchmarks.size(), 2u);
  EXPECT_EQ(result.context.commit, "abc123def456");
  EXPECT_EQ(result.context.tool, "kite-bench");
  EXPECT_EQ(result.context.arguments.front(), "convert");
  EXPECT_EQ(kite_bench({"convert", fixture("baseline.json")}).status, 2);
}

TEST(Runner, PromoteThenCheckWithTheFixtureMicrobench) {
  const fs::path dir = scratch_dir("runner");
  const CliRun promote = kite_bench(
      {"promote", "--baseline-dir", dir.string(), "--runs", "3", "--microbench", kMicrobench});
  ASSERT_EQ(promote.status, 0) << promote.err;
  const fs::path baseline = dir / probe_host().machine_class / "micro.json";
  const ResultFile result = read_result_file(baseline);
  ASSERT_EQ(result.benchmarks.size(), 2u);
  for (const Benchmark& b : result.benchmarks) {
    EXPECT_EQ(b.samples.size(), 3u) << b.name;  // N runs -> N samples
    EXPECT_EQ(b.statistic, Statistic::kBest);
    EXPECT_GT(b.value, 0);
    EXPECT_TRUE(b.counters.contains("ops_per_sec")) << b.name;
  }
  EXPECT_EQ(result.benchmarks[0].name, "js/sumLoop");
  EXPECT_EQ(result.benchmarks[1].kind, Kind::kNative);
  EXPECT_EQ(result.context.metric, "time");
  EXPECT_EQ(result.context.arguments.front(), "promote");

  // The plumbing, not the noise (load here moves times up to 3x): loose
  // thresholds pass, a 20x injection fails.
  const std::vector<std::string> check{"check",
                                       "--baseline-dir",
                                       dir.string(),
                                       "--runs",
                                       "2",
                                       "--microbench",
                                       kMicrobench,
                                       "--max-regression",
                                       "200",
                                       "--max-geomean-regression",
                                       "200",
                                       "--out",
                                       (dir / "current.json").string()};
  const CliRun pass = kite_bench(check);
  EXPECT_EQ(pass.status, 0) << pass.out << pass.err;
  EXPECT_EQ(read_result_file(dir / "current.json").benchmarks[0].samples.size(), 2u);
  const InjectEnv inject("js/sumLoop:20");
  const CliRun fail = kite_bench(check);
  EXPECT_EQ(fail.status, 1) << fail.out << fail.err;
  EXPECT_NE(fail.out.find("gate: FAIL: js/sumLoop"), std::string::npos) << fail.out;
  // The confirmation runs ran, and the injected regression survived them.
  EXPECT_NE(fail.err.find("round 2/2"), std::string::npos) << fail.err;
  EXPECT_NE(fail.out.find("measured 4 more times"), std::string::npos) << fail.out;
}

TEST(Runner, ConfirmationRunsClearABurstOfNoise) {
  const fs::path dir = scratch_dir("confirm");
  const fs::path baseline = dir / "base.json";
  ASSERT_EQ(kite_bench(
                {"promote", "--out", baseline.string(), "--runs", "3", "--microbench", kMicrobench})
                .status,
            0);
  const fs::path flag = dir / "slow-once";
  setenv("KITE_FIXTURE_SLOW_ONCE", flag.c_str(), 1);
  auto check = [&](const std::string& confirm) {
    std::ofstream(flag).put('x');  // the next microbench run is 20x slower
    return kite_bench({"check", "--baseline", baseline.string(), "--runs", "1", "--microbench",
                       kMicrobench, "--max-regression", "300", "--max-geomean-regression", "300",
                       "--confirm", confirm, "--confirm-delay", "0"});
  };
  const CliRun unconfirmed = check("0");
  EXPECT_EQ(unconfirmed.status, 1) << unconfirmed.out;
  const CliRun confirmed = check("2");
  unsetenv("KITE_FIXTURE_SLOW_ONCE");
  EXPECT_EQ(confirmed.status, 0) << confirmed.out << confirmed.err;
  EXPECT_NE(confirmed.err.find("confirming 2 bench(es) with 1 more runs (round 1/2)"),
            std::string::npos)
      << confirmed.err;
  EXPECT_NE(confirmed.out.find("measured 1 more times"), std::string::npos) << confirmed.out;
}

TEST(Runner, FilterIsPassedToTheMicrobench) {
  const fs::path out = scratch_dir("runner-filter") / "native.json";
  const CliRun r = kite_bench({"promote", "--out", out.string(), "--runs", "1", "--microbench",
                               kMicrobench, "--filter", "^native/"});
  ASSERT_EQ(r.status, 0) << r.err;
  const ResultFile result = read_result_file(out);
  ASSERT_EQ(result.benchmarks.size(), 1u);
  EXPECT_EQ(result.benchmarks[0].name, "native/sumSmall");
  EXPECT_EQ(result.benchmarks[0].statistic, Statistic::kSingle);
}

TEST(Runner, FailingMicrobenchIsUnusable) {
  const fs::path dir = scratch_dir("runner-false");
  const CliRun r = kite_bench(
      {"promote", "--out", (dir / "x.json").string(), "--runs", "1", "--microbench", "/bin/false"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("exited with status 1"), std::string::npos) << r.err;
  EXPECT_EQ(kite_bench({"promote", "--microbench", "/no/such/microbench"}).status, 2);
}

TEST(Runner, AbInterleavesTwoBuildTrees) {
  // Two "build trees" that each hold the fixture as their kite-microbench.
  const fs::path root = scratch_dir("ab");
  for (const char* side : {"a", "b"}) {
    fs::create_directories(root / side);
    fs::create_symlink(kMicrobench, root / side / "kite-microbench");
  }
  const fs::path out = root / "ab.json";
  const CliRun r = kite_bench({"ab", "--a", (root / "a").string(), "--b", (root / "b").string(),
                               "--rounds", "3", "--out", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("round 3/3: B"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("js/sumLoop"), std::string::npos) << r.out;
  std::ifstream in(out);
  const auto report = nlohmann::json::parse(in);
  EXPECT_EQ(report["kind"], "ab");
  ASSERT_EQ(report["benchmarks"].size(), 2u);
  const auto& row = report["benchmarks"][0];
  EXPECT_EQ(row["a_samples"].size(), 3u);
  EXPECT_EQ(row["pair_ratios"].size(), 3u);
  EXPECT_TRUE(row["verdict"] == "B faster" || row["verdict"] == "B slower" ||
              row["verdict"] == "no significant difference");
  EXPECT_EQ(
      kite_bench({"ab", "--a", (root / "none").string(), "--b", (root / "b").string()}).status, 2);
}

TEST(Runner, InstructionModeIsDeterministic) {
  if (std::system("valgrind --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "no valgrind";
  const fs::path dir = scratch_dir("instructions");
  const std::vector<std::string> promote{"promote",      "--metric", "instructions",
                                         "--iterations", "20",       "--microbench",
                                         kMicrobench,    "--out",    (dir / "base.json").string()};
  const CliRun first = kite_bench(promote);
  ASSERT_EQ(first.status, 0) << first.err;
  const ResultFile base = read_result_file(dir / "base.json");
  ASSERT_EQ(base.benchmarks.size(), 1u);  // js/ programs only
  const Benchmark& sum = base.benchmarks[0];
  EXPECT_EQ(sum.name, "js/sumLoop");
  EXPECT_EQ(sum.unit, "instructions");
  EXPECT_FALSE(sum.higher_is_better);
  EXPECT_EQ(sum.samples.size(), 1u);
  EXPECT_EQ(base.context.metric, "instructions");
  // 20 iterations of a 2000-step loop: at least 40k instructions of loop.
  EXPECT_GT(sum.value, 40000);

  const CliRun check =
      kite_bench({"check", "--metric", "instructions", "--iterations", "20", "--microbench",
                  kMicrobench, "--baseline", (dir / "base.json").string(), "--max-regression", "1",
                  "--max-geomean-regression", "1"});
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  // More iterations are more instructions: the gate sees it.
  const CliRun more =
      kite_bench({"check", "--metric", "instructions", "--iterations", "100", "--microbench",
                  kMicrobench, "--baseline", (dir / "base.json").string()});
  EXPECT_EQ(more.status, 1) << more.out << more.err;
  // A time baseline is not an instruction baseline.
  const CliRun mixed = kite_bench({"check", "--metric", "instructions", "--microbench", kMicrobench,
                                   "--baseline", fixture("baseline.json")});
  EXPECT_EQ(mixed.status, 2);
}

}  // namespace
