// kite-load's command line (options.h).
#include "options.h"

#include <arpa/inet.h>

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kite::load {

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr int kMaxConnections = 10'000;
constexpr int kMaxThreads = 256;
constexpr int kMaxPipeline = 256;
constexpr std::int64_t kMaxTimeout = 60 * kSecond;

std::string lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// RFC 9110 §5.6.2: tchar.
bool is_token(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alnum && !std::strchr("!#$%&'*+-.^_`|~", c)) return false;
  }
  return true;
}

bool has_control(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t') return true;
    if (c == 0x7f) return true;
  }
  return false;
}

void refuse_host(std::string_view host) {
  throw UsageError("refusing to load '" + std::string(host) +
                   "': kite-load only sends load to this machine's loopback addresses "
                   "(127.0.0.0/8, localhost, [::1])");
}

double parse_number(std::string_view text, std::string_view option) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    throw UsageError(std::string(option) + " needs a number, got '" + std::string(text) + "'");
  }
  return value;
}

std::int64_t parse_integer(std::string_view text, std::string_view option, std::int64_t minimum,
                           std::int64_t maximum) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    throw UsageError(std::string(option) + " needs a whole number, got '" + std::string(text) +
                     "'");
  }
  if (value < minimum || value > maximum) {
    throw UsageError(std::string(option) + " must be between " + std::to_string(minimum) + " and " +
                     std::to_string(maximum) + ", got " + std::to_string(value));
  }
  return value;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("--body-file: cannot open '" + path + "'");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The default label: the first path without its leading slash; "root" for "/".
std::string default_label(const std::string& path) {
  const std::string label = path.substr(path.starts_with("/") ? 1 : 0);
  return label.empty() ? "root" : label;
}

}  // namespace

Target parse_target(std::string_view url) {
  Target target;
  target.url = std::string(url);
  constexpr std::string_view kScheme = "http://";
  if (lowered(url.substr(0, 8)) == "https://") {
    throw UsageError("https is not supported: kite-load speaks plain HTTP/1.1 (use http://)");
  }
  if (lowered(url.substr(0, kScheme.size())) != kScheme) {
    throw UsageError("the target must be an http:// URL, e.g. http://127.0.0.1:8080/, got '" +
                     std::string(url) + "'");
  }
  std::string_view rest = url.substr(kScheme.size());
  const auto path_start = rest.find_first_of("/?#");
  const std::string_view authority = rest.substr(0, path_start);
  std::string_view path = path_start == std::string_view::npos ? "" : rest.substr(path_start);
  if (const auto hash = path.find('#'); hash != std::string_view::npos) path = path.substr(0, hash);
  if (authority.find('@') != std::string_view::npos) {
    throw UsageError("user information in the URL is not supported: '" + std::string(url) + "'");
  }
  if (authority.empty()) throw UsageError("the URL has no host: '" + std::string(url) + "'");

  std::string_view host = authority;
  std::string_view port;
  if (authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) {
      throw UsageError("unterminated [IPv6] host in '" + std::string(url) + "'");
    }
    host = authority.substr(0, close + 1);
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') throw UsageError("bad host in '" + std::string(url) + "'");
      port = after.substr(1);
    }
  } else if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (!port.empty())
    target.port = static_cast<int>(parse_integer(port, "the URL's port", 1, 65535));

  std::memset(&target.address, 0, sizeof target.address);
  const std::string host_lower = lowered(host);
  if (host_lower.starts_with("[")) {
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&target.address);
    const std::string inner = host_lower.substr(1, host_lower.size() - 2);
    if (inet_pton(AF_INET6, inner.c_str(), &v6->sin6_addr) != 1 ||
        !IN6_IS_ADDR_LOOPBACK(&v6->sin6_addr)) {
      refuse_host(host);
    }
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(static_cast<std::uint16_t>(target.port));
    target.address_length = sizeof(sockaddr_in6);
  } else {
    auto* v4 = reinterpret_cast<sockaddr_in*>(&target.address);
    const std::string numeric = host_lower == "localhost" ? "127.0.0.1" : host_lower;
    if (inet_pton(AF_INET, numeric.c_str(), &v4->sin_addr) != 1 ||
        (ntohl(v4->sin_addr.s_addr) >> 24) != 127) {
      refuse_host(host);
    }
    v4->sin_family = AF_INET;
    v4->sin_port = htons(static_cast<std::uint16_t>(target.port));
    target.address_length = sizeof(sockaddr_in);
  }
  target.authority = std::string(authority);
  target.path = path.empty()          ? "/"
                : path.front() == '?' ? "/" + std::string(path)
                                      : std::string(path);
  return target;
}

std::int64_t parse_duration(std::string_view text, std::string_view option) {
  struct Unit {
    std::string_view suffix;
    double ns;
  };
  // Longest suffixes first, so "ms" is not read as "s".
  constexpr Unit kUnits[] = {{"ms", 1e6}, {"us", 1e3}, {"ns", 1},
                             {"s", 1e9},  {"m", 60e9}, {"h", 3600e9}};
  double scale = 1e9;
  std::string_view number = text;
  for (const Unit& unit : kUnits) {
    if (text.ends_with(unit.suffix)) {
      scale = unit.ns;
      number = text.substr(0, text.size() - unit.suffix.size());
      break;
    }
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (number.empty() || ec != std::errc() || end != number.data() + number.size() ||
      !std::isfinite(value) || value < 0 || value * scale > 1e18) {
    throw UsageError(std::string(option) + " needs a duration like 10s, 500ms or 2m, got '" +
                     std::string(text) + "'");
  }
  return static_cast<std::int64_t>(std::llround(value * scale));
}

LoadOptions parse_options(const std::vector<std::string>& args) {
  LoadOptions o;
  o.arguments = args;
  std::optional<std::string> url;
  std::optional<std::string> body_file;
  bool has_body = false;
  bool has_max_time = false;

  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i];
    std::optional<std::string> inline_value;
    if (name.starts_with("--")) {
      if (const auto eq = name.find('='); eq != std::string::npos) {
        inline_value = name.substr(eq + 1);
        name = name.substr(0, eq);
      }
    } else if (!name.starts_with("-") || name == "-") {
      if (url) throw UsageError("more than one target URL: '" + *url + "' and '" + name + "'");
      url = name;
      continue;
    }
    auto value = [&]() -> std::string {
      if (inline_value) return *inline_value;
      if (i + 1 >= args.size()) throw UsageError(name + " needs a value");
      return args[++i];
    };
    if (name == "-h" || name == "--help") {
      o.help = true;
      return o;
    } else if (name == "-c" || name == "--connections") {
      o.connections = static_cast<int>(parse_integer(value(), name, 1, kMaxConnections));
    } else if (name == "-t" || name == "--threads") {
      o.threads = static_cast<int>(parse_integer(value(), name, 1, kMaxThreads));
    } else if (name == "-d" || name == "--duration") {
      o.duration_ns = parse_duration(value(), name);
      if (*o.duration_ns <= 0) throw UsageError(name + " must be longer than 0");
    } else if (name == "-n" || name == "--requests") {
      o.request_count =
          static_cast<std::uint64_t>(parse_integer(value(), name, 1, std::int64_t{1} << 40));
    } else if (name == "--warmup") {
      o.warmup_ns = parse_duration(value(), name);
    } else if (name == "--rate" || name == "-R") {
      const double rate = parse_number(value(), name);
      if (rate <= 0 || rate > 1e8) throw UsageError(name + " must be above 0 and at most 1e8");
      o.rate = rate;
    } else if (name == "--pipeline") {
      o.pipeline = static_cast<int>(parse_integer(value(), name, 1, kMaxPipeline));
    } else if (name == "--spin") {
      o.spin = true;
    } else if (name == "--method" || name == "-m") {
      o.method = value();
      if (!is_token(o.method)) throw UsageError(name + ": '" + o.method + "' is not a method name");
    } else if (name == "--path") {
      std::string path = value();
      if (!path.starts_with("/") || has_control(path) || path.find(' ') != std::string::npos) {
        throw UsageError("--path needs a path starting with '/' and without spaces, got '" + path +
                         "'");
      }
      o.paths.push_back(std::move(path));
    } else if (name == "-H" || name == "--header") {
      const std::string header = value();
      const auto colon = header.find(':');
      const std::string field = colon == std::string::npos ? "" : header.substr(0, colon);
      std::string field_value = colon == std::string::npos ? "" : header.substr(colon + 1);
      field_value.erase(0, field_value.find_first_not_of(" \t"));
      field_value.erase(field_value.find_last_not_of(" \t") + 1);
      if (!is_token(field) || has_control(field_value)) {
        throw UsageError(fmt::format("{} needs 'Name: value', got '{}'", name, header));
      }
      const std::string lower_field = lowered(field);
      if (lower_field == "content-length" || lower_field == "transfer-encoding") {
        throw UsageError(fmt::format(
            "{}: kite-load sets {} itself from --body/--body-file; do not give it", name, field));
      }
      o.headers.emplace_back(field, field_value);
    } else if (name == "--body") {
      o.body = value();
      has_body = true;
    } else if (name == "--body-file") {
      body_file = value();
    } else if (name == "--timeout") {
      o.timeout_ns = parse_duration(value(), name);
      if (o.timeout_ns <= 0 || o.timeout_ns > kMaxTimeout) {
        throw UsageError(name + " must be above 0 and at most 60s");
      }
    } else if (name == "--max-time") {
      o.max_time_ns = parse_duration(value(), name);
      if (o.max_time_ns <= 0) throw UsageError(name + " must be longer than 0");
      has_max_time = true;
    } else if (name == "--label") {
      o.label = value();
      if (o.label.empty() || has_control(o.label) || o.label.find(' ') != std::string::npos) {
        throw UsageError("--label needs a name without spaces, got '" + o.label + "'");
      }
    } else if (name == "--json") {
      o.json_path = value();
    } else if (name == "--max-error-rate") {
      o.max_error_rate_percent = parse_number(value(), name);
      if (o.max_error_rate_percent < 0 || o.max_error_rate_percent > 100) {
        throw UsageError(name + " is a percentage between 0 and 100");
      }
    } else {
      throw UsageError("unknown option '" + name + "'");
    }
  }

  if (!url) throw UsageError("no target URL: kite-load [options] http://127.0.0.1:PORT/path");
  o.target = parse_target(*url);
  if (body_file) {
    if (has_body) throw UsageError("give --body or --body-file, not both");
    o.body = read_file(*body_file);
  }
  if (o.duration_ns && o.request_count) throw UsageError("give -d or -n, not both");
  if (!o.duration_ns && !o.request_count) o.duration_ns = 10 * kSecond;
  if (o.threads > o.connections) {
    throw UsageError("-t " + std::to_string(o.threads) + " is more threads than -c " +
                     std::to_string(o.connections) + " connections");
  }
  if (o.paths.empty()) o.paths.push_back(o.target.path);
  if (o.label.empty()) o.label = default_label(o.paths.front());
  if (!has_max_time) {
    o.max_time_ns = o.duration_ns ? o.warmup_ns + *o.duration_ns + o.timeout_ns + 10 * kSecond
                                  : o.warmup_ns + 300 * kSecond;
  }
  if (o.max_time_ns <= o.warmup_ns) throw UsageError("--max-time must be longer than --warmup");
  return o;
}

std::string_view usage() {
  return R"(usage: kite-load [options] http://127.0.0.1:PORT/path

An HTTP/1.1 load generator for loopback targets (127.0.0.0/8, localhost, [::1]).

  -c, --connections N   keep-alive connections (default 50)
  -t, --threads N       threads, each with its own epoll loop (default 1, at most -c)
  -d, --duration T      measure for T (default 10s), e.g. 10s, 500ms, 2m
  -n, --requests N      measure N requests instead of a duration
      --warmup T        load but do not record for T first (default 1s)
  -R, --rate R          open loop: R requests/s in total on a fixed schedule, latency
                        measured from each request's due time (default: closed loop)
      --pipeline D      requests in flight per connection (default 1)
      --spin            poll epoll without ever sleeping, so the server never pays
                        to wake the generator (default: sleep when idle, like wrk)
  -m, --method M        request method (default GET)
      --path P          request path; repeat to send several round-robin
                        (default: the URL's path)
  -H, --header 'N: V'   add a request header (repeatable)
      --body S          request body
      --body-file F     request body from a file
      --timeout T       per-request timeout (default 2s)
      --max-time T      hard cap on the whole run (default: warm-up + duration +
                        timeout + 10s, or warm-up + 300s with -n)
      --label L         result name http/L (default: the first path)
      --json FILE       write a result file (schema_version 1)
      --max-error-rate P  exit 1 when more than P% of requests fail (default 1)
  -h, --help            this text

Exit status: 0 ok; 1 too many errors, no response, or -n cut short by --max-time;
2 bad usage, a refused target, or no connection to the server.
)";
}

}  // namespace kite::load
