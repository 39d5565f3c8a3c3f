// Building the request messages (request.h).
#include "request.h"

namespace kite::load {

namespace {

bool iequals(const std::string& a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char c = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (c != b[i]) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> build_requests(const LoadOptions& options) {
  bool has_host = false;
  std::string headers;
  for (const auto& [name, value] : options.headers) {
    has_host = has_host || iequals(name, "host");
    headers.append(name).append(": ").append(value).append("\r\n");
  }
  if (!has_host) headers = "Host: " + options.target.authority + "\r\n" + headers;
  // RFC 9110 §8.6: Content-Length is sent when there is content, or when
  // the method anticipates content even though there is none.
  const bool expects_content =
      options.method == "POST" || options.method == "PUT" || options.method == "PATCH";
  if (!options.body.empty() || expects_content) {
    headers += "Content-Length: " + std::to_string(options.body.size()) + "\r\n";
  }
  std::vector<std::string> requests;
  requests.reserve(options.paths.size());
  for (const std::string& path : options.paths) {
    std::string request = options.method;
    request.append(" ").append(path).append(" HTTP/1.1\r\n").append(headers).append("\r\n");
    requests.push_back(request.append(options.body));
  }
  return requests;
}

}  // namespace kite::load
