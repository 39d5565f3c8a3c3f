// `kite-bench report RESULTS... -o DIR`: report.md and report.html in DIR,
// and one summary line appended to the history (report.h).
#include "commands.h"
#include "report.h"

#include <kite/harness/machine.h>

#include <fmt/format.h>

#include <fstream>

namespace kite::bench {

namespace fs = std::filesystem;

namespace {

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw harness::ResultError("cannot write " + path.string());
}

// The last line of a `kite-bench check` output that starts with "gate:".
std::string verdict_of(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw harness::ResultError("cannot open " + path.string());
  std::string line, verdict;
  while (std::getline(in, line)) {
    if (line.starts_with("gate:")) verdict = line;
  }
  if (verdict.empty()) throw harness::ResultError(path.string() + " holds no 'gate:' line");
  return verdict;
}

}  // namespace

int report_command(const std::vector<std::string>& command_args, Io io) {
  using A = OptionSpec::Arity;
  const Args args = Args::parse(command_args, {{"--out", A::kValue, "-o"},
                                               {"--baseline", A::kList},
                                               {"--gate", A::kList},
                                               {"--history", A::kValue},
                                               {"--no-history", A::kSwitch},
                                               {"--date", A::kValue}});
  if (args.positional().empty()) throw UsageError("report needs at least one RESULT.json");
  const auto out = args.get("--out");
  if (!out) throw UsageError("report needs -o DIR (e.g. reports/2026-12-01/)");
  const fs::path dir = fs::path(*out).lexically_normal();

  ReportInput input;
  for (const std::string& path : args.positional()) {
    input.results.push_back({fs::path(path).filename().string(), harness::read_result_file(path)});
  }
  for (const std::string& path : args.all("--baseline")) {
    input.baselines.push_back({path, harness::read_result_file(path)});
  }
  for (const std::string& path : args.all("--gate")) {
    input.gates[fs::path(path).stem().string()] = verdict_of(path);
  }
  input.title_date = args.get("--date").value_or(harness::utc_now_iso8601().substr(0, 10));
  // reports/<date>/ -> reports/history.jsonl: the history sits beside the dated folders.
  const fs::path history = args.get("--history")
                               .value_or((dir.has_filename() ? dir : dir.parent_path())
                                             .parent_path()
                                             .append("history.jsonl")
                                             .string());
  input.history = read_history(history);

  fs::create_directories(dir);
  write_text(dir / "report.md", render_markdown(input));
  write_text(dir / "report.html", render_html(input));
  io.out << "report: " << (dir / "report.html").string() << " and report.md\n";
  if (!args.has("--no-history")) {
    std::ofstream append(history, std::ios::app);
    append << history_line(summarize(input)) << '\n';
    if (!append) throw harness::ResultError("cannot append to " + history.string());
    io.out << fmt::format("report: appended a summary line to {} ({} earlier)\n", history.string(),
                          input.history.size());
  }
  return 0;
}

}  // namespace kite::bench
