// Pins the Google Benchmark JSON conversion: repetitions become samples,
// aggregates and errored runs are dropped, times are normalized to ns,
// user counters are kept, and kite_* custom context overrides the context.
#include <kite/harness/gbench.h>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {

using namespace kite::harness;

ResultFile convert_sample(Statistic statistic) {
  std::ifstream in(std::string(KITE_TEST_FIXTURES) + "/gbench_sample.json");
  std::stringstream text;
  text << in.rdbuf();
  RunContext base;
  base.commit = "harness-commit";
  base.perf_opts = true;
  base.perf_flags = {{"KITE_OPT_INLINE_CACHE", true}};
  return parse_gbench(text.str(), base, statistic);
}

TEST(Gbench, RepetitionsBecomeSamples) {
  const ResultFile r = convert_sample(Statistic::kBest);
  ASSERT_EQ(r.benchmarks.size(), 2u);
  const Benchmark& fib = r.benchmarks[0];
  EXPECT_EQ(fib.name, "js/fib");
  EXPECT_EQ(fib.kind, Kind::kMicro);
  EXPECT_EQ(fib.unit, "ns");
  EXPECT_FALSE(fib.higher_is_better);
  EXPECT_EQ(fib.samples, (std::vector<double>{2e6, 1.5e6, 1.8e6}));
  EXPECT_EQ(fib.value, 1.5e6);
  EXPECT_EQ(fib.statistic, Statistic::kBest);
  EXPECT_EQ(fib.counters.at("ic_hits"), 5000);
  EXPECT_TRUE(fib.counters.contains("ops_per_sec"));
  EXPECT_FALSE(fib.counters.contains("iterations"));
}

TEST(Gbench, MedianStatistic) {
  EXPECT_EQ(convert_sample(Statistic::kMedian).benchmarks[0].value, 1.8e6);
}

TEST(Gbench, NativeBenchInMicroseconds) {
  const ResultFile r = convert_sample(Statistic::kBest);
  const Benchmark& parse = r.benchmarks[1];
  EXPECT_EQ(parse.name, "native/httpParse");
  EXPECT_EQ(parse.kind, Kind::kNative);
  EXPECT_DOUBLE_EQ(parse.value, 250);
  EXPECT_EQ(parse.statistic, Statistic::kSingle);
  EXPECT_EQ(parse.counters.at("bytes_per_second"), 1.5e9);
}

TEST(Gbench, ErroredRunIsDropped) {
  EXPECT_EQ(convert_sample(Statistic::kBest).find("js/broken"), nullptr);
}

TEST(Gbench, CustomContextOverrides) {
  const RunContext& c = convert_sample(Statistic::kBest).context;
  EXPECT_EQ(c.commit, "abc123def456");
  EXPECT_FALSE(c.perf_opts);
  EXPECT_EQ(c.perf_flags, (std::map<std::string, bool>{{"KITE_OPT_COMPUTED_GOTO", true},
                                                       {"KITE_OPT_INLINE_CACHE", false}}));
}

TEST(Gbench, RejectsOtherJson) {
  EXPECT_THROW(parse_gbench("{\"schema_version\": 1}", {}, Statistic::kBest), ResultError);
  EXPECT_THROW(parse_gbench("not json", {}, Statistic::kBest), ResultError);
}

}  // namespace
