// kite-floor: the cheapest HTTP server this harness can think of, to show
// where the load generator stops. One thread, epoll, a fixed response per
// path (the bodies nginx's peer sends), and a loop that never sleeps
// (epoll_wait with no timeout), so a client never pays to wake it. Against
// it the generator's own core is the limit: a server measuring close to the
// floor is bounded by the generator, not by itself (docs/harness.md).
//
//   kite-floor PORT [--sleep]
//
// Serves GET and HEAD without bodies on 127.0.0.1:PORT: /api/noop,
// /api/health, anything else 404; keep-alive, pipelining. Not a server for
// anything else: it reads no request body and checks nothing but the head.
#include <arpa/inet.h>
#include <fmt/core.h>
#include <kite/http/writer.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <charconv>
#include <cstring>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr std::string_view kNoop = R"({"ok":true})";
constexpr std::string_view kHealth = R"({"status":"ok","runtime":"kite","timestamp":0})";
constexpr std::string_view kNotFound = R"({"error":"Not Found"})";
constexpr std::size_t kMaxHead = std::size_t{16} * 1024;

// Every response there is, built again when the Date line (Kite's own
// DateCache) changes, once a second, so answering a request copies one
// string and allocates nothing.
struct Responses {
  enum Route { kNoopRoute, kHealthRoute, kNotFoundRoute, kRoutes };
  std::string full[kRoutes];
  std::string head_only[kRoutes];  // the same without the body, for HEAD
  kite::http::DateCache date;
  std::uint64_t built_at = ~std::uint64_t{0};  // date.refreshes() when built

  void refresh(std::time_t now) {
    const std::string_view date_line = date.line(now);
    if (date.refreshes() == built_at) return;
    built_at = date.refreshes();
    const std::string_view bodies[kRoutes] = {kNoop, kHealth, kNotFound};
    for (int r = 0; r < kRoutes; ++r) {
      head_only[r] = fmt::format(
          "HTTP/1.1 {}\r\n{}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
          r == kNotFoundRoute ? "404 Not Found" : "200 OK", date_line, bodies[r].size());
      full[r] = head_only[r] + std::string(bodies[r]);
    }
  }

  // The response to one request head.
  const std::string& to(std::string_view head) const {
    const std::size_t first_space = head.find(' ');
    const std::size_t second_space =
        first_space == std::string_view::npos ? first_space : head.find(' ', first_space + 1);
    const std::string_view target =
        second_space == std::string_view::npos
            ? std::string_view()
            : head.substr(first_space + 1, second_space - first_space - 1);
    const Route r = target == "/api/noop"     ? kNoopRoute
                    : target == "/api/health" ? kHealthRoute
                                              : kNotFoundRoute;
    return head.starts_with("HEAD ") ? head_only[r] : full[r];
  }
};

struct Connection {
  std::string in;  // bytes of an unfinished request head
};

}  // namespace

int main(int argc, char** argv) {
  int port = -1;
  bool sleep = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--sleep") {
      sleep = true;
      continue;
    }
    auto [p, ec] = std::from_chars(a.data(), a.data() + a.size(), port);
    if (ec != std::errc() || p != a.data() + a.size() || port < 0 || port > 65535) port = -1;
  }
  if (port < 0) {
    fmt::print(stderr, "usage: kite-floor PORT [--sleep]\n");
    return 2;
  }
  const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  int one = 1;
  ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listener, 1024) != 0) {
    fmt::print(stderr, "kite-floor: cannot listen on 127.0.0.1:{}: {}\n", port,
               std::strerror(errno));
    return 1;
  }
  const int ep = ::epoll_create1(EPOLL_CLOEXEC);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = listener;
  ::epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev);
  fmt::print(stderr, "kite-floor: listening on http://127.0.0.1:{}\n", port);

  std::vector<Connection> conns;
  std::vector<epoll_event> ready(256);
  std::vector<char> buf(std::size_t{64} * 1024);
  Responses responses;
  std::string out;  // the responses to one read, when it held more than one request
  auto close_conn = [&](int fd) {
    ::close(fd);
    conns[static_cast<std::size_t>(fd)] = Connection{};
  };
  while (true) {
    const int n = ::epoll_wait(ep, ready.data(), static_cast<int>(ready.size()), sleep ? -1 : 0);
    if (n <= 0) continue;
    responses.refresh(std::time(nullptr));
    for (int i = 0; i < n; ++i) {
      const int fd = ready[static_cast<std::size_t>(i)].data.fd;
      if (fd == listener) {
        int c;
        while ((c = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
          ::setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
          if (conns.size() <= static_cast<std::size_t>(c)) conns.resize(c + 1);
          epoll_event cev{};
          cev.events = EPOLLIN;
          cev.data.fd = c;
          ::epoll_ctl(ep, EPOLL_CTL_ADD, c, &cev);
        }
        continue;
      }
      Connection& conn = conns[static_cast<std::size_t>(fd)];
      const ssize_t got = ::read(fd, buf.data(), buf.size());
      if (got <= 0) {
        if (got < 0 && errno == EAGAIN) continue;
        close_conn(fd);
        continue;
      }
      // The common case, one whole request per read, is answered straight
      // from the read buffer; bytes of an unfinished head wait in conn.in.
      if (!conn.in.empty()) conn.in.append(buf.data(), static_cast<std::size_t>(got));
      const std::string_view data =
          conn.in.empty() ? std::string_view(buf.data(), static_cast<std::size_t>(got))
                          : std::string_view(conn.in);
      std::size_t start = 0;
      const std::string* single = nullptr;
      out.clear();
      for (std::size_t end; (end = data.find("\r\n\r\n", start)) != std::string_view::npos;
           start = end + 4) {
        const std::string& r = responses.to(data.substr(start, end - start));
        if (single == nullptr && out.empty()) {
          single = &r;
        } else {
          if (single != nullptr) out += *single;
          single = nullptr;
          out += r;
        }
      }
      const std::string_view rest = data.substr(start);
      if (rest.size() > kMaxHead) {
        close_conn(fd);
        continue;
      }
      if (conn.in.empty()) {
        conn.in.assign(rest);
      } else {
        conn.in.erase(0, start);
      }
      // Loopback sockets take a few small responses at once; a client that
      // does not read them is dropped rather than buffered for.
      const std::string_view reply = single != nullptr ? std::string_view(*single) : out;
      std::size_t sent = 0;
      while (sent < reply.size()) {
        const ssize_t w = ::write(fd, reply.data() + sent, reply.size() - sent);
        if (w <= 0) break;
        sent += static_cast<std::size_t>(w);
      }
      if (sent < reply.size()) close_conn(fd);
    }
  }
}
