#include "util/ucd.h"

#include <algorithm>
#include <iterator>

namespace kite::util::ucd {

namespace {

struct SetRef {
  std::uint32_t first;
  std::uint32_t count;
};

struct NamedSet {
  const char* name;
  std::uint16_t set;
};

#include "util/ucd_data.inc"

CodePointSet set_at(std::uint16_t index) {
  const SetRef& ref = kSets[index];
  return {kRanges + ref.first, ref.count};
}

template <std::size_t N>
bool find(const NamedSet (&table)[N], std::string_view name, CodePointSet* out) {
  const NamedSet* end = table + N;
  const NamedSet* it = std::lower_bound(
      table, end, name,
      [](const NamedSet& e, std::string_view n) { return std::string_view(e.name) < n; });
  if (it == end || std::string_view(it->name) != name) return false;
  *out = set_at(it->set);
  return true;
}

CodePointSet named_binary(std::string_view name) {
  CodePointSet set;
  find(kBinaryProperties, name, &set);
  return set;
}

}  // namespace

std::string_view unicode_version() {
  return kUnicodeVersion;
}

bool binary_property(std::string_view name, CodePointSet* out) {
  return find(kBinaryProperties, name, out);
}

bool general_category(std::string_view value, CodePointSet* out) {
  return find(kGeneralCategories, value, out);
}

bool script(std::string_view value, CodePointSet* out) {
  return find(kScripts, value, out);
}

bool script_extensions(std::string_view value, CodePointSet* out) {
  return find(kScriptExtensions, value, out);
}

bool contains(CodePointSet set, char32_t c) {
  auto it = std::upper_bound(set.begin(), set.end(), c,
                             [](char32_t v, const CodePointRange& r) { return v < r.first; });
  return it != set.begin() && c <= std::prev(it)->last;
}

bool is_id_start(char32_t c) {
  static const CodePointSet kIdStart = named_binary("ID_Start");
  return contains(kIdStart, c);
}

bool is_id_continue(char32_t c) {
  static const CodePointSet kIdContinue = named_binary("ID_Continue");
  return contains(kIdContinue, c);
}

}  // namespace kite::util::ucd
