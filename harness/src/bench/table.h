// Plain-text tables for the terminal: the first and last columns (name and
// verdict) left-aligned, numbers right-aligned, two spaces between columns.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kite::bench {

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// "12.3 us", "1.25M instr", "4.2e+03 bytes"; "-" when absent.
std::string format_value(std::optional<double> value, std::string_view unit);
// A badness ratio as a signed change: 1.103 -> "+10.3%"; "-" when absent.
std::string format_change(std::optional<double> ratio);
std::string format_ratio(std::optional<double> ratio);

}  // namespace kite::bench
