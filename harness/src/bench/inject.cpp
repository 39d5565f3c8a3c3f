// The KITE_BENCH_INJECT test hook (inject.h).
#include "inject.h"

#include <charconv>
#include <cmath>

namespace kite::bench {

std::map<std::string, double> parse_inject(std::string_view spec) {
  std::map<std::string, double> factors;
  std::size_t start = 0;
  while (start < spec.size()) {
    const auto comma = spec.find(',', start);
    const std::string_view item = spec.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    start = comma == std::string_view::npos ? spec.size() : comma + 1;
    if (item.empty()) continue;
    const auto colon = item.rfind(':');
    double factor = 0;
    const char* end = item.data() + item.size();
    if (colon == std::string_view::npos || colon == 0 ||
        std::from_chars(item.data() + colon + 1, end, factor).ptr != end ||
        !std::isfinite(factor) || factor <= 0) {
      throw UsageError(std::string(kInjectEnv) + ": '" + std::string(item) +
                       "' is not NAME:FACTOR with a positive factor (e.g. js/fib:1.10)");
    }
    factors[std::string(item.substr(0, colon))] = factor;
  }
  return factors;
}

void apply_inject(harness::ResultFile& result, const std::map<std::string, double>& factors) {
  for (const auto& [name, factor] : factors) {
    harness::Benchmark* b = result.find(name);
    if (!b) {
      throw UsageError(std::string(kInjectEnv) + " names '" + name +
                       "', which is not in the current run");
    }
    const double scale = b->higher_is_better ? 1.0 / factor : factor;
    b->value *= scale;
    for (double& sample : b->samples) sample *= scale;
  }
}

}  // namespace kite::bench
