// Running a child process and collecting its output (used to spawn the
// microbench and valgrind). Blocking; one child at a time per caller.
#pragma once

#include <string>
#include <vector>

namespace kite::bench {

struct ProcessResult {
  int exit_code = 0;  // the exit status, or 128 + signal number; 127 when exec failed
  std::string stdout_text;
  std::string stderr_text;  // empty unless captured
};

// Runs argv[0] (looked up in PATH when it has no slash) with the rest of
// argv as arguments and waits for it. Stdout is always captured; stderr is
// captured when `capture_stderr`, else it goes to this process's stderr.
// With `cpu` >= 0 the child is pinned to that CPU (sched_setaffinity).
ProcessResult run_process(const std::vector<std::string>& argv, bool capture_stderr, int cpu = -1);

// The last line of `output` that is not blank, without surrounding white
// space and cut to 200 characters: what a failed program said, for a note.
std::string last_line(const std::string& output);

}  // namespace kite::bench
