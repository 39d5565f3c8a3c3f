// The handler's environment: the KEY=VALUE pairs `kite serve` was given
// (--env, --env-file, --env-pass), read from a dotenv file, and made into
// the object a handler sees as `env` and `process.env`.
#pragma once

#include <kite/engine/host.h>
#include <kite/runtime/handler.h>

#include <string>
#include <string_view>

namespace kite::runtime {

// A name a handler can read as env.NAME: [A-Za-z_][A-Za-z0-9_]*.
bool valid_env_name(std::string_view name);

// Appends the variables of a dotenv file's text to *out (a later duplicate
// replaces the earlier value). The syntax, one variable per line:
//   # a comment            (blank lines too)
//   KEY=value              (trimmed; ` #` starts a comment)
//   export KEY=value       (the shell's prefix is ignored)
//   KEY='literal $text'    (single quotes: no escapes, may span lines)
//   KEY="a\nb"             (double quotes: \n \r \t \" \\ escapes, may span lines)
// On a bad line returns false and sets *error to "FILE:LINE: what is wrong".
bool parse_dotenv(std::string_view text, std::string_view filename, EnvVars* out,
                  std::string* error);

// Sets name to value in *vars, replacing an earlier value.
void set_env(EnvVars* vars, std::string_view name, std::string_view value);

// The env object (a plain object of strings, one per variable) and the
// global `process` whose `env` it is. Returns the object.
JsValue install_env(Host& host, const EnvVars& vars);

}  // namespace kite::runtime
