// The epoll event loop: the portable backend, used where io_uring cannot be
// set up (or with --backend epoll). Level-triggered; one read per wake-up
// unless the read filled the buffer.
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <memory>
#include <vector>

#include "server/connection.h"
#include "server/event_loop.h"
#include "server/worker.h"

namespace kite::server {

namespace {

constexpr std::size_t kReadBuffer = std::size_t{64} * 1024;
constexpr std::int64_t kTickNs = 100'000'000;  // timer checks every 100 ms
// Stop reading from a client that does not read its responses.
constexpr std::size_t kMaxPendingOut = std::size_t{4} * 1024 * 1024;

class EpollLoop final : public EventLoop {
 public:
  explicit EpollLoop(Worker& w) : w_(w) {}
  ~EpollLoop() override {
    for (std::size_t fd = 0; fd < conns_.size(); ++fd) {
      if (conns_[fd] && open_[fd]) ::close(static_cast<int>(fd));
    }
    if (ep_ >= 0) ::close(ep_);
  }

  bool start() {
    ep_ = ::epoll_create1(EPOLL_CLOEXEC);
    if (ep_ < 0) return false;
    watch(w_.listen_fd, EPOLLIN, EPOLL_CTL_ADD);
    watch(w_.wake_fd, EPOLLIN, EPOLL_CTL_ADD);
    return true;
  }

  void run() override {
    std::vector<char> buf(kReadBuffer);
    epoll_event events[256];
    std::int64_t next_tick = now_ns() + kTickNs;
    while (true) {
      // Busy-polls first (ServerOptions::busy_poll), then sleeps.
      int n = 0;
      if (!busy_poll(w_.options->busy_poll, [&] {
            n = ::epoll_wait(ep_, events, 256, 0);
            return n != 0;
          })) {
        n = ::epoll_wait(ep_, events, 256, 100);
      }
      std::int64_t now = now_ns();
      for (int i = 0; i < n; ++i) {
        int fd = events[i].data.fd;
        std::uint32_t ev = events[i].events;
        if (fd == w_.listen_fd) {
          accept_all(now);
        } else if (fd == w_.wake_fd) {
          start_drain(now);
        } else {
          on_socket(fd, ev, buf, now);
        }
      }
      if (now >= next_tick) {
        next_tick = now + kTickNs;
        if (accept_paused_ && now >= resume_accept_at_) resume_accept();
        for (std::size_t fd = 0; fd < conns_.size(); ++fd) {
          if (!open_[fd]) continue;
          if (conns_[fd]->on_tick(now, draining_)) {
            close_conn(static_cast<int>(fd));
          } else {
            flush(static_cast<int>(fd));
          }
        }
      }
      w_.flush_log();
      if (draining_ && (open_count_ == 0 || now > drain_deadline_)) break;
    }
  }

 private:
  void watch(int fd, std::uint32_t events, int op) {
    epoll_event e{};
    e.events = events;
    e.data.fd = fd;
    ::epoll_ctl(ep_, op, fd, &e);
  }

  void accept_all(std::int64_t now) {
    while (!draining_ && !accept_paused_) {
      int fd = ::accept4(w_.listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
          pause_accept(now);
        }
        return;  // EAGAIN, or a transient error: retry on the next event
      }
      if (open_count_ >= w_.max_connections) {
        w_.shed_connection(fd);
        continue;
      }
      int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      auto ufd = static_cast<std::size_t>(fd);
      if (ufd >= conns_.size()) {
        conns_.resize(ufd + 1);
        open_.resize(ufd + 1, false);
        events_.resize(ufd + 1, 0);
      }
      if (!conns_[ufd]) conns_[ufd] = std::make_unique<Connection>(w_);
      conns_[ufd]->open(now);
      open_[ufd] = true;
      events_[ufd] = EPOLLIN | EPOLLRDHUP;
      ++open_count_;
      watch(fd, EPOLLIN | EPOLLRDHUP, EPOLL_CTL_ADD);
    }
  }

  // Out of file descriptors (or memory): the listener would stay readable
  // and every accept fail again, so it leaves the epoll set. Pending
  // connections wait in the listen backlog until a connection of ours
  // closes or the pause ends.
  void pause_accept(std::int64_t now) {
    accept_paused_ = true;
    resume_accept_at_ = now + Worker::kAcceptPauseNs;
    ::epoll_ctl(ep_, EPOLL_CTL_DEL, w_.listen_fd, nullptr);
  }

  void resume_accept() {
    accept_paused_ = false;
    if (!draining_) watch(w_.listen_fd, EPOLLIN, EPOLL_CTL_ADD);
  }

  void start_drain(std::int64_t now) {
    std::uint64_t v;
    (void)!::read(w_.wake_fd, &v, sizeof v);
    if (draining_) return;
    draining_ = true;
    drain_deadline_ =
        now + std::chrono::duration_cast<std::chrono::nanoseconds>(w_.options->grace).count();
    ::epoll_ctl(ep_, EPOLL_CTL_DEL, w_.listen_fd, nullptr);
    ::close(w_.listen_fd);  // stop accepting: new connections are refused
    w_.listen_fd = -1;
    ::epoll_ctl(ep_, EPOLL_CTL_DEL, w_.wake_fd, nullptr);
  }

  void on_socket(int fd, std::uint32_t ev, std::vector<char>& buf, std::int64_t now) {
    auto ufd = static_cast<std::size_t>(fd);
    if (ufd >= conns_.size() || !open_[ufd]) return;
    Connection& c = *conns_[ufd];
    if ((ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) != 0 &&
        c.out().size() < kMaxPendingOut) {
      while (true) {
        ssize_t r = ::recv(fd, buf.data(), buf.size(), 0);
        if (r > 0) {
          c.on_data(buf.data(), static_cast<std::size_t>(r), now);
          if (static_cast<std::size_t>(r) < buf.size()) break;
          continue;
        }
        if (r == 0) {
          c.on_eof();
        } else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
          close_conn(fd);
          return;
        }
        break;
      }
    } else if ((ev & (EPOLLHUP | EPOLLERR)) != 0) {
      close_conn(fd);
      return;
    }
    flush(fd);
  }

  // Sends what is pending; closes when the last response is out and the
  // connection is done.
  void flush(int fd) {
    auto ufd = static_cast<std::size_t>(fd);
    Connection& c = *conns_[ufd];
    http::OutBuffer& out = c.out();
    while (out.size() > 0) {
      std::string_view v = out.view();
      ssize_t s = ::send(fd, v.data(), v.size(), MSG_NOSIGNAL);
      if (s > 0) {
        out.consume(static_cast<std::size_t>(s));
        continue;
      }
      if (s < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
      if (s < 0 && errno == EINTR) continue;
      close_conn(fd);
      return;
    }
    if (out.size() == 0 && c.close_after_flush()) {
      close_conn(fd);
      return;
    }
    // Wait for writability while output is pending; stop reading from a
    // client that does not read its responses.
    std::uint32_t want = EPOLLRDHUP;
    if (out.size() < kMaxPendingOut && !c.read_closed()) want |= EPOLLIN;
    if (out.size() > 0) want |= EPOLLOUT;
    if (want != events_[ufd]) {
      events_[ufd] = want;
      watch(fd, want, EPOLL_CTL_MOD);
    }
  }

  void close_conn(int fd) {
    auto ufd = static_cast<std::size_t>(fd);
    if (!open_[ufd]) return;
    open_[ufd] = false;
    --open_count_;
    ::close(fd);
    if (accept_paused_) resume_accept();
  }

  Worker& w_;
  int ep_ = -1;
  std::vector<std::unique_ptr<Connection>> conns_;
  std::vector<bool> open_;
  std::vector<std::uint32_t> events_;  // what each socket is watched for
  std::size_t open_count_ = 0;
  bool accept_paused_ = false;  // see pause_accept()
  std::int64_t resume_accept_at_ = 0;
  bool draining_ = false;
  std::int64_t drain_deadline_ = 0;
};

}  // namespace

std::unique_ptr<EventLoop> make_epoll_loop(Worker& w) {
  auto loop = std::make_unique<EpollLoop>(w);
  if (!loop->start()) return nullptr;
  return loop;
}

}  // namespace kite::server
