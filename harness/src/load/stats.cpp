// Merging per-thread counts (stats.h).
#include "stats.h"

#include <algorithm>

namespace kite::load {

void LoadStats::merge(const LoadStats& other) {
  latency.merge(other.latency);
  requests += other.requests;
  responses += other.responses;
  status_2xx += other.status_2xx;
  status_3xx += other.status_3xx;
  status_4xx += other.status_4xx;
  status_5xx += other.status_5xx;
  bytes_read += other.bytes_read;
  errors_connect += other.errors_connect;
  errors_read += other.errors_read;
  errors_write += other.errors_write;
  errors_timeout += other.errors_timeout;
  errors_protocol += other.errors_protocol;
  sent_total += other.sent_total;
  responses_total += other.responses_total;
  unsent += other.unsent;
  last_response_ns = std::max(last_response_ns, other.last_response_ns);
  if (first_error.empty()) first_error = other.first_error;
}

}  // namespace kite::load
