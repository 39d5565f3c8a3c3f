#include "vm/jobs.h"

#include <algorithm>

#include "heap/heap.h"

namespace kite::vm {

void JobQueue::trace(Heap& heap) {
  for (const Job& j : jobs_) {
    heap.mark(j.a);
    heap.mark(j.b);
    heap.mark(j.c);
  }
}

std::uint32_t TimerQueue::add(double now_ms, double delay_ms, double interval_ms, Value callback,
                              std::vector<Value> args) {
  std::uint32_t id = next_id_++;
  if (next_id_ == 0) next_id_ = 1;
  timers_[id] = Timer{id, interval_ms, callback, std::move(args)};
  std::uint64_t seq = next_seq_++;
  current_seq_[id] = seq;
  heap_.push(Entry{now_ms + std::max(0.0, delay_ms), seq, id});
  return id;
}

// Heap entries of cancelled timers (or of an interval's earlier schedule)
// are dropped lazily, when they reach the top.
void TimerQueue::drop_cancelled() {
  while (!heap_.empty()) {
    const Entry& top = heap_.top();
    auto it = current_seq_.find(top.id);
    if (timers_.count(top.id) != 0 && it != current_seq_.end() && it->second == top.seq) return;
    if (timers_.count(top.id) == 0) current_seq_.erase(top.id);
    heap_.pop();
  }
}

double TimerQueue::next_delay_ms(double now_ms) {
  drop_cancelled();
  if (heap_.empty()) return -1;
  return std::max(0.0, heap_.top().due_ms - now_ms);
}

bool TimerQueue::take_due(double now_ms, Timer* out) {
  drop_cancelled();
  if (heap_.empty() || heap_.top().due_ms > now_ms) return false;
  Entry e = heap_.top();
  heap_.pop();
  Timer& t = timers_[e.id];
  *out = t;
  if (t.interval_ms >= 0) {
    std::uint64_t seq = next_seq_++;
    current_seq_[e.id] = seq;
    heap_.push(Entry{now_ms + std::max(1.0, t.interval_ms), seq, e.id});
  } else {
    timers_.erase(e.id);
    current_seq_.erase(e.id);
  }
  return true;
}

void TimerQueue::trace(Heap& heap) {
  for (const auto& [id, t] : timers_) {
    heap.mark(t.callback);
    for (Value v : t.args) heap.mark(v);
  }
}

}  // namespace kite::vm
