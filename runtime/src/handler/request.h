// The JS `Request` a handler receives: a host class whose fields are
// method, url, path and body, made for each http::Request in one
// allocation, with query and headers made into objects only when the
// handler reads them (from internal slots holding the raw query and the
// header fields as the parser split them, packed into one string).
#pragma once

#include <kite/engine/host.h>
#include <kite/http/parser.h>

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/header_names.h"

namespace kite::runtime {

class RequestBinding {
 public:
  // Defines the class and its prototype's members (query, headers, json(),
  // text()). The binding must outlive every call of make().
  void install(Host& host);

  // A JS Request for `req` (its strings copied: the receive buffer does
  // not outlive the request, the object may).
  JsValue make(Host& host, const http::Request& req);

  // The interned (and persisted) string of kCommonHeaderNames[i], and ", ".
  JsValue header_name(std::size_t i) const { return header_names_[i]; }
  JsValue comma() const { return comma_; }

 private:
  HostClass class_;
  JsValue empty_;  // '' (an atom the engine keeps)
  // The common methods' interned strings, kept alive by persist(), so
  // most requests skip the atom-table lookup.
  std::vector<std::pair<std::string_view, JsValue>> methods_;
  std::array<JsValue, http::kCommonHeaderCount> header_names_;
  JsValue comma_;
  std::string packed_;  // make()'s scratch for the packed header fields
};

}  // namespace kite::runtime
