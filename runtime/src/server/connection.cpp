// Connection: request framing, handler calls and keep-alive rules for one
// socket (RFC 9112 §9: persistence, pipelining).
#include "server/connection.h"

namespace kite::server {

void Connection::open(std::int64_t now) {
  parser_.reset();
  in_.clear();
  out_.clear();
  last_activity_ = now;
  request_started_ = 0;
  close_after_flush_ = false;
  read_closed_ = false;
  sent_continue_ = false;
}

void Connection::on_data(char* data, std::size_t n, std::int64_t now) {
  last_activity_ = now;
  if (close_after_flush_) return;  // a rejected or last request: ignore the rest
  if (in_.empty()) {
    process(data, n, false);
  } else {
    in_.append(data, n);
    process(in_.data(), in_.size(), true);
  }
}

void Connection::process(char* data, std::size_t n, bool from_in) {
  std::size_t start = 0;
  while (start < n && !close_after_flush_) {
    std::size_t consumed = 0;
    http::ParseResult r = parser_.parse(data + start, n - start, &request_, &consumed);
    if (r == http::ParseResult::kIncomplete) {
      // RFC 9110 §10.1.1: answer 100 once the head is accepted, so the
      // client sends the body.
      if (parser_.head_complete() && request_.expect_continue && !sent_continue_) {
        out_.append(http::kContinue);
        sent_continue_ = true;
      }
      break;
    }
    if (r == http::ParseResult::kError) {
      worker_->reject(parser_.error_status(), parser_.error_reason(), out_);
      close_after_flush_ = true;
      start = n;
      break;
    }
    worker_->handle(request_, out_);
    if (!request_.keep_alive) close_after_flush_ = true;
    start += consumed;
    parser_.reset();
    sent_continue_ = false;
    request_started_ = 0;
  }
  if (close_after_flush_) {
    in_.clear();
    return;
  }
  if (from_in) {
    in_.erase(0, start);
  } else if (start < n) {
    in_.assign(data + start, n - start);
  }
  // The 408 clock starts with the first byte of a request left incomplete.
  if (!in_.empty() && request_started_ == 0) request_started_ = last_activity_;
}

bool Connection::on_tick(std::int64_t now, bool draining) {
  const ServerOptions& o = *worker_->options;
  auto ns = [](std::chrono::milliseconds ms) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(ms).count();
  };
  if (close_after_flush_) return out_.size() == 0;
  if (request_started_ != 0 && now - request_started_ > ns(o.read_timeout)) {
    // RFC 9110 §15.5.9: the client did not send a complete request in time.
    worker_->reject(408, "request not received in time", out_);
    close_after_flush_ = true;
    in_.clear();
    return false;
  }
  if (idle()) {
    if (draining || read_closed_) return true;
    if (now - last_activity_ > ns(o.idle_timeout)) return true;
  }
  return false;
}

}  // namespace kite::server
