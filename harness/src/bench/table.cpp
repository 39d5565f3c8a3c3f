// Terminal tables and value formatting (table.h).
#include "table.h"

#include <fmt/format.h>

#include <algorithm>

namespace kite::bench {

void Table::print(std::ostream& out) const {
  std::vector<std::size_t> widths(header_.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], row[i].size());
    }
  };
  measure(header_);
  for (const auto& row : rows_) measure(row);
  auto emit = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      if (i > 0) line += "  ";
      const bool left = i == 0 || i + 1 == widths.size();
      line += left ? fmt::format("{:<{}}", row[i], widths[i])
                   : fmt::format("{:>{}}", row[i], widths[i]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  emit(header_);
  for (const auto& row : rows_) emit(row);
}

std::string format_value(std::optional<double> value, std::string_view unit) {
  if (!value) return "-";
  const double v = *value;
  if (unit == "ns") {
    if (v >= 1e9) return fmt::format("{:.3f} s", v / 1e9);
    if (v >= 1e6) return fmt::format("{:.3f} ms", v / 1e6);
    if (v >= 1e3) return fmt::format("{:.3f} us", v / 1e3);
    return fmt::format("{:.2f} ns", v);
  }
  if (unit == "instructions") {
    if (v >= 1e9) return fmt::format("{:.4f}G instr", v / 1e9);
    if (v >= 1e6) return fmt::format("{:.4f}M instr", v / 1e6);
    return fmt::format("{:.0f} instr", v);
  }
  return fmt::format("{:.4g} {}", v, unit);
}

std::string format_change(std::optional<double> ratio) {
  if (!ratio) return "-";
  return fmt::format("{:+.1f}%", (*ratio - 1.0) * 100.0);
}

std::string format_ratio(std::optional<double> ratio) {
  if (!ratio) return "-";
  return fmt::format("{:.3f}", *ratio);
}

}  // namespace kite::bench
