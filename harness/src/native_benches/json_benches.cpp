// native/json_*: the engine's JSON paths as `kite serve` runs them, called
// natively so that no JS source runs in the timed loop:
//   - parse: JSON.parse through the embedding interface's json_parse, as
//     req.json() calls it (runtime/src/handler/request.cpp), on a string
//     made once;
//   - stringify: Host::json_stringify into a reused std::string, as
//     Response.json bodies are serialized.
// Each benchmark builds its own engine and checks its first result (the
// parse result has the expected keys and stringifies back to the input; the
// stringify output is the expected text), so a fast but wrong path fails
// instead of reporting a number.
#include "native_benches/json_benches.h"

#include <benchmark/benchmark.h>
#include <kite/engine/engine.h>
#include <kite/engine/host.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace {

using kite::Host;
using kite::HostRoot;
using kite::JsValue;
using kite::PropertyName;
using kite::ScriptThrow;

// 97 bytes, 5 keys: a small API object.
const std::string kSmallObject =
    R"({"id":1,"name":"User1","email":"user1@example.com","active":true,)"
    R"("tags":["alpha","beta","gamma"]})";
constexpr std::size_t kSmallObjectKeys = 5;

// 1086 bytes, 12 keys: what a client POSTs to a create-order endpoint:
// nested objects, arrays of objects, a null, booleans, decimals and
// negative numbers, escaped quotes and a newline.
const std::string kRequestBody =
    R"({"orderId":"ord_8f14e45fceea167a","customer":{"id":4821,"name":"Ada Lovelace",)"
    R"("email":"ada.lovelace@example.com","phone":"+44 20 7946 0958","address":{)"
    R"("line1":"12 St James's Square","line2":null,"city":"London","postcode":"SW1Y 4JH",)"
    R"("country":"GB"},"newsletter":false},"items":[{"sku":"KB-0042",)"
    R"("name":"Mechanical keyboard","quantity":1,"unitPrice":129.99,)"
    R"("tags":["peripherals","input"]},{"sku":"MS-0007","name":"Wireless mouse",)"
    R"("quantity":2,"unitPrice":39.5,"tags":["peripherals"]},{"sku":"CB-1100",)"
    R"("name":"USB-C cable, 2 m","quantity":3,"unitPrice":9.95,"tags":["cables","usb"]},)"
    R"({"sku":"HD-0300","name":"Laptop stand","quantity":1,"unitPrice":54,"tags":["desk"]}],)"
    R"("payment":{"method":"card","brand":"visa","last4":"4242","expiry":"12/28",)"
    R"("save":false},"shipping":{"method":"express",)"
    R"("instructions":"Leave with the concierge \"Mr. Benn\"\nor at the side door",)"
    R"("giftWrap":true,"deliverAfter":"2026-12-03T08:00:00Z"},)"
    R"("couponCodes":["WINTER10","FREESHIP"],"currency":"GBP","subtotal":292.84,)"
    R"("discount":-29.28,"total":263.56,"createdAt":"2026-12-01T09:30:00Z",)"
    R"("clientVersion":"web/4.18.2"})";
constexpr std::size_t kRequestBodyKeys = 12;

// A handler's list response (1,074 bytes): a page of 10 users and the paging
// fields, in the compact form JSON.stringify writes.
std::string user_page() {
  std::string page = R"({"users":[)";
  for (int i = 1; i <= 10; ++i) {
    const std::string id = std::to_string(i);
    if (i > 1) page += ",";
    page += R"({"id":)";
    page += id;
    page += R"(,"name":"User)";
    page += id;
    page += R"(","email":"user)";
    page += id;
    page += R"(@example.com","active":)";
    page += i % 3 == 0 ? "false" : "true";
    page += R"(,"roles":)";
    page += i % 4 == 0 ? R"(["reader","writer"])" : R"(["reader"])";
    page += R"(,"score":)";
    page += std::to_string(i * 5);
    page += ".5}";
  }
  page += R"(],"page":1,"perPage":10,"total":42,"next":"/api/users?page=2"})";
  return page;
}

void set_counters(benchmark::State& state, const kite::Engine& engine, std::size_t bytes) {
  const auto iterations = static_cast<double>(state.iterations());
  const kite::EngineCounters c = engine.counters();
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
  state.counters["ops_per_sec"] = benchmark::Counter(iterations, benchmark::Counter::kIsRate);
  state.counters["gc_collections"] = static_cast<double>(c.gc_collections) / iterations;
  state.counters["bytes_allocated"] = static_cast<double>(c.bytes_allocated) / iterations;
}

// JSON.parse(text) per iteration, the result dropped (garbage for the GC,
// as a request's parsed body is).
void run_parse_bench(benchmark::State& state, const std::string& text, std::size_t keys) {
  kite::Engine engine;
  Host& host = engine.host();
  HostRoot input(host, host.new_string(text));
  try {
    HostRoot first(host, host.json_parse(input));
    std::vector<PropertyName> own;
    if (first.get().is_object()) host.own_enumerable_names(first, own);
    if (own.size() != keys) {
      state.SkipWithError(("JSON.parse gave " + std::to_string(own.size()) + " keys, expected " +
                           std::to_string(keys))
                              .c_str());
      return;
    }
    std::string round_trip;
    if (!host.json_stringify(first, round_trip) || round_trip != text) {
      state.SkipWithError(("the JSON.parse result does not stringify back to the input (" +
                           std::to_string(round_trip.size()) + " bytes, the input " +
                           std::to_string(text.size()) + ")")
                              .c_str());
      return;
    }
  } catch (ScriptThrow&) {
    host.take_exception();
    state.SkipWithError("JSON.parse threw on the bench input");
    return;
  }
  engine.reset_counters();
  for (auto _ : state) {
    JsValue result = host.json_parse(input);
    benchmark::DoNotOptimize(result);
  }
  set_counters(state, engine, text.size());
}

// json_stringify of the object literal `text` (made once by a script, as
// a handler's object literal is) per iteration, into a reused buffer.
void run_stringify_bench(benchmark::State& state, const std::string& text) {
  kite::Engine engine;
  const kite::Completion load =
      engine.run_script("globalThis.benchValue = " + text + ";", "json_bench.js");
  if (!load.ok) {
    state.SkipWithError(("building the value failed: " + load.message).c_str());
    return;
  }
  Host& host = engine.host();
  JsValue found;
  host.lookup_global("benchValue", &found);
  HostRoot value(host, found);
  std::string out;
  try {
    if (!host.json_stringify(value, out) || out != text) {
      state.SkipWithError(("json_stringify did not write the expected text (" +
                           std::to_string(out.size()) + " bytes, expected " +
                           std::to_string(text.size()) + ")")
                              .c_str());
      return;
    }
  } catch (ScriptThrow&) {
    host.take_exception();
    state.SkipWithError("json_stringify threw on the bench value");
    return;
  }
  engine.reset_counters();
  for (auto _ : state) {
    out.clear();
    const bool ok = host.json_stringify(value, out);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  set_counters(state, engine, text.size());
}

void BM_json_parse_small(benchmark::State& state) {
  run_parse_bench(state, kSmallObject, kSmallObjectKeys);
}

void BM_json_parse_request_body(benchmark::State& state) {
  run_parse_bench(state, kRequestBody, kRequestBodyKeys);
}

void BM_json_stringify_small(benchmark::State& state) {
  run_stringify_bench(state, kSmallObject);
}

void BM_json_stringify_response(benchmark::State& state) {
  run_stringify_bench(state, user_page());
}

}  // namespace

void kite_register_json_benches() {
  benchmark::RegisterBenchmark("native/json_parse_small", BM_json_parse_small);
  benchmark::RegisterBenchmark("native/json_parse_request_body", BM_json_parse_request_body);
  benchmark::RegisterBenchmark("native/json_stringify_small", BM_json_stringify_small);
  benchmark::RegisterBenchmark("native/json_stringify_response", BM_json_stringify_response);
}
