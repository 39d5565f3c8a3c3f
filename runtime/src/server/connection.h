// Connection: the HTTP/1.1 state of one client socket, independent of the
// event loop that moves its bytes.
//
// The loop hands it received bytes (on_data); it parses every complete
// request in them (pipelined requests are answered in order), runs the
// handler, and appends the responses to `out`. The loop sends `out` and,
// once it is empty, closes the socket if close_after_flush() is set.
#pragma once

#include <kite/http/parser.h>
#include <kite/http/writer.h>

#include <cstdint>
#include <string>

#include "server/worker.h"

namespace kite::server {

class Connection {
 public:
  explicit Connection(Worker& w) : worker_(&w), parser_(w.options->limits) {}

  // Resets the connection for a new socket (slots are reused).
  void open(std::int64_t now);

  // Bytes just received. `data` may be parsed in place (and rewritten) when
  // no earlier partial request is pending; what is left over is copied.
  void on_data(char* data, std::size_t n, std::int64_t now);

  // The peer closed its side: nothing more will be read.
  void on_eof() { read_closed_ = true; }

  // Called by the loop's timer tick: 408 for a request that has been
  // arriving for too long, a silent close for an idle keep-alive
  // connection. Returns true when the connection should be closed now.
  bool on_tick(std::int64_t now, bool draining);

  http::OutBuffer& out() { return out_; }
  bool close_after_flush() const { return close_after_flush_ || read_closed_; }
  bool read_closed() const { return read_closed_; }
  // Nothing pending: no partial request, no unsent output.
  bool idle() const { return in_.empty() && out_.size() == 0; }

 private:
  void process(char* data, std::size_t n, bool from_in);

  Worker* worker_;
  http::RequestParser parser_;
  http::Request request_;
  std::string in_;  // bytes of a request not complete yet
  http::OutBuffer out_;
  std::int64_t last_activity_ = 0;
  std::int64_t request_started_ = 0;  // first byte of the pending request; 0 if none
  bool close_after_flush_ = false;
  bool read_closed_ = false;
  bool sent_continue_ = false;
};

}  // namespace kite::server
