#include <kite/build_info.h>
#include <kite/engine/engine.h>

#include <string>

namespace kite {

std::string engine_version() {
  std::string out = "kite-engine ";
  out += build_info::kVersion;
  out += " (";
  out += build_info::kCommit;
  out += ", ";
  out += build_info::kCompiler;
  out += ", ";
  out += build_info::kBuildType;
  if (build_info::kSanitize[0] != '\0') {
    out += ", sanitize=";
    out += build_info::kSanitize;
  }
  out += ")";
  return out;
}

}  // namespace kite
