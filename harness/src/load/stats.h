// What a load run counts. Each worker thread fills its own LoadStats; the
// run merges them when every thread has finished.
//
// A request is *measured* when it is sent (closed loop) or due (open loop)
// after the warm-up and before the end of the measured window (or, with
// -n, when it took one of the N tickets). Latency, status classes and
// `responses` cover measured requests only; errors count what happens from
// the end of the warm-up on; `sent_total` and `responses_total` count every
// phase, so they can be checked against what a server saw.
#pragma once

#include "histogram.h"

#include <cstdint>
#include <string>

namespace kite::load {

struct LoadStats {
  LatencyHistogram latency;  // measured responses: due (or send) time to the last byte

  std::uint64_t requests = 0;   // measured responses completed inside the window (req/s)
  std::uint64_t responses = 0;  // measured responses, including those drained after the window
  std::uint64_t status_2xx = 0;
  std::uint64_t status_3xx = 0;
  std::uint64_t status_4xx = 0;
  std::uint64_t status_5xx = 0;
  std::uint64_t bytes_read = 0;  // bytes received inside the window (transfer/s)

  // Failed requests (a failed connection counts each request it loses, and
  // at least one).
  std::uint64_t errors_connect = 0;   // connect() refused, failed or timed out
  std::uint64_t errors_read = 0;      // read failed, or the server closed with requests in flight
  std::uint64_t errors_write = 0;     // send failed
  std::uint64_t errors_timeout = 0;   // no complete response within --timeout
  std::uint64_t errors_protocol = 0;  // the response was not valid HTTP/1.1

  std::uint64_t sent_total = 0;       // requests written, every phase
  std::uint64_t responses_total = 0;  // responses received, every phase
  std::uint64_t unsent = 0;  // open loop: due inside the window but never sent (server too slow)

  std::int64_t last_response_ns = 0;  // monotonic time of the last measured response
  std::string first_error;            // the first error's message, for the summary

  std::uint64_t socket_errors() const {
    return errors_connect + errors_read + errors_write + errors_timeout + errors_protocol;
  }
  std::uint64_t non_2xx() const { return status_3xx + status_4xx + status_5xx; }

  void merge(const LoadStats& other);
};

}  // namespace kite::load
