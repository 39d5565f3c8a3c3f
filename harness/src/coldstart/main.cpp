// kite-coldstart: how long a server takes from fork to its first complete
// HTTP response, as a distribution over N starts, plus its RSS right after
// that response.
//
//   kite-coldstart [--runs 20] [--port 19600] [--path /api/health]
//                  [--name kite] [--cpu N] [--timeout 10s] [--json FILE]
//                  -- COMMAND ARGS...      ({port} in ARGS is replaced)
//
// Each run uses its own port (port + run) so a socket in TIME_WAIT from the
// previous run cannot interfere. The client polls connect() every 50 us;
// the time includes exec, runtime start-up, loading the handler and serving
// the first request. Loopback only. Exit: 0 ok, 1 a run failed, 2 usage.
#include <arpa/inet.h>
#include <fmt/core.h>
#include <kite/harness/machine.h>
#include <kite/harness/results.h>
#include <kite/harness/stats.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  int runs = 20;
  int port = 19600;
  std::string path = "/api/health";
  std::string name = "kite";
  int cpu = -1;
  double timeout_s = 10;
  std::string json;
  std::vector<std::string> command;
};

void usage() {
  std::fputs(
      "usage: kite-coldstart [--runs N] [--port P] [--path PATH] [--name NAME] [--cpu N]\n"
      "                      [--timeout SECONDS] [--json FILE] -- COMMAND ARGS...\n"
      "  {port} in ARGS is replaced by the port of each run\n",
      stderr);
}

std::string replace_port(std::string arg, int port) {
  std::size_t at;
  while ((at = arg.find("{port}")) != std::string::npos) arg.replace(at, 6, std::to_string(port));
  return arg;
}

long rss_kb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return 0;
}

// Connects, sends one GET and reads a whole Content-Length-framed response.
// False if the server is not accepting yet (or the response was cut off).
bool try_request(int port, const std::string& path, int* status) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return false;
  }
  timeval tv{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::string req = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  if (::send(fd, req.data(), req.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(req.size())) {
    ::close(fd);
    return false;
  }
  std::string resp;
  char buf[4096];
  bool done = false;
  while (!done) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    resp.append(buf, static_cast<std::size_t>(n));
    std::size_t end = resp.find("\r\n\r\n");
    if (end == std::string::npos) continue;
    std::string head = resp.substr(0, end);
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::size_t cl = head.find("content-length:");
    if (cl != std::string::npos) {
      std::size_t len = std::strtoul(head.c_str() + cl + 15, nullptr, 10);
      done = resp.size() >= end + 4 + len;
    }
  }
  ::close(fd);
  if (!done || resp.size() < 12) return false;
  *status = std::atoi(resp.c_str() + 9);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) {
        fmt::print(stderr, "kite-coldstart: {} needs a value\n", a);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--") {
      ++i;
      break;
    } else if (a == "--runs") {
      o.runs = std::atoi(value());
    } else if (a == "--port") {
      o.port = std::atoi(value());
    } else if (a == "--path") {
      o.path = value();
    } else if (a == "--name") {
      o.name = value();
    } else if (a == "--cpu") {
      o.cpu = std::atoi(value());
    } else if (a == "--timeout") {
      o.timeout_s = std::atof(value());
    } else if (a == "--json") {
      o.json = value();
    } else if (a == "-h" || a == "--help") {
      usage();
      return 0;
    } else {
      fmt::print(stderr, "kite-coldstart: unknown option '{}'\n", a);
      usage();
      return 2;
    }
  }
  for (; i < argc; ++i) o.command.push_back(argv[i]);
  if (o.command.empty() || o.runs <= 0 || o.port <= 0 || o.port + o.runs > 65535) {
    usage();
    return 2;
  }

  std::vector<double> ms;
  std::vector<double> rss;
  for (int run = 0; run < o.runs; ++run) {
    int port = o.port + run;
    std::vector<std::string> args;
    for (const auto& c : o.command) args.push_back(replace_port(c, port));
    auto t0 = Clock::now();
    pid_t pid = ::fork();
    if (pid == 0) {
      if (o.cpu >= 0) {
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(o.cpu, &set);
        sched_setaffinity(0, sizeof set, &set);
      }
      std::FILE* null = std::fopen("/dev/null", "w");
      if (null != nullptr) {
        ::dup2(fileno(null), 1);
        ::dup2(fileno(null), 2);
      }
      std::vector<char*> cargv;
      cargv.reserve(args.size() + 1);
      for (auto& s : args) cargv.push_back(s.data());
      cargv.push_back(nullptr);
      ::execvp(cargv[0], cargv.data());
      ::_exit(127);
    }
    int status = 0;
    bool ok = false;
    auto deadline = t0 + std::chrono::duration<double>(o.timeout_s);
    while (Clock::now() < deadline) {
      if (try_request(port, o.path, &status)) {
        ok = true;
        break;
      }
      int ws;
      if (::waitpid(pid, &ws, WNOHANG) == pid) break;  // the server died
      std::this_thread::sleep_for(std::chrono::microseconds(50));
    }
    auto t1 = Clock::now();
    long kb = ok ? rss_kb(pid) : 0;
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    if (!ok) {
      fmt::print(stderr, "kite-coldstart: run {}: no response from '{}' within {} s\n", run + 1,
                 args[0], o.timeout_s);
      return 1;
    }
    if (status < 200 || status > 299) {
      fmt::print(stderr, "kite-coldstart: run {}: status {} for {}\n", run + 1, status, o.path);
      return 1;
    }
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    rss.push_back(static_cast<double>(kb) * 1024.0);
  }

  double p50 = kite::harness::median(ms);
  double p95 = kite::harness::percentile(ms, 95);
  double lo = *std::min_element(ms.begin(), ms.end());
  double hi = *std::max_element(ms.begin(), ms.end());
  double rss_median = kite::harness::median(rss);
  fmt::print(
      "{}: {} starts, fork -> first response of {}: min {:.2f} ms, p50 {:.2f} ms, "
      "p95 {:.2f} ms, max {:.2f} ms; RSS after it {:.1f} MB\n",
      o.name, o.runs, o.path, lo, p50, p95, hi, rss_median / (1024.0 * 1024.0));

  if (!o.json.empty()) {
    std::vector<std::string> arguments(argv + 1, argv + argc);
    kite::harness::ResultFile out;
    out.context = kite::harness::current_context("time", "kite-coldstart", arguments);
    kite::harness::Benchmark b;
    b.name = "coldstart/" + o.name;
    b.kind = kite::harness::Kind::kColdstart;
    b.unit = "ms";
    b.higher_is_better = false;
    b.statistic = kite::harness::Statistic::kMedian;
    b.samples = ms;
    b.value = p50;
    b.counters = {{"min_ms", lo}, {"p95_ms", p95}, {"max_ms", hi}};
    out.benchmarks.push_back(b);
    kite::harness::Benchmark m;
    m.name = "memory/" + o.name + "/rss_after_first_response";
    m.kind = kite::harness::Kind::kMemory;
    m.unit = "bytes";
    m.higher_is_better = false;
    m.statistic = kite::harness::Statistic::kMedian;
    m.samples = rss;
    m.value = rss_median;
    out.benchmarks.push_back(m);
    try {
      kite::harness::write_result_file(out, o.json);
    } catch (const kite::harness::ResultError& e) {
      fmt::print(stderr, "kite-coldstart: {}\n", e.what());
      return 2;
    }
  }
  return 0;
}
