// A tiny HTTP/1.1 server for kite-load's integration tests: one epoll
// thread on 127.0.0.1 and an ephemeral port, keep-alive and pipelining,
// counting every complete request it receives. Test-only; not a model for
// the runtime's server.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>

namespace kite::load::testing {

class TestHttpServer {
 public:
  struct Config {
    int status = 200;      // of every response
    int close_every = 0;   // answer every Nth request with Connection: close, then close; 0: never
    bool chunked = false;  // chunked bodies instead of Content-Length
    // Before answering request number `stall_at` (1-based; 0: never), the
    // whole server stops for `stall_ms`.
    int stall_at = 0;
    int stall_ms = 0;
  };

  // Listens before returning; throws std::system_error when it cannot.
  explicit TestHttpServer(Config config);
  // Stops the thread and closes every socket.
  ~TestHttpServer();
  TestHttpServer(const TestHttpServer&) = delete;
  TestHttpServer& operator=(const TestHttpServer&) = delete;

  int port() const { return port_; }
  std::uint64_t requests() const { return requests_.load(); }
  // Waits until no client connection is open; false after `timeout`.
  bool wait_until_idle(std::chrono::milliseconds timeout) const;

 private:
  void loop();

  Config config_;
  int listen_fd_ = -1;
  int stop_fd_ = -1;
  int port_ = 0;
  std::atomic<std::uint64_t> requests_{0};
  std::atomic<int> open_connections_{0};
  std::thread thread_;
};

}  // namespace kite::load::testing
