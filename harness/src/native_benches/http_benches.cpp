// native/http_*: the per-request user-space work of `kite serve`, measured
// without the kernel: parse a request, run examples/handler.js on it through
// the binding, write the response.
#include "native_benches/http_benches.h"

#include <benchmark/benchmark.h>
#include <kite/http/parser.h>
#include <kite/http/writer.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <kite/runtime/handler.h>

namespace {

// What a browser sends: 8 fields, 418 bytes.
const std::string kBrowserGet =
    "GET /api/users/42?limit=10&offset=5 HTTP/1.1\r\n"
    "Host: api.example.com\r\n"
    "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0\r\n"
    "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
    "Accept-Language: en-US,en;q=0.5\r\n"
    "Accept-Encoding: gzip, deflate, br\r\n"
    "Connection: keep-alive\r\n"
    "Cookie: session=0123456789abcdef0123456789abcdef\r\n"
    "Cache-Control: max-age=0\r\n"
    "\r\n";

void BM_http_parse_browser_get(benchmark::State& state) {
  std::string buf = kBrowserGet;
  kite::http::RequestParser parser;
  kite::http::Request req;
  for (auto _ : state) {
    std::size_t consumed = 0;
    parser.reset();
    auto r = parser.parse(buf.data(), buf.size(), &req, &consumed);
    benchmark::DoNotOptimize(r);
    benchmark::DoNotOptimize(req.header_count);
  }
  state.counters["ops_per_sec"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_http_write_json_response(benchmark::State& state) {
  kite::http::OutBuffer out(4096);
  kite::http::DateCache date;
  kite::http::ResponseHead head;
  head.content_type = "application/json";
  const std::string body = R"({"status":"ok","runtime":"kite","timestamp":0})";
  for (auto _ : state) {
    out.clear();
    kite::http::write_response(out, date, head, body);
    benchmark::DoNotOptimize(out.size());
  }
  state.counters["ops_per_sec"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// A request with 20 header fields, most of them common names, as a browser
// behind a proxy sends them (native/handler_headers).
const std::string kHeaderHeavy =
    "GET /api/headers HTTP/1.1\r\n"
    "Host: api.example.com\r\n"
    "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0\r\n"
    "Accept: application/json\r\n"
    "Accept-Language: en-US,en;q=0.5\r\n"
    "Accept-Encoding: gzip, deflate, br\r\n"
    "Connection: keep-alive\r\n"
    "Cookie: session=0123456789abcdef0123456789abcdef\r\n"
    "Cache-Control: no-cache\r\n"
    "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo\r\n"
    "Content-Type: application/json\r\n"
    "Origin: https://www.example.com\r\n"
    "Referer: https://www.example.com/app\r\n"
    "X-Forwarded-For: 203.0.113.7, 198.51.100.2\r\n"
    "X-Forwarded-Proto: https\r\n"
    "X-Real-IP: 203.0.113.7\r\n"
    "X-Request-ID: 4bf92f3577b34da6a3ce929d0e0e4736\r\n"
    "If-None-Match: \"33a64df551425fcc55e4d42a148795d9f25f89d4\"\r\n"
    "Sec-Fetch-Mode: cors\r\n"
    "X-Tenant: acme\r\n"
    "Accept: text/plain\r\n"
    "\r\n";

// Reads the headers object and several fields of it, as an API gateway
// handler does (authorization, forwarding, content negotiation).
const char kHeaderHandler[] = R"(
function handler(req) {
  const h = req.headers;
  return Response.json({
    host: h.host,
    auth: h.authorization.length,
    ip: h['x-forwarded-for'],
    id: h['x-request-id'],
    accept: h.accept,
    tenant: h['x-tenant'],
    count: Object.keys(h).length,
  });
}
)";

std::unique_ptr<kite::runtime::Handler> load_handler(const std::string& source, const char* name) {
  std::string error;
  kite::runtime::HandlerOptions options;
  auto h = kite::runtime::Handler::load(source, name, std::move(options), &error);
  if (!h) std::fprintf(stderr, "native/handler: %s\n", error.c_str());
  return h;
}

std::string example_source() {
  std::ifstream in(std::string(KITE_EXAMPLES_DIR) + "/handler.js");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Parse + handler + write for one request, as a worker does per request.
void run_handler_bench(benchmark::State& state, const std::string& request,
                       const std::string& source = example_source(),
                       const char* name = "handler.js") {
  auto handler = load_handler(source, name);
  if (!handler) {
    state.SkipWithError("the handler did not load");
    return;
  }
  std::string buf = request;
  kite::http::RequestParser parser;
  kite::http::Request req;
  kite::http::OutBuffer out(4096);
  kite::http::DateCache date;
  std::uint32_t token = 1;
  int status = 0;
  for (auto _ : state) {
    std::size_t consumed = 0;
    parser.reset();
    parser.parse(buf.data(), buf.size(), &req, &consumed);
    out.clear();
    auto outcome = handler->handle(req, token++, out, date);
    status = outcome.status;
    benchmark::DoNotOptimize(status);
  }
  if (status != 200 && status != 404) state.SkipWithError("the handler did not answer");
  auto c = handler->engine().counters();
  state.counters["ops_per_sec"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["gc_collections"] = static_cast<double>(c.gc_collections);
}

void BM_handler_health(benchmark::State& state) {
  run_handler_bench(state, "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
}

void BM_handler_noop(benchmark::State& state) {
  run_handler_bench(state, "GET /api/noop HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
}

void BM_handler_echo(benchmark::State& state) {
  run_handler_bench(state,
                    "POST /api/echo?name=kite&lang=js HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    "Content-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello world");
}

void BM_handler_headers(benchmark::State& state) {
  run_handler_bench(state, kHeaderHeavy, kHeaderHandler, "headers.js");
}

}  // namespace

void kite_register_http_benches() {
  benchmark::RegisterBenchmark("native/http_parse_browser_get", BM_http_parse_browser_get);
  benchmark::RegisterBenchmark("native/http_write_json_response", BM_http_write_json_response);
  benchmark::RegisterBenchmark("native/handler_noop", BM_handler_noop);
  benchmark::RegisterBenchmark("native/handler_health", BM_handler_health);
  benchmark::RegisterBenchmark("native/handler_echo", BM_handler_echo);
  benchmark::RegisterBenchmark("native/handler_headers", BM_handler_headers);
}
