// `kite-bench report`: result files in, one Markdown page and one
// self-contained HTML page out (inline SVG charts, inline CSS, no script,
// no external asset), plus the summary line appended to the history
// (docs/harness.md, "kite-bench report"). Rendering is pure: files are read
// and written only by report_command.
#pragma once

#include <kite/harness/results.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kite::bench {

// One earlier run, one line of reports/history.jsonl:
//   {"date":"2026-12-01T03:00:00Z","commit":"abc123","machine_class":"...",
//    "values":{"http/kite/api/health":41234.5,...},"gates":{"gate-http":"gate: PASS ..."}}
struct HistoryPoint {
  std::string date;
  std::string commit;
  std::string machine_class;
  std::map<std::string, double> values;  // Kite's entries (and micro geomeans) by name
  std::map<std::string, std::string> gates;

  bool operator==(const HistoryPoint&) const = default;
};

std::string history_line(const HistoryPoint& point);  // one line of JSON, no newline
// Every parseable line of `path`, oldest first; a missing file is empty
// history, a malformed line is skipped.
std::vector<HistoryPoint> read_history(const std::filesystem::path& path);

struct NamedResult {
  std::string label;  // the file name, as the report shows it
  harness::ResultFile result;
};

struct ReportInput {
  std::string title_date;                    // "2026-12-01"
  std::vector<NamedResult> results;          // micro, http, coldstart ... in any mix
  std::vector<NamedResult> baselines;        // before/after tables, matched by metric and name
  std::map<std::string, std::string> gates;  // label -> the gate's verdict line
  std::vector<HistoryPoint> history;         // earlier runs, oldest first
};

// The summary of this run that goes into the history.
HistoryPoint summarize(const ReportInput& input);

std::string render_markdown(const ReportInput& input);
// One HTML5 page; its charts are <svg> elements with ids chart-http-rps-*,
// chart-http-p99-*, chart-coldstart, chart-memory-* and chart-history-*.
std::string render_html(const ReportInput& input);

}  // namespace kite::bench
