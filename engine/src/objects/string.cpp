// Strings: creation, ropes, flattening, atoms (VM string methods live here
// too, next to the representation they depend on).
#include "objects/string.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "util/numbers.h"
#include "util/unicode.h"
#include "vm/vm.h"

namespace kite::vm {

namespace {
template <typename C>
std::uint32_t hash_impl(const C* p, std::size_t n) {
  std::uint32_t h = 2166136261u;  // FNV-1a over code units
  for (std::size_t i = 0; i < n; ++i) {
    h ^= static_cast<std::uint16_t>(p[i]);
    h *= 16777619u;
  }
  return h == 0 ? 1 : h;
}
}  // namespace

std::uint32_t hash_chars(const std::uint8_t* p, std::size_t n) {
  return hash_impl(p, n);
}
std::uint32_t hash_chars(const char16_t* p, std::size_t n) {
  return hash_impl(p, n);
}

std::uint32_t String::compute_hash() const {
  return is_one_byte() ? hash_chars(chars8(), length_) : hash_chars(chars16(), length_);
}

bool String::as_index(std::uint32_t* out) {
  if ((cell_flags_ & kIndexKnown) == 0) {
    std::uint32_t idx = 0;
    bool ok = length_ > 0 && length_ <= 10;
    if (ok) {
      char16_t c0 = at(0);
      if (c0 == '0' && length_ > 1) ok = false;
      std::uint64_t v = 0;
      for (std::uint32_t i = 0; ok && i < length_; ++i) {
        char16_t c = at(i);
        if (c < '0' || c > '9') {
          ok = false;
          break;
        }
        v = v * 10 + (c - '0');
      }
      if (ok && v >= 4294967295ull) ok = false;
      idx = static_cast<std::uint32_t>(v);
    }
    index_ = idx;
    cell_flags_ |= kIndexKnown | (ok ? kIsIndex : 0);
  }
  *out = index_;
  return (cell_flags_ & kIsIndex) != 0;
}

bool String::equals(const String* o) const {
  if (this == o) return true;
  if (length_ != o->length_) return false;
  if (is_one_byte() && o->is_one_byte()) return std::memcmp(chars8(), o->chars8(), length_) == 0;
  for (std::uint32_t i = 0; i < length_; ++i) {
    if (at(i) != o->at(i)) return false;
  }
  return true;
}

bool String::equals_ascii(std::string_view s) const {
  if (length_ != s.size()) return false;
  if (is_one_byte()) return std::memcmp(chars8(), s.data(), length_) == 0;
  for (std::uint32_t i = 0; i < length_; ++i) {
    if (at(i) != static_cast<unsigned char>(s[i])) return false;
  }
  return true;
}

int String::compare(const String* o) const {
  std::uint32_t n = std::min(length_, o->length_);
  if (is_one_byte() && o->is_one_byte()) {
    int c = std::memcmp(chars8(), o->chars8(), n);
    if (c != 0) return c < 0 ? -1 : 1;
  } else {
    for (std::uint32_t i = 0; i < n; ++i) {
      char16_t a = at(i), b = o->at(i);
      if (a != b) return a < b ? -1 : 1;
    }
  }
  if (length_ == o->length_) return 0;
  return length_ < o->length_ ? -1 : 1;
}

namespace {
// Visits the flat pieces of a string in order (ropes iteratively).
template <typename F>
void for_each_piece(const String* root, F&& f) {
  std::vector<const String*> stack{root};
  while (!stack.empty()) {
    const String* s = stack.back();
    stack.pop_back();
    if (s->is_rope()) {
      stack.push_back(s->rope_right());
      stack.push_back(s->rope_left());
      continue;
    }
    f(s);
  }
}
}  // namespace

void String::append_utf8(std::string& out) const {
  if (!is_rope() && is_one_byte()) {
    util::latin1_to_utf8(chars8(), length_, out);
    return;
  }
  std::u16string units = to_u16();
  util::utf16_to_utf8(units, out);
}

std::u16string String::to_u16() const {
  if (!is_rope()) {
    if (!is_one_byte()) return std::u16string(chars16(), length_);
    return std::u16string(chars8(), chars8() + length_);
  }
  std::u16string out;
  out.reserve(length_);
  for_each_piece(this, [&](const String* p) {
    if (p->is_one_byte()) {
      for (std::uint32_t i = 0; i < p->length(); ++i) out.push_back(p->chars8()[i]);
    } else {
      out.append(p->chars16(), p->length());
    }
  });
  return out;
}

// ---- VM string methods ----

String* VM::alloc_flat_string(std::uint32_t length, bool one_byte) {
  if (length > (1u << 30)) throw_range_error("Invalid string length");
  std::size_t bytes = static_cast<std::size_t>(length) * (one_byte ? 1 : 2);
  String* s = heap_.make<String>(CellKind::kString, bytes);
  s->length_ = length;
  s->chars_ = reinterpret_cast<char*>(s) + sizeof(String);
  s->cell_flags_ = one_byte ? String::kOneByte : 0;
  return s;
}

String* VM::new_string_latin1(const std::uint8_t* chars, std::size_t n) {
  if (n == 1) return single_char(chars[0]);
  if (n == 0 && atoms_.empty != nullptr) return atoms_.empty;
  String* s = alloc_flat_string(static_cast<std::uint32_t>(n), true);
  if (n != 0) std::memcpy(const_cast<void*>(s->chars_), chars, n);
  return s;
}

String* VM::new_string_utf16(const char16_t* chars, std::size_t n) {
  bool latin1 = true;
  for (std::size_t i = 0; i < n; ++i) {
    if (chars[i] > 0xFF) {
      latin1 = false;
      break;
    }
  }
  if (latin1) {
    if (n == 1) return single_char(chars[0]);
    String* s = alloc_flat_string(static_cast<std::uint32_t>(n), true);
    auto* d = static_cast<std::uint8_t*>(const_cast<void*>(s->chars_));
    for (std::size_t i = 0; i < n; ++i) d[i] = static_cast<std::uint8_t>(chars[i]);
    return s;
  }
  String* s = alloc_flat_string(static_cast<std::uint32_t>(n), false);
  std::memcpy(const_cast<void*>(s->chars_), chars, n * 2);
  return s;
}

String* VM::new_string_utf8(std::string_view s) {
  bool ascii = true;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return new_string_ascii(s);
  std::u16string u;
  util::utf8_to_utf16(s, u);
  return new_string_utf16(u);
}

String* VM::single_char(char16_t c) {
  if (c < 256) {
    if (single_chars_[c] == nullptr) {
      String* s = alloc_flat_string(1, true);
      *static_cast<std::uint8_t*>(const_cast<void*>(s->chars_)) = static_cast<std::uint8_t>(c);
      single_chars_[c] = atomize(s);
    }
    return single_chars_[c];
  }
  String* s = alloc_flat_string(1, false);
  *static_cast<char16_t*>(const_cast<void*>(s->chars_)) = c;
  return s;
}

String* VM::concat(String* a, String* b) {
  if (a->length() == 0) return b;
  if (b->length() == 0) return a;
  std::uint64_t len = static_cast<std::uint64_t>(a->length()) + b->length();
  if (len > (1u << 30)) throw_range_error("Invalid string length");
  bool one_byte = a->is_one_byte() && b->is_one_byte();
  // Short results are copied flat: cheaper than a rope and its later flattening.
  if (len <= 64 && !a->is_rope() && !b->is_rope()) {
    Rooted ra(*this, Value::string(a));
    Rooted rb(*this, Value::string(b));
    String* s = alloc_flat_string(static_cast<std::uint32_t>(len), one_byte);
    a = ra.string();
    b = rb.string();
    if (one_byte) {
      auto* d = static_cast<std::uint8_t*>(const_cast<void*>(s->chars_));
      std::memcpy(d, a->chars8(), a->length());
      std::memcpy(d + a->length(), b->chars8(), b->length());
    } else {
      auto* d = static_cast<char16_t*>(const_cast<void*>(s->chars_));
      for (std::uint32_t i = 0; i < a->length(); ++i) d[i] = a->at(i);
      for (std::uint32_t i = 0; i < b->length(); ++i) d[a->length() + i] = b->at(i);
    }
    return s;
  }
  Rooted ra(*this, Value::string(a));
  Rooted rb(*this, Value::string(b));
  String* s = heap_.make<String>(CellKind::kString, 0);
  s->length_ = static_cast<std::uint32_t>(len);
  s->cell_flags_ = String::kRope | (one_byte ? String::kOneByte : 0);
  s->left_ = ra.string();
  s->right_ = rb.string();
  return s;
}

namespace {
// Copies the characters of `s` (any representation) into dst, iteratively.
template <typename C>
void copy_chars(String* root, C* dst) {
  std::vector<std::pair<String*, std::uint32_t>> work;
  work.emplace_back(root, 0);
  while (!work.empty()) {
    auto [s, offset] = work.back();
    work.pop_back();
    if (s->is_rope()) {
      work.emplace_back(s->rope_right(), offset + s->rope_left()->length());
      work.emplace_back(s->rope_left(), offset);
      continue;
    }
    if (s->is_one_byte()) {
      const std::uint8_t* src = s->chars8();
      for (std::uint32_t i = 0; i < s->length(); ++i) dst[offset + i] = src[i];
    } else {
      if constexpr (sizeof(C) == 2) {
        std::memcpy(dst + offset, s->chars16(), s->length() * 2);
      }
    }
  }
}
}  // namespace

String* VM::flatten(String* s) {
  if (!s->is_rope()) return s;
  std::size_t unit = s->is_one_byte() ? 1 : 2;
  std::size_t bytes = static_cast<std::size_t>(s->length()) * unit;
  {
    Rooted keep(*this, Value::string(s));
    heap_.check_limit_for(bytes);
  }
  void* buf = std::malloc(bytes == 0 ? 1 : bytes);
  if (buf == nullptr) throw std::bad_alloc();
  if (unit == 1) {
    copy_chars(s, static_cast<std::uint8_t*>(buf));
  } else {
    copy_chars(s, static_cast<char16_t*>(buf));
  }
  heap_.add_external(bytes);
  s->chars_ = buf;
  s->left_ = nullptr;
  s->right_ = nullptr;
  s->cell_flags_ |= String::kFlattened;
  return s;
}

String* VM::substring(String* s, std::uint32_t start, std::uint32_t end) {
  s = flatten(s);
  if (start == 0 && end == s->length()) return s;
  if (end <= start) return atoms_.empty;
  std::uint32_t n = end - start;
  if (s->is_one_byte()) return new_string_latin1(s->chars8() + start, n);
  Rooted keep(*this, Value::string(s));
  return new_string_utf16(s->chars16() + start, n);
}

bool VM::string_equals(String* a, String* b) {
  if (a == b) return true;
  if (a->length() != b->length()) return false;
  if (a->is_atom() && b->is_atom()) return false;
  Rooted rb(*this, Value::string(b));
  a = flatten(a);
  Rooted ra(*this, Value::string(a));
  b = flatten(rb.string());
  return ra.string()->equals(b);
}

// ---- atoms: open-addressing hash set, weak (swept after marking) ----

String* VM::find_or_add_atom(String* s) {
  if (atom_count_ * 2 >= atom_table_.size()) {
    std::vector<String*> old = std::move(atom_table_);
    atom_table_.assign(old.empty() ? 1024 : old.size() * 2, nullptr);
    atom_count_ = 0;
    for (String* a : old) {
      if (a == nullptr) continue;
      std::size_t mask = atom_table_.size() - 1;
      std::size_t i = a->hash() & mask;
      while (atom_table_[i] != nullptr) i = (i + 1) & mask;
      atom_table_[i] = a;
      ++atom_count_;
    }
  }
  std::size_t mask = atom_table_.size() - 1;
  std::size_t i = s->hash() & mask;
  while (atom_table_[i] != nullptr) {
    String* a = atom_table_[i];
    if (a->hash() == s->hash() && a->equals(s)) return a;
    i = (i + 1) & mask;
  }
  atom_table_[i] = s;
  ++atom_count_;
  s->cell_flags_ |= String::kAtom;
  return s;
}

String* VM::atomize(String* s) {
  if (s->is_atom()) return s;
  if (!s->is_rope() && s->left_ != nullptr) return s->left_;
  s = flatten(s);
  Rooted orig(*this, Value::string(s));
  if (s->has_flat_buffer()) {
    // Atoms must own inline data: copy the flattened rope into a flat string.
    String* copy = alloc_flat_string(s->length(), s->is_one_byte());
    s = orig.string();
    std::memcpy(const_cast<void*>(copy->chars_), s->chars_,
                std::size_t{s->length()} * (s->is_one_byte() ? 1 : 2));
    s = copy;
  }
  String* a = find_or_add_atom(s);
  if (a != orig.string()) orig.string()->left_ = a;
  return a;
}

String* VM::find_atom_latin1(const std::uint8_t* chars, std::size_t n, std::uint32_t hash) {
  if (atom_table_.empty()) return nullptr;
  std::size_t mask = atom_table_.size() - 1;
  std::size_t i = hash & mask;
  while (atom_table_[i] != nullptr) {
    String* a = atom_table_[i];
    if (a->hash() == hash && a->length() == n && a->is_one_byte() &&
        std::memcmp(a->chars8(), chars, n) == 0) {
      return a;
    }
    i = (i + 1) & mask;
  }
  return nullptr;
}

String* VM::intern(std::string_view ascii) {
  auto* p = reinterpret_cast<const std::uint8_t*>(ascii.data());
  std::uint32_t h = hash_chars(p, ascii.size());
  if (String* a = find_atom_latin1(p, ascii.size(), h)) return a;
  return atomize(new_string_latin1(p, ascii.size()));
}

void VM::sweep_atoms() {
  // Rebuild without the unmarked atoms (deleting from linear probing in
  // place would break probe chains).
  std::vector<String*> live;
  live.reserve(atom_count_);
  for (String* a : atom_table_) {
    if (a != nullptr && a->is_marked()) live.push_back(a);
  }
  if (live.size() == atom_count_) return;
  std::size_t size = atom_table_.size();
  while (size > 1024 && live.size() * 8 < size) size /= 2;
  atom_table_.assign(size, nullptr);
  atom_count_ = 0;
  std::size_t mask = size - 1;
  for (String* a : live) {
    std::size_t i = a->hash() & mask;
    while (atom_table_[i] != nullptr) i = (i + 1) & mask;
    atom_table_[i] = a;
    ++atom_count_;
  }
  for (auto& c : single_chars_) {
    if (c != nullptr && !c->is_marked()) c = nullptr;
  }
}

String* VM::number_to_string(double d) {
  if (d >= 0 && d < 10 && d == static_cast<int>(d) && !(d == 0 && std::signbit(d))) {
    return single_char(static_cast<char16_t>('0' + static_cast<int>(d)));
  }
  std::string s;
  util::number_to_string(d, s);
  return new_string_ascii(s);
}

Value VM::key_to_value(PropertyKey key) {
  if (key.is_atom()) return Value::string(key.as_atom());
  if (key.is_index()) return Value::string(number_to_string(key.as_index()));
  return Value::undefined();
}

}  // namespace kite::vm

#include "objects/string_builder.h"

namespace kite::vm {

String* StringBuilder::finish(VM& vm) {
  if (wide_) return vm.new_string_utf16(u16_);
  return vm.new_string_latin1(reinterpret_cast<const std::uint8_t*>(bytes_.data()), bytes_.size());
}

String* VM::concat_many(const Value* parts, std::uint32_t n) {
  std::uint64_t len = 0;
  bool one_byte = true;
  for (std::uint32_t i = 0; i < n; ++i) {
    String* p = parts[i].as_string();
    len += p->length();
    one_byte = one_byte && p->is_one_byte();
  }
  if (len > (1u << 30)) throw_range_error("Invalid string length");
  // Flatten first (may allocate; the parts stay rooted by the caller).
  for (std::uint32_t i = 0; i < n; ++i) {
    if (parts[i].as_string()->is_rope()) flatten(parts[i].as_string());
  }
  String* s = alloc_flat_string(static_cast<std::uint32_t>(len), one_byte);
  std::uint32_t at = 0;
  if (one_byte) {
    auto* d = static_cast<std::uint8_t*>(const_cast<void*>(s->chars_));
    for (std::uint32_t i = 0; i < n; ++i) {
      const String* p = parts[i].as_string();
      std::memcpy(d + at, p->chars8(), p->length());
      at += p->length();
    }
  } else {
    auto* d = static_cast<char16_t*>(const_cast<void*>(s->chars_));
    for (std::uint32_t i = 0; i < n; ++i) {
      const String* p = parts[i].as_string();
      for (std::uint32_t j = 0; j < p->length(); ++j) d[at + j] = p->at(j);
      at += p->length();
    }
  }
  return s;
}

}  // namespace kite::vm
