// Host probing, machine class and the run context of this build (machine.h).
#include <kite/build_info.h>
#include <kite/harness/machine.h>
#include <kite/perf_flags.h>

#include <sys/utsname.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>

namespace kite::harness {

namespace {

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Removes every case-insensitive occurrence of `word`; when `whole_word`,
// only where it stands alone (bounded by non-alphanumerics or the ends).
void erase_word(std::string& text, std::string_view word, bool whole_word) {
  const std::string lowered = lower(text);
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const bool at_word = lowered.compare(i, word.size(), word) == 0;
    const bool left_ok =
        !whole_word || i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
    const std::size_t end = i + word.size();
    const bool right_ok =
        !whole_word || end >= text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
    if (at_word && left_ok && right_ok) {
      i = end;
    } else {
      out += text[i++];
    }
  }
  text = out;
}

}  // namespace

std::string cpu_model_slug(std::string_view cpu_model) {
  std::string text(cpu_model.substr(0, cpu_model.find('@')));
  for (std::string_view mark : {"(r)", "(tm)"}) erase_word(text, mark, /*whole_word=*/false);
  for (std::string_view word : {"cpu", "processor"}) erase_word(text, word, /*whole_word=*/true);
  std::string slug;
  for (char c : lower(text)) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      slug += c;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  if (slug.size() > kCpuSlugMaxLength) slug.resize(kCpuSlugMaxLength);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "unknown" : slug;
}

std::string machine_class(std::string_view arch, int cores, std::string_view cpu_model) {
  return std::string(arch) + "-" + std::to_string(cores) + "c-" + cpu_model_slug(cpu_model);
}

std::string cpu_model_from_cpuinfo(std::istream& cpuinfo) {
  std::string fallback;
  std::string line;
  while (std::getline(cpuinfo, line)) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string key = trim(std::string_view(line).substr(0, colon));
    std::string value = trim(std::string_view(line).substr(colon + 1));
    if (value.empty()) continue;
    if (key == "model name") return value;
    if (fallback.empty() && (key == "Hardware" || key == "CPU part")) fallback = value;
  }
  return fallback.empty() ? "unknown" : fallback;
}

HostInfo probe_host() {
  HostInfo host;
  utsname names{};
  if (uname(&names) == 0) {
    host.arch = names.machine;
    host.kernel = std::string(names.sysname) + " " + names.release;
  } else {
    host.arch = "unknown";
    host.kernel = "unknown";
  }
  std::ifstream cpuinfo("/proc/cpuinfo");
  host.cpu_model = cpu_model_from_cpuinfo(cpuinfo);
  const long online = sysconf(_SC_NPROCESSORS_ONLN);
  host.cores = online > 0 ? static_cast<int>(online) : 1;
  const char* forced = std::getenv("KITE_MACHINE_CLASS");
  host.machine_class = forced && *forced ? std::string(forced)
                                         : machine_class(host.arch, host.cores, host.cpu_model);
  return host;
}

std::string utc_now_iso8601() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

RunContext current_context(std::string metric, std::string tool,
                           std::vector<std::string> arguments) {
  const HostInfo host = probe_host();
  RunContext c;
  c.machine_class = host.machine_class;
  c.arch = host.arch;
  c.cpu_model = host.cpu_model;
  c.cores = host.cores;
  c.kernel = host.kernel;
  c.compiler = build_info::kCompiler;
  c.build_type = build_info::kBuildType;
  c.sanitize = build_info::kSanitize;
  c.perf_opts = kPerfOptsMaster;
  for (const PerfFlag& flag : kPerfFlags) c.perf_flags[flag.name] = flag.enabled;
  c.commit = build_info::kCommit;
  c.version = build_info::kVersion;
  c.date = utc_now_iso8601();
  c.metric = std::move(metric);
  c.tool = std::move(tool);
  c.arguments = std::move(arguments);
  return c;
}

}  // namespace kite::harness
