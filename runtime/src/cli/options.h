// Small helpers shared by the CLI subcommands.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kite::cli {

// "64k", "1m", "2g" or plain bytes; nullopt when malformed.
std::optional<std::size_t> parse_size(std::string_view s);

// Reads a whole file; nullopt (and errno set) when it cannot be read.
std::optional<std::string> read_file(const std::string& path);

int run_command(int argc, char** argv);
int serve_command(int argc, char** argv);

}  // namespace kite::cli
