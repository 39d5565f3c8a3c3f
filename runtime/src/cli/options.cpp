#include "cli/options.h"

#include <cctype>
#include <cerrno>
#include <cstdio>

namespace kite::cli {

std::optional<std::size_t> parse_size(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::size_t value = 0;
  std::size_t i = 0;
  for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) {
    if (value > (SIZE_MAX - 9) / 10) return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(s[i] - '0');
  }
  if (i == 0) return std::nullopt;
  std::string_view unit = s.substr(i);
  std::size_t mult = 1;
  if (unit.empty() || unit == "b") {
    mult = 1;
  } else if (unit == "k" || unit == "K" || unit == "kb" || unit == "KB") {
    mult = 1024;
  } else if (unit == "m" || unit == "M" || unit == "mb" || unit == "MB") {
    mult = std::size_t{1024} * 1024;
  } else if (unit == "g" || unit == "G" || unit == "gb" || unit == "GB") {
    mult = std::size_t{1024} * 1024 * 1024;
  } else {
    return std::nullopt;
  }
  return value * mult;
}

std::optional<std::string> read_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return std::nullopt;
  std::string out;
  char buf[65536];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  bool err = std::ferror(f) != 0;
  int saved = errno;
  std::fclose(f);
  if (err) {
    errno = saved;
    return std::nullopt;
  }
  return out;
}

}  // namespace kite::cli
