// The epoll loop of one load-generating thread (worker.h).
//
// Level-triggered epoll: EPOLLIN on every open connection, EPOLLOUT while a
// connect is in progress or a write is blocked. A response that completes
// lets its connection send the next request at once (closed loop) or when
// it is due (open loop). Everything else (reconnects, timeouts, due
// open-loop sends) happens in service(), which runs when its earliest timer
// expires rather than on every wake-up.
#include "worker.h"

#include "clock.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace kite::load {

namespace {

constexpr std::size_t kReadBufferBytes = std::size_t{64} * 1024;
constexpr int kMaxEvents = 256;
constexpr std::int64_t kMaxReconnectBackoffNs = 512'000'000;

std::string errno_text(int error) {
  return std::strerror(error);
}

}  // namespace

Worker::Connection::Connection(int connection_id, bool head_requests, int pipeline)
    : id(connection_id),
      parser(head_requests),
      in_flight(static_cast<std::size_t>(pipeline)),
      next_sequence(OpenLoopSchedule::first_of(connection_id)) {}

Worker::Worker(const LoadPlan& plan, const std::vector<int>& connection_ids)
    : plan_(plan), read_buffer_(kReadBufferBytes) {
  connections_.reserve(connection_ids.size());
  for (int id : connection_ids) connections_.emplace_back(id, plan.head_requests, plan.pipeline);
}

Worker::~Worker() {
  for (Connection& c : connections_) close(c);
  if (epoll_fd_ >= 0) ::close(epoll_fd_);
}

void Worker::run() {
  epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  if (epoll_fd_ < 0) throw std::system_error(errno, std::generic_category(), "epoll_create1");
  const bool count_run = plan_.tickets != nullptr;
  std::int64_t now = monotonic_ns();
  for (Connection& c : connections_) open(c, now);
  epoll_event events[kMaxEvents];
  while (true) {
    now = monotonic_ns();
    if (now >= plan_.hard_stop_ns) {
      cut_short_ = true;
      break;
    }
    if (!count_run && !draining_ && now >= plan_.measure_end_ns) {
      draining_ = true;
      drain_deadline_ = now + plan_.timeout_ns;
    }
    if (stopping() && in_flight_ == 0) break;
    if (draining_ && now >= drain_deadline_) {
      // Whatever is still in flight did not answer within the timeout.
      for (Connection& c : connections_) {
        if (c.count > 0) fail(c, Failure::kTimeout, "no response within --timeout", now);
      }
      break;
    }
    if (now >= next_service_) service(now);

    std::int64_t wake = std::min(next_service_, plan_.hard_stop_ns);
    if (draining_) {
      wake = std::min(wake, drain_deadline_);
    } else if (!count_run) {
      wake = std::min(wake, plan_.measure_end_ns);
    }
    const std::int64_t wait = plan_.spin ? 0 : std::max<std::int64_t>(0, wake - now);
    timespec timeout{static_cast<time_t>(wait / 1'000'000'000),
                     static_cast<long>(wait % 1'000'000'000)};
    const int ready = epoll_pwait2(epoll_fd_, events, kMaxEvents, &timeout, nullptr);
    if (ready < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "epoll_pwait2");
    }
    for (int i = 0; i < ready; ++i) {
      Connection& c = connections_[events[i].data.u32];
      if (c.state == Connection::State::kConnecting) {
        finish_connect(c, monotonic_ns());
        continue;
      }
      if (c.state != Connection::State::kOpen) continue;
      if (events[i].events & (EPOLLIN | EPOLLERR | EPOLLHUP)) on_readable(c);
      if (c.state == Connection::State::kOpen && (events[i].events & EPOLLOUT)) {
        flush(c, monotonic_ns());
      }
    }
  }
  if (!count_run) count_unsent();
}

// Reconnects, timeouts and due open-loop sends; sets when to come back.
void Worker::service(std::int64_t now) {
  // A request sent after this scan cannot time out before now + timeout.
  next_service_ = now + plan_.timeout_ns;
  for (Connection& c : connections_) {
    switch (c.state) {
      case Connection::State::kClosed:
        if (stopping()) break;
        if (now >= c.reconnect_at) {
          open(c, now);
        } else {
          next_service_ = std::min(next_service_, c.reconnect_at);
        }
        break;
      case Connection::State::kConnecting:
        if (now - c.connect_started >= plan_.timeout_ns) {
          fail(c, Failure::kConnect, "connect timed out", now);
        } else {
          next_service_ = std::min(next_service_, c.connect_started + plan_.timeout_ns);
        }
        break;
      case Connection::State::kOpen:
        if (c.count > 0) {
          const std::int64_t deadline = c.in_flight[c.head].sent_ns + plan_.timeout_ns;
          if (now >= deadline) {
            fail(c, Failure::kTimeout, "no response within --timeout", now);
            break;
          }
          next_service_ = std::min(next_service_, deadline);
        }
        if (plan_.schedule) fill(c, now);
        break;
    }
  }
}

void Worker::watch(Connection& c, std::uint32_t events, bool add) {
  epoll_event event{};
  event.events = events;
  event.data.u32 = static_cast<std::uint32_t>(&c - connections_.data());
  if (epoll_ctl(epoll_fd_, add ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, c.fd, &event) != 0) {
    throw std::system_error(errno, std::generic_category(), "epoll_ctl");
  }
}

void Worker::open(Connection& c, std::int64_t now) {
  const auto& address = plan_.target.address;
  c.fd = socket(address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (c.fd < 0) {
    fail(c, Failure::kConnect, "socket: " + errno_text(errno), now);
    return;
  }
  const int one = 1;
  setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  c.connect_started = now;
  if (connect(c.fd, reinterpret_cast<const sockaddr*>(&address), plan_.target.address_length) ==
      0) {
    c.state = Connection::State::kOpen;
    c.connect_failures = 0;
    watch(c, EPOLLIN, /*add=*/true);
    fill(c, now);
  } else if (errno == EINPROGRESS) {
    c.state = Connection::State::kConnecting;
    watch(c, EPOLLOUT, /*add=*/true);
    next_service_ = std::min(next_service_, now + plan_.timeout_ns);
  } else {
    fail(c, Failure::kConnect, "connect: " + errno_text(errno), now);
  }
}

void Worker::finish_connect(Connection& c, std::int64_t now) {
  int error = 0;
  socklen_t length = sizeof error;
  if (getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0) error = errno;
  if (error != 0) {
    fail(c, Failure::kConnect, "connect: " + errno_text(error), now);
    return;
  }
  c.state = Connection::State::kOpen;
  c.connect_failures = 0;
  watch(c, EPOLLIN, /*add=*/false);
  fill(c, now);
}

// Queues as many requests as the pipeline depth, the schedule and the
// bound allow, then writes them.
void Worker::fill(Connection& c, std::int64_t now) {
  const auto depth = static_cast<std::size_t>(plan_.pipeline);
  while (c.count < depth && !stopping()) {
    std::int64_t due = now;
    if (plan_.schedule) {
      due = plan_.schedule->due(c.next_sequence);
      if (due > now) {
        next_service_ = std::min(next_service_, due);
        break;
      }
    }
    // Duration runs send nothing due after the window; the drain follows.
    if (due >= plan_.measure_end_ns) break;
    const bool measured = due >= plan_.measure_start_ns;
    if (measured && plan_.tickets) {
      if (plan_.tickets->fetch_sub(1, std::memory_order_relaxed) <= 0) {
        out_of_tickets_ = true;
        break;
      }
    }
    if (plan_.schedule) c.next_sequence = plan_.schedule->next_after(c.next_sequence);
    const std::string& request = plan_.requests[next_request_];
    if (++next_request_ == plan_.requests.size()) next_request_ = 0;
    c.out += request;
    c.in_flight[(c.head + c.count) % depth] = Pending{due, now, measured};
    ++c.count;
    ++in_flight_;
    ++stats_.sent_total;
  }
  if (c.out_sent < c.out.size()) flush(c, now);
}

void Worker::flush(Connection& c, std::int64_t now) {
  while (c.out_sent < c.out.size()) {
    const ssize_t n =
        send(c.fd, c.out.data() + c.out_sent, c.out.size() - c.out_sent, MSG_NOSIGNAL);
    if (n > 0) {
      c.out_sent += static_cast<std::size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!c.want_write) {
        watch(c, EPOLLIN | EPOLLOUT, /*add=*/false);
        c.want_write = true;
      }
      return;
    } else {
      fail(c, Failure::kWrite, "send: " + errno_text(errno), now);
      return;
    }
  }
  c.out.clear();
  c.out_sent = 0;
  if (c.want_write) {
    watch(c, EPOLLIN, /*add=*/false);
    c.want_write = false;
  }
}

void Worker::on_readable(Connection& c) {
  const ssize_t n = recv(c.fd, read_buffer_.data(), read_buffer_.size(), 0);
  const std::int64_t now = monotonic_ns();
  if (n > 0) {
    if (measuring(now) && now <= plan_.measure_end_ns) {
      stats_.bytes_read += static_cast<std::uint64_t>(n);
    }
    on_bytes(c, std::string_view(read_buffer_.data(), static_cast<std::size_t>(n)), now);
  } else if (n == 0) {
    on_peer_close(c, now);
  } else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
    fail(c, Failure::kRead, "recv: " + errno_text(errno), now);
  }
}

void Worker::on_bytes(Connection& c, std::string_view data, std::int64_t now) {
  while (!data.empty()) {
    if (c.count == 0) {
      fail(c, Failure::kProtocol, "the server sent bytes with no request in flight", now);
      return;
    }
    std::size_t consumed = 0;
    const ResponseParser::Result result = c.parser.parse(data, consumed);
    data.remove_prefix(consumed);
    if (result == ResponseParser::Result::kNeedMore) break;
    if (result == ResponseParser::Result::kError) {
      fail(c, Failure::kProtocol, c.parser.error(), now);
      return;
    }
    complete(c, c.parser.response(), now);
    if (!c.parser.response().keep_alive) {
      // RFC 9112 §9.6: nothing after a "close" response belongs to us.
      if (c.count > 0) {
        fail(c, Failure::kRead, "the server closed the connection with requests in flight", now);
      } else {
        reconnect(c, now);
      }
      return;
    }
  }
  fill(c, now);
}

void Worker::on_peer_close(Connection& c, std::int64_t now) {
  const ResponseParser::Result result = c.parser.on_close();
  if (result == ResponseParser::Result::kComplete && c.count > 0) {
    complete(c, c.parser.response(), now);
  }
  if (result == ResponseParser::Result::kError || c.count > 0) {
    fail(c, Failure::kRead, "the server closed the connection with requests in flight", now);
    return;
  }
  reconnect(c, now);  // an idle keep-alive connection closed by the server
}

void Worker::complete(Connection& c, const Response& response, std::int64_t now) {
  const Pending pending = c.in_flight[c.head];
  c.head = (c.head + 1) % c.in_flight.size();
  --c.count;
  --in_flight_;
  ++stats_.responses_total;
  if (!pending.measured) return;
  stats_.latency.record(now - pending.due_ns);
  ++stats_.responses;
  if (now <= plan_.measure_end_ns) ++stats_.requests;
  stats_.last_response_ns = std::max(stats_.last_response_ns, now);
  switch (response.status / 100) {
    case 2:
      ++stats_.status_2xx;
      break;
    case 3:
      ++stats_.status_3xx;
      break;
    case 4:
      ++stats_.status_4xx;
      break;
    default:
      ++stats_.status_5xx;
      break;
  }
}

void Worker::fail(Connection& c, Failure failure, std::string_view message, std::int64_t now) {
  if (measuring(now)) {
    const std::uint64_t lost = std::max<std::uint64_t>(1, c.count);
    switch (failure) {
      case Failure::kConnect:
        stats_.errors_connect += 1;
        break;
      case Failure::kRead:
        stats_.errors_read += lost;
        break;
      case Failure::kWrite:
        stats_.errors_write += lost;
        break;
      case Failure::kTimeout:
        stats_.errors_timeout += lost;
        break;
      case Failure::kProtocol:
        stats_.errors_protocol += lost;
        break;
    }
    if (stats_.first_error.empty()) stats_.first_error = std::string(message);
  }
  const bool connect_failed = failure == Failure::kConnect;
  close(c);
  if (connect_failed) {
    ++c.connect_failures;
    const std::int64_t backoff = std::min(
        kMaxReconnectBackoffNs, std::int64_t{1'000'000} << std::min(c.connect_failures, 10));
    c.reconnect_at = now + backoff;
    next_service_ = std::min(next_service_, c.reconnect_at);
  } else {
    reconnect(c, now);
  }
}

void Worker::close(Connection& c) {
  if (c.fd >= 0) ::close(c.fd);
  c.fd = -1;
  c.state = Connection::State::kClosed;
  c.parser.reset();
  in_flight_ -= c.count;
  c.head = 0;
  c.count = 0;
  c.out.clear();
  c.out_sent = 0;
  c.want_write = false;
}

// The new connection is opened by the next service(), not from here, so a
// server that fails every fresh connection cannot recurse through
// open -> fill -> flush -> fail.
void Worker::reconnect(Connection& c, std::int64_t now) {
  close(c);
  c.reconnect_at = now;
  next_service_ = std::min(next_service_, now);
}

// Open loop: requests due inside the window that no connection was free to
// send (the server answered slower than --rate).
void Worker::count_unsent() {
  if (!plan_.schedule) return;
  const std::uint64_t first = plan_.schedule->due_count(plan_.measure_start_ns - 1);
  const std::uint64_t end = plan_.schedule->due_count(plan_.measure_end_ns - 1);
  const auto stride = static_cast<std::uint64_t>(plan_.connections);
  for (const Connection& c : connections_) {
    std::uint64_t next = c.next_sequence;
    if (next < first) next += (first - next + stride - 1) / stride * stride;
    if (next < end) stats_.unsent += (end - next + stride - 1) / stride;
  }
}

}  // namespace kite::load
