// Finding, starting and stopping the measured servers (servers.h).
#include "servers.h"

#include "args.h"
#include "process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

namespace kite::bench {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

bool is_executable_file(const fs::path& path) {
  std::error_code ec;
  return !path.empty() && fs::is_regular_file(path, ec) && access(path.c_str(), X_OK) == 0;
}

// `name` in `first_dir`, else on PATH; empty when nowhere.
fs::path find_program(const std::string& name, const fs::path& first_dir) {
  if (!first_dir.empty() && is_executable_file(first_dir / name)) return first_dir / name;
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (!dir.empty() && is_executable_file(fs::path(dir) / name)) return fs::path(dir) / name;
  }
  return {};
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

double vm_hwm_bytes(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("VmHWM:")) return std::atof(line.c_str() + 6) * 1024.0;
  }
  return 0;
}

// What nginx and kite-floor serve: fixed bodies for the two paths that need
// no handler logic.
const std::vector<std::string> kStaticBodyPaths = {"/api/noop", "/api/health"};

}  // namespace

Tools default_tools() {
  Tools tools;
  tools.source_dir = KITE_SOURCE_DIR;
  tools.peers_bin = tools.source_dir / "build/peers/node_modules/.bin";
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return tools;
  for (fs::path dir = self.parent_path(); !dir.empty() && dir != dir.root_path();
       dir = dir.parent_path()) {
    if (!fs::exists(dir / "CMakeCache.txt", ec)) continue;
    for (auto [field, relative] :
         {std::pair{&tools.kite, "runtime/kite"},
          std::pair{&tools.load, "harness/src/load/kite-load"},
          std::pair{&tools.coldstart, "harness/src/coldstart/kite-coldstart"},
          std::pair{&tools.floor, "harness/src/floor/kite-floor"}}) {
      if (is_executable_file(dir / relative)) *field = dir / relative;
    }
    break;
  }
  return tools;
}

bool ServerSpec::serves(const std::string& path) const {
  return paths.empty() || std::find(paths.begin(), paths.end(), path) != paths.end();
}

std::vector<ServerSpec> find_servers(const std::vector<std::string>& wanted, const Tools& tools,
                                     std::vector<harness::SkippedServer>& skipped) {
  for (const std::string& name : wanted) {
    if (std::find(kServerNames.begin(), kServerNames.end(), name) == kServerNames.end()) {
      throw UsageError("unknown server '" + name +
                       "' (known: kite, node, deno, bun, nginx, floor)");
    }
  }
  const fs::path peers = tools.source_dir / "harness/peers";
  std::vector<ServerSpec> servers;
  for (const std::string& name : kServerNames) {
    if (std::find(wanted.begin(), wanted.end(), name) == wanted.end()) continue;
    if (name == "kite") {
      if (!is_executable_file(tools.kite)) {
        throw UsageError(
            "no kite binary: build it (cmake --build --preset release --target kite) "
            "or pass --kite PATH");
      }
      servers.push_back({name,
                         {tools.kite.string(), "serve", "-q", "--workers", "1", "--port", "{port}",
                          (tools.source_dir / "examples/handler.js").string()},
                         {}});
      continue;
    }
    if (name == "floor") {
      if (!is_executable_file(tools.floor)) {
        skipped.push_back({name, "not built (cmake --build --preset release --target kite-floor)"});
        continue;
      }
      servers.push_back({name, {tools.floor.string(), "{port}"}, kStaticBodyPaths});
      continue;
    }
    const fs::path program = find_program(name, name == "nginx" ? fs::path() : tools.peers_bin);
    if (program.empty()) {
      skipped.push_back(
          {name, std::string("not installed (") +
                     (name == "nginx" ? "scripts/setup.sh --load" : "scripts/peers-setup.sh") +
                     ")"});
      continue;
    }
    const std::string script = (peers / name / "server.js").string();
    if (name == "node") servers.push_back({name, {program.string(), script, "{port}"}, {}});
    if (name == "deno") {
      servers.push_back({name, {program.string(), "run", "-A", script, "{port}"}, {}});
    }
    if (name == "bun") servers.push_back({name, {program.string(), script, "{port}"}, {}});
    if (name == "nginx") {
      servers.push_back(
          {name, {(peers / "nginx/run.sh").string(), "{port}", "{dir}"}, kStaticBodyPaths});
    }
  }
  return servers;
}

std::vector<std::string> expand_command(const std::vector<std::string>& argv,
                                        std::optional<int> port, const std::string& dir) {
  std::vector<std::string> out;
  for (const std::string& arg : argv) {
    const std::string with_dir = replace_all(arg, "{dir}", dir);
    out.push_back(port ? replace_all(with_dir, "{port}", std::to_string(*port)) : with_dir);
  }
  return out;
}

int free_ports(int from, int count) {
  const auto can_bind = [](int port) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = fd >= 0 && bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    if (fd >= 0) close(fd);
    return ok;
  };
  for (int base = from; base + count <= 65535; ++base) {
    int run = 0;
    while (run < count && can_bind(base + run)) ++run;
    if (run == count) return base;
    base += run;
  }
  throw std::runtime_error("no free loopback port from " + std::to_string(from));
}

std::optional<int> http_get_status(int port, const std::string& path, double timeout_s) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return std::nullopt;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const auto whole = static_cast<long>(timeout_s);
  timeval tv{whole, static_cast<long>((timeout_s - static_cast<double>(whole)) * 1e6)};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  std::optional<int> status;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
    const std::string request =
        "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    std::string response;
    if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
        static_cast<ssize_t>(request.size())) {
      char buffer[4096];
      // The server closes after the response (Connection: close).
      for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) {
        response.append(buffer, static_cast<std::size_t>(n));
      }
    }
    if (response.starts_with("HTTP/1.") && response.size() >= 12 &&
        response.find("\r\n\r\n") != std::string::npos) {
      status = std::atoi(response.c_str() + 9);
    }
  }
  close(fd);
  return status;
}

std::optional<RunningServer> RunningServer::start(const ServerSpec& spec, int port, int cpu,
                                                  const fs::path& scratch_dir,
                                                  const std::string& ready_path, double timeout_s,
                                                  std::string& error) {
  const fs::path dir = scratch_dir / (spec.name + "-" + std::to_string(port));
  fs::create_directories(dir);
  const std::vector<std::string> argv = expand_command(spec.argv, port, dir.string());
  const std::string log = (dir / "server.log").string();
  const pid_t pid = fork();
  if (pid < 0) {
    error = std::string("cannot fork: ") + std::strerror(errno);
    return std::nullopt;
  }
  if (pid == 0) {
    setpgid(0, 0);
    if (cpu >= 0) {
      cpu_set_t set;
      CPU_ZERO(&set);
      CPU_SET(cpu, &set);
      sched_setaffinity(0, sizeof set, &set);
    }
    const int out = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out >= 0) {
      dup2(out, STDOUT_FILENO);
      dup2(out, STDERR_FILENO);
    }
    setenv("DENO_NO_UPDATE_CHECK", "1", 1);
    setenv("NO_COLOR", "1", 1);
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  RunningServer server(pid);
  const auto deadline = Clock::now() + std::chrono::duration<double>(timeout_s);
  while (Clock::now() < deadline) {
    if (const auto status = http_get_status(port, ready_path, 1.0);
        status && *status >= 200 && *status < 300) {
      return server;
    }
    int ws = 0;
    if (waitpid(pid, &ws, WNOHANG) == pid) {
      server.pid_ = -1;
      // Its scratch folder, and so the log, is gone after the run: keep
      // what it said.
      std::ifstream in(log);
      std::stringstream output;
      output << in.rdbuf();
      const std::string said = last_line(output.str());
      error = "exited during start-up" + (said.empty() ? " (no output)" : ": " + said);
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  server.stop();
  error = "did not answer GET " + ready_path + " within " +
          std::to_string(static_cast<int>(timeout_s)) + " s";
  return std::nullopt;
}

RunningServer::RunningServer(RunningServer&& other) noexcept : pid_(other.pid_) {
  other.pid_ = -1;
}

RunningServer::~RunningServer() {
  stop();
}

double RunningServer::peak_rss_bytes() const {
  if (pid_ < 0) return 0;
  double peak = vm_hwm_bytes(pid_);
  std::ifstream children("/proc/" + std::to_string(pid_) + "/task/" + std::to_string(pid_) +
                         "/children");
  for (pid_t child; children >> child;) peak = std::max(peak, vm_hwm_bytes(child));
  return peak;
}

void RunningServer::stop() {
  if (pid_ < 0) return;
  kill(-pid_, SIGTERM);
  const auto deadline = Clock::now() + std::chrono::seconds(2);
  int status = 0;
  while (waitpid(pid_, &status, WNOHANG) == 0) {
    if (Clock::now() >= deadline) {
      kill(-pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(-pid_, SIGKILL);  // any child left in the group
  pid_ = -1;
}

}  // namespace kite::bench
