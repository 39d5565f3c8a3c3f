// One load-generating thread: its share of the connections, one epoll
// loop, its own LoadStats. Workers share only the read-only LoadPlan and,
// for -n runs, the atomic ticket counter in it.
#pragma once

#include "options.h"
#include "response_parser.h"
#include "schedule.h"
#include "stats.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kite::load {

// The run, as every worker sees it. Times are monotonic_ns().
struct LoadPlan {
  Target target;
  std::vector<std::string> requests;  // sent round-robin
  bool head_requests = false;         // the method is HEAD: responses have no body
  int connections = 1;                // in the whole run
  int pipeline = 1;                   // requests in flight per connection
  bool spin = false;                  // epoll with a zero timeout (LoadOptions::spin)
  std::int64_t timeout_ns = 0;
  std::int64_t start_ns = 0;          // the load (and the warm-up) starts
  std::int64_t measure_start_ns = 0;  // the warm-up ends
  // Duration runs: sends stop here and in-flight requests are drained for
  // up to timeout_ns. Count runs: equal to hard_stop_ns.
  std::int64_t measure_end_ns = 0;
  std::int64_t hard_stop_ns = 0;             // everything stops here, whatever is in flight
  std::optional<OpenLoopSchedule> schedule;  // --rate; closed loop when absent
  // -n runs: measured requests still to be sent, shared by all workers.
  std::atomic<std::int64_t>* tickets = nullptr;
};

class Worker {
 public:
  // `connection_ids`: which of the plan's connections (0..connections-1)
  // this worker owns; an id fixes the connection's open-loop schedule.
  Worker(const LoadPlan& plan, const std::vector<int>& connection_ids);
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Runs the loop until the plan says stop. Throws std::system_error when
  // epoll cannot be set up.
  void run();

  const LoadStats& stats() const { return stats_; }
  // The hard stop ended the run while requests were still due or in flight.
  bool cut_short() const { return cut_short_; }

 private:
  struct Pending {
    std::int64_t due_ns;   // latency starts here (the send time in closed loop)
    std::int64_t sent_ns;  // the timeout starts here
    bool measured;
  };

  struct Connection {
    enum class State { kClosed, kConnecting, kOpen };
    explicit Connection(int id, bool head_requests, int pipeline);

    int id;
    int fd = -1;
    State state = State::kClosed;
    ResponseParser parser;
    std::vector<Pending> in_flight;  // a ring, oldest at `head`
    std::size_t head = 0;
    std::size_t count = 0;
    std::string out;  // queued request bytes not yet written
    std::size_t out_sent = 0;
    bool want_write = false;          // EPOLLOUT is registered
    std::uint64_t next_sequence = 0;  // open loop: the next request of this connection
    std::int64_t reconnect_at = 0;
    std::int64_t connect_started = 0;
    int connect_failures = 0;
  };

  enum class Failure { kConnect, kRead, kWrite, kTimeout, kProtocol };

  bool stopping() const { return draining_ || out_of_tickets_; }
  bool measuring(std::int64_t now) const { return now >= plan_.measure_start_ns; }

  void service(std::int64_t now);
  void open(Connection& c, std::int64_t now);
  void finish_connect(Connection& c, std::int64_t now);
  void fill(Connection& c, std::int64_t now);
  void flush(Connection& c, std::int64_t now);
  void on_readable(Connection& c);
  void on_bytes(Connection& c, std::string_view data, std::int64_t now);
  void on_peer_close(Connection& c, std::int64_t now);
  void complete(Connection& c, const Response& response, std::int64_t now);
  void fail(Connection& c, Failure failure, std::string_view message, std::int64_t now);
  void close(Connection& c);
  void reconnect(Connection& c, std::int64_t now);
  void watch(Connection& c, std::uint32_t events, bool add);
  void count_unsent();

  const LoadPlan& plan_;
  std::vector<Connection> connections_;
  std::vector<char> read_buffer_;
  int epoll_fd_ = -1;
  LoadStats stats_;
  std::size_t in_flight_ = 0;  // over all connections
  std::size_t next_request_ = 0;
  std::int64_t next_service_ = 0;
  std::int64_t drain_deadline_ = 0;
  bool draining_ = false;
  bool out_of_tickets_ = false;
  bool cut_short_ = false;
};

}  // namespace kite::load
