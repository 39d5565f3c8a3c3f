// Handler: the Request/Response binding (see handler.h for the contract).
//
// This is the one part of the runtime that sees engine internals: it builds
// Request objects and reads Response objects directly, without a generic
// embedding layer in between, because it runs once per HTTP request.
#include "handler/handler.h"

#include <fmt/core.h>

#include <cstdio>
#include <string>
#include <vector>

#include "builtins/builtins.h"
#include "vm/vm.h"

namespace kite::runtime {

using vm::CallInfo;
using vm::Object;
using vm::PropertyKey;
using vm::Rooted;
using vm::String;
using vm::Value;
using vm::VM;

namespace {

// Response kinds, stored as the Response object's internal value.
enum ResponseKind : std::int32_t { kJson = 0, kText = 1, kHtml = 2, kRawJson = 3 };

constexpr std::string_view kContentTypes[] = {
    "application/json",
    "text/plain; charset=utf-8",
    "text/html; charset=utf-8",
    "application/json",
};

// Slots of the Request's internal holder: an Environment cell (one
// allocation, traced by the GC, invisible to JS). A hole means "not parsed
// yet".
enum RequestInternal : std::uint32_t {
  kRawQuery = 0,    // the query string after '?', undecoded
  kRawHeaders = 1,  // the header section, "name: value" lines as received
  kQueryObject = 2,
  kHeadersObject = 3,
  kInternalCount = 4,
};

// Persistent roots of one Handler, as indices into VM::persistent_roots().
// Slots of a Request / Response in their shapes (made in Handler::load).
enum RequestSlot : std::uint32_t { kReqMethod, kReqUrl, kReqPath, kReqBody };
enum ResponseSlot : std::uint32_t { kResStatus, kResHeaders, kResBody };

enum Root : std::size_t {
  kHandlerFn,
  kRequestProto,
  kResponseProto,
  kJsonParse,
  kRequestShape,   // the shape of every Request: method, url, path, body
  kResponseShape,  // the shape of every Response: status, headers, body
  kRootCount,
};

Object* root_object(VM& vm, std::size_t base, Root r) {
  return vm.persistent_roots()[base + r].as_object();
}

// The Handler's root base lives in the Request/Response prototypes'
// internal values so natives can find their prototypes without globals.
std::size_t root_base_of(CallInfo& ci) {
  return static_cast<std::size_t>(static_cast<vm::NativeFunction*>(ci.callee)->data.as_int32());
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// application/x-www-form-urlencoded decoding of one key or value: '+' is a
// space, %XX a byte; a malformed escape is kept as it is (as URLSearchParams).
void percent_decode(std::string_view in, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < in.size() && hex_value(in[i + 1]) >= 0 &&
               hex_value(in[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(in[i + 1]) * 16 + hex_value(in[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
}

vm::Environment* request_internal(VM& vm, CallInfo& ci, std::string_view what) {
  Value self = ci.this_value;
  if (self.is_object()) {
    Value in = self.as_object()->internal();
    if (in.is_internal_cell() && in.as_cell()->kind() == vm::CellKind::kEnvironment) {
      auto* env = static_cast<vm::Environment*>(in.as_cell());
      if (env->size == kInternalCount) return env;
    }
  }
  vm.throw_type_error(
      fmt::format("Request.prototype.{} called on a value that is not a Request", what));
}

std::string flat_latin1(String* s) {
  std::string out;
  out.reserve(s->length());
  for (std::uint32_t i = 0; i < s->length(); ++i) out.push_back(static_cast<char>(s->at(i)));
  return out;
}

// get req.query: the query string parsed on first access into a plain
// object (a repeated key keeps its last value).
Value request_query(VM& vm, CallInfo& ci) {
  Rooted holder(vm, Value::cell(request_internal(vm, ci, "query")));
  auto env = [&] { return static_cast<vm::Environment*>(holder.get().as_cell()); };
  Value cached = env()->slots[kQueryObject];
  if (!cached.is_hole()) return cached;
  String* raw = vm.flatten(env()->slots[kRawQuery].as_string());
  std::string text = flat_latin1(raw);
  Rooted obj(vm, Value::object(vm.new_object()));
  std::string key;
  std::string value;
  std::size_t pos = 0;
  while (pos <= text.size() && !text.empty()) {
    std::size_t amp = text.find('&', pos);
    if (amp == std::string::npos) amp = text.size();
    std::string_view pair(text.data() + pos, amp - pos);
    if (!pair.empty()) {
      std::size_t eq = pair.find('=');
      percent_decode(pair.substr(0, eq), key);
      percent_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1),
                     value);
      Rooted k(vm, Value::string(vm.new_string_utf8(key)));
      Rooted v(vm, Value::string(vm.new_string_utf8(value)));
      vm.create_data_property(obj.object(), vm.to_property_key(k.get()), v.get());
    }
    pos = amp + 1;
  }
  env()->slots[kQueryObject] = obj.get();
  return obj.get();
}

// get req.headers: the header section parsed on first access into a plain
// object with lower-case names; repeated fields are joined with ", "
// (RFC 9110 §5.3).
Value request_headers(VM& vm, CallInfo& ci) {
  Rooted holder(vm, Value::cell(request_internal(vm, ci, "headers")));
  auto env = [&] { return static_cast<vm::Environment*>(holder.get().as_cell()); };
  Value cached = env()->slots[kHeadersObject];
  if (!cached.is_hole()) return cached;
  String* raw = vm.flatten(env()->slots[kRawHeaders].as_string());
  std::string text = flat_latin1(raw);
  Rooted obj(vm, Value::object(vm.new_object()));
  std::size_t pos = 0;
  std::string name;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    name.assign(line.substr(0, colon));
    for (char& c : name) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    PropertyKey key = vm.key(name);
    Value prev = vm.get(obj.object(), key);
    Rooted v(vm, Value::string(vm.new_string_latin1(
                     reinterpret_cast<const std::uint8_t*>(value.data()), value.size())));
    if (prev.is_string()) {
      Rooted p(vm, prev);
      Rooted sep(vm, Value::string(vm.intern(", ")));
      Rooted joined(vm, Value::string(vm.concat(p.string(), sep.string())));
      v.set(Value::string(vm.concat(joined.string(), v.string())));
    }
    vm.create_data_property(obj.object(), key, v.get());
  }
  env()->slots[kHeadersObject] = obj.get();
  return obj.get();
}

// req.json(): JSON.parse of the body (a SyntaxError without a body).
Value request_json(VM& vm, CallInfo& ci) {
  if (!ci.this_value.is_object())
    vm.throw_type_error("Request.prototype.json called on non-Request");
  Value body = vm.get(ci.this_value.as_object(), PropertyKey::atom(vm.atoms().body));
  if (!body.is_string())
    vm.throw_error(vm::ErrorType::kSyntaxError, "request has no body to parse");
  Rooted rb(vm, body);
  Value parse = vm.persistent_roots()[root_base_of(ci) + kJsonParse];
  return vm.call(parse, Value::undefined(), std::span<const Value>(&rb.ref(), 1));
}

// req.text(): the body, or '' without one.
Value request_text(VM& vm, CallInfo& ci) {
  if (!ci.this_value.is_object())
    vm.throw_type_error("Request.prototype.text called on non-Request");
  Value body = vm.get(ci.this_value.as_object(), PropertyKey::atom(vm.atoms().body));
  return body.is_string() ? body : Value::string(vm.atoms().empty);
}

// Response.json(value, init?) / text(str, init?) / html(str, init?) /
// rawJson(str, init?): a Response record { status, headers, body }. The
// kind (and so the content type) is the callee's data; json bodies are
// serialized when written, straight into the output buffer.
Value response_make(VM& vm, CallInfo& ci, ResponseKind kind) {
  Rooted body(vm, ci.arg(0));
  if (kind != kJson) body.set(Value::string(vm.to_string(body.get())));
  Value status = Value::int32(200);
  Rooted headers(vm, Value::undefined());
  Value init = ci.arg(1);
  if (init.is_object()) {
    Rooted ri(vm, init);
    Value s = vm.get(ri.object(), PropertyKey::atom(vm.atoms().status));
    if (!s.is_undefined()) {
      double d = vm.to_number(s);
      if (!(d >= 200 && d <= 599) || d != static_cast<double>(static_cast<int>(d))) {
        vm.throw_range_error("Response status must be an integer from 200 to 599");
      }
      status = Value::int32(static_cast<std::int32_t>(d));
    }
    headers.set(vm.get(ri.object(), PropertyKey::atom(vm.atoms().headers)));
    if (!headers.get().is_undefined() && !headers.get().is_object()) {
      vm.throw_type_error("Response init.headers must be an object");
    }
  } else if (!init.is_undefined()) {
    vm.throw_type_error("Response init must be an object");
  }
  auto* shape =
      static_cast<vm::Shape*>(vm.persistent_roots()[root_base_of(ci) + kResponseShape].as_cell());
  Rooted res(vm, Value::object(vm.new_object_with_shape(shape)));
  res.object()->set_slot(kResStatus, status);  // an int32: nothing to root
  res.object()->set_slot(kResHeaders, headers.get());
  res.object()->set_slot(kResBody, body.get());
  res.object()->set_internal(Value::int32(kind));
  return res.get();
}

Value response_json(VM& vm, CallInfo& ci) {
  return response_make(vm, ci, kJson);
}
Value response_text(VM& vm, CallInfo& ci) {
  return response_make(vm, ci, kText);
}
Value response_html(VM& vm, CallInfo& ci) {
  return response_make(vm, ci, kHtml);
}
Value response_raw_json(VM& vm, CallInfo& ci) {
  return response_make(vm, ci, kRawJson);
}

bool equals_lower(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// A JS string's bytes as UTF-8: a view of the string itself when it is flat
// ASCII (the common case: no copy), else encoded into `scratch`.
std::string_view string_bytes(VM& vm, String* s, std::string& scratch) {
  s = vm.flatten(s);
  if (s->is_one_byte()) {
    const std::uint8_t* p = s->chars8();
    std::uint32_t n = s->length();
    bool ascii = true;
    for (std::uint32_t i = 0; i < n; ++i) {
      if (p[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return {reinterpret_cast<const char*>(p), n};
  }
  scratch.clear();
  s->append_utf8(scratch);
  return scratch;
}

}  // namespace

struct Handler::Impl {
  HandlerOptions options;
  std::size_t root_base = 0;
  std::string filename;
  // Reused per request so steady-state serving does not allocate here.
  std::string body_scratch;
  std::string header_store;
  std::vector<http::Header> header_views;
  std::vector<std::pair<std::size_t, std::size_t>> header_offsets;  // name/value offsets
  std::vector<PropertyKey> keys;
  PropertyKey k_body;
  // The common methods' atoms (kept alive by persistent roots), so most
  // requests skip the atom-table lookup.
  std::vector<std::pair<std::string_view, String*>> methods;

  String* method_atom(VM& vm, std::string_view m) {
    for (auto& [name, atom] : methods) {
      if (name == m) return atom;
    }
    return vm.intern(m);  // a token: ASCII
  }

  void log(std::string_view line) {
    if (options.error_log) {
      options.error_log(line);
    } else {
      std::fwrite(line.data(), 1, line.size(), stderr);
      std::fputc('\n', stderr);
    }
  }
};

Handler::Handler() : impl_(std::make_unique<Impl>()) {}
Handler::~Handler() = default;

namespace {

void install_bindings(VM& vm, std::size_t base) {
  Object* global = vm.global();
  auto& roots = vm.persistent_roots();
  Value base_tag = Value::int32(static_cast<std::int32_t>(base));

  roots[base + kRequestProto] = Value::object(vm.new_object());
  Object* req_proto = roots[base + kRequestProto].as_object();
  vm.define_getter(req_proto, PropertyKey::atom(vm.atoms().query), "query", request_query);
  vm.define_getter(req_proto, PropertyKey::atom(vm.atoms().headers), "headers", request_headers);
  vm.define_native(req_proto, "json", request_json, 0)->data = base_tag;
  vm.define_native(req_proto, "text", request_text, 0)->data = base_tag;

  roots[base + kResponseProto] = Value::object(vm.new_object());
  Object* res_proto = roots[base + kResponseProto].as_object();
  Rooted response(vm, Value::object(vm.new_object()));
  vm.define_value(response.object(), "prototype", Value::object(res_proto), 0);
  vm.define_value(res_proto, "constructor", response.get());
  vm.define_native(response.object(), "json", response_json, 2)->data = base_tag;
  vm.define_native(response.object(), "text", response_text, 2)->data = base_tag;
  vm.define_native(response.object(), "html", response_html, 2)->data = base_tag;
  vm.define_native(response.object(), "rawJson", response_raw_json, 2)->data = base_tag;
  vm.define_value(global, "Response", response.get());

  Value json = vm.get(global, "JSON");
  roots[base + kJsonParse] = vm.get(json.as_object(), "parse");
}

}  // namespace

std::unique_ptr<Handler> Handler::load(std::string_view source, std::string_view filename,
                                       HandlerOptions options, std::string* error) {
  std::unique_ptr<Handler> h(new Handler());
  h->engine_ = std::make_unique<Engine>(options.engine);
  h->impl_->options = std::move(options);
  h->impl_->filename = std::string(filename);
  VM& vm = h->engine_->vm();
  auto& roots = vm.persistent_roots();
  std::size_t base = roots.size();
  h->impl_->root_base = base;
  roots.resize(base + kRootCount, Value::undefined());
  vm.heap().enter_no_gc();
  install_bindings(vm, base);
  h->impl_->k_body = PropertyKey::atom(vm.atoms().body);
  // The two layouts, made once: handle() and response_make() allocate into
  // them directly instead of adding each property to a fresh object.
  auto make_shape = [&](Root proto, std::initializer_list<PropertyKey> keys) {
    Object* o = vm.new_object_of_class(vm::ObjectClass::kPlain, root_object(vm, base, proto), 4);
    for (PropertyKey k : keys) vm.add_property(o, k, Value::undefined(), vm::attr::kDefault);
    return Value::cell(o->shape());
  };
  roots[base + kRequestShape] = make_shape(
      kRequestProto, {vm.key("method"), vm.key("url"), vm.key("path"), h->impl_->k_body});
  roots[base + kResponseShape] = make_shape(
      kResponseProto, {PropertyKey::atom(vm.atoms().status), PropertyKey::atom(vm.atoms().headers),
                       PropertyKey::atom(vm.atoms().body)});
  for (std::string_view m : {"GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
    String* atom = vm.intern(m);
    roots.push_back(Value::string(atom));
    h->impl_->methods.emplace_back(m, atom);
  }
  vm.heap().leave_no_gc();

  Completion c = h->engine_->run_script(source, filename);
  if (!c.ok) {
    *error = c.report;
    return nullptr;
  }
  Value fn;
  if (!vm.lookup_global(vm.intern("handler"), &fn) || !vm.is_callable(fn)) {
    *error = fmt::format(
        "{}: the handler file defines no global function `handler` "
        "(write `function handler(req) {{ return Response.json({{ ok: true }}); }}`)\n",
        filename);
    return nullptr;
  }
  roots[base + kHandlerFn] = fn;
  return h;
}

HandlerOutcome Handler::handle(const http::Request& req, std::uint32_t token, http::OutBuffer& out,
                               http::DateCache& date) {
  VM& vm = engine_->vm();
  Impl& im = *impl_;
  HandlerOutcome outcome;
  auto fail = [&](int status) {
    outcome.status = status;
    outcome.fault = true;
    http::write_error(out, date, status, !req.keep_alive, req.version_minor);
  };
  engine_->set_interrupt_token(token);
  try {
    auto& roots = vm.persistent_roots();
    // 1. http::Request -> JS Request.
    auto* shape = static_cast<vm::Shape*>(roots[im.root_base + kRequestShape].as_cell());
    Rooted robj(vm, Value::object(vm.new_object_with_shape(shape)));
    Rooted holder(vm, Value::cell(vm.new_environment(nullptr, kInternalCount)));
    auto env = [&] { return static_cast<vm::Environment*>(holder.get().as_cell()); };
    Rooted tmp(vm, Value::string(im.method_atom(vm, req.method)));
    robj.object()->set_slot(kReqMethod, tmp.get());
    // path and url share one string when there is no query.
    Rooted path(vm, Value::string(vm.new_string_utf8(req.path)));
    if (req.target.size() != req.path.size()) {
      tmp.set(Value::string(vm.new_string_utf8(req.target)));
    } else {
      tmp.set(path.get());
    }
    robj.object()->set_slot(kReqUrl, tmp.get());
    robj.object()->set_slot(kReqPath, path.get());
    tmp.set(req.has_body ? Value::string(vm.new_string_utf8(req.body)) : Value::null());
    robj.object()->set_slot(kReqBody, tmp.get());
    env()->slots[kRawQuery] =
        req.query.empty()
            ? Value::string(vm.atoms().empty)
            : Value::string(vm.new_string_latin1(
                  reinterpret_cast<const std::uint8_t*>(req.query.data()), req.query.size()));
    // The header section as one string, split only if req.headers is read.
    std::string_view raw_headers;
    if (req.header_count > 0) {
      const http::Header& first = req.headers[0];
      const http::Header& last = req.headers[req.header_count - 1];
      const char* end = last.value.data() + last.value.size();
      if (last.value.empty()) end = last.name.data() + last.name.size() + 1;
      raw_headers =
          std::string_view(first.name.data(), static_cast<std::size_t>(end - first.name.data()));
    }
    env()->slots[kRawHeaders] = Value::string(vm.new_string_latin1(
        reinterpret_cast<const std::uint8_t*>(raw_headers.data()), raw_headers.size()));
    robj.object()->set_internal(holder.get());

    // 2. handler(req).
    Value fn = roots[im.root_base + kHandlerFn];
    Rooted result(vm, vm.call(fn, Value::undefined(), std::span<const Value>(&robj.ref(), 1)));

    // 3. JS Response -> bytes.
    Value rv = result.get();
    Object* res_proto = roots[im.root_base + kResponseProto].as_object();
    if (!rv.is_object() || rv.as_object()->proto() != res_proto ||
        !rv.as_object()->internal().is_int32()) {
      im.log(
          fmt::format("kite: {} {}: handler returned {}, not a Response (use Response.json(...))",
                      req.method, req.path, vm.describe(rv)));
      fail(500);
      return outcome;
    }
    Object* res = rv.as_object();
    auto kind = static_cast<ResponseKind>(res->internal().as_int32());
    Value status_v = vm.get(res, PropertyKey::atom(vm.atoms().status));
    int status =
        status_v.is_int32() ? status_v.as_int32() : static_cast<int>(vm.to_number(status_v));
    if (status < 200 || status > 599) status = 500;
    // Headers: own enumerable string keys, name: String(value).
    im.header_store.clear();
    im.header_offsets.clear();
    bool has_content_type = false;
    Rooted hdrs(vm, vm.get(result.object(), PropertyKey::atom(vm.atoms().headers)));
    if (hdrs.get().is_object()) {
      im.keys.clear();
      vm.own_keys(hdrs.object(), im.keys);
      for (PropertyKey k : im.keys) {
        vm::Property p;
        if (!vm.get_own_property(hdrs.object(), k, &p) || (p.attrs & vm::attr::kEnumerable) == 0) {
          continue;
        }
        Rooted kv(vm, vm.key_to_value(k));
        Rooted val(vm, vm.get(hdrs.object(), k));
        val.set(Value::string(vm.to_string(val.get())));
        std::size_t name_at = im.header_store.size();
        kv.string()->append_utf8(im.header_store);
        std::size_t value_at = im.header_store.size();
        val.string()->append_utf8(im.header_store);
        std::string_view name(im.header_store.data() + name_at, value_at - name_at);
        std::string_view value(im.header_store.data() + value_at,
                               im.header_store.size() - value_at);
        if (!http::valid_field_name(name) || !http::valid_field_value(value)) {
          im.log(
              fmt::format("kite: {} {}: invalid response header '{}'", req.method, req.path, name));
          fail(500);
          return outcome;
        }
        if (equals_lower(name, "content-type")) has_content_type = true;
        im.header_offsets.emplace_back(name_at, value_at);
      }
    }
    // Body bytes (json bodies are serialized here).
    Rooted body(vm, vm.get(result.object(), im.k_body));
    std::string_view body_bytes;
    if (kind == kJson) {
      im.body_scratch.clear();
      if (!vm::builtins::json_stringify(vm, body.get(), im.body_scratch)) {
        vm.throw_type_error("Response.json: the value is not serializable to JSON");
      }
      body_bytes = im.body_scratch;
    } else {
      body.set(Value::string(vm.to_string(body.get())));
      body_bytes = string_bytes(vm, body.string(), im.body_scratch);
    }
    // Views into header_store only now that it has stopped growing.
    im.header_views.clear();
    for (std::size_t i = 0; i < im.header_offsets.size(); ++i) {
      auto [name_at, value_at] = im.header_offsets[i];
      std::size_t end = i + 1 < im.header_offsets.size() ? im.header_offsets[i + 1].first
                                                         : im.header_store.size();
      im.header_views.push_back(
          {std::string_view(im.header_store.data() + name_at, value_at - name_at),
           std::string_view(im.header_store.data() + value_at, end - value_at)});
    }
    http::ResponseHead head;
    head.status = status;
    head.content_type = has_content_type ? std::string_view() : kContentTypes[kind];
    head.headers = im.header_views.data();
    head.header_count = im.header_views.size();
    head.keep_alive = req.keep_alive;
    head.head_request = req.is_head;
    head.version_minor = req.version_minor;
    http::write_response(out, date, head, body_bytes);
    outcome.status = status;
    return outcome;
  } catch (vm::JSThrow&) {
    Value exc = vm.take_pending_exception();
    bool interrupted = vm.terminating();
    vm.clear_termination();
    Completion c;
    engine_->describe_exception(exc, &c);
    if (interrupted) {
      im.log(fmt::format("kite: {} {}: handler exceeded its time limit and was interrupted",
                         req.method, req.path));
      fail(504);
    } else {
      std::string report = c.report;
      while (!report.empty() && report.back() == '\n') report.pop_back();
      im.log(fmt::format("kite: {} {}: handler threw: {}", req.method, req.path, report));
      fail(500);
    }
    // A request that ran the heap to its limit leaves garbage behind:
    // reclaim it now rather than failing the next request too.
    std::size_t limit = vm.heap().limit();
    if (limit != 0 && vm.heap().bytes_in_use() > limit / 2) vm.heap().collect();
    return outcome;
  }
}

}  // namespace kite::runtime
