// kite-load end to end (label server): the real binary against the test
// server on 127.0.0.1, checking that what kite-load counted is what the
// server saw, that non-2xx answers are reported and fail the run, and the
// exit statuses for an unreachable server and a refused target. Each run
// is bounded by kite-load's own --max-time and by a kill after 30 s.
#include "load_test_server.h"

#include <kite/harness/results.h>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;
using kite::load::testing::TestHttpServer;

struct LoadResult {
  int status = -1;
  std::string out;
  std::string err;
  kite::harness::ResultFile result;  // empty unless a JSON file was written

  double counter(const std::string& name) const {
    return result.benchmarks.at(0).counters.at(name);
  }
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs kite-load with `args` (plus --json into a scratch file) and waits
// for it, at most 30 s.
LoadResult run_kite_load(const std::string& name, std::vector<std::string> args) {
  const fs::path dir = fs::path(testing::TempDir()) / ("kite-load-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path json = dir / "result.json";
  args.insert(args.begin(), {KITE_LOAD_BINARY, "--json", json.string()});

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, (dir / "out").c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, (dir / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  LoadResult r;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
    ADD_FAILURE() << "cannot start " << argv[0];
    return r;
  }
  posix_spawn_file_actions_destroy(&actions);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  int wait_status = 0;
  while (waitpid(pid, &wait_status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &wait_status, 0);
      ADD_FAILURE() << "kite-load did not stop within 30 s";
      return r;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  r.status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
  r.out = slurp(dir / "out");
  r.err = slurp(dir / "err");
  if (fs::exists(json)) r.result = kite::harness::read_result_file(json);
  return r;
}

std::string url(const TestHttpServer& server, const std::string& path) {
  return "http://127.0.0.1:" + std::to_string(server.port()) + path;
}

// Everything kite-load sent reached the server and was answered.
void expect_counts_match(const TestHttpServer& server, const LoadResult& r) {
  ASSERT_TRUE(server.wait_until_idle(std::chrono::seconds(5)));
  EXPECT_GT(server.requests(), 0u);
  EXPECT_EQ(r.counter("sent_total"), static_cast<double>(server.requests()));
  EXPECT_EQ(r.counter("responses_total"), static_cast<double>(server.requests()));
}

void expect_no_errors(const LoadResult& r) {
  for (const char* name :
       {"errors_connect", "errors_read", "errors_write", "errors_timeout", "errors_protocol"}) {
    EXPECT_EQ(r.counter(name), 0) << name;
  }
}

TEST(LoadServer, ClosedLoopCountsWhatTheServerCounted) {
  TestHttpServer server({});
  const LoadResult r = run_kite_load(
      "closed", {"-c", "4", "-t", "2", "-d", "1s", "--warmup", "200ms", url(server, "/hello")});
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  ASSERT_EQ(r.result.benchmarks.size(), 1u) << r.err;
  const kite::harness::Benchmark& b = r.result.benchmarks[0];
  EXPECT_EQ(b.name, "http/hello");
  EXPECT_EQ(b.kind, kite::harness::Kind::kHttp);
  EXPECT_EQ(b.unit, "req/s");
  EXPECT_TRUE(b.higher_is_better);
  EXPECT_EQ(r.result.context.tool, "kite-load");
  EXPECT_NEAR(b.value, r.counter("requests") / r.counter("duration_s"), 1e-6 * b.value);
  EXPECT_EQ(r.counter("status_2xx"), r.counter("responses"));
  EXPECT_GE(r.counter("responses"), r.counter("requests"));
  EXPECT_LE(r.counter("latency_p50_us"), r.counter("latency_p99_us"));
  EXPECT_LE(r.counter("latency_p99_us"), r.counter("latency_max_us"));
  expect_no_errors(r);
  expect_counts_match(server, r);
  EXPECT_NE(r.out.find("Requests/sec:"), std::string::npos) << r.out;
}

// The same when the generator never sleeps (--spin).
TEST(LoadServer, SpinningGeneratorCountsWhatTheServerCounted) {
  TestHttpServer server({});
  const LoadResult r = run_kite_load(
      "spin", {"-c", "4", "--spin", "-d", "500ms", "--warmup", "100ms", url(server, "/hello")});
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_GT(r.counter("requests"), 0);
  EXPECT_EQ(r.counter("status_2xx"), r.counter("responses"));
  expect_no_errors(r);
  expect_counts_match(server, r);
  EXPECT_NE(r.out.find("spinning"), std::string::npos) << r.out;
}

TEST(LoadServer, ServerErrorsAreReportedAndFailTheRun) {
  TestHttpServer server({.status = 500});
  const LoadResult r =
      run_kite_load("status500", {"-c", "4", "-d", "500ms", "--warmup", "0", url(server, "/")});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  ASSERT_EQ(r.result.benchmarks.size(), 1u) << r.err;
  EXPECT_GT(r.counter("status_5xx"), 0);
  EXPECT_EQ(r.counter("status_5xx"), r.counter("responses"));
  EXPECT_EQ(r.counter("status_2xx"), 0);
  EXPECT_EQ(r.counter("error_rate_percent"), 100);
  EXPECT_NE(r.out.find("5xx " + std::to_string(static_cast<long>(r.counter("status_5xx")))),
            std::string::npos)
      << r.out;
  expect_counts_match(server, r);
}

TEST(LoadServer, ReconnectsWhenTheServerCloses) {
  TestHttpServer server({.close_every = 7, .chunked = true});
  const LoadResult r =
      run_kite_load("reconnect", {"-c", "4", "-d", "1s", "--warmup", "0", url(server, "/")});
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  expect_no_errors(r);
  EXPECT_GT(r.counter("requests"), 7 * 4);  // every connection was closed and reopened
  expect_counts_match(server, r);
}

TEST(LoadServer, PipelinedCountRunSendsExactlyN) {
  TestHttpServer server({});
  const LoadResult r = run_kite_load(
      "pipeline", {"-c", "4", "--pipeline", "8", "-n", "2000", "--warmup", "0", "--path", "/a",
                   "--path", "/b", "--label", "pipelined", url(server, "/")});
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.result.benchmarks.at(0).name, "http/pipelined");
  EXPECT_EQ(r.counter("requests"), 2000);
  EXPECT_EQ(r.counter("responses"), 2000);
  EXPECT_EQ(server.requests(), 2000u);
  expect_no_errors(r);
  expect_counts_match(server, r);
}

TEST(LoadServer, OpenLoopSendsAtTheRate) {
  TestHttpServer server({});
  const LoadResult r = run_kite_load(
      "rate", {"-c", "4", "--rate", "400", "-d", "1s", "--warmup", "250ms", url(server, "/")});
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  // Exactly 400 requests are due in the 1 s window.
  EXPECT_EQ(r.counter("responses") + r.counter("unsent"), 400);
  EXPECT_GE(r.counter("responses"), 380);
  EXPECT_EQ(r.counter("target_rate"), 400);
  expect_counts_match(server, r);
}

// Coordinated omission: a 300 ms stall holds back every request due during
// it. Measured from the due time (open loop), about 60 of the 200 requests
// see up to 300 ms; a closed loop sees only the two that were in flight.
TEST(LoadServer, OpenLoopLatencyCountsAServerStall) {
  TestHttpServer open_server({.stall_at = 50, .stall_ms = 300});
  const LoadResult open = run_kite_load("stall-open", {"-c", "2", "--rate", "200", "-d", "1s",
                                                       "--warmup", "0", url(open_server, "/")});
  ASSERT_EQ(open.status, 0) << open.out << open.err;
  EXPECT_GE(open.counter("latency_max_us"), 250'000);
  EXPECT_GE(open.counter("latency_p90_us"), 100'000) << open.out;

  TestHttpServer closed_server({.stall_at = 50, .stall_ms = 300});
  const LoadResult closed = run_kite_load(
      "stall-closed", {"-c", "2", "-d", "1s", "--warmup", "0", url(closed_server, "/")});
  ASSERT_EQ(closed.status, 0) << closed.out << closed.err;
  EXPECT_GE(closed.counter("latency_max_us"), 250'000);
  EXPECT_LT(closed.counter("latency_p90_us"), 50'000) << closed.out;
}

TEST(LoadServer, UnreachableServerExits2) {
  // A port nothing listens on: bound, then closed again.
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  const LoadResult r = run_kite_load(
      "unreachable", {"-d", "1s", "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port))});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("cannot connect"), std::string::npos) << r.err;
}

TEST(LoadServer, NonLoopbackTargetIsRefusedBeforeAnyConnect) {
  // A name, never looked up: kite-load refuses it while parsing options.
  const LoadResult r = run_kite_load("refused", {"-d", "1s", "http://example.invalid/"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("loopback"), std::string::npos) << r.err;
}

}  // namespace
