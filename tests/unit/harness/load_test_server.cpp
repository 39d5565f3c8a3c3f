// The integration tests' HTTP server (load_test_server.h).
#include "load_test_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <map>
#include <string>
#include <system_error>

namespace kite::load::testing {

namespace {

struct Client {
  std::string in;
  std::string out;
  bool close_after_write = false;
};

std::string reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 404:
      return "Not Found";
    case 500:
      return "Internal Server Error";
    default:
      return "Status";
  }
}

// The length of the first complete request in `in` (headers plus a
// Content-Length body), or 0 when it is not complete yet.
std::size_t complete_request(const std::string& in) {
  const auto end = in.find("\r\n\r\n");
  if (end == std::string::npos) return 0;
  std::size_t body = 0;
  std::string headers = in.substr(0, end);
  for (char& c : headers) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (const auto at = headers.find("\r\ncontent-length:"); at != std::string::npos) {
    body = std::strtoul(headers.c_str() + at + 17, nullptr, 10);
  }
  const std::size_t total = end + 4 + body;
  return in.size() >= total ? total : 0;
}

void throw_errno(const char* what) {
  throw std::system_error(errno, std::generic_category(), what);
}

}  // namespace

TestHttpServer::TestHttpServer(Config config) : config_(config) {
  listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) throw_errno("socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    throw_errno("bind");
  }
  if (listen(listen_fd_, 128) != 0) throw_errno("listen");
  socklen_t length = sizeof address;
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  stop_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (stop_fd_ < 0) throw_errno("eventfd");
  thread_ = std::thread([this] { loop(); });
}

TestHttpServer::~TestHttpServer() {
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t written = write(stop_fd_, &one, sizeof one);
  thread_.join();
  close(stop_fd_);
  close(listen_fd_);
}

bool TestHttpServer::wait_until_idle(std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (open_connections_.load() > 0) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

void TestHttpServer::loop() {
  const int epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  epoll_event event{};
  event.events = EPOLLIN;
  event.data.fd = listen_fd_;
  epoll_ctl(epoll_fd, EPOLL_CTL_ADD, listen_fd_, &event);
  event.data.fd = stop_fd_;
  epoll_ctl(epoll_fd, EPOLL_CTL_ADD, stop_fd_, &event);
  std::map<int, Client> clients;
  std::uint64_t answered = 0;

  auto drop = [&](int fd) {
    close(fd);
    clients.erase(fd);
    --open_connections_;
  };
  // Writes what is queued; false when the client is gone.
  auto flush = [&](int fd, Client& client) {
    while (!client.out.empty()) {
      const ssize_t n = send(fd, client.out.data(), client.out.size(), MSG_NOSIGNAL);
      if (n > 0) {
        client.out.erase(0, static_cast<std::size_t>(n));
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        epoll_event want{};
        want.events = EPOLLIN | EPOLLOUT;
        want.data.fd = fd;
        epoll_ctl(epoll_fd, EPOLL_CTL_MOD, fd, &want);
        return true;
      } else {
        return false;
      }
    }
    epoll_event want{};
    want.events = EPOLLIN;
    want.data.fd = fd;
    epoll_ctl(epoll_fd, EPOLL_CTL_MOD, fd, &want);
    return !client.close_after_write;
  };

  bool running = true;
  char buffer[16384];
  while (running) {
    epoll_event events[64];
    const int ready = epoll_wait(epoll_fd, events, 64, 100);
    for (int i = 0; i < ready; ++i) {
      const int fd = events[i].data.fd;
      if (fd == stop_fd_) {
        running = false;
        break;
      }
      if (fd == listen_fd_) {
        while (true) {
          const int client_fd = accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
          if (client_fd < 0) break;
          ++open_connections_;
          clients[client_fd];
          epoll_event want{};
          want.events = EPOLLIN;
          want.data.fd = client_fd;
          epoll_ctl(epoll_fd, EPOLL_CTL_ADD, client_fd, &want);
        }
        continue;
      }
      auto it = clients.find(fd);
      if (it == clients.end()) continue;
      Client& client = it->second;
      if (events[i].events & EPOLLOUT) {
        if (!flush(fd, client)) {
          drop(fd);
          continue;
        }
      }
      if (!(events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))) continue;
      const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) continue;
      if (n <= 0) {
        drop(fd);
        continue;
      }
      if (client.close_after_write) continue;  // bytes after our "close": ignored
      client.in.append(buffer, static_cast<std::size_t>(n));
      while (const std::size_t length = complete_request(client.in)) {
        client.in.erase(0, length);
        ++requests_;
        ++answered;
        if (config_.stall_at > 0 && answered == static_cast<std::uint64_t>(config_.stall_at)) {
          std::this_thread::sleep_for(std::chrono::milliseconds(config_.stall_ms));
        }
        const bool close_now = config_.close_every > 0 && answered % config_.close_every == 0;
        std::string response =
            "HTTP/1.1 " + std::to_string(config_.status) + " " + reason(config_.status) + "\r\n";
        if (close_now) response += "Connection: close\r\n";
        response += config_.chunked ? "Transfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"
                                    : "Content-Length: 2\r\n\r\nok";
        client.out += response;
        if (close_now) {
          client.close_after_write = true;
          break;
        }
      }
      if (!flush(fd, client)) drop(fd);
    }
  }
  for (auto& [fd, client] : clients) close(fd);
  open_connections_ = 0;
  close(epoll_fd);
}

}  // namespace kite::load::testing
