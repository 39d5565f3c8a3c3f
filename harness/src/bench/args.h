// A small command-line parser for kite-bench's subcommands: declared
// options only, `--name value` or `--name=value`, list options that take
// every following word up to the next option, and positional arguments.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace kite::bench {

// A command line that cannot be used: exit status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct OptionSpec {
  enum class Arity { kSwitch, kValue, kList };
  std::string name;  // with its dashes: "--runs"
  Arity arity;
  std::string alias = {};  // another spelling, e.g. "-o" for "--out"
};

class Args {
 public:
  // Throws UsageError on an unknown option or a missing value.
  static Args parse(std::span<const std::string> argv, const std::vector<OptionSpec>& spec);

  bool has(const std::string& name) const { return values_.contains(name); }
  // The last value given for `name`, or nullopt.
  std::optional<std::string> get(const std::string& name) const;
  // Every value given for `name`, verbatim.
  std::vector<std::string> all(const std::string& name) const;
  // Every value given for `name`, with comma-separated values split.
  std::vector<std::string> list(const std::string& name) const;
  // A number, or `fallback` when absent; UsageError when not a number or
  // below `minimum`.
  double number(const std::string& name, double fallback, double minimum) const;
  int integer(const std::string& name, int fallback, int minimum) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
};

}  // namespace kite::bench
