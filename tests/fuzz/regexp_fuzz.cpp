// libFuzzer target for the RegExp compiler and matcher: the first byte
// picks the flags, the rest is a pattern and a subject split at the first
// 0x00 byte (both widened byte by byte to UTF-16; bytes >= 0x80 pair up into
// code units above U+00FF). Any pattern must compile or fail cleanly, and a
// match must stop: the poll ends runs past a step budget, the stack limit is
// small, and captures must come back ordered inside the subject.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "regexp/regexp.h"

namespace {

std::u16string widen(const std::uint8_t* p, std::size_t n) {
  std::u16string out;
  for (std::size_t i = 0; i < n; ++i) {
    if (p[i] >= 0x80 && i + 1 < n) {
      out.push_back(static_cast<char16_t>((p[i] << 8) | p[i + 1]));
      ++i;
    } else {
      out.push_back(p[i]);
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kite::regexp;
  if (size < 1) return 0;
  const std::uint32_t flags = data[0] & ~flag::kUnicodeSets;
  ++data;
  --size;
  std::size_t split = 0;
  while (split < size && data[split] != 0) ++split;
  std::u16string pattern = widen(data, split);
  std::u16string subject = split < size ? widen(data + split + 1, size - split - 1) : u"";
  CompileResult r = compile(pattern, flags);
  if (r.program == nullptr) {
    if (r.error.empty() || r.error_offset > pattern.size()) std::abort();
    return 0;
  }
  MatchState state;
  int polls = 0;
  state.poll = [](void* p) { return ++*static_cast<int*>(p) > 200; };
  state.poll_data = &polls;
  state.max_stack_bytes = 1 << 20;
  std::vector<std::int32_t> caps(2 * capture_count(*r.program));
  Subject s{nullptr, subject.data(), static_cast<std::uint32_t>(subject.size())};
  for (std::uint32_t start = 0; start <= subject.size(); start += 1 + subject.size() / 4) {
    if (exec(*r.program, s, start, caps.data(), state) != Status::kMatch) continue;
    for (std::size_t i = 0; i < caps.size(); i += 2) {
      if ((caps[i] < 0) != (caps[i + 1] < 0)) std::abort();
      if (caps[i] >= 0 &&
          (caps[i] > caps[i + 1] || caps[i + 1] > static_cast<std::int32_t>(subject.size()))) {
        // Lookbehind captures may end before they start only if empty; a
        // reversed pair is a bug.
        std::abort();
      }
    }
  }
  return 0;
}
