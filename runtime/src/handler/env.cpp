// The handler's environment: see env.h.
#include "handler/env.h"

#include <fmt/core.h>

namespace kite::runtime {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// What may follow a closing quote on its line: blanks, then a comment.
bool only_comment(std::string_view rest) {
  rest = trim(rest);
  return rest.empty() || rest.front() == '#';
}

}  // namespace

bool valid_env_name(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    if (!alpha && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

void set_env(EnvVars* vars, std::string_view name, std::string_view value) {
  for (auto& [k, v] : *vars) {
    if (k == name) {
      v = std::string(value);
      return;
    }
  }
  vars->emplace_back(std::string(name), std::string(value));
}

bool parse_dotenv(std::string_view text, std::string_view filename, EnvVars* out,
                  std::string* error) {
  std::size_t pos = 0;
  std::size_t line_no = 0;
  auto fail = [&](std::size_t line, std::string_view what) {
    *error = fmt::format("{}:{}: {}", filename, line, what);
    return false;
  };
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    std::size_t start_line = ++line_no;
    pos = nl + 1;
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    if (line.starts_with("export ") || line.starts_with("export\t")) line = trim(line.substr(7));
    std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) {
      return fail(start_line, "expected KEY=VALUE");
    }
    std::string_view name = trim(line.substr(0, eq));
    if (!valid_env_name(name)) {
      return fail(start_line,
                  fmt::format("invalid variable name '{}' (letters, digits and _, not first a "
                              "digit)",
                              name));
    }
    std::string_view rest = trim(line.substr(eq + 1));
    std::string value;
    if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) {
      char quote = rest.front();
      // The quoted value runs to its closing quote, on this line or a later one.
      std::size_t from = static_cast<std::size_t>(rest.data() - text.data()) + 1;
      std::size_t i = from;
      bool closed = false;
      for (; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n') ++line_no;
        if (c == quote) {
          closed = true;
          break;
        }
        if (quote == '"' && c == '\\' && i + 1 < text.size()) {
          char e = text[++i];
          switch (e) {
            case 'n':
              value.push_back('\n');
              break;
            case 'r':
              value.push_back('\r');
              break;
            case 't':
              value.push_back('\t');
              break;
            case '"':
            case '\\':
              value.push_back(e);
              break;
            default:  // an unknown escape stays as written
              value.push_back('\\');
              value.push_back(e);
              break;
          }
          continue;
        }
        if (c != '\r' || i + 1 >= text.size() || text[i + 1] != '\n') value.push_back(c);
      }
      if (!closed) return fail(start_line, fmt::format("unterminated {}-quoted value", quote));
      std::size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = text.size();
      if (!only_comment(text.substr(i + 1, end - i - 1))) {
        return fail(line_no, "unexpected text after the closing quote");
      }
      pos = end + 1;
    } else {
      std::size_t hash = rest.find(" #");
      if (hash == std::string_view::npos) hash = rest.find("\t#");
      value = std::string(trim(rest.substr(0, hash)));
    }
    set_env(out, name, value);
  }
  return true;
}

JsValue install_env(Host& host, const EnvVars& vars) {
  HostRoot env(host, host.new_object());
  for (const auto& [name, value] : vars) {
    HostRoot key(host, host.intern(name));
    HostRoot v(host, host.new_string(value));
    host.create_data_property(env, key, v);
  }
  HostRoot process(host, host.new_object());
  host.create_data_property(process, host.name("env"), env);
  host.define_global("process", process);
  return env;
}

}  // namespace kite::runtime
