// The requests of a run, built once from the options: one complete
// HTTP/1.1 message per --path (RFC 9112 §3, origin-form target), sent
// round-robin. Keep-alive is HTTP/1.1's default, so no Connection header is
// added.
#pragma once

#include "options.h"

#include <string>
#include <vector>

namespace kite::load {

// `METHOD path HTTP/1.1`, then Host (the URL's authority unless -H gives
// one), the -H headers in order, Content-Length when there is a body or the
// method is POST, PUT or PATCH, an empty line and the body.
std::vector<std::string> build_requests(const LoadOptions& options);

}  // namespace kite::load
