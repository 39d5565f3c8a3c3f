// The open-loop (constant-rate) schedule of `--rate R`: the requests of the
// whole run are numbered 0, 1, 2, ... across all connections, and request n
// is due at start + n / R seconds. Connection i of C sends requests i, i+C,
// i+2C, ..., so every connection runs at R / C and the due times of the
// whole run are evenly spaced. A request's latency counts from its due
// time, not from when it was written, so a server stall that delays later
// sends shows up in their latency (coordinated omission is corrected, as in
// wrk2; docs/harness.md).
//
// Pure arithmetic on nanosecond timestamps; immutable, safe to share
// between threads.
#pragma once

#include <cstdint>

namespace kite::load {

class OpenLoopSchedule {
 public:
  // rate > 0 requests per second over `connections` > 0 connections.
  OpenLoopSchedule(double rate, int connections, std::int64_t start_ns);

  // When request `sequence` is due, in ns: start + round(sequence * 1e9 / rate).
  std::int64_t due(std::uint64_t sequence) const;
  // How many requests are due at or before `now_ns` (0 before the start).
  std::uint64_t due_count(std::int64_t now_ns) const;
  // The first request of connection `connection` and the one after `sequence`
  // on the same connection.
  static std::uint64_t first_of(int connection) { return static_cast<std::uint64_t>(connection); }
  std::uint64_t next_after(std::uint64_t sequence) const { return sequence + connections_; }

  double rate() const { return rate_; }
  std::int64_t start() const { return start_ns_; }

 private:
  double rate_;
  std::uint64_t connections_;
  std::int64_t start_ns_;
};

}  // namespace kite::load
