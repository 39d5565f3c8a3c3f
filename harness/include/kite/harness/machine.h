// The machine a result was measured on, and the run context of this build.
//
// Machine class (docs/harness.md): `<arch>-<cores>c-<cpu-slug>`, e.g.
// `x86_64-2c-amd-epyc`. The slug is the CPU model name with "(R)", "(TM)",
// the words "CPU" and "Processor" and everything from "@" on removed,
// lower-cased, every run of other characters turned into one dash, trimmed,
// and cut to 40 characters. The environment variable KITE_MACHINE_CLASS
// overrides the whole class (for CI fleets whose identical machines report
// different names).
#pragma once

#include <kite/harness/results.h>

#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace kite::harness {

inline constexpr std::size_t kCpuSlugMaxLength = 40;

std::string cpu_model_slug(std::string_view cpu_model);
std::string machine_class(std::string_view arch, int cores, std::string_view cpu_model);

// The first "model name" (or, on ARM, "Hardware"/"CPU part") line of a
// /proc/cpuinfo text; "unknown" when there is none.
std::string cpu_model_from_cpuinfo(std::istream& cpuinfo);

struct HostInfo {
  std::string arch;
  std::string cpu_model;
  int cores = 0;
  std::string kernel;
  std::string machine_class;  // honours KITE_MACHINE_CLASS
};

// Reads /proc/cpuinfo, uname and the online CPU count.
HostInfo probe_host();

// The current time as UTC ISO-8601 ("2025-01-31T12:00:00Z").
std::string utc_now_iso8601();

// A run context for this host and this build (compiler, build type, perf
// flags and commit of the build that compiled the harness), stamped now.
RunContext current_context(std::string metric, std::string tool,
                           std::vector<std::string> arguments);

}  // namespace kite::harness
