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

std::string_view pack_fields(const Request& req, std::string& scratch) {
  if (req.header_count == 0) return {};
  // The fields' bytes all lie within the section from the first name to the
  // last value, so that span plus the lengths bounds the packed size
  // without a pass to add them up. The scratch is grown, never shrunk:
  // steady-state requests neither allocate nor clear it.
  const Header& last = req.headers[req.header_count - 1];
  const char* end = last.name.data() + last.name.size();
  if (!last.value.empty()) end = last.value.data() + last.value.size();
  auto span = static_cast<std::size_t>(end - req.headers[0].name.data());
  std::size_t bound = 8 * req.header_count + span;
  if (scratch.size() < bound) scratch.resize(bound);
  char* p = scratch.data();
  for (std::size_t i = 0; i < req.header_count; ++i) {
    const Header& h = req.headers[i];
    const std::uint32_t lengths[2] = {static_cast<std::uint32_t>(h.name.size()),
                                      static_cast<std::uint32_t>(h.value.size())};
    std::memcpy(p, lengths, sizeof lengths);
    p += sizeof lengths;
    std::memcpy(p, h.name.data(), h.name.size());
    p += h.name.size();
    std::memcpy(p, h.value.data(), h.value.size());
    p += h.value.size();
  }
  return {scratch.data(), static_cast<std::size_t>(p - scratch.data())};
}

}  // namespace kite::http
