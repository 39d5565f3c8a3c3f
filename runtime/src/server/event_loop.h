// EventLoop: the interface of a worker's event loop, and the factories of
// its two backends. The implementations live in uring_loop.cpp (io_uring)
// and epoll_loop.cpp (epoll); server.cpp picks one per worker.
#pragma once

#include <memory>

namespace kite::server {

struct Worker;

// An event loop, set up and ready to run: run() serves until the wake fd
// fires and every connection has drained (or the grace period is over).
class EventLoop {
 public:
  virtual ~EventLoop() = default;
  virtual void run() = 0;
};

// Sets up a worker's loop on the calling thread (the worker's). The loop
// keeps a reference to `w`, which must outlive it. The io_uring one is null
// when this kernel cannot give the ring, the provided buffers or the
// operations the loop uses; the caller then falls back to epoll (--backend
// auto) or fails (--backend uring). Deciding here, on the worker's real
// ring, spares the start-up a throwaway probe ring. The epoll one is null
// only when epoll_create1 fails (errno says why).
std::unique_ptr<EventLoop> make_uring_loop(Worker& w);
std::unique_ptr<EventLoop> make_epoll_loop(Worker& w);

}  // namespace kite::server
