// kite-load: an HTTP/1.1 load generator for loopback targets
// (docs/harness.md, "kite-load").
#include "load.h"
#include "options.h"
#include "report.h"

#include <sys/resource.h>

#include <algorithm>
#include <exception>
#include <iostream>

namespace {

// Enough descriptors for every connection, within the hard limit.
void raise_descriptor_limit(int connections) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  const rlim_t wanted = static_cast<rlim_t>(connections) + 64;
  if (limit.rlim_cur >= wanted) return;
  limit.rlim_cur = std::min(wanted, limit.rlim_max);
  setrlimit(RLIMIT_NOFILE, &limit);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kite::load;
  LoadOptions options;
  try {
    options = parse_options(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const UsageError& e) {
    std::cerr << "kite-load: " << e.what() << "\n\n" << usage();
    return 2;
  }
  if (options.help) {
    std::cout << usage();
    return 0;
  }
  try {
    probe_server(options.target, options.timeout_ns);
    raise_descriptor_limit(options.connections);
    print_header(std::cout, options);
    const LoadRun run = run_load(options);
    print_summary(std::cout, options, run);
    if (options.json_path) {
      if (requests_per_second(run) > 0) {
        kite::harness::write_result_file(make_result(options, run), *options.json_path);
        std::cerr << "kite-load: wrote " << *options.json_path << '\n';
      } else {
        std::cerr << "kite-load: no request completed in the window; no result written\n";
      }
    }
    return exit_status(options, run);
  } catch (const std::exception& e) {
    std::cerr << "kite-load: " << e.what() << '\n';
    return 2;
  }
}
