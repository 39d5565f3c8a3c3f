// Spawning the microbench in time and instruction mode (runner.h).
#include "runner.h"

#include "process.h"

#include <kite/harness/gbench.h>

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>

namespace kite::bench {

namespace fs = std::filesystem;
using harness::ResultError;

namespace {

bool is_executable_file(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec) && access(path.c_str(), X_OK) == 0;
}

std::vector<std::string> base_command(const Microbench& microbench) {
  std::vector<std::string> argv{microbench.binary.string()};
  if (!microbench.filter.empty()) argv.push_back("--benchmark_filter=" + microbench.filter);
  argv.insert(argv.end(), microbench.extra_args.begin(), microbench.extra_args.end());
  return argv;
}

// `name` with every regex metacharacter escaped.
std::string escape_regex(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string exact_regex(std::string_view name) {
  std::string out = "^";
  out += escape_regex(name);
  out += '$';
  return out;
}

// The total instruction count in a callgrind output file ("totals:" or,
// in older versions, "summary:").
std::optional<double> callgrind_total(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  std::optional<double> summary;
  while (std::getline(in, line)) {
    for (std::string_view key : {"totals:", "summary:"}) {
      if (line.starts_with(key)) {
        std::istringstream fields(line.substr(key.size()));
        double ir = 0;
        if (fields >> ir) {
          if (key == "totals:") return ir;
          summary = ir;
        }
      }
    }
  }
  return summary;
}

std::string tail(const std::string& text, std::size_t lines) {
  std::size_t pos = text.size();
  for (std::size_t n = 0; n <= lines && pos > 0; ++n) {
    pos = text.rfind('\n', pos - 1);
    if (pos == std::string::npos) return text;
  }
  return text.substr(pos + 1);
}

}  // namespace

std::optional<fs::path> find_microbench(const fs::path& build_dir) {
  for (const fs::path& candidate :
       {build_dir / "harness/src/microbench" / kMicrobenchName, build_dir / kMicrobenchName}) {
    if (is_executable_file(candidate)) return candidate;
  }
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(build_dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory() && it->path().filename() == "CMakeFiles") {
      it.disable_recursion_pending();
    } else if (it->path().filename() == kMicrobenchName && is_executable_file(it->path())) {
      return it->path();
    }
  }
  return std::nullopt;
}

std::optional<fs::path> default_microbench() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  if (is_executable_file(self.parent_path() / kMicrobenchName)) {
    return self.parent_path() / kMicrobenchName;
  }
  for (fs::path dir = self.parent_path(); !dir.empty() && dir != dir.root_path();
       dir = dir.parent_path()) {
    if (fs::exists(dir / "CMakeCache.txt", ec)) return find_microbench(dir);
  }
  return std::nullopt;
}

std::string exact_names_regex(const std::vector<std::string>& names) {
  std::string out = "^(";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += "|";
    out += escape_regex(names[i]);
  }
  out += ")$";
  return out;
}

harness::ResultFile measure_time(const Microbench& microbench, int runs,
                                 harness::Statistic statistic, const harness::RunContext& context,
                                 std::ostream& log) {
  std::vector<harness::ResultFile> results;
  std::vector<std::string> argv = base_command(microbench);
  argv.emplace_back("--benchmark_format=json");
  for (int run = 1; run <= runs; ++run) {
    const auto start = std::chrono::steady_clock::now();
    log << fmt::format("run {}/{}: {}", run, runs, microbench.binary.string()) << std::flush;
    const ProcessResult child = run_process(argv, /*capture_stderr=*/false);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    log << fmt::format(" ({:.1f} s)\n", took.count());
    if (child.exit_code != 0) {
      throw ResultError(fmt::format("{} exited with status {} (run {}/{}): fix the microbench",
                                    microbench.binary.string(), child.exit_code, run, runs));
    }
    try {
      results.push_back(harness::parse_gbench(child.stdout_text, context, statistic));
    } catch (const ResultError& e) {
      throw ResultError(microbench.binary.string() + ": " + e.what());
    }
    if (results.back().benchmarks.empty()) {
      throw ResultError(
          microbench.binary.string() + " ran no benchmark" +
          (microbench.filter.empty() ? "" : " matching --filter " + microbench.filter));
    }
  }
  return harness::merge_results(results, statistic);
}

std::vector<std::string> list_benchmarks(const Microbench& microbench) {
  std::vector<std::string> argv = base_command(microbench);
  argv.emplace_back("--benchmark_list_tests=true");
  const ProcessResult child = run_process(argv, /*capture_stderr=*/false);
  if (child.exit_code != 0) {
    throw ResultError(fmt::format("{} --benchmark_list_tests exited with status {}",
                                  microbench.binary.string(), child.exit_code));
  }
  std::vector<std::string> names;
  std::istringstream lines(child.stdout_text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) names.push_back(line);
  }
  return names;
}

harness::ResultFile measure_instructions(const Microbench& microbench, int runs, int iterations,
                                         const harness::RunContext& context, std::ostream& log) {
  if (run_process({"valgrind", "--version"}, /*capture_stderr=*/true).exit_code != 0) {
    throw ResultError(
        "--metric instructions needs valgrind: install it (scripts/setup.sh or apt-get install "
        "valgrind)");
  }
  std::vector<std::string> names;
  for (const std::string& name : list_benchmarks(microbench)) {
    if (name.starts_with("js/")) names.push_back(name);
  }
  if (names.empty()) throw ResultError(microbench.binary.string() + " lists no js/ benchmark");

  char pattern[] = "/tmp/kite-bench-XXXXXX";
  if (!mkdtemp(pattern)) throw ResultError("cannot create a temporary folder in /tmp");
  const fs::path scratch = pattern;
  const fs::path out_file = scratch / "callgrind.out";

  std::vector<harness::ResultFile> results;
  for (int run = 1; run <= runs; ++run) {
    harness::ResultFile result;
    result.context = context;
    for (const std::string& name : names) {
      const auto start = std::chrono::steady_clock::now();
      log << fmt::format("run {}/{}: {} under callgrind", run, runs, name) << std::flush;
      std::vector<std::string> argv{"valgrind",
                                    "--tool=callgrind",
                                    "--callgrind-out-file=" + out_file.string(),
                                    microbench.binary.string(),
                                    "--benchmark_filter=" + exact_regex(name),
                                    fmt::format("--kite_iterations={}", iterations)};
      argv.insert(argv.end(), microbench.extra_args.begin(), microbench.extra_args.end());
      std::error_code ec;
      fs::remove(out_file, ec);
      const ProcessResult child = run_process(argv, /*capture_stderr=*/true);
      const std::optional<double> ir = callgrind_total(out_file);
      const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      log << fmt::format(" ({:.1f} s)\n", took.count());
      if (child.exit_code != 0 || !ir) {
        fs::remove_all(scratch, ec);
        throw ResultError(fmt::format("{} under callgrind exited with status {}{}:\n{}", name,
                                      child.exit_code, ir ? "" : " and wrote no instruction total",
                                      tail(child.stderr_text, 5)));
      }
      result.benchmarks.push_back(harness::Benchmark{.name = name,
                                                     .kind = harness::kind_for_name(name),
                                                     .unit = "instructions",
                                                     .value = *ir,
                                                     .higher_is_better = false,
                                                     .statistic = harness::Statistic::kSingle,
                                                     .samples = {*ir},
                                                     .counters = {{"iterations", iterations}}});
    }
    results.push_back(std::move(result));
  }
  std::error_code ec;
  fs::remove_all(scratch, ec);
  return harness::merge_results(results, harness::Statistic::kBest);
}

}  // namespace kite::bench
