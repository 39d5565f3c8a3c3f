// Pins the result schema (a snapshot of schema_version 1), its error
// messages, merging runs, and the machine-class derivation.
#include <kite/harness/machine.h>
#include <kite/harness/results.h>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {

using namespace kite::harness;

const std::string kFixtures = KITE_TEST_FIXTURES;

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every field of the schema set to a recognizable value.
ResultFile sample_result() {
  ResultFile r;
  r.context =
      RunContext{.machine_class = "x86_64-2c-amd-epyc",
                 .arch = "x86_64",
                 .cpu_model = "AMD EPYC",
                 .cores = 2,
                 .kernel = "Linux 6.1.0",
                 .compiler = "GNU 12.2.0",
                 .build_type = "Release",
                 .sanitize = "",
                 .perf_opts = true,
                 .perf_flags = {{"KITE_OPT_COMPUTED_GOTO", true}, {"KITE_OPT_INLINE_CACHE", false}},
                 .commit = "0123456789ab",
                 .version = "0.1.0",
                 .date = "2025-01-31T12:00:00Z",
                 .metric = "time",
                 .tool = "kite-bench",
                 .arguments = {"check", "--runs", "3"},
                 .skipped = {{"deno", "not installed (scripts/peers-setup.sh)"}}};
  r.benchmarks.push_back(Benchmark{.name = "js/fib",
                                   .kind = Kind::kMicro,
                                   .unit = "ns",
                                   .value = 1500000,
                                   .higher_is_better = false,
                                   .statistic = Statistic::kBest,
                                   .samples = {1500000, 1520000.5, 1600000},
                                   .counters = {{"ic_hits", 5000}, {"ops_per_sec", 666.5}}});
  r.benchmarks.push_back(Benchmark{.name = "http/hello",
                                   .kind = Kind::kHttp,
                                   .unit = "req/s",
                                   .value = 120000,
                                   .higher_is_better = true,
                                   .statistic = Statistic::kSingle,
                                   .samples = {120000},
                                   .counters = {}});
  return r;
}

TEST(Schema, SnapshotOfVersion1) {
  // A change here changes the file format: bump kSchemaVersion, update
  // docs/harness.md and this snapshot together (an optional field that
  // older readers ignore, like context.skipped, keeps the version).
  EXPECT_EQ(kSchemaVersion, 1);
  EXPECT_EQ(dump_result(sample_result()), read_text(kFixtures + "/schema_v1_snapshot.json"));
}

TEST(Schema, SnapshotReadsBackEqual) {
  EXPECT_EQ(read_result_file(kFixtures + "/schema_v1_snapshot.json"), sample_result());
}

TEST(Schema, SkippedIsOptional) {
  // Without skipped servers the layout is that of the first version-1 files
  // (no "skipped" key), and such files read back with an empty list.
  ResultFile r = sample_result();
  r.context.skipped.clear();
  std::string text = read_text(kFixtures + "/schema_v1_snapshot.json");
  const auto from = text.find(",\n    \"skipped\"");
  ASSERT_NE(from, std::string::npos);
  text.erase(from, text.find("\n  },\n  \"benchmarks\"") - from);
  EXPECT_EQ(dump_result(r), text);
  EXPECT_EQ(parse_result(text), r);
  EXPECT_TRUE(read_result_file(kFixtures + "/baseline.json").context.skipped.empty());
}

TEST(Schema, RoundTripsThroughText) {
  const ResultFile r = sample_result();
  EXPECT_EQ(parse_result(dump_result(r)), r);
}

TEST(Schema, RejectsBadInputWithActionableMessages) {
  auto message = [](const std::string& text) {
    try {
      parse_result(text);
    } catch (const ResultError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("{\"schema_version\": 1,").find("not valid JSON"), std::string::npos);
  EXPECT_NE(message("{}").find("kite-bench convert"), std::string::npos);
  EXPECT_NE(message("{\"schema_version\": 2}").find("schema_version is 2"), std::string::npos);
  std::string no_unit = dump_result(sample_result());
  no_unit.replace(no_unit.find("\"unit\""), 6, "\"unitx\"");
  EXPECT_NE(message(no_unit).find("missing field 'benchmarks[0].unit'"), std::string::npos);
  std::string bad_kind = dump_result(sample_result());
  bad_kind.replace(bad_kind.find("\"micro\""), 7, "\"macro\"");
  EXPECT_NE(message(bad_kind).find("expected micro, native"), std::string::npos);
  std::string bad_skip = dump_result(sample_result());
  bad_skip.replace(bad_skip.find("\"reason\""), 8, "\"why\"");
  EXPECT_NE(message(bad_skip).find("missing field 'context.skipped[0].reason'"), std::string::npos);
}

TEST(Schema, ReadingAMissingFileSaysSo) {
  try {
    read_result_file(kFixtures + "/does-not-exist.json");
    FAIL() << "expected ResultError";
  } catch (const ResultError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot open"), std::string::npos);
  }
}

TEST(Schema, KindFromName) {
  EXPECT_EQ(kind_for_name("js/fib"), Kind::kMicro);
  EXPECT_EQ(kind_for_name("native/httpParse"), Kind::kNative);
}

TEST(Merge, ConcatenatesSamplesAndRecomputes) {
  ResultFile one = sample_result();
  ResultFile two = sample_result();
  two.benchmarks[0].samples = {1400000};
  two.benchmarks[0].value = 1400000;
  two.benchmarks[0].counters = {{"ic_hits", 7}};
  const ResultFile merged = merge_results({one, two}, Statistic::kBest);
  ASSERT_EQ(merged.benchmarks.size(), 2u);
  EXPECT_EQ(merged.benchmarks[0].samples.size(), 4u);
  EXPECT_EQ(merged.benchmarks[0].value, 1400000);
  EXPECT_EQ(merged.benchmarks[0].statistic, Statistic::kBest);
  // Counters come from the run nearest the statistic.
  EXPECT_EQ(merged.benchmarks[0].counters.at("ic_hits"), 7);
  EXPECT_EQ(merged.benchmarks[1].samples.size(), 2u);
}

TEST(Merge, KeepsTheSkippedServersOfEveryRunOnce) {
  ResultFile one = sample_result();
  ResultFile two = sample_result();
  two.context.skipped.push_back({"bun", "round 1: exited during start-up"});
  const ResultFile merged = merge_results({one, two}, Statistic::kBest);
  EXPECT_EQ(merged.context.skipped,
            (std::vector<SkippedServer>{{"deno", "not installed (scripts/peers-setup.sh)"},
                                        {"bun", "round 1: exited during start-up"}}));
}

TEST(MachineClass, SlugDropsNoise) {
  EXPECT_EQ(cpu_model_slug("AMD EPYC"), "amd-epyc");
  EXPECT_EQ(cpu_model_slug("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz"),
            "intel-xeon-platinum-8375c");
  EXPECT_EQ(cpu_model_slug("AMD EPYC 7763 64-Core Processor"), "amd-epyc-7763-64-core");
  EXPECT_EQ(cpu_model_slug("  "), "unknown");
  const std::string long_slug = cpu_model_slug(std::string(60, 'a') + " b");
  EXPECT_EQ(long_slug.size(), kCpuSlugMaxLength);
  EXPECT_EQ(cpu_model_slug("Some CPU Name-With Dash " + std::string(40, 'x')).back() != '-', true);
}

TEST(MachineClass, Format) {
  EXPECT_EQ(machine_class("x86_64", 2, "AMD EPYC"), "x86_64-2c-amd-epyc");
  EXPECT_EQ(machine_class("aarch64", 8, "Neoverse-N1"), "aarch64-8c-neoverse-n1");
}

TEST(MachineClass, CpuModelFromCpuinfo) {
  std::istringstream x86("processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC\n");
  EXPECT_EQ(cpu_model_from_cpuinfo(x86), "AMD EPYC");
  std::istringstream arm("processor\t: 0\nCPU part\t: 0xd0c\nHardware\t: BCM2835\n");
  EXPECT_EQ(cpu_model_from_cpuinfo(arm), "0xd0c");
  std::istringstream empty("");
  EXPECT_EQ(cpu_model_from_cpuinfo(empty), "unknown");
}

TEST(MachineClass, ProbeHostIsConsistent) {
  const HostInfo host = probe_host();
  EXPECT_GE(host.cores, 1);
  EXPECT_FALSE(host.arch.empty());
  if (!std::getenv("KITE_MACHINE_CLASS")) {
    EXPECT_EQ(host.machine_class, machine_class(host.arch, host.cores, host.cpu_model));
  }
}

TEST(Context, CurrentContextCarriesBuildAndFlags) {
  const RunContext c = current_context("time", "kite-bench", {"check"});
  EXPECT_FALSE(c.perf_flags.empty());
  EXPECT_TRUE(c.perf_flags.contains("KITE_OPT_INLINE_CACHE"));
  EXPECT_FALSE(c.compiler.empty());
  EXPECT_EQ(c.date.size(), 20u);  // 2025-01-31T12:00:00Z
  EXPECT_EQ(c.date.back(), 'Z');
}

}  // namespace
