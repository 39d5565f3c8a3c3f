// Markdown and HTML reports with inline SVG charts (report.h).
#include "report.h"

#include "comparison.h"
#include "servers.h"

#include <kite/harness/stats.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace kite::bench {

namespace {

using harness::Benchmark;
using harness::Kind;

// ---- the model: what the sections show --------------------------------

struct ServerEntry {
  std::string server;
  const Benchmark* bench;
};

// One reason a server was left out, with the results that give it.
struct SkipLine {
  std::string server;
  std::string reason;
  std::vector<std::string> labels;  // the files, as NamedResult::label
};

struct Sections {
  std::vector<std::string> http_paths;                   // first-seen order
  std::map<std::string, std::vector<ServerEntry>> http;  // path -> servers
  std::vector<ServerEntry> cold;
  std::vector<std::string> memory_metrics;                 // first-seen order
  std::map<std::string, std::vector<ServerEntry>> memory;  // metric -> servers
  std::vector<std::string> servers;                        // every server seen
  std::vector<SkipLine> skipped;  // context.skipped of every result, in server order
};

int server_rank(const std::string& server) {
  const auto it = std::find(kServerNames.begin(), kServerNames.end(), server);
  return static_cast<int>(it - kServerNames.begin());
}

void sort_servers(std::vector<ServerEntry>& entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const ServerEntry& a, const ServerEntry& b) {
    return server_rank(a.server) < server_rank(b.server);
  });
}

Sections sections_of(const ReportInput& input) {
  Sections s;
  auto note_server = [&](const std::string& server) {
    if (std::find(s.servers.begin(), s.servers.end(), server) == s.servers.end()) {
      s.servers.push_back(server);
    }
  };
  for (const NamedResult& file : input.results) {
    for (const Benchmark& b : file.result.benchmarks) {
      const EntryName n = split_entry_name(b.name);
      if (n.server.empty()) continue;
      if (b.kind == Kind::kHttp && !n.rest.empty()) {
        if (!s.http.contains(n.rest)) s.http_paths.push_back(n.rest);
        s.http[n.rest].push_back({n.server, &b});
      } else if (b.kind == Kind::kColdstart) {
        s.cold.push_back({n.server, &b});
      } else if (b.kind == Kind::kMemory && !n.rest.empty()) {
        const std::string metric = n.rest.substr(1);
        if (!s.memory.contains(metric)) s.memory_metrics.push_back(metric);
        s.memory[metric].push_back({n.server, &b});
      } else {
        continue;
      }
      note_server(n.server);
    }
  }
  for (const NamedResult& file : input.results) {
    for (const harness::SkippedServer& skip : file.result.context.skipped) {
      const auto same = std::find_if(s.skipped.begin(), s.skipped.end(), [&](const SkipLine& l) {
        return l.server == skip.server && l.reason == skip.reason;
      });
      if (same == s.skipped.end()) {
        s.skipped.push_back({skip.server, skip.reason, {file.label}});
      } else if (std::find(same->labels.begin(), same->labels.end(), file.label) ==
                 same->labels.end()) {
        same->labels.push_back(file.label);
      }
    }
  }
  std::stable_sort(s.skipped.begin(), s.skipped.end(), [](const SkipLine& a, const SkipLine& b) {
    return server_rank(a.server) < server_rank(b.server);
  });
  for (auto& [path, entries] : s.http) sort_servers(entries);
  for (auto& [metric, entries] : s.memory) sort_servers(entries);
  sort_servers(s.cold);
  std::stable_sort(s.servers.begin(), s.servers.end(),
                   [](const auto& a, const auto& b) { return server_rank(a) < server_rank(b); });
  return s;
}

const Benchmark* kite_of(const std::vector<ServerEntry>& entries) {
  for (const ServerEntry& e : entries) {
    if (e.server == "kite") return e.bench;
  }
  return nullptr;
}

std::optional<double> counter(const Benchmark& b, const std::string& name) {
  const auto it = b.counters.find(name);
  if (it == b.counters.end()) return std::nullopt;
  return it->second;
}

struct BeforeAfterRow {
  std::string name;
  std::string unit;
  double before = 0;
  double after = 0;
  double ratio = 1;  // badness: > 1 is worse
};

struct BeforeAfter {
  std::string label;
  std::vector<BeforeAfterRow> rows;
  double geomean = 1;
};

std::vector<BeforeAfter> before_after(const ReportInput& input) {
  std::vector<BeforeAfter> tables;
  for (const NamedResult& baseline : input.baselines) {
    BeforeAfter table{baseline.label, {}, 1};
    std::vector<double> ratios;
    for (const Benchmark& before : baseline.result.benchmarks) {
      for (const NamedResult& file : input.results) {
        if (file.result.context.metric != baseline.result.context.metric) continue;
        const Benchmark* after = file.result.find(before.name);
        if (after == nullptr) continue;
        const double ratio =
            harness::badness_ratio(before.value, after->value, before.higher_is_better);
        table.rows.push_back({before.name, before.unit, before.value, after->value, ratio});
        ratios.push_back(ratio);
        break;
      }
    }
    table.geomean = harness::geomean(ratios);
    if (!table.rows.empty()) tables.push_back(std::move(table));
  }
  return tables;
}

// ---- formatting ---------------------------------------------------------

std::string pretty(double value, const std::string& unit) {
  if (unit == "req/s") return fmt::format("{:.0f} req/s", value);
  if (unit == "ms") return fmt::format("{:.2f} ms", value);
  if (unit == "us")
    return value >= 1000 ? fmt::format("{:.2f} ms", value / 1000) : fmt::format("{:.0f} us", value);
  if (unit == "bytes") return fmt::format("{:.1f} MB", value / 1048576.0);
  if (unit == "ns") {
    if (value >= 1e6) return fmt::format("{:.3f} ms", value / 1e6);
    if (value >= 1e3) return fmt::format("{:.3f} us", value / 1e3);
    return fmt::format("{:.1f} ns", value);
  }
  if (unit == "instructions") return fmt::format("{:.4g}M instr", value / 1e6);
  return fmt::format("{:.4g} {}", value, unit);
}

std::string change(double ratio) {
  return fmt::format("{:+.1f}%", (ratio - 1) * 100);
}

std::string versus(std::optional<double> value, std::optional<double> kite) {
  if (!value || !kite || *kite <= 0) return "-";
  return fmt::format("{:.2f}x", *value / *kite);
}

std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// A table as rows of cells; the first row is the header.
using Rows = std::vector<std::vector<std::string>>;

std::string markdown_table(const Rows& rows) {
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    out += "|";
    for (const std::string& cell : rows[r]) out += " " + cell + " |";
    out += "\n";
    if (r == 0) {
      out += "|";
      for (std::size_t c = 0; c < rows[0].size(); ++c) out += c == 0 ? "---|" : "---:|";
      out += "\n";
    }
  }
  return out + "\n";
}

std::string html_table(const Rows& rows) {
  std::string out = "<table>\n<thead><tr>";
  for (const std::string& cell : rows.front()) out += "<th>" + escape(cell) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const bool kite = !rows[r].empty() && rows[r][0] == "kite";
    out += kite ? "<tr class=\"kite\">" : "<tr>";
    for (const std::string& cell : rows[r]) out += "<td>" + escape(cell) + "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

// ---- the tables both formats share -------------------------------------

Rows http_rows(const std::vector<ServerEntry>& entries) {
  Rows rows{{"server", "req/s", "p50", "p99", "req/s vs Kite", "p99 vs Kite"}};
  const Benchmark* kite = kite_of(entries);
  for (const ServerEntry& e : entries) {
    const auto p50 = counter(*e.bench, "latency_p50_us");
    const auto p99 = counter(*e.bench, "latency_p99_us");
    rows.push_back({e.server, pretty(e.bench->value, "req/s"), p50 ? pretty(*p50, "us") : "-",
                    p99 ? pretty(*p99, "us") : "-",
                    versus(e.bench->value, kite ? std::optional(kite->value) : std::nullopt),
                    versus(p99, kite ? counter(*kite, "latency_p99_us") : std::nullopt)});
  }
  return rows;
}

Rows cold_rows(const std::vector<ServerEntry>& entries) {
  Rows rows{{"server", "p50", "min", "p95", "starts", "p50 vs Kite"}};
  const Benchmark* kite = kite_of(entries);
  for (const ServerEntry& e : entries) {
    const auto min = counter(*e.bench, "min_ms");
    const auto p95 = counter(*e.bench, "p95_ms");
    rows.push_back({e.server, pretty(e.bench->value, "ms"), min ? pretty(*min, "ms") : "-",
                    p95 ? pretty(*p95, "ms") : "-", std::to_string(e.bench->samples.size()),
                    versus(e.bench->value, kite ? std::optional(kite->value) : std::nullopt)});
  }
  return rows;
}

Rows memory_rows(const Sections& s) {
  Rows rows{{"server"}};
  for (const std::string& metric : s.memory_metrics) rows[0].push_back(metric);
  for (const std::string& server : s.servers) {
    std::vector<std::string> row{server};
    bool any = false;
    for (const std::string& metric : s.memory_metrics) {
      const auto& entries = s.memory.at(metric);
      const auto it = std::find_if(entries.begin(), entries.end(),
                                   [&](const ServerEntry& e) { return e.server == server; });
      row.push_back(it == entries.end() ? "-" : pretty(it->bench->value, it->bench->unit));
      any = any || it != entries.end();
    }
    if (any) rows.push_back(row);
  }
  return rows;
}

Rows before_after_rows(const BeforeAfter& table) {
  Rows rows{{"bench", "before", "after", "ratio", "change"}};
  for (const BeforeAfterRow& r : table.rows) {
    rows.push_back({r.name, pretty(r.before, r.unit), pretty(r.after, r.unit),
                    fmt::format("{:.3f}", r.ratio), change(r.ratio)});
  }
  rows.push_back({"geomean", "", "", fmt::format("{:.3f}", table.geomean), change(table.geomean)});
  return rows;
}

std::string context_line(const ReportInput& input) {
  if (input.results.empty()) return "";
  const harness::RunContext& c = input.results.front().result.context;
  return fmt::format("commit {}, machine class {} ({}, {} cores), {}, {} {} build, {}", c.commit,
                     c.machine_class, c.cpu_model, c.cores, c.kernel, c.compiler, c.build_type,
                     c.date);
}

// Servers with no entry and no skip reason (those are listed with theirs).
std::vector<std::string> missing_servers(const Sections& s) {
  std::vector<std::string> missing;
  for (const std::string& name : kServerNames) {
    const auto skipped = [&](const SkipLine& l) { return l.server == name; };
    if (std::find(s.servers.begin(), s.servers.end(), name) == s.servers.end() &&
        std::find_if(s.skipped.begin(), s.skipped.end(), skipped) == s.skipped.end()) {
      missing.push_back(name);
    }
  }
  return missing;
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : separator) + part;
  return out;
}

// ---- SVG charts ----------------------------------------------------------

constexpr const char* kKiteColor = "#d9480f";
constexpr const char* kPeerColor = "#4c6ef5";

struct Bar {
  std::string label;
  double value;
};

// Horizontal bars, one per server, Kite's in its own colour, each with its
// value written after it.
std::string bar_chart(const std::string& id, const std::string& title, const std::string& unit,
                      const std::vector<Bar>& bars) {
  constexpr int kWidth = 560, kLabel = 70, kBarArea = 360, kRow = 26, kTop = 30;
  const int height = kTop + static_cast<int>(bars.size()) * kRow + 10;
  double max = 0;
  for (const Bar& b : bars) max = std::max(max, b.value);
  std::string svg = fmt::format(
      "<svg id=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
      "viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n<title>{}</title>\n"
      "<text x=\"0\" y=\"18\" class=\"title\">{}</text>\n",
      id, kWidth, height, kWidth, height, escape(title), escape(title), escape(title));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const int y = kTop + static_cast<int>(i) * kRow;
    const double w = max > 0 ? bars[i].value / max * kBarArea : 0;
    svg += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n"
        "<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>\n"
        "<text x=\"{:.1f}\" y=\"{}\">{}</text>\n",
        kLabel - 6, y + 15, escape(bars[i].label), kLabel, y + 3, std::max(w, 1.0), kRow - 8,
        bars[i].label == "kite" ? kKiteColor : kPeerColor, kLabel + w + 6, y + 15,
        escape(pretty(bars[i].value, unit)));
  }
  return svg + "</svg>\n";
}

std::vector<Bar> bars_of(const std::vector<ServerEntry>& entries) {
  std::vector<Bar> bars;
  bars.reserve(entries.size());
  for (const ServerEntry& e : entries) bars.push_back({e.server, e.bench->value});
  return bars;
}

struct Point {
  std::string date;
  double value;
};

// One series over time: a polyline with a dot per run, the range on the
// left, the first and last dates below.
std::string line_chart(const std::string& id, const std::string& title, const std::string& unit,
                       const std::vector<Point>& points) {
  constexpr int kWidth = 560, kHeight = 190, kLeft = 90, kRight = 20, kTop = 30, kBottom = 30;
  double lo = points.front().value, hi = lo;
  for (const Point& p : points) {
    lo = std::min(lo, p.value);
    hi = std::max(hi, p.value);
  }
  const double span = hi > lo ? hi - lo : std::max(std::abs(hi), 1.0) * 0.1;
  const double bottom = hi > lo ? lo - span * 0.05 : lo - span;
  const double top = hi > lo ? hi + span * 0.05 : hi + span;
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  auto x_of = [&](std::size_t i) {
    return points.size() == 1
               ? kLeft + plot_w / 2
               : kLeft + plot_w * static_cast<double>(i) / static_cast<double>(points.size() - 1);
  };
  auto y_of = [&](double v) { return kTop + plot_h * (1 - (v - bottom) / (top - bottom)); };
  std::string svg = fmt::format(
      "<svg id=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
      "viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n<title>{}</title>\n"
      "<text x=\"0\" y=\"18\" class=\"title\">{}</text>\n"
      "<rect x=\"{}\" y=\"{}\" width=\"{:.0f}\" height=\"{:.0f}\" fill=\"#f8f9fa\" "
      "stroke=\"#ced4da\"/>\n",
      id, kWidth, kHeight, kWidth, kHeight, escape(title), escape(title), escape(title), kLeft,
      kTop, plot_w, plot_h);
  for (const double v : hi > lo ? std::vector{hi, lo} : std::vector{hi}) {
    svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", kLeft - 6,
                       y_of(v) + 4, escape(pretty(v, unit)));
  }
  svg += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", kLeft, kHeight - 8,
                     escape(points.front().date.substr(0, 10)));
  if (points.size() > 1) {
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", kWidth - kRight,
                       kHeight - 8, escape(points.back().date.substr(0, 10)));
  }
  std::string polyline;
  for (std::size_t i = 0; i < points.size(); ++i) {
    polyline += fmt::format("{}{:.1f},{:.1f}", i ? " " : "", x_of(i), y_of(points[i].value));
  }
  svg += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>\n",
                     polyline, kKiteColor);
  for (std::size_t i = 0; i < points.size(); ++i) {
    svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"/>\n", x_of(i),
                       y_of(points[i].value), kKiteColor);
  }
  return svg + "</svg>\n";
}

// The history series: every value of this run's summary, over the earlier
// runs and this one.
std::vector<std::pair<std::string, std::vector<Point>>> history_series(const ReportInput& input) {
  const HistoryPoint now = summarize(input);
  std::vector<std::pair<std::string, std::vector<Point>>> series;
  for (const auto& [name, value] : now.values) {
    std::vector<Point> points;
    for (const HistoryPoint& past : input.history) {
      if (past.machine_class != now.machine_class) continue;
      if (const auto it = past.values.find(name); it != past.values.end()) {
        points.push_back({past.date, it->second});
      }
    }
    points.push_back({now.date, value});
    series.emplace_back(name, std::move(points));
  }
  return series;
}

std::string unit_of_history(const std::string& name) {
  if (name.starts_with("http/")) return "req/s";
  if (name.starts_with("coldstart/")) return "ms";
  if (name.starts_with("memory/")) return "bytes";
  if (name.ends_with("/instructions")) return "instructions";
  return "ns";
}

constexpr const char* kStyle =
    R"(body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1180px;padding:0 1em;color:#212529}
h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #dee2e6}
table{border-collapse:collapse;margin:.5em 0 1em}th,td{padding:.2em .7em;border-bottom:1px solid #e9ecef;text-align:right}
th:first-child,td:first-child{text-align:left}tr.kite td{font-weight:600;color:#d9480f}
.charts{display:flex;flex-wrap:wrap;gap:1.5em}svg text{font:12px system-ui,sans-serif;fill:#212529}
svg text.title{font-weight:600;font-size:13px}.context,.note{color:#495057}
.gate-pass{color:#2b8a3e}.gate-fail{color:#c92a2a})";

}  // namespace

// ---- history ------------------------------------------------------------

std::string history_line(const HistoryPoint& point) {
  nlohmann::ordered_json j;
  j["date"] = point.date;
  j["commit"] = point.commit;
  j["machine_class"] = point.machine_class;
  j["values"] = nlohmann::ordered_json::object();
  for (const auto& [name, value] : point.values) j["values"][name] = value;
  j["gates"] = nlohmann::ordered_json::object();
  for (const auto& [name, verdict] : point.gates) j["gates"][name] = verdict;
  return j.dump();
}

std::vector<HistoryPoint> read_history(const std::filesystem::path& path) {
  std::vector<HistoryPoint> points;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("values") || !j["values"].is_object()) continue;
    HistoryPoint p;
    p.date = j.value("date", "");
    p.commit = j.value("commit", "");
    p.machine_class = j.value("machine_class", "");
    for (const auto& [name, value] : j["values"].items()) {
      if (value.is_number()) p.values[name] = value.get<double>();
    }
    if (j.contains("gates") && j["gates"].is_object()) {
      for (const auto& [name, value] : j["gates"].items()) {
        if (value.is_string()) p.gates[name] = value.get<std::string>();
      }
    }
    points.push_back(std::move(p));
  }
  return points;
}

HistoryPoint summarize(const ReportInput& input) {
  HistoryPoint p;
  if (!input.results.empty()) {
    const harness::RunContext& c = input.results.front().result.context;
    p.date = c.date;
    p.commit = c.commit;
    p.machine_class = c.machine_class;
  }
  for (const NamedResult& file : input.results) {
    std::vector<double> micro;
    for (const Benchmark& b : file.result.benchmarks) {
      if (b.kind == Kind::kMicro) micro.push_back(b.value);
      if (split_entry_name(b.name).server == "kite") p.values[b.name] = b.value;
    }
    if (!micro.empty()) {
      p.values["micro/geomean/" + file.result.context.metric] = harness::geomean(micro);
    }
  }
  p.gates = input.gates;
  return p;
}

// ---- the two renderings -------------------------------------------------

std::string render_markdown(const ReportInput& input) {
  const Sections s = sections_of(input);
  std::string md = "# Kite benchmark report " + input.title_date + "\n\n";
  md += context_line(input) + "\n\n";
  if (!input.gates.empty()) {
    md += "## Gate\n\n";
    for (const auto& [label, verdict] : input.gates)
      md += fmt::format("- {}: `{}`\n", label, verdict);
    md += "\n";
  }
  if (!s.http_paths.empty()) {
    md += "## HTTP throughput and latency\n\n";
    for (const std::string& path : s.http_paths) {
      md += "### GET " + path + "\n\n" + markdown_table(http_rows(s.http.at(path)));
    }
  }
  if (!s.cold.empty())
    md += "## Cold start (fork to first response)\n\n" + markdown_table(cold_rows(s.cold));
  if (!s.memory_metrics.empty()) md += "## Memory\n\n" + markdown_table(memory_rows(s));
  if (!s.skipped.empty()) {
    md += "## Skipped peers\n\n";
    for (const SkipLine& l : s.skipped) {
      md += "- " + l.server + ": " + l.reason + " (" + join(l.labels, ", ") + ")\n";
    }
    md += "\n";
  }
  if (const auto missing = missing_servers(s); !missing.empty() && !s.servers.empty()) {
    md += "Not measured (not installed on this machine): " + join(missing, ", ") + ".\n\n";
  }
  for (const BeforeAfter& table : before_after(input)) {
    md += "## Before / after: " + table.label + "\n\n" + markdown_table(before_after_rows(table));
  }
  md +=
      "Ratios vs Kite are the server's value over Kite's (req/s: above 1 is faster than Kite; "
      "latency and time: above 1 is slower). Before/after ratios are badness ratios: above 1 "
      "is worse. Peers are context; only Kite's entries are gated.\n";
  return md;
}

std::string render_html(const ReportInput& input) {
  const Sections s = sections_of(input);
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<title>Kite benchmark report " + escape(input.title_date) + "</title>\n";
  h += std::string("<style>") + kStyle + "</style>\n</head>\n<body>\n";
  h += "<h1>Kite benchmark report " + escape(input.title_date) + "</h1>\n";
  h += "<p class=\"context\">" + escape(context_line(input)) + "</p>\n";
  if (!input.gates.empty()) {
    h += "<h2>Gate</h2>\n<ul>\n";
    for (const auto& [label, verdict] : input.gates) {
      const bool pass = verdict.starts_with("gate: PASS");
      h += fmt::format("<li>{}: <code class=\"{}\">{}</code></li>\n", escape(label),
                       pass ? "gate-pass" : "gate-fail", escape(verdict));
    }
    h += "</ul>\n";
  }
  if (!s.http_paths.empty()) {
    h += "<h2>HTTP throughput and latency</h2>\n";
    for (const std::string& path : s.http_paths) {
      const auto& entries = s.http.at(path);
      h += "<h3>GET " + escape(path) + "</h3>\n" + html_table(http_rows(entries));
      std::vector<Bar> p99;
      for (const ServerEntry& e : entries) {
        if (const auto v = counter(*e.bench, "latency_p99_us")) p99.push_back({e.server, *v});
      }
      h += "<div class=\"charts\">\n" + bar_chart("chart-http-rps-" + slug(path),
                                                  "req/s, GET " + path + " (higher is better)",
                                                  "req/s", bars_of(entries));
      if (!p99.empty()) {
        h += bar_chart("chart-http-p99-" + slug(path),
                       "p99 latency, GET " + path + " (lower is better)", "us", p99);
      }
      h += "</div>\n";
    }
  }
  if (!s.cold.empty()) {
    h += "<h2>Cold start (fork to first response)</h2>\n" + html_table(cold_rows(s.cold));
    h += "<div class=\"charts\">\n" +
         bar_chart("chart-coldstart", "cold start p50 (lower is better)", "ms", bars_of(s.cold)) +
         "</div>\n";
  }
  if (!s.memory_metrics.empty()) {
    h += "<h2>Memory</h2>\n" + html_table(memory_rows(s)) + "<div class=\"charts\">\n";
    for (const std::string& metric : s.memory_metrics) {
      h += bar_chart("chart-memory-" + slug(metric), metric + " (lower is better)", "bytes",
                     bars_of(s.memory.at(metric)));
    }
    h += "</div>\n";
  }
  if (!s.skipped.empty()) {
    h += "<h2>Skipped peers</h2>\n<ul>\n";
    for (const SkipLine& l : s.skipped) {
      h += "<li><strong>" + escape(l.server) + "</strong>: " + escape(l.reason) +
           " <span class=\"note\">(" + escape(join(l.labels, ", ")) + ")</span></li>\n";
    }
    h += "</ul>\n";
  }
  if (const auto missing = missing_servers(s); !missing.empty() && !s.servers.empty()) {
    h += "<p class=\"note\">Not measured (not installed on this machine): " +
         escape(join(missing, ", ")) + ".</p>\n";
  }
  for (const BeforeAfter& table : before_after(input)) {
    h += "<h2>Before / after: " + escape(table.label) + "</h2>\n" +
         html_table(before_after_rows(table));
  }
  const auto series = history_series(input);
  if (!series.empty()) {
    h += "<h2>History</h2>\n<div class=\"charts\">\n";
    for (const auto& [name, points] : series) {
      h += line_chart("chart-history-" + slug(name), name, unit_of_history(name), points);
    }
    h += "</div>\n";
  }
  h += "<p class=\"note\">Ratios vs Kite are the server's value over Kite's (req/s: above 1 is "
       "faster than Kite; latency and time: above 1 is slower). Before/after ratios are "
       "badness ratios: above 1 is worse. Peers are context; only Kite's entries are gated "
       "(docs/harness.md).</p>\n";
  return h + "</body>\n</html>\n";
}

}  // namespace kite::bench
