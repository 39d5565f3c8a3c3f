// The engine's job queue (ECMA-262 9.5, HostEnqueuePromiseJob) and timer
// queue (setTimeout/setInterval, HTML's timer initialization steps, as
// WinterTC runtimes provide them).
//
// The queues belong to the VM; the embedder decides when to drain them
// (Engine::run_jobs after a script or a request, Engine::run_timers from
// its event loop). Every Value held here is a GC root (VM::trace_roots).
#pragma once

#include <cstdint>
#include <deque>
#include <queue>
#include <unordered_map>
#include <vector>

#include "objects/value.h"

namespace kite::vm {

class Heap;

struct Job {
  enum class Kind : std::uint8_t {
    kPromiseReaction,         // a: reaction record, b: argument, c: int32 type
    kPromiseResolveThenable,  // a: promise, b: thenable, c: then
    kCallback,                // a: function called with no arguments (queueMicrotask)
    kCleanup,                 // a: a FinalizationRegistry's callback, b: the held value
  };
  Kind kind;
  Value a, b, c;
};

class JobQueue {
 public:
  void push(Job job) { jobs_.push_back(job); }
  bool empty() const { return jobs_.empty(); }
  Job pop() {
    Job j = jobs_.front();
    jobs_.pop_front();
    return j;
  }
  void trace(Heap& heap);

 private:
  std::deque<Job> jobs_;
};

class TimerQueue {
 public:
  struct Timer {
    std::uint32_t id;
    double interval_ms;  // < 0: a one-shot timeout
    Value callback;
    std::vector<Value> args;
  };
  // Schedules callback at now_ms + delay_ms; returns the timer's id (> 0).
  std::uint32_t add(double now_ms, double delay_ms, double interval_ms, Value callback,
                    std::vector<Value> args);
  void cancel(std::uint32_t id) { timers_.erase(id); }
  bool empty() const { return timers_.empty(); }
  // Milliseconds until the earliest live timer is due (0 if overdue), or
  // -1 when there is none.
  double next_delay_ms(double now_ms);
  // Takes the earliest timer if it is due at now_ms: an interval is
  // scheduled again (same id) before it runs, a timeout is removed.
  bool take_due(double now_ms, Timer* out);
  void trace(Heap& heap);

 private:
  struct Entry {
    double due_ms;
    std::uint64_t seq;  // ties run in the order they were scheduled
    std::uint32_t id;
    bool operator>(const Entry& o) const {
      return due_ms != o.due_ms ? due_ms > o.due_ms : seq > o.seq;
    }
  };
  void drop_cancelled();
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap_;
  std::unordered_map<std::uint32_t, Timer> timers_;               // live timers by id
  std::unordered_map<std::uint32_t, std::uint64_t> current_seq_;  // id -> seq of its live entry
  std::uint32_t next_id_ = 1;
  std::uint64_t next_seq_ = 0;
};

}  // namespace kite::vm
