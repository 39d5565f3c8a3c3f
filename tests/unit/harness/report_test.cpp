// kite-bench report on synthetic results (no server, no peer, no browser):
// the HTML page is well-formed (a small tag-balance checker below), holds
// the bar and history charts, uses no script or external asset, and the
// history gets one line per report. Also the pieces of kite-bench http and
// cold that need no server: entry names, server discovery, usage errors.
#include "report.h"
#include "cli.h"
#include "comparison.h"
#include "servers.h"

#include <kite/harness/results.h>

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using namespace kite::harness;

// Empty when `html` is well-formed: every element closed in order, void
// elements and self-closed SVG elements aside, quoted attribute values,
// nothing after </html>. Otherwise what is wrong and where.
std::string check_well_formed(const std::string& html) {
  static const std::vector<std::string> kVoid = {"meta", "br", "hr", "img", "link", "input"};
  std::vector<std::string> open;
  std::size_t i = 0;
  bool closed_html = false;
  while ((i = html.find('<', i)) != std::string::npos) {
    if (closed_html) return "content after </html> at " + std::to_string(i);
    if (html.compare(i, 4, "<!--") == 0) {
      const auto end = html.find("-->", i);
      if (end == std::string::npos) return "unterminated comment";
      i = end + 3;
      continue;
    }
    if (html.compare(i, 2, "<!") == 0) {
      i = html.find('>', i);
      if (i == std::string::npos) return "unterminated declaration";
      continue;
    }
    const bool closing = html.compare(i, 2, "</") == 0;
    std::size_t j = i + (closing ? 2 : 1);
    std::string name;
    while (j < html.size() && (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '-'))
      name += html[j++];
    if (name.empty()) return "'<' not starting a tag at " + std::to_string(i);
    char quote = 0;
    for (; j < html.size() && (quote || html[j] != '>'); ++j) {
      if (quote && html[j] == quote) {
        quote = 0;
      } else if (!quote && (html[j] == '"' || html[j] == '\'')) {
        quote = html[j];
      } else if (!quote && html[j] == '<') {
        return "'<' inside the tag <" + name + "> at " + std::to_string(j);
      }
    }
    if (j >= html.size()) return "unterminated tag <" + name + ">";
    const bool self_closed = html[j - 1] == '/';
    if (closing) {
      if (open.empty() || open.back() != name) {
        return "</" + name + "> closes <" + (open.empty() ? "nothing" : open.back()) + "> at " +
               std::to_string(i);
      }
      open.pop_back();
      closed_html = name == "html";
    } else if (!self_closed && std::find(kVoid.begin(), kVoid.end(), name) == kVoid.end()) {
      open.push_back(name);
      if (name == "style" || name == "title") {  // raw text up to the end tag
        const auto end = html.find("</" + name + ">", j);
        if (end == std::string::npos) return "unterminated <" + name + ">";
        j = end - 1;
      }
    }
    i = j + 1;
  }
  if (!open.empty()) return "<" + open.back() + "> never closed";
  if (!closed_html) return "no </html>";
  return "";
}

TEST(HtmlChecker, CatchesUnbalancedTags) {
  EXPECT_EQ(check_well_formed("<!DOCTYPE html><html><body><p>a</p><br></body></html>"), "");
  EXPECT_NE(check_well_formed("<html><body><p>a</body></html>"), "");
  EXPECT_NE(check_well_formed("<html><svg><rect></svg></html>"), "");
  EXPECT_NE(check_well_formed("<html><p>1 < 2</p></html>"), "");
  EXPECT_EQ(check_well_formed("<html><svg><rect x=\"1\"/></svg></html>"), "");
}

Benchmark entry(std::string name, Kind kind, std::string unit, bool higher, double value,
                std::map<std::string, double> counters = {}) {
  Benchmark b;
  b.name = std::move(name);
  b.kind = kind;
  b.unit = std::move(unit);
  b.higher_is_better = higher;
  b.value = value;
  b.samples = {value};
  b.counters = std::move(counters);
  return b;
}

RunContext context() {
  RunContext c;
  c.machine_class = "x86_64-2c-test";
  c.arch = "x86_64";
  c.cpu_model = "Test CPU";
  c.cores = 2;
  c.kernel = "Linux 6.1";
  c.compiler = "GNU 12.2.0";
  c.build_type = "Release";
  c.commit = "0123456789ab";
  c.version = "0.1.0";
  c.date = "2026-12-01T03:00:00Z";
  c.metric = "time";
  c.tool = "kite-bench";
  return c;
}

// Kite, node and nginx over HTTP (nginx on two paths only: it serves no
// more), cold start and memory: what kite-bench http and cold write.
ResultFile synthetic_comparison(double kite_rps) {
  ResultFile r{context(), {}};
  const auto http = [&](const std::string& server, const std::string& path, double rps,
                        double p99) {
    r.benchmarks.push_back(entry("http/" + server + path, Kind::kHttp, "req/s", true, rps,
                                 {{"latency_p50_us", p99 / 3}, {"latency_p99_us", p99}}));
  };
  http("kite", "/api/health", kite_rps, 900);
  http("node", "/api/health", 15000, 2500);
  http("nginx", "/api/health", 30000, 600);
  http("kite", "/api/noop", kite_rps * 1.1, 850);
  http("node", "/api/noop", 16000, 2400);
  r.benchmarks.push_back(entry("coldstart/kite", Kind::kColdstart, "ms", false, 4.5,
                               {{"min_ms", 4.0}, {"p95_ms", 6.0}}));
  r.benchmarks.push_back(entry("coldstart/node", Kind::kColdstart, "ms", false, 45));
  r.benchmarks.push_back(
      entry("memory/kite/peak_rss_http", Kind::kMemory, "bytes", false, 6.0 * 1048576));
  r.benchmarks.push_back(
      entry("memory/node/peak_rss_http", Kind::kMemory, "bytes", false, 55.0 * 1048576));
  return r;
}

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

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class ReportCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kite-report-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(ReportCommand, WritesWellFormedHtmlWithChartsAndAppendsHistory) {
  write_result_file(synthetic_comparison(40000), dir_ / "http.json");
  ResultFile baseline{context(), {}};
  baseline.benchmarks.push_back(entry("http/kite/api/health", Kind::kHttp, "req/s", true, 44000));
  baseline.benchmarks.push_back(entry("coldstart/kite", Kind::kColdstart, "ms", false, 4.5));
  write_result_file(baseline, dir_ / "baseline.json");
  {
    std::ofstream gate(dir_ / "gate-http.txt");
    gate << "bench  baseline  current\ngate: PASS (2 benches, geomean +4.9%)\n";
  }
  const fs::path out = dir_ / "2026-12-01";
  const CliRun run = kite_bench({"report", (dir_ / "http.json").string(), "-o", out.string(),
                                 "--baseline", (dir_ / "baseline.json").string(), "--gate",
                                 (dir_ / "gate-http.txt").string(), "--date", "2026-12-01"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("report.html"), std::string::npos);

  const std::string html = read(out / "report.html");
  EXPECT_EQ(check_well_formed(html), "");
  for (const char* id :
       {"chart-http-rps-api-health", "chart-http-p99-api-health", "chart-http-rps-api-noop",
        "chart-coldstart", "chart-memory-peak-rss-http", "chart-history-http-kite-api-health"}) {
    EXPECT_NE(html.find(std::string("<svg id=\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_GE(count(html, "<rect "), 10u);  // the bars
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("href="), std::string::npos);
  EXPECT_NE(html.find("gate: PASS (2 benches"), std::string::npos);
  // Before/after: 44000 -> 40000 req/s is 10% worse; the cold start equal.
  EXPECT_NE(html.find("+10.0%"), std::string::npos);
  EXPECT_NE(html.find("<td>geomean</td>"), std::string::npos);
  // node's req/s vs Kite's.
  EXPECT_NE(html.find("0.38x"), std::string::npos);

  const std::string md = read(out / "report.md");
  EXPECT_NE(md.find("| kite | 40000 req/s |"), std::string::npos) << md;
  EXPECT_NE(md.find("Not measured (not installed on this machine): deno, bun, floor."),
            std::string::npos);

  const auto history = kite::bench::read_history(dir_ / "history.jsonl");
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].commit, "0123456789ab");
  EXPECT_DOUBLE_EQ(history[0].values.at("http/kite/api/health"), 40000);
  EXPECT_FALSE(history[0].values.contains("http/node/api/health"));  // peers are context
  EXPECT_EQ(history[0].gates.at("gate-http"), "gate: PASS (2 benches, geomean +4.9%)");
}

// kite-bench cold with a stand-in kite-coldstart (fixtures/fake_coldstart.sh,
// which fails for node) and no server started: the peer that is not
// installed and the round that failed are written to the result's
// context.skipped, and the report lists them under "Skipped peers".
TEST_F(ReportCommand, SkippedPeersGoFromTheResultIntoTheReport) {
  const fs::path peers = dir_ / "peers";
  fs::create_directories(peers);
  std::ofstream(peers / "node") << "#!/bin/sh\n";
  fs::permissions(peers / "node", fs::perms::owner_all);
  const char* saved = std::getenv("PATH");
  const std::string path = saved ? saved : "";
  ::setenv("PATH", "/nonexistent-bin", 1);  // no deno anywhere
  const CliRun cold =
      kite_bench({"cold", "--profile", "quick", "--servers", "kite,node,deno", "--kite",
                  "/bin/true", "--peers-dir", peers.string(), "--coldstart",
                  std::string(KITE_TEST_FIXTURES) + "/fake_coldstart.sh", "--server-cpu", "-1",
                  "--load-cpu", "-1", "--out", (dir_ / "coldstart.json").string()});
  ::setenv("PATH", path.c_str(), 1);
  ASSERT_EQ(cold.status, 0) << cold.err;
  EXPECT_NE(cold.out.find("note: deno: not installed (scripts/peers-setup.sh); skipped"),
            std::string::npos)
      << cold.out;

  const ResultFile result = read_result_file(dir_ / "coldstart.json");
  EXPECT_NE(result.find("coldstart/kite"), nullptr);
  EXPECT_EQ(result.find("coldstart/node"), nullptr);
  const std::string node_reason =
      "round 1: kite-coldstart exit 1: kite-coldstart: node exited before answering";
  EXPECT_EQ(result.context.skipped,
            (std::vector<SkippedServer>{{"deno", "not installed (scripts/peers-setup.sh)"},
                                        {"node", node_reason}}));

  write_result_file(synthetic_comparison(40000), dir_ / "http.json");
  ResultFile http = read_result_file(dir_ / "http.json");
  http.context.skipped = {{"deno", "not installed (scripts/peers-setup.sh)"}};
  write_result_file(http, dir_ / "http.json");
  const fs::path out = dir_ / "out";
  const CliRun report =
      kite_bench({"report", (dir_ / "http.json").string(), (dir_ / "coldstart.json").string(), "-o",
                  out.string(), "--no-history"});
  ASSERT_EQ(report.status, 0) << report.err;
  const std::string md = read(out / "report.md");
  // In server order; the same reason from two files is one line.
  EXPECT_NE(md.find("## Skipped peers\n\n- node: " + node_reason +
                    " (coldstart.json)\n- deno: not installed (scripts/peers-setup.sh) "
                    "(http.json, coldstart.json)\n"),
            std::string::npos)
      << md;
  // A skipped peer is not also "not measured".
  EXPECT_NE(md.find("Not measured (not installed on this machine): bun, floor."), std::string::npos)
      << md;
  const std::string html = read(out / "report.html");
  EXPECT_EQ(check_well_formed(html), "");
  EXPECT_NE(html.find("<h2>Skipped peers</h2>"), std::string::npos);
  EXPECT_NE(html.find("<li><strong>deno</strong>: not installed (scripts/peers-setup.sh) <span "
                      "class=\"note\">(http.json, coldstart.json)</span></li>"),
            std::string::npos)
      << html;
}

TEST_F(ReportCommand, HistoryChartGrowsWithEachReport) {
  const fs::path history = dir_ / "history.jsonl";
  for (double rps : {38000.0, 41000.0, 40000.0}) {
    write_result_file(synthetic_comparison(rps), dir_ / "http.json");
    ASSERT_EQ(kite_bench({"report", (dir_ / "http.json").string(), "-o", (dir_ / "out").string(),
                          "--history", history.string()})
                  .status,
              0);
  }
  EXPECT_EQ(kite::bench::read_history(history).size(), 3u);
  const std::string html = read(dir_ / "out/report.html");
  EXPECT_EQ(check_well_formed(html), "");
  const auto chart = html.find("<svg id=\"chart-history-http-kite-api-health\"");
  ASSERT_NE(chart, std::string::npos);
  const std::string svg = html.substr(chart, html.find("</svg>", chart) - chart);
  EXPECT_EQ(count(svg, "<circle "), 3u);  // two earlier runs and this one
}

TEST_F(ReportCommand, RefusesMissingInputAndOutput) {
  EXPECT_EQ(kite_bench({"report", "-o", dir_.string()}).status, 2);
  EXPECT_EQ(kite_bench({"report", (dir_ / "none.json").string(), "-o", dir_.string()}).status, 2);
  write_result_file(synthetic_comparison(1), dir_ / "http.json");
  EXPECT_EQ(kite_bench({"report", (dir_ / "http.json").string()}).status, 2);
}

TEST(Comparison, SplitsEntryNames) {
  const auto http = kite::bench::split_entry_name("http/kite/api/health");
  EXPECT_EQ(http.kind, "http");
  EXPECT_EQ(http.server, "kite");
  EXPECT_EQ(http.rest, "/api/health");
  const auto cold = kite::bench::split_entry_name("coldstart/node");
  EXPECT_EQ(cold.server, "node");
  EXPECT_EQ(cold.rest, "");
  EXPECT_EQ(kite::bench::split_entry_name("js/fib").rest, "");
}

TEST(Comparison, MedianEntryTakesMediansOfSamplesAndCounters) {
  const Benchmark b = kite::bench::median_entry("http/kite/x", Kind::kHttp, "req/s", true,
                                                {3, 1, 2}, {{"latency_p99_us", {10, 30, 20}}});
  EXPECT_DOUBLE_EQ(b.value, 2);
  EXPECT_EQ(b.statistic, Statistic::kMedian);
  EXPECT_DOUBLE_EQ(b.counters.at("latency_p99_us"), 20);
}

TEST(Servers, MissingPeersAreNotesAndKiteIsRequired) {
  kite::bench::Tools tools;
  tools.source_dir = "/nonexistent-source";
  tools.peers_bin = "/nonexistent-peers";
  tools.kite = "/bin/sh";  // any executable: nothing is started
  std::vector<SkippedServer> skipped;
  const char* saved = std::getenv("PATH");
  const std::string path = saved ? saved : "";
  ::setenv("PATH", "/nonexistent-bin", 1);
  const auto servers = kite::bench::find_servers({"kite", "deno", "bun"}, tools, skipped);
  ::setenv("PATH", path.c_str(), 1);
  ASSERT_EQ(servers.size(), 1u);
  EXPECT_EQ(servers[0].name, "kite");
  EXPECT_EQ(skipped,
            (std::vector<SkippedServer>{{"deno", "not installed (scripts/peers-setup.sh)"},
                                        {"bun", "not installed (scripts/peers-setup.sh)"}}));
  EXPECT_EQ(kite::bench::skip_note(skipped[0]),
            "deno: not installed (scripts/peers-setup.sh); skipped");
  EXPECT_THROW(kite::bench::find_servers({"tomcat"}, tools, skipped), kite::bench::UsageError);
  tools.kite = "/nonexistent-kite";
  EXPECT_THROW(kite::bench::find_servers({"kite"}, tools, skipped), kite::bench::UsageError);
}

TEST(Servers, FloorIsFoundWhenBuiltAndAnswersItsTwoPaths) {
  kite::bench::Tools tools;
  tools.kite = "/bin/sh";
  std::vector<SkippedServer> skipped;
  EXPECT_TRUE(kite::bench::find_servers({"kite", "floor"}, tools, skipped).size() == 1);
  EXPECT_EQ(skipped,
            (std::vector<SkippedServer>{
                {"floor", "not built (cmake --build --preset release --target kite-floor)"}}));
  skipped.clear();
  tools.floor = KITE_FLOOR_BINARY;
  const auto servers = kite::bench::find_servers({"floor"}, tools, skipped);
  ASSERT_EQ(servers.size(), 1u);
  EXPECT_TRUE(servers[0].serves("/api/noop"));
  EXPECT_FALSE(servers[0].serves("/api/echo"));
  const std::filesystem::path scratch = std::filesystem::temp_directory_path();
  std::string error;
  const int port = kite::bench::free_ports(19600, 1);
  auto running =
      kite::bench::RunningServer::start(servers[0], port, -1, scratch, "/api/health", 10, error);
  ASSERT_TRUE(running) << error;
  EXPECT_EQ(kite::bench::http_get_status(port, "/api/noop", 5), 200);
  EXPECT_EQ(kite::bench::http_get_status(port, "/nope", 5), 404);
  running->stop();
}

TEST(Servers, ExpandsPortAndScratchFolder) {
  const std::vector<std::string> argv = {"run.sh", "{port}", "{dir}/x"};
  EXPECT_EQ(kite::bench::expand_command(argv, 8080, "/tmp/d"),
            (std::vector<std::string>{"run.sh", "8080", "/tmp/d/x"}));
  EXPECT_EQ(kite::bench::expand_command(argv, std::nullopt, "/tmp/d")[1], "{port}");
}

TEST(Servers, FreePortsSkipsAPortInUse) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(fd, 1), 0);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  const int taken = ntohs(address.sin_port);
  if (taken + 3 < 65535) {
    EXPECT_GT(kite::bench::free_ports(taken, 1), taken);
    EXPECT_GT(kite::bench::free_ports(taken - 2, 3), taken);
  }
  ::close(fd);
}

TEST(HttpCommand, BadOptionsExit2) {
  EXPECT_EQ(kite_bench({"http", "--profile", "huge"}).status, 2);
  EXPECT_EQ(kite_bench({"http", "--servers", "tomcat"}).status, 2);
  EXPECT_EQ(kite_bench({"cold", "--duration", "1s"}).status, 2);  // not a cold option
}

}  // namespace
