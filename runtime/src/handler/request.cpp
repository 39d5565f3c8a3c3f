// Request: see request.h. The getters and methods below run inside the
// handler's call, as native functions of the engine's host interface.
#include "handler/request.h"

#include <fmt/core.h>

#include "handler/bindings.h"
#include "http/fields.h"
#include "http/header_names.h"

namespace kite::runtime {

namespace {

// Fields of a Request, in the class's layout order.
enum Field : std::uint32_t { kMethod, kUrl, kPath, kBody };
constexpr std::string_view kFieldNames[] = {"method", "url", "path", "body"};

// Internal slots: the raw query as received and the header fields packed
// (http::pack_fields), and the objects made from them on first access (a
// hole until then).
enum Internal : std::uint32_t { kRawQuery, kRawHeaders, kQueryObject, kHeadersObject, kCount };

// The Request class id travels as each native's data.
HostClass request_class(const NativeCall& call) {
  return HostClass{static_cast<std::uint32_t>(call.data.as_int32())};
}

JsValue checked_this(Host& host, const NativeCall& call, std::string_view what) {
  if (!host.is_instance(call.this_value, request_class(call))) {
    host.throw_type_error(
        fmt::format("Request.prototype.{} called on a value that is not a Request", what));
  }
  return call.this_value;
}

// get req.query: the query string decoded into a plain object on first
// access (a repeated key keeps its last value, as URLSearchParams.get
// would not: documented in docs/handler.md).
JsValue request_query(Host& host, const NativeCall& call) {
  HostRoot self(host, checked_this(host, call, "query"));
  JsValue cached = host.internal(self, kQueryObject);
  if (!host.is_hole(cached)) return cached;
  // A view of the raw string's bytes: the string lives in self's internal
  // slot, so the view stays valid while the loop allocates.
  std::string scratch;
  std::string_view text = host.latin1(host.internal(self, kRawQuery), scratch);
  HostRoot obj(host, host.new_object());
  std::string key;
  std::string value;
  http::for_each_query_pair(text, [&](std::string_view k, std::string_view v) {
    http::form_decode(k, key);
    http::form_decode(v, value);
    HostRoot rk(host, host.new_string(key));
    HostRoot rv(host, host.new_string(value));
    host.create_data_property(obj, rk, rv);
  });
  host.set_internal(self, kQueryObject, obj);
  return obj;
}

// get req.headers: the header fields made into a plain object on first
// access, names lower-cased; repeated fields joined with ", " (RFC 9110
// §5.3). The fields were packed once by make(); a common name is its
// interned string through the perfect hash (http/header_names.h), any other
// is lower-cased and interned.
JsValue request_headers(Host& host, const NativeCall& call) {
  HostRoot self(host, checked_this(host, call, "headers"));
  JsValue cached = host.internal(self, kHeadersObject);
  if (!host.is_hole(cached)) return cached;
  const auto& binding = static_cast<const Bindings*>(host.embedder_data())->request;
  // A view of the packed string's bytes: it lives in self's internal slot,
  // so the view stays valid while the loop allocates.
  std::string scratch;
  std::string_view packed = host.latin1(host.internal(self, kRawHeaders), scratch);
  HostRoot obj(host, host.new_object());
  std::string name;
  std::uint64_t seen = 0;  // common names already set, by index
  static_assert(http::kCommonHeaderCount <= 64);
  http::for_each_packed_field(packed, [&](std::string_view n, std::string_view v) {
    int common = http::common_header_index(n);
    HostRoot key(host);
    HostRoot prev(host);  // the value of an earlier field of this name
    if (common >= 0) {
      key.set(binding.header_name(static_cast<std::size_t>(common)));
      std::uint64_t bit = std::uint64_t{1} << common;
      if ((seen & bit) != 0) prev.set(host.get(obj, key));
      seen |= bit;
    } else {
      name.assign(n);
      for (char& c : name) c = http::detail::ascii_lower(c);
      key.set(host.intern(name));
      prev.set(host.get(obj, key));
    }
    HostRoot value(host, host.new_string_latin1(v));
    if (prev.get().is_string()) {
      value.set(host.concat(host.concat(prev, binding.comma()), value));
    }
    host.create_data_property(obj, key, value);
  });
  host.set_internal(self, kHeadersObject, obj);
  return obj;
}

// req.json(): JSON.parse of the body (a SyntaxError without a body).
JsValue request_json(Host& host, const NativeCall& call) {
  HostRoot self(host, checked_this(host, call, "json"));
  JsValue body = host.field(self, request_class(call), kBody);
  if (!body.is_string()) host.throw_syntax_error("request has no body to parse");
  HostRoot rb(host, body);
  return host.json_parse(rb);
}

// req.text(): the body, or '' without one.
JsValue request_text(Host& host, const NativeCall& call) {
  JsValue body = host.field(checked_this(host, call, "text"), request_class(call), kBody);
  return body.is_string() ? body : host.empty_string();
}

}  // namespace

void RequestBinding::install(Host& host) {
  class_ = host.define_class({.fields = kFieldNames, .internal_slots = kCount, .prototype = {}});
  HostRoot proto(host, host.prototype(class_));
  JsValue id = JsValue::int32(static_cast<std::int32_t>(class_.id));
  host.define_getter(proto, "query", request_query, id);
  host.define_getter(proto, "headers", request_headers, id);
  host.define_method(proto, "json", request_json, 0, id);
  host.define_method(proto, "text", request_text, 0, id);
  empty_ = host.empty_string();
  for (std::string_view m : {"GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
    JsValue atom = host.intern(m);
    host.persist(atom);
    methods_.emplace_back(m, atom);
  }
  for (std::size_t i = 0; i < http::kCommonHeaderCount; ++i) {
    header_names_[i] = host.intern(http::kCommonHeaderNames[i]);
    host.persist(header_names_[i]);
  }
  comma_ = host.intern(", ");
  host.persist(comma_);
}

JsValue RequestBinding::make(Host& host, const http::Request& req) {
  JsValue method;
  for (const auto& [name, atom] : methods_) {
    if (name == req.method) {
      method = atom;
      break;
    }
  }
  HostRoot rmethod(host,
                   method.is_undefined() ? host.intern(req.method) : method);  // a token: ASCII
  // path and url share one string when there is no query.
  HostRoot path(host, host.new_string(req.path));
  HostRoot url(host,
               req.target.size() != req.path.size() ? host.new_string(req.target) : path.get());
  HostRoot body(host, req.has_body ? host.new_string(req.body) : JsValue::null());
  HostRoot query(host, req.query.empty() ? empty_ : host.new_string_latin1(req.query));
  // The header fields, packed: copied once, split only by the parser.
  HostRoot headers(host, host.new_string_latin1(http::pack_fields(req, packed_)));
  const JsValue fields[] = {rmethod, url, path, body};
  const JsValue internals[] = {query, headers};
  return host.new_instance(class_, fields, internals);
}

}  // namespace kite::runtime
