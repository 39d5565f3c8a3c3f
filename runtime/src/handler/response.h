// The JS `Response` a handler returns, and writing it as HTTP.
//
// `Response.json(value, init?)`, `text(str, init?)`, `html(str, init?)` and
// `rawJson(str, init?)` make a record { status, headers, body } of a host
// class per kind (the kind decides the content type; json bodies are
// serialized only when written, straight into the output buffer). `init` is
// { status, headers }.
#pragma once

#include <kite/engine/host.h>
#include <kite/http/parser.h>
#include <kite/http/writer.h>

#include <string>
#include <utility>
#include <vector>

namespace kite::runtime {

class ResponseBinding {
 public:
  // Defines the global `Response` and its statics. The statics find the
  // binding as the Host's embedder data, which the caller sets to it.
  void install(Host& host);

  // The class (one per kind) of a Response, or HostClass{} for any other
  // value.
  HostClass class_of(Host& host, JsValue v);

  // Appends `response`, of class `cls`, as a complete HTTP response to
  // `out`. Throws
  // ScriptThrow when reading it runs script that throws (a getter, toJSON,
  // a cycle). Returns false, with a message for the log in *error, when the
  // response cannot be sent (an invalid header); nothing is appended then.
  bool write(Host& host, JsValue response, HostClass cls, const http::Request& req,
             http::OutBuffer& out, http::DateCache& date, int* status, std::string* error);

 private:
  static JsValue make(Host& host, const NativeCall& call);
  HostClass first_;  // the json kind; the others follow in ResponseKind order
  PropertyName status_, headers_;
  // Reused per response so steady-state serving does not allocate here.
  std::string body_scratch_;
  std::string header_store_;
  std::vector<http::Header> header_views_;
  std::vector<std::pair<std::size_t, std::size_t>> header_offsets_;  // name/value offsets
  std::vector<PropertyName> names_;
};

}  // namespace kite::runtime
