#include "fields.h"

namespace kite::http {

void form_decode(std::string_view in, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < in.size() && detail::hex_value(in[i + 1]) >= 0 &&
               detail::hex_value(in[i + 2]) >= 0) {
      out.push_back(
          static_cast<char>(detail::hex_value(in[i + 1]) * 16 + detail::hex_value(in[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace kite::http
