// Response: see response.h.
#include "handler/response.h"

#include <fmt/core.h>

#include "handler/bindings.h"
#include "http/chars.h"

namespace kite::runtime {

namespace {

// Response kinds, one host class each (consecutive class ids).
enum ResponseKind : std::int32_t { kJson = 0, kText = 1, kHtml = 2, kRawJson = 3, kKindCount };

constexpr std::string_view kContentTypes[] = {
    "application/json",
    "text/plain; charset=utf-8",
    "text/html; charset=utf-8",
    "application/json",
};

// Fields of a Response, in layout order.
enum Field : std::uint32_t { kStatus, kHeaders, kBody };
constexpr std::string_view kFieldNames[] = {"status", "headers", "body"};

}  // namespace

// Response.json(value, init?) / text(str, init?) / html(str, init?) /
// rawJson(str, init?): the native's data is the kind.
JsValue ResponseBinding::make(Host& host, const NativeCall& call) {
  const auto& self = static_cast<const Bindings*>(host.embedder_data())->response;
  auto kind = static_cast<ResponseKind>(call.data.as_int32());
  HostClass cls{self.first_.id + static_cast<std::uint32_t>(kind)};
  HostRoot body(host, call.arg(0));
  if (kind != kJson) body.set(host.to_string(body));
  JsValue status = JsValue::int32(200);
  HostRoot headers(host);
  HostRoot init(host, call.arg(1));
  if (init.get().is_object()) {
    JsValue s = host.get(init, self.status_);
    if (!s.is_undefined()) {
      double d = host.to_number(s);
      if (!(d >= 200 && d <= 599) || d != static_cast<double>(static_cast<int>(d))) {
        host.throw_range_error("Response status must be an integer from 200 to 599");
      }
      status = JsValue::int32(static_cast<std::int32_t>(d));
    }
    headers.set(host.get(init, self.headers_));
    if (!headers.get().is_undefined() && !headers.get().is_object()) {
      host.throw_type_error("Response init.headers must be an object");
    }
  } else if (!init.get().is_undefined()) {
    host.throw_type_error("Response init must be an object");
  }
  const JsValue fields[] = {status, headers, body};
  return host.new_instance(cls, fields);
}

void ResponseBinding::install(Host& host) {
  status_ = host.name("status");
  headers_ = host.name("headers");
  HostRoot response(host, host.new_object());
  HostRoot proto(host);
  constexpr std::string_view kStatics[] = {"json", "text", "html", "rawJson"};
  for (std::int32_t kind = 0; kind < kKindCount; ++kind) {
    HostClass cls =
        host.define_class({.fields = kFieldNames, .internal_slots = 0, .prototype = proto.get()});
    if (kind == kJson) {
      first_ = cls;
      proto.set(host.prototype(cls));
    }
    host.define_method(response, kStatics[kind], make, 2, JsValue::int32(kind));
  }
  host.define_value(response, "prototype", proto);
  host.define_value(proto, "constructor", response);
  host.define_global("Response", response);
}

HostClass ResponseBinding::class_of(Host& host, JsValue v) {
  HostClass cls = host.class_of(v);
  return cls.id >= first_.id && cls.id < first_.id + kKindCount ? cls : HostClass{};
}

bool ResponseBinding::write(Host& host, JsValue response, HostClass cls, const http::Request& req,
                            http::OutBuffer& out, http::DateCache& date, int* status_out,
                            std::string* error) {
  HostRoot res(host, response);
  auto kind = static_cast<ResponseKind>(cls.id - first_.id);
  JsValue status_v = host.field(res, cls, kStatus);
  int status =
      status_v.is_int32() ? status_v.as_int32() : static_cast<int>(host.to_number(status_v));
  if (status < 200 || status > 599) status = 500;
  // Headers: own enumerable string keys, name: String(value).
  header_store_.clear();
  header_offsets_.clear();
  bool has_content_type = false;
  HostRoot hdrs(host, host.field(res, cls, kHeaders));
  if (hdrs.get().is_object()) {
    host.own_enumerable_names(hdrs, names_);
    for (PropertyName n : names_) {
      HostRoot val(host, host.get(hdrs, n));
      val.set(host.to_string(val));
      std::size_t name_at = header_store_.size();
      host.append_utf8(host.name_string(n), header_store_);
      std::size_t value_at = header_store_.size();
      host.append_utf8(val, header_store_);
      std::string_view name(header_store_.data() + name_at, value_at - name_at);
      std::string_view value(header_store_.data() + value_at, header_store_.size() - value_at);
      if (!http::valid_field_name(name) || !http::valid_field_value(value)) {
        *error = fmt::format("invalid response header '{}'", name);
        return false;
      }
      if (http::detail::equals_ignore_case(name, "content-type")) has_content_type = true;
      header_offsets_.emplace_back(name_at, value_at);
    }
  }
  // Body bytes (json bodies are serialized here).
  HostRoot body(host, host.field(res, cls, kBody));
  std::string_view body_bytes;
  if (kind == kJson) {
    body_scratch_.clear();
    if (!host.json_stringify(body, body_scratch_)) {
      host.throw_type_error("Response.json: the value is not serializable to JSON");
    }
    body_bytes = body_scratch_;
  } else {
    body.set(host.to_string(body));
    body_bytes = host.utf8(body, body_scratch_);
  }
  // Views into header_store_ only now that it has stopped growing.
  header_views_.clear();
  for (std::size_t i = 0; i < header_offsets_.size(); ++i) {
    auto [name_at, value_at] = header_offsets_[i];
    std::size_t end =
        i + 1 < header_offsets_.size() ? header_offsets_[i + 1].first : header_store_.size();
    header_views_.push_back({std::string_view(header_store_.data() + name_at, value_at - name_at),
                             std::string_view(header_store_.data() + value_at, end - value_at)});
  }
  http::ResponseHead head;
  head.status = status;
  head.content_type = has_content_type ? std::string_view() : kContentTypes[kind];
  head.headers = header_views_.data();
  head.header_count = header_views_.size();
  head.keep_alive = req.keep_alive;
  head.head_request = req.is_head;
  head.version_minor = req.version_minor;
  http::write_response(out, date, head, body_bytes);
  *status_out = status;
  return true;
}

}  // namespace kite::runtime
