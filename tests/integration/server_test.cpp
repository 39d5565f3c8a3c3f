// Server integration tests: start `kite serve` on 127.0.0.1 (ephemeral port),
// talk HTTP/1.1 to it over real sockets, and check every endpoint of
// examples/handler.js, keep-alive, pipelining, each rejection (and that the
// server still serves the next connection), fault handling, SIGTERM drain,
// the connection cap (503s) and running out of file descriptors, and the
// handler's environment. Each test runs for both backends. All waits are
// bounded.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace std::chrono_literals;

// A running `kite serve`: stdout is read for the listening line, stderr
// collected into a file for assertions about logs. nofile: the child's
// file-descriptor limit (soft and hard), 0 to inherit ours.
class Server {
 public:
  Server(const std::string& backend, const std::string& handler,
         std::vector<std::string> extra = {}, rlim_t nofile = 0) {
    std::vector<std::string> args = {KITE_BIN,    "serve", "--port",    "0",
                                     "--workers", "1",     "--backend", backend};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(handler);
    int out[2];
    EXPECT_EQ(::pipe(out), 0);
    err_path_ = "/tmp/kite-server-test-" + std::to_string(::getpid()) + "-" +
                std::to_string(counter_++) + ".log";
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      int err = ::open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(err, 2);
      ::close(out[0]);
      if (nofile != 0) {
        rlimit r{nofile, nofile};
        ::setrlimit(RLIMIT_NOFILE, &r);
      }
      std::vector<char*> argv;
      argv.reserve(args.size() + 1);
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    out_fd_ = out[0];
    // Wait (bounded) for "kite: listening on http://127.0.0.1:PORT (...)".
    std::string line;
    auto deadline = std::chrono::steady_clock::now() + 10s;
    while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      pollfd p{out_fd_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      char buf[256];
      ssize_t n = ::read(out_fd_, buf, sizeof buf);
      if (n <= 0) break;
      line.append(buf, static_cast<std::size_t>(n));
    }
    listening_line_ = line;
    auto at = line.find("127.0.0.1:");
    if (at != std::string::npos) port_ = std::atoi(line.c_str() + at + 10);
  }

  ~Server() {
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (out_fd_ >= 0) ::close(out_fd_);
    ::unlink(err_path_.c_str());
  }

  int port() const { return port_; }
  const std::string& listening_line() const { return listening_line_; }

  // Sends SIGTERM and waits (bounded) for the exit status; -1 on timeout.
  int terminate(std::chrono::milliseconds limit = 10s) {
    ::kill(pid_, SIGTERM);
    return wait_exit(limit);
  }

  int wait_exit(std::chrono::milliseconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      pid_t r = ::waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        reaped_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(20ms);
    }
    return -1;
  }

  std::string error_log() const {
    std::string s;
    int fd = ::open(err_path_.c_str(), O_RDONLY);
    if (fd < 0) return s;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0) s.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return s;
  }

 private:
  static inline int counter_ = 0;
  pid_t pid_ = -1;
  int out_fd_ = -1;
  int port_ = 0;
  bool reaped_ = false;
  std::string listening_line_;
  std::string err_path_;
};

int connect_to(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval tv{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

void send_all(int fd, const std::string& data) {
  std::size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
    if (n <= 0) return;
    off += static_cast<std::size_t>(n);
  }
}

struct Response {
  int status = 0;
  std::string head;
  std::string body;
  std::string header(const std::string& lower) const {
    std::string h = head;
    for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto at = h.find("\r\n" + lower + ":");
    if (at == std::string::npos) return "";
    auto start = at + 2 + lower.size() + 1;
    while (start < h.size() && head[start] == ' ') ++start;
    return head.substr(start, head.find("\r\n", start) - start);
  }
};

// Reads one response (Content-Length framed) from `fd`, keeping any extra
// bytes in `pending` for the next call. head_only: a HEAD response.
bool read_response(int fd, std::string& pending, Response* r, bool head_only = false) {
  auto fill = [&]() {
    char buf[65536];
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return false;
    pending.append(buf, static_cast<std::size_t>(n));
    return true;
  };
  std::size_t end;
  while ((end = pending.find("\r\n\r\n")) == std::string::npos) {
    if (!fill()) return false;
  }
  r->head = pending.substr(0, end + 2);
  r->status = std::atoi(r->head.c_str() + 9);
  std::size_t len = head_only ? 0 : std::strtoul(r->header("content-length").c_str(), nullptr, 10);
  while (pending.size() < end + 4 + len) {
    if (!fill()) return false;
  }
  r->body = pending.substr(end + 4, len);
  pending.erase(0, end + 4 + len);
  return true;
}

// One request on a fresh connection; the response or status 0.
Response round_trip(int port, const std::string& request, bool head_only = false) {
  Response r;
  int fd = connect_to(port);
  if (fd < 0) return r;
  send_all(fd, request);
  std::string pending;
  read_response(fd, pending, &r, head_only);
  ::close(fd);
  return r;
}

Response get(int port, const std::string& path) {
  return round_trip(port, "GET " + path + " HTTP/1.1\r\nHost: t\r\n\r\n");
}

// True when the server closes `fd` (EOF) within the socket timeout.
bool closed_by_peer(int fd) {
  char buf[1024];
  while (true) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n == 0) return true;
    if (n < 0) return errno == ECONNRESET;
  }
}

class ServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  std::string example() { return std::string(KITE_EXAMPLES) + "/handler.js"; }
  std::string faults() { return std::string(KITE_HANDLERS) + "/faults.js"; }
};

TEST_P(ServerTest, ListeningLineNamesBackend) {
  Server s(GetParam(), example(), {"-q"});
  ASSERT_GT(s.port(), 0) << s.listening_line() << s.error_log();
  std::string expect = GetParam() == "uring" ? "io_uring" : "epoll";
  EXPECT_NE(s.listening_line().find("(1 worker, " + expect + ", "), std::string::npos)
      << s.listening_line();
  EXPECT_NE(s.listening_line().find(" connections per worker)"), std::string::npos)
      << s.listening_line();
}

TEST_P(ServerTest, PinningIsReported) {
  Server pinned(GetParam(), example(), {"-q", "--pin"});
  ASSERT_GT(pinned.port(), 0) << pinned.error_log();
  EXPECT_NE(pinned.listening_line().find(", pinned, "), std::string::npos)
      << pinned.listening_line();
  EXPECT_EQ(get(pinned.port(), "/api/noop").status, 200);
  Server unpinned(GetParam(), example(), {"-q", "--no-pin", "--max-connections", "7"});
  ASSERT_GT(unpinned.port(), 0) << unpinned.error_log();
  EXPECT_NE(unpinned.listening_line().find(", not pinned, 7 connections per worker)"),
            std::string::npos)
      << unpinned.listening_line();
}

// Past --max-connections a new connection gets the pre-built 503 (with
// Retry-After) and is closed; the open ones are served on, and once they
// close new connections are served again.
TEST_P(ServerTest, ConnectionsPastTheCapGet503) {
  Server s(GetParam(), example(), {"--max-connections", "4"});
  ASSERT_GT(s.port(), 0) << s.error_log();
  std::vector<int> open;
  std::vector<std::string> pending(4);
  for (int i = 0; i < 4; ++i) {
    open.push_back(connect_to(s.port()));
    send_all(open[i], "GET /api/noop HTTP/1.1\r\nHost: t\r\n\r\n");
    Response r;
    ASSERT_TRUE(read_response(open[i], pending[i], &r)) << i;
    EXPECT_EQ(r.status, 200) << i;
  }
  for (int i = 0; i < 3; ++i) {
    // The server answers at accept, before any request is sent.
    int fd = connect_to(s.port());
    ASSERT_GE(fd, 0);
    std::string extra;
    Response r;
    ASSERT_TRUE(read_response(fd, extra, &r)) << i;
    EXPECT_EQ(r.status, 503) << i;
    EXPECT_EQ(r.header("retry-after"), "1");
    EXPECT_EQ(r.header("connection"), "close");
    EXPECT_EQ(r.body, "{\"error\":\"Service Unavailable\"}");
    EXPECT_TRUE(closed_by_peer(fd)) << i;
    ::close(fd);
  }
  for (int i = 0; i < 4; ++i) {
    send_all(open[i], "GET /api/greet/" + std::to_string(i) + " HTTP/1.1\r\nHost: t\r\n\r\n");
    Response r;
    ASSERT_TRUE(read_response(open[i], pending[i], &r)) << i;
    EXPECT_EQ(r.body, "{\"greeting\":\"Hello, " + std::to_string(i) + "!\"}");
  }
  for (int fd : open) ::close(fd);
  // The server notices the closes within a loop turn; bounded retries.
  int status = 0;
  for (int attempt = 0; attempt < 50 && status != 200; ++attempt) {
    status = get(s.port(), "/api/noop").status;
    if (status != 200) std::this_thread::sleep_for(20ms);
  }
  EXPECT_EQ(status, 200);
  std::this_thread::sleep_for(200ms);  // the access log is flushed per loop turn
  EXPECT_NE(s.error_log().find("503 (over --max-connections 4)"), std::string::npos)
      << s.error_log();
}

// At the file-descriptor limit accept fails with EMFILE: the worker stops
// accepting (no busy loop, no crash), serves the connections it has, and
// accepts the waiting ones once some close.
TEST_P(ServerTest, RunningOutOfFileDescriptorsPausesAccepting) {
  Server s(GetParam(), example(), {"-q", "--max-connections", "1000"}, 48);
  ASSERT_GT(s.port(), 0) << s.error_log();
  constexpr int kClients = 64;  // more than the server has descriptors for
  std::vector<int> fds;
  for (int i = 0; i < kClients; ++i) {
    int fd = connect_to(s.port());  // completes in the listen backlog
    ASSERT_GE(fd, 0) << i;
    fds.push_back(fd);
  }
  // The first connection was accepted: it is served while others wait.
  std::string pending;
  Response r;
  send_all(fds[0], "GET /api/noop HTTP/1.1\r\nHost: t\r\n\r\n");
  ASSERT_TRUE(read_response(fds[0], pending, &r));
  EXPECT_EQ(r.status, 200);
  // The last one waits in the backlog; its request is answered once the
  // others close.
  send_all(fds.back(), "GET /api/greet/last HTTP/1.1\r\nHost: t\r\n\r\n");
  for (int i = 0; i < kClients - 1; ++i) ::close(fds[i]);
  pending.clear();
  ASSERT_TRUE(read_response(fds.back(), pending, &r));
  EXPECT_EQ(r.body, "{\"greeting\":\"Hello, last!\"}");
  ::close(fds.back());
  EXPECT_EQ(get(s.port(), "/api/noop").status, 200);
  EXPECT_EQ(s.terminate(), 0);
}

// --env, --env-file and --env-pass reach the handler as its env argument
// and as process.env; nothing else of kite's own environment does.
TEST_P(ServerTest, EnvironmentReachesTheHandler) {
  ::setenv("KITE_TEST_PASS", "passed", 1);
  std::string dir = std::string(KITE_HANDLERS);
  Server s(GetParam(), dir + "/env.mjs",
           {"-q", "--env-file", dir + "/test.env", "--env", "A=1", "--env-pass", "KITE_TEST_PASS",
            "--env-pass", "KITE_TEST_UNSET"});
  ASSERT_GT(s.port(), 0) << s.error_log();
  Response r = get(s.port(), "/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body,
            "{\"a\":\"1\",\"atLoad\":\"1\",\"same\":true,\"file\":\"from the file\","
            "\"quoted\":\"two\\nlines\",\"passed\":\"passed\",\"home\":null,\"keys\":4}");

  Server script(GetParam(), dir + "/env_script.js",
                {"-q", "--env", "GREETING=Hello", "--env", "NAME=kite"});
  ASSERT_GT(script.port(), 0) << script.error_log();
  EXPECT_EQ(get(script.port(), "/").body, "Hello, kite");
}

// req.headers: names lower-cased (common ones through the pre-interned
// table, others interned), repeated fields joined with ", ".
TEST_P(ServerTest, HeadersAreLowerCasedAndJoined) {
  Server s(GetParam(), std::string(KITE_HANDLERS) + "/headers.js", {"-q"});
  ASSERT_GT(s.port(), 0) << s.error_log();
  Response r = round_trip(s.port(),
                          "GET / HTTP/1.1\r\nHOST: t\r\nAccept: a\r\nX-Custom: 1\r\n"
                          "accept: b\r\nx-custom: 2\r\nUser-Agent: u\r\nX-Empty:\r\n\r\n");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body,
            "{\"host\":\"t\",\"accept\":\"a, b\",\"x-custom\":\"1, 2\",\"user-agent\":\"u\","
            "\"x-empty\":\"\"}");
}

TEST_P(ServerTest, ExampleEndpoints) {
  Server s(GetParam(), example(), {"-q"});
  ASSERT_GT(s.port(), 0) << s.error_log();
  Response r = get(s.port(), "/api/noop");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "{\"ok\":true}");
  EXPECT_EQ(r.header("content-type"), "application/json");
  EXPECT_FALSE(r.header("date").empty());

  r = get(s.port(), "/api/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "{\"status\":\"ok\",\"runtime\":\"kite\",\"timestamp\":0}");

  r = get(s.port(), "/api/greet/kite");
  EXPECT_EQ(r.body, "{\"greeting\":\"Hello, kite!\"}");

  r = round_trip(s.port(),
                 "POST /api/echo?a=1&b=x%20y&c=1+2 HTTP/1.1\r\nHost: t\r\nX-One: 1\r\n"
                 "Content-Length: 5\r\n\r\nhello");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body,
            "{\"method\":\"POST\",\"path\":\"/api/echo\",\"query\":{\"a\":\"1\",\"b\":\"x y\","
            "\"c\":\"1 2\"},\"headers\":3,\"body\":\"hello\"}");

  r = get(s.port(), "/api/compute");
  EXPECT_EQ(r.body, "{\"result\":832040}");

  r = get(s.port(), "/nope");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, "{\"error\":\"Not Found\",\"path\":\"/nope\"}");
}

// The module forms of a handler (Workers, Bun, Deno): `export default {
// fetch }` with `this` the exported object, and `export default function`.
TEST_P(ServerTest, ModuleHandlers) {
  Server s(GetParam(), std::string(KITE_HANDLERS) + "/module_fetch.mjs", {"-q"});
  ASSERT_GT(s.port(), 0) << s.error_log();
  Response r = get(s.port(), "/kite");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "{\"greeting\":\"Hello, kite!\"}");
  r = get(s.port(), "/this");
  EXPECT_EQ(r.body, "{\"prefix\":\"Hello\",\"started\":true}");

  Server f(GetParam(), std::string(KITE_HANDLERS) + "/module_function.js", {"-q"});
  ASSERT_GT(f.port(), 0) << f.error_log();
  r = get(f.port(), "/x");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "fn /x");
}

TEST_P(ServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  Server s(GetParam(), example(), {"-q"});
  ASSERT_GT(s.port(), 0);
  int fd = connect_to(s.port());
  std::string pending;
  for (int i = 0; i < 20; ++i) {
    send_all(fd, "GET /api/greet/" + std::to_string(i) + " HTTP/1.1\r\nHost: t\r\n\r\n");
    Response r;
    ASSERT_TRUE(read_response(fd, pending, &r)) << i;
    EXPECT_EQ(r.body, "{\"greeting\":\"Hello, " + std::to_string(i) + "!\"}");
  }
  ::close(fd);
}

// The same with the worker going to sleep between requests at once, and with
// a long busy poll: the wait either way must not lose a completion.
TEST_P(ServerTest, KeepAliveWithAndWithoutBusyPoll) {
  for (const char* poll : {"0", "20ms"}) {
    Server s(GetParam(), example(), {"-q", "--busy-poll", poll});
    ASSERT_GT(s.port(), 0) << poll;
    int fd = connect_to(s.port());
    std::string pending;
    for (int i = 0; i < 20; ++i) {
      if (i % 5 == 0) ::usleep(30'000);  // past a 20 ms poll: the worker sleeps
      send_all(fd, "GET /api/greet/" + std::to_string(i) + " HTTP/1.1\r\nHost: t\r\n\r\n");
      Response r;
      ASSERT_TRUE(read_response(fd, pending, &r)) << poll << " " << i;
      EXPECT_EQ(r.body, "{\"greeting\":\"Hello, " + std::to_string(i) + "!\"}");
    }
    ::close(fd);
  }
}

TEST_P(ServerTest, HundredPipelinedRequestsInOneWriteAnswerInOrder) {
  Server s(GetParam(), example(), {"-q"});
  ASSERT_GT(s.port(), 0);
  std::string batch;
  for (int i = 0; i < 100; ++i) {
    batch += "GET /api/greet/" + std::to_string(i) + " HTTP/1.1\r\nHost: t\r\n\r\n";
  }
  int fd = connect_to(s.port());
  send_all(fd, batch);
  std::string pending;
  for (int i = 0; i < 100; ++i) {
    Response r;
    ASSERT_TRUE(read_response(fd, pending, &r)) << i;
    ASSERT_EQ(r.body, "{\"greeting\":\"Hello, " + std::to_string(i) + "!\"}");
  }
  ::close(fd);
}

TEST_P(ServerTest, ConnectionCloseAndHttp10) {
  Server s(GetParam(), example(), {"-q"});
  ASSERT_GT(s.port(), 0);
  int fd = connect_to(s.port());
  send_all(fd, "GET /api/noop HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  std::string pending;
  Response r;
  ASSERT_TRUE(read_response(fd, pending, &r));
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(closed_by_peer(fd));
  ::close(fd);

  fd = connect_to(s.port());
  send_all(fd, "GET /api/noop HTTP/1.0\r\n\r\n");
  pending.clear();
  ASSERT_TRUE(read_response(fd, pending, &r));
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(closed_by_peer(fd));
  ::close(fd);

  fd = connect_to(s.port());
  pending.clear();
  for (int i = 0; i < 2; ++i) {
    send_all(fd, "GET /api/noop HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    ASSERT_TRUE(read_response(fd, pending, &r)) << i;
    EXPECT_EQ(r.status, 200);
  }
  ::close(fd);
}

TEST_P(ServerTest, HeadHasLengthButNoBody) {
  Server s(GetParam(), example(), {"-q"});
  ASSERT_GT(s.port(), 0);
  int fd = connect_to(s.port());
  send_all(fd,
           "HEAD /api/health HTTP/1.1\r\nHost: t\r\n\r\nGET /api/noop HTTP/1.1\r\nHost: t\r\n\r\n");
  std::string pending;
  Response r;
  ASSERT_TRUE(read_response(fd, pending, &r, true));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-length"), "46");
  // The next bytes are the next response, not a body.
  ASSERT_TRUE(read_response(fd, pending, &r));
  EXPECT_EQ(r.body, "{\"ok\":true}");
  ::close(fd);
}

TEST_P(ServerTest, ChunkedBodyAndExpectContinue) {
  Server s(GetParam(), example(), {"-q"});
  ASSERT_GT(s.port(), 0);
  Response r = round_trip(s.port(),
                          "POST /api/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("\"body\":\"abcde\""), std::string::npos) << r.body;

  int fd = connect_to(s.port());
  send_all(
      fd,
      "POST /api/echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
  std::string pending;
  Response cont;
  ASSERT_TRUE(read_response(fd, pending, &cont));
  EXPECT_EQ(cont.status, 100);
  send_all(fd, "data");
  ASSERT_TRUE(read_response(fd, pending, &r));
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("\"body\":\"data\""), std::string::npos) << r.body;
  ::close(fd);
}

struct Rejection {
  const char* name;
  const char* request;
  int status;
};

TEST_P(ServerTest, RejectionsCloseTheConnectionAndTheServerGoesOn) {
  Server s(GetParam(), example(), {"-q", "--max-header", "1k", "--max-body", "64"});
  ASSERT_GT(s.port(), 0);
  const std::string big_header = "X-Big: " + std::string(2000, 'a') + "\r\n";
  const Rejection cases[] = {
      {"malformed request line", "GET\r\n\r\n", 400},
      {"bad header", "GET / HTTP/1.1\r\nHost: t\r\nNo colon here\r\n\r\n", 400},
      {"space before colon", "GET / HTTP/1.1\r\nHost : t\r\n\r\n", 400},
      {"missing host", "GET / HTTP/1.1\r\n\r\n", 400},
      {"CL and TE",
       "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
       400},
      {"invalid CL", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3x\r\n\r\n", 400},
      {"differing CLs",
       "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400},
      {"TE not ending in chunked",
       "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400},
      {"body over limit", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n", 413},
      {"version", "GET / HTTP/2.0\r\nHost: t\r\n\r\n", 505},
  };
  for (const Rejection& c : cases) {
    int fd = connect_to(s.port());
    send_all(fd, c.request);
    std::string pending;
    Response r;
    ASSERT_TRUE(read_response(fd, pending, &r)) << c.name;
    EXPECT_EQ(r.status, c.status) << c.name;
    EXPECT_TRUE(closed_by_peer(fd)) << c.name;
    ::close(fd);
    EXPECT_EQ(get(s.port(), "/api/noop").status, 200) << "after " << c.name;
  }
  Response r = round_trip(s.port(), "GET / HTTP/1.1\r\nHost: t\r\n" + big_header + "\r\n");
  EXPECT_EQ(r.status, 431);
  EXPECT_EQ(get(s.port(), "/api/noop").status, 200);
}

TEST_P(ServerTest, SlowRequestGets408) {
  Server s(GetParam(), example(), {"-q", "--read-timeout", "300ms"});
  ASSERT_GT(s.port(), 0);
  int fd = connect_to(s.port());
  send_all(fd, "GET /api/noop HTTP/1.1\r\nHost: t\r\n");  // never finished
  std::string pending;
  Response r;
  ASSERT_TRUE(read_response(fd, pending, &r));
  EXPECT_EQ(r.status, 408);
  EXPECT_TRUE(closed_by_peer(fd));
  ::close(fd);
  EXPECT_EQ(get(s.port(), "/api/noop").status, 200);
}

TEST_P(ServerTest, IdleKeepAliveConnectionIsClosed) {
  Server s(GetParam(), example(), {"-q", "--idle-timeout", "300ms"});
  ASSERT_GT(s.port(), 0);
  int fd = connect_to(s.port());
  send_all(fd, "GET /api/noop HTTP/1.1\r\nHost: t\r\n\r\n");
  std::string pending;
  Response r;
  ASSERT_TRUE(read_response(fd, pending, &r));
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(closed_by_peer(fd));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 4s);
  ::close(fd);
}

TEST_P(ServerTest, HandlerFaultsAreAnsweredAndTheWorkerGoesOn) {
  Server s(GetParam(), faults(), {"--handler-timeout", "300ms", "-m", "4m"});
  ASSERT_GT(s.port(), 0) << s.error_log();
  Response r = get(s.port(), "/throw");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.header("content-type"), "application/json");
  EXPECT_EQ(r.body.find("on purpose"), std::string::npos) << "details must not be sent";
  EXPECT_EQ(get(s.port(), "/ok").body, "ok");

  EXPECT_EQ(get(s.port(), "/not-response").status, 500);
  EXPECT_EQ(get(s.port(), "/ok").status, 200);

  EXPECT_EQ(get(s.port(), "/loop").status, 504);
  EXPECT_EQ(get(s.port(), "/ok").status, 200);
  EXPECT_EQ(get(s.port(), "/catch-loop").status, 504);
  EXPECT_EQ(get(s.port(), "/ok").status, 200);
  EXPECT_EQ(get(s.port(), "/regex-catastrophic").status, 504);
  EXPECT_EQ(get(s.port(), "/microtask-loop").status, 504);
  EXPECT_EQ(get(s.port(), "/ok").status, 200);
  EXPECT_EQ(get(s.port(), "/promise").body, "{\"via\":\"/promise\"}");
  EXPECT_EQ(get(s.port(), "/promise-rejects").status, 500);
  EXPECT_EQ(get(s.port(), "/promise-pending").status, 500);
  r = get(s.port(), "/microtask-throws");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "sent anyway");
  EXPECT_EQ(get(s.port(), "/ok").status, 200);
  EXPECT_EQ(get(s.port(), "/regex-route?p=/users/42").body, "{\"id\":42}");

  EXPECT_EQ(get(s.port(), "/oom").status, 500);
  EXPECT_EQ(get(s.port(), "/oom").status, 500);
  EXPECT_EQ(get(s.port(), "/ok").status, 200);

  EXPECT_EQ(get(s.port(), "/bad-header").status, 500);
  r = get(s.port(), "/headers");
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.header("x-kite"), "yes");
  EXPECT_EQ(r.header("content-type"), "text/x-test");
  EXPECT_EQ(get(s.port(), "/html").header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(get(s.port(), "/unicode").body, "h\xC3\xA9llo \xE2\x9C\x93");

  std::this_thread::sleep_for(200ms);  // the access log is flushed per loop turn
  std::string log = s.error_log();
  EXPECT_NE(log.find("handler threw"), std::string::npos) << log;
  EXPECT_NE(log.find("TypeError: handler failed on purpose"), std::string::npos) << log;
  EXPECT_NE(log.find("not a Response"), std::string::npos) << log;
  EXPECT_NE(log.find("time limit"), std::string::npos) << log;
  EXPECT_NE(log.find("GET /ok 200"), std::string::npos) << log;
}

TEST_P(ServerTest, SigtermDrainsInFlightRequestAndExitsZero) {
  Server s(GetParam(), faults(), {"-q", "--grace", "3s"});
  ASSERT_GT(s.port(), 0);
  int fd = connect_to(s.port());
  send_all(fd, "GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
  std::this_thread::sleep_for(100ms);  // the handler is running now
  int idle = connect_to(s.port());     // an idle keep-alive connection
  auto t0 = std::chrono::steady_clock::now();
  int code = -2;
  std::thread stopper([&] { code = s.terminate(); });
  std::string pending;
  Response r;
  ASSERT_TRUE(read_response(fd, pending, &r));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "{\"slow\":true,\"spins\":true}");
  stopper.join();
  EXPECT_EQ(code, 0);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 3s);
  EXPECT_TRUE(closed_by_peer(idle));
  ::close(fd);
  ::close(idle);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServerTest, ::testing::Values("uring", "epoll"),
                         [](const auto& info) { return info.param; });

// ---- startup failures (backend-independent) ----

int run_kite(const std::vector<std::string>& args, std::string* err) {
  std::string path = "/tmp/kite-start-" + std::to_string(::getpid()) + ".log";
  pid_t pid = ::fork();
  if (pid == 0) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 2);
    ::dup2(fd, 1);
    std::vector<std::string> a = {KITE_BIN};
    a.insert(a.end(), args.begin(), args.end());
    std::vector<char*> argv;
    argv.reserve(a.size() + 1);
    for (auto& x : a) argv.push_back(x.data());
    argv.push_back(nullptr);
    ::alarm(10);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  int fd = ::open(path.c_str(), O_RDONLY);
  char buf[4096];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) err->append(buf, static_cast<std::size_t>(n));
  ::close(fd);
  ::unlink(path.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

TEST(ServerStartup, SyntaxErrorIsReportedWithLocation) {
  std::string err;
  std::string file = std::string(KITE_HANDLERS) + "/syntax_error.js";
  EXPECT_EQ(run_kite({"serve", "--port", "0", file}, &err), 1);
  EXPECT_NE(err.find("syntax_error.js:3:1: SyntaxError"), std::string::npos) << err;
}

TEST(ServerStartup, MissingHandlerFunctionIsReported) {
  std::string err;
  EXPECT_EQ(run_kite({"serve", "--port", "0", std::string(KITE_HANDLERS) + "/no_handler.js"}, &err),
            1);
  EXPECT_NE(err.find("defines no handler"), std::string::npos) << err;
}

TEST(ServerStartup, ModuleHandlerErrorsAreReported) {
  std::string err;
  std::string dir = std::string(KITE_HANDLERS);
  EXPECT_EQ(run_kite({"serve", "--port", "0", dir + "/module_no_default.mjs"}, &err), 1);
  EXPECT_NE(err.find("defines no handler"), std::string::npos) << err;
  err.clear();
  EXPECT_EQ(run_kite({"serve", "--port", "0", dir + "/module_bad_import.mjs"}, &err), 1);
  EXPECT_NE(err.find("does not provide an export named 'missing'"), std::string::npos) << err;
}

TEST(ServerStartup, MissingFileAndBadFlags) {
  std::string err;
  EXPECT_EQ(run_kite({"serve", "/nonexistent/handler.js"}, &err), 2);
  EXPECT_NE(err.find("cannot read"), std::string::npos) << err;
  err.clear();
  EXPECT_EQ(run_kite({"serve", "--port", "99999", "x.js"}, &err), 2);
  EXPECT_NE(err.find("invalid port"), std::string::npos) << err;
  err.clear();
  EXPECT_EQ(run_kite({"serve", "--bogus", "x.js"}, &err), 2);
  EXPECT_NE(err.find("unknown option"), std::string::npos) << err;
  err.clear();
  EXPECT_EQ(run_kite({"serve", "--read-timeout", "soon", "x.js"}, &err), 2);
  EXPECT_EQ(run_kite({"serve", "--busy-poll", "2s", "x.js"}, &err), 2);
  EXPECT_EQ(run_kite({"serve", "--busy-poll", "5xs", "x.js"}, &err), 2);
  EXPECT_NE(err.find("invalid duration"), std::string::npos) << err;
}

TEST(ServerStartup, BadEnvFlagsAreReported) {
  std::string bad = "/tmp/kite-bad-" + std::to_string(::getpid()) + ".env";
  int fd = ::open(bad.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::string text = "# ok\nGOOD=1\n\nthis line is wrong\n";
  ASSERT_EQ(::write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  ::close(fd);
  std::string err;
  std::string handler = std::string(KITE_EXAMPLES) + "/handler.js";
  EXPECT_EQ(run_kite({"serve", "--env-file", bad, handler}, &err), 2);
  EXPECT_NE(err.find(bad + ":4: expected KEY=VALUE"), std::string::npos) << err;
  ::unlink(bad.c_str());
  err.clear();
  EXPECT_EQ(run_kite({"serve", "--env-file", "/nonexistent.env", handler}, &err), 2);
  EXPECT_NE(err.find("cannot read env file"), std::string::npos) << err;
  err.clear();
  EXPECT_EQ(run_kite({"serve", "--env", "NOEQUALS", handler}, &err), 2);
  EXPECT_NE(err.find("invalid variable"), std::string::npos) << err;
  err.clear();
  EXPECT_EQ(run_kite({"serve", "--max-connections", "0", handler}, &err), 2);
  EXPECT_NE(err.find("invalid connection count"), std::string::npos) << err;
}

TEST(ServerStartup, PortInUseIsReported) {
  Server first("epoll", std::string(KITE_EXAMPLES) + "/handler.js", {"-q"});
  ASSERT_GT(first.port(), 0);
  std::string err;
  EXPECT_EQ(run_kite({"serve", "--port", std::to_string(first.port()),
                      std::string(KITE_EXAMPLES) + "/handler.js"},
                     &err),
            1);
  EXPECT_NE(err.find("address already in use"), std::string::npos) << err;
}

}  // namespace
