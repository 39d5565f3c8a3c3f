// The subcommand option parser (args.h).
#include "args.h"

#include <charconv>
#include <cmath>

namespace kite::bench {

Args Args::parse(std::span<const std::string> argv, const std::vector<OptionSpec>& spec) {
  Args args;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& word = argv[i];
    if (!word.starts_with("-") || word == "-") {
      args.positional_.push_back(word);
      continue;
    }
    std::string name = word;
    std::optional<std::string> inline_value;
    if (const auto eq = word.find('='); eq != std::string::npos) {
      name = word.substr(0, eq);
      inline_value = word.substr(eq + 1);
    }
    const OptionSpec* option = nullptr;
    for (const OptionSpec& s : spec) {
      if (s.name == name || (!s.alias.empty() && s.alias == name)) option = &s;
    }
    if (!option) throw UsageError("unknown option '" + name + "'");
    auto& values = args.values_[option->name];
    switch (option->arity) {
      case OptionSpec::Arity::kSwitch:
        if (inline_value) throw UsageError(name + " takes no value");
        values.emplace_back("true");
        break;
      case OptionSpec::Arity::kValue:
        if (inline_value) {
          values.push_back(*inline_value);
        } else if (i + 1 < argv.size()) {
          values.push_back(argv[++i]);
        } else {
          throw UsageError(name + " needs a value");
        }
        break;
      case OptionSpec::Arity::kList:
        if (inline_value) {
          values.push_back(*inline_value);
          break;
        }
        if (i + 1 >= argv.size() || argv[i + 1].starts_with("--")) {
          throw UsageError(name + " needs a value");
        }
        while (i + 1 < argv.size() && !argv[i + 1].starts_with("--")) values.push_back(argv[++i]);
        break;
    }
  }
  return args;
}

std::optional<std::string> Args::get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Args::all(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::vector<std::string> Args::list(const std::string& name) const {
  std::vector<std::string> out;
  auto it = values_.find(name);
  if (it == values_.end()) return out;
  for (const std::string& value : it->second) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const auto comma = value.find(',', start);
      const std::string item = value.substr(start, comma - start);
      if (!item.empty()) out.push_back(item);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

double Args::number(const std::string& name, double fallback, double minimum) const {
  const auto text = get(name);
  if (!text) return fallback;
  double value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || !std::isfinite(value)) {
    throw UsageError(name + " needs a number, got '" + *text + "'");
  }
  if (value < minimum) {
    throw UsageError(name + " must be at least " + std::to_string(minimum) + ", got " + *text);
  }
  return value;
}

int Args::integer(const std::string& name, int fallback, int minimum) const {
  const auto text = get(name);
  if (!text) return fallback;
  int value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) {
    throw UsageError(name + " needs a whole number, got '" + *text + "'");
  }
  if (value < minimum) {
    throw UsageError(name + " must be at least " + std::to_string(minimum) + ", got " + *text);
  }
  return value;
}

}  // namespace kite::bench
