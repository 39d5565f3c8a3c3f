// The io_uring event loop (liburing): one multishot accept on the worker's
// listener, one multishot recv per connection into a ring of provided
// buffers, and one send in flight per connection. No syscall per request
// beyond io_uring_enter, which submits and reaps in batches.
#include <liburing.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <utility>
#include <vector>

#include "server/connection.h"
#include "server/event_loop.h"
#include "server/worker.h"

namespace kite::server {

namespace {

constexpr unsigned kRingEntries = 1024;
constexpr unsigned kBufferCount = 128;  // power of two (the buffer ring's mask)
constexpr unsigned kBufferSize = 8 * 1024;
constexpr unsigned kBufferGroup = 0;
constexpr std::int64_t kTickNs = 100'000'000;

enum Op : std::uint64_t { kAccept = 1, kRecv = 2, kSend = 3, kWake = 4, kCancel = 5 };

// user_data: op in the top byte, then a 24-bit slot and a 32-bit generation,
// so completions for a slot's previous connection are recognised and ignored.
std::uint64_t tag(Op op, std::uint32_t slot = 0, std::uint32_t gen = 0) {
  return (static_cast<std::uint64_t>(op) << 56) | (static_cast<std::uint64_t>(slot) << 32) | gen;
}
Op tag_op(std::uint64_t t) {
  return static_cast<Op>(t >> 56);
}
std::uint32_t tag_slot(std::uint64_t t) {
  return static_cast<std::uint32_t>(t >> 32) & 0xFFFFFF;
}
std::uint32_t tag_gen(std::uint64_t t) {
  return static_cast<std::uint32_t>(t);
}

// Completions are run when the worker asks for them (DEFER_TASKRUN, else
// COOP_TASKRUN), and the kernel raises IORING_SQ_TASKRUN in the shared ring
// while some wait to be run: the flag the busy poll watches. Sets
// *taskrun_flag to whether the ring keeps that flag.
bool init_ring(io_uring* ring, bool* taskrun_flag) {
  *taskrun_flag = true;
  for (unsigned flags :
       {IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN, IORING_SETUP_COOP_TASKRUN}) {
    io_uring_params p{};
    p.flags = flags | IORING_SETUP_TASKRUN_FLAG;
    if (io_uring_queue_init_params(kRingEntries, ring, &p) == 0) return true;
  }
  *taskrun_flag = false;
  return io_uring_queue_init(kRingEntries, ring, 0) == 0;
}

struct Slot {
  std::unique_ptr<Connection> conn;
  http::OutBuffer sending;  // bytes of the send in flight (stable until it completes)
  int fd = -1;
  std::uint32_t gen = 0;
  bool open = false;
  bool recv_armed = false;
  bool send_inflight = false;
  bool closing = false;
};

class UringLoop final : public EventLoop {
 public:
  explicit UringLoop(Worker& w) : w_(w) {}
  ~UringLoop() override {
    for (Slot& s : slots_) {
      if (s.open) ::close(s.fd);
    }
    if (ring_ok_) io_uring_queue_exit(&ring_);
    std::free(buf_ring_mem_);
    std::free(buffers_);
  }

  bool start() {
    if (!init_ring(&ring_, &taskrun_flag_)) return false;
    ring_ok_ = true;
    if (!supports_operations()) return false;
    // The provided-buffer ring the kernel picks receive buffers from.
    std::size_t ring_bytes = kBufferCount * sizeof(io_uring_buf);
    if (posix_memalign(&buf_ring_mem_, 4096, ring_bytes) != 0) return false;
    if (posix_memalign(reinterpret_cast<void**>(&buffers_), 4096,
                       static_cast<std::size_t>(kBufferCount) * kBufferSize) != 0) {
      return false;
    }
    br_ = static_cast<io_uring_buf_ring*>(buf_ring_mem_);
    io_uring_buf_ring_init(br_);
    io_uring_buf_reg reg{};
    reg.ring_addr = reinterpret_cast<std::uintptr_t>(br_);
    reg.ring_entries = kBufferCount;
    reg.bgid = kBufferGroup;
    if (io_uring_register_buf_ring(&ring_, &reg, 0) != 0) return false;
    for (unsigned i = 0; i < kBufferCount; ++i) {
      io_uring_buf_ring_add(br_, buffers_ + static_cast<std::size_t>(i) * kBufferSize, kBufferSize,
                            static_cast<unsigned short>(i), io_uring_buf_ring_mask(kBufferCount),
                            static_cast<int>(i));
    }
    io_uring_buf_ring_advance(br_, kBufferCount);
    arm_accept();
    io_uring_sqe* sqe = get_sqe();
    io_uring_prep_read(sqe, w_.wake_fd, &wake_value_, sizeof wake_value_, 0);
    io_uring_sqe_set_data64(sqe, tag(kWake));
    return true;
  }

  void run() override {
    std::int64_t next_tick = now_ns() + kTickNs;
    while (true) {
      wait_for_completions();
      io_uring_cqe* cqe = nullptr;
      std::int64_t now = now_ns();
      unsigned head;
      unsigned seen = 0;
      io_uring_for_each_cqe(&ring_, head, cqe) {
        ++seen;
        on_cqe(cqe, now);
      }
      io_uring_cq_advance(&ring_, seen);
      if (now >= next_tick) {
        next_tick = now + kTickNs;
        if (accept_paused_ && now >= resume_accept_at_) resume_accept();
        for (std::uint32_t i = 0; i < slots_.size(); ++i) {
          Slot& s = slots_[i];
          if (!s.open || s.closing) continue;
          if (s.conn->on_tick(now, draining_)) {
            close_slot(i);
          } else {
            pump(i);
          }
        }
      }
      w_.flush_log();
      if (draining_ && (open_count_ == 0 || now > drain_deadline_)) break;
    }
  }

 private:
  // Submits what is queued and returns once completions are in the ring (or
  // after 100 ms, for the timers): first by busy-polling the ring's TASKRUN
  // flag, which takes no syscall, then by sleeping in the kernel.
  void wait_for_completions() {
    // One syscall both submits the sends just queued and collects what
    // arrived meanwhile.
    if (io_uring_sq_ready(&ring_) > 0) io_uring_submit_and_get_events(&ring_);
    if (io_uring_cq_ready(&ring_) > 0) return;
    const std::chrono::nanoseconds budget = taskrun_flag_
                                                ? std::chrono::nanoseconds(w_.options->busy_poll)
                                                : std::chrono::nanoseconds(0);
    if (busy_poll(budget, [&] {
          return (IO_URING_READ_ONCE(*ring_.sq.kflags) & IORING_SQ_TASKRUN) != 0 ||
                 io_uring_cq_ready(&ring_) > 0;
        })) {
      io_uring_get_events(&ring_);
      if (io_uring_cq_ready(&ring_) > 0) return;
    }
    __kernel_timespec ts{0, 100'000'000};
    io_uring_cqe* cqe = nullptr;
    io_uring_submit_and_wait_timeout(&ring_, &cqe, 1, &ts, nullptr);
  }

  // The operations the loop submits, asked of this ring (no second ring).
  bool supports_operations() {
    io_uring_probe* probe = io_uring_get_probe_ring(&ring_);
    if (probe == nullptr) return false;
    bool ok = true;
    for (int op : {IORING_OP_ACCEPT, IORING_OP_RECV, IORING_OP_SEND, IORING_OP_READ,
                   IORING_OP_ASYNC_CANCEL}) {
      if (!io_uring_opcode_supported(probe, op)) ok = false;
    }
    io_uring_free_probe(probe);
    return ok;
  }

  io_uring_sqe* get_sqe() {
    io_uring_sqe* sqe = io_uring_get_sqe(&ring_);
    while (sqe == nullptr) {
      io_uring_submit(&ring_);
      sqe = io_uring_get_sqe(&ring_);
    }
    return sqe;
  }

  void arm_accept() {
    io_uring_sqe* sqe = get_sqe();
    io_uring_prep_multishot_accept(sqe, w_.listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
    io_uring_sqe_set_data64(sqe, tag(kAccept));
    accept_armed_ = true;
  }

  // Out of file descriptors (or memory): stop accepting rather than have
  // the accept fail again at once, in a loop. Pending connections wait in
  // the listen backlog until a connection of ours closes or the pause ends.
  void pause_accept(std::int64_t now) {
    accept_paused_ = true;
    resume_accept_at_ = now + Worker::kAcceptPauseNs;
    if (accept_armed_) {
      io_uring_sqe* sqe = get_sqe();
      io_uring_prep_cancel64(sqe, tag(kAccept), 0);
      io_uring_sqe_set_data64(sqe, tag(kCancel));
    }
  }

  void resume_accept() {
    accept_paused_ = false;
    if (!accept_armed_ && !draining_) arm_accept();
  }

  void arm_recv(std::uint32_t i) {
    Slot& s = slots_[i];
    io_uring_sqe* sqe = get_sqe();
    io_uring_prep_recv_multishot(sqe, s.fd, nullptr, 0, 0);
    sqe->flags |= IOSQE_BUFFER_SELECT;
    sqe->buf_group = kBufferGroup;
    io_uring_sqe_set_data64(sqe, tag(kRecv, i, s.gen));
    s.recv_armed = true;
  }

  void recycle(unsigned bid) {
    io_uring_buf_ring_add(br_, buffers_ + static_cast<std::size_t>(bid) * kBufferSize, kBufferSize,
                          static_cast<unsigned short>(bid), io_uring_buf_ring_mask(kBufferCount),
                          0);
    io_uring_buf_ring_advance(br_, 1);
  }

  void on_cqe(io_uring_cqe* cqe, std::int64_t now) {
    std::uint64_t t = io_uring_cqe_get_data64(cqe);
    int res = cqe->res;
    bool more = (cqe->flags & IORING_CQE_F_MORE) != 0;
    switch (tag_op(t)) {
      case kAccept:
        if (!more) accept_armed_ = false;
        if (res >= 0) {
          on_accept(res, now);
        } else if (res == -EMFILE || res == -ENFILE || res == -ENOBUFS || res == -ENOMEM) {
          pause_accept(now);
        }
        if (!accept_armed_ && !accept_paused_ && !draining_) arm_accept();
        return;
      case kWake:
        start_drain(now);
        return;
      case kCancel:
        return;
      case kRecv:
      case kSend:
        break;
    }
    std::uint32_t i = tag_slot(t);
    bool has_buffer = (cqe->flags & IORING_CQE_F_BUFFER) != 0;
    unsigned bid = cqe->flags >> IORING_CQE_BUFFER_SHIFT;
    if (i >= slots_.size() || slots_[i].gen != tag_gen(t) || !slots_[i].open) {
      if (has_buffer) recycle(bid);
      return;
    }
    Slot& s = slots_[i];
    if (tag_op(t) == kRecv) {
      if (!more) s.recv_armed = false;
      if (res > 0 && has_buffer) {
        if (!s.closing) {
          s.conn->on_data(buffers_ + static_cast<std::size_t>(bid) * kBufferSize,
                          static_cast<std::size_t>(res), now);
        }
        recycle(bid);
        if (!s.recv_armed && !s.closing) arm_recv(i);
      } else if (res == -ENOBUFS) {
        if (!s.recv_armed && !s.closing) arm_recv(i);  // every buffer was busy: try again
      } else if (res == 0) {
        s.conn->on_eof();
      } else if (res < 0) {
        s.closing = true;
      }
    } else {
      s.send_inflight = false;
      if (res < 0) {
        s.closing = true;
      } else {
        s.sending.consume(static_cast<std::size_t>(res));
      }
    }
    pump(i);
  }

  void on_accept(int fd, std::int64_t now) {
    if (draining_) {
      ::close(fd);
      return;
    }
    if (open_count_ >= w_.max_connections) {
      w_.shed_connection(fd);
      return;
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    std::uint32_t i;
    if (!free_.empty()) {
      i = free_.back();
      free_.pop_back();
    } else {
      i = static_cast<std::uint32_t>(slots_.size());
      slots_.emplace_back();
      slots_.back().conn = std::make_unique<Connection>(w_);
    }
    Slot& s = slots_[i];
    s.fd = fd;
    ++s.gen;
    s.open = true;
    s.closing = false;
    s.send_inflight = false;
    s.sending.clear();
    s.conn->open(now);
    ++open_count_;
    arm_recv(i);
  }

  // Moves the connection forward: starts the next send, or closes it once
  // everything is out and it is finished.
  void pump(std::uint32_t i) {
    Slot& s = slots_[i];
    if (s.send_inflight) return;
    if (s.sending.size() == 0 && s.conn->out().size() > 0 && !s.closing) {
      std::swap(s.sending, s.conn->out());
      s.conn->out().clear();
    }
    if (s.sending.size() > 0 && !s.closing) {
      std::string_view v = s.sending.view();
      io_uring_sqe* sqe = get_sqe();
      io_uring_prep_send(sqe, s.fd, v.data(), v.size(), MSG_NOSIGNAL);
      io_uring_sqe_set_data64(sqe, tag(kSend, i, s.gen));
      s.send_inflight = true;
      return;
    }
    if (s.closing ||
        (s.sending.size() == 0 && s.conn->out().size() == 0 && s.conn->close_after_flush())) {
      close_slot(i);
    }
  }

  // Shuts the socket so its multishot recv ends; the fd is closed and the
  // slot reused once no operation on it is in flight.
  void close_slot(std::uint32_t i) {
    Slot& s = slots_[i];
    if (!s.open) return;
    if (!s.closing) {
      s.closing = true;
      ::shutdown(s.fd, SHUT_RDWR);
    }
    if (s.recv_armed || s.send_inflight) return;
    ::close(s.fd);
    s.open = false;
    s.fd = -1;
    ++s.gen;
    --open_count_;
    free_.push_back(i);
    if (accept_paused_) resume_accept();
  }

  void start_drain(std::int64_t now) {
    if (draining_) return;
    draining_ = true;
    drain_deadline_ =
        now + std::chrono::duration_cast<std::chrono::nanoseconds>(w_.options->grace).count();
    io_uring_sqe* sqe = get_sqe();
    io_uring_prep_cancel64(sqe, tag(kAccept), 0);
    io_uring_sqe_set_data64(sqe, tag(kCancel));
    io_uring_submit(&ring_);
    ::close(w_.listen_fd);  // stop accepting: new connections are refused
    w_.listen_fd = -1;
  }

  Worker& w_;
  io_uring ring_{};
  bool ring_ok_ = false;
  bool taskrun_flag_ = false;
  void* buf_ring_mem_ = nullptr;
  io_uring_buf_ring* br_ = nullptr;
  char* buffers_ = nullptr;
  std::uint64_t wake_value_ = 0;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_;
  std::size_t open_count_ = 0;
  bool accept_armed_ = false;
  bool accept_paused_ = false;  // see pause_accept()
  std::int64_t resume_accept_at_ = 0;
  bool draining_ = false;
  std::int64_t drain_deadline_ = 0;
};

}  // namespace

std::unique_ptr<EventLoop> make_uring_loop(Worker& w) {
  auto loop = std::make_unique<UringLoop>(w);
  if (!loop->start()) return nullptr;
  return loop;
}

}  // namespace kite::server
