// StringBuilder: accumulates code units for a new String, staying one-byte
// (Latin-1) until a wider unit arrives.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "objects/string.h"

namespace kite::vm {

class VM;

class StringBuilder {
 public:
  StringBuilder() = default;
  // Starts empty, writing one-byte content into `buffer`'s storage.
  explicit StringBuilder(std::string buffer) : bytes_(std::move(buffer)) { bytes_.clear(); }

  void append_ascii(std::string_view s) {
    if (wide_) {
      for (char c : s) u16_.push_back(static_cast<unsigned char>(c));
    } else {
      bytes_.append(s);
    }
  }
  void append_char(char16_t c) {
    if (!wide_) {
      if (c <= 0xFF) {
        bytes_.push_back(static_cast<char>(c));
        return;
      }
      widen();
    }
    u16_.push_back(c);
  }
  // `s` must be flat.
  void append(const String* s) {
    if (!wide_ && s->is_one_byte()) {
      bytes_.append(reinterpret_cast<const char*>(s->chars8()), s->length());
      return;
    }
    if (!wide_) widen();
    if (s->is_one_byte()) {
      for (std::uint32_t i = 0; i < s->length(); ++i) u16_.push_back(s->chars8()[i]);
    } else {
      u16_.append(s->chars16(), s->length());
    }
  }
  std::size_t size() const { return wide_ ? u16_.size() : bytes_.size(); }
  // Drops everything after the first n code units (widening keeps unit counts).
  void truncate(std::size_t n) {
    if (wide_) {
      u16_.resize(n);
    } else {
      bytes_.resize(n);
    }
  }
  bool is_wide() const { return wide_; }
  const std::string& bytes() const { return bytes_; }
  const std::u16string& units() const { return u16_; }
  String* finish(VM& vm);
  // Gives up the one-byte buffer (its storage, for reuse); the builder is
  // left empty.
  std::string take_buffer() {
    bytes_.clear();
    return std::move(bytes_);
  }

 private:
  void widen() {
    wide_ = true;
    u16_.reserve(bytes_.size() * 2 + 16);
    for (unsigned char c : bytes_) u16_.push_back(c);
    bytes_.clear();
  }
  std::string bytes_;
  std::u16string u16_;
  bool wide_ = false;
};

}  // namespace kite::vm
