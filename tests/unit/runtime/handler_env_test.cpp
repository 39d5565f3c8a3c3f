// The handler's environment (runtime/src/handler/env.h): dotenv syntax,
// its errors (file:line), and variable names.
#include "handler/env.h"

#include <gtest/gtest.h>

#include <string>

namespace kite::runtime {
namespace {

EnvVars parse_ok(std::string_view text) {
  EnvVars vars;
  std::string error;
  EXPECT_TRUE(parse_dotenv(text, "t.env", &vars, &error)) << error;
  return vars;
}

std::string parse_error(std::string_view text) {
  EnvVars vars;
  std::string error;
  EXPECT_FALSE(parse_dotenv(text, "t.env", &vars, &error));
  return error;
}

TEST(HandlerEnv, DotenvSyntax) {
  EnvVars vars = parse_ok(
      "# a comment\n"
      "\n"
      "PLAIN=value\n"
      "  SPACED  =  padded value  \n"
      "export EXPORTED=yes\n"
      "COMMENTED=abc # not part of it\n"
      "HASH=a#b\n"
      "SINGLE='no \\n escapes # here'\n"
      "DOUBLE=\"line1\\nline2\\t\\\"q\\\" \\\\\" # trailing comment\n"
      "MULTI=\"first\n"
      "second\"\n"
      "EMPTY=\n"
      "CRLF=x\r\n"
      "PLAIN=again\n");
  EnvVars expect = {{"PLAIN", "again"},
                    {"SPACED", "padded value"},
                    {"EXPORTED", "yes"},
                    {"COMMENTED", "abc"},
                    {"HASH", "a#b"},
                    {"SINGLE", "no \\n escapes # here"},
                    {"DOUBLE", "line1\nline2\t\"q\" \\"},
                    {"MULTI", "first\nsecond"},
                    {"EMPTY", ""},
                    {"CRLF", "x"}};
  EXPECT_EQ(vars, expect);
}

TEST(HandlerEnv, DotenvErrorsNameTheLine) {
  EXPECT_EQ(parse_error("A=1\nno equals sign\n"), "t.env:2: expected KEY=VALUE");
  EXPECT_EQ(parse_error("A=1\n\n1BAD=x\n").substr(0, 34), "t.env:3: invalid variable name '1B");
  EXPECT_EQ(parse_error("A=\"open\nstill open\n"), "t.env:1: unterminated \"-quoted value");
  EXPECT_EQ(parse_error("A='x' junk\n"), "t.env:1: unexpected text after the closing quote");
  EXPECT_EQ(parse_error("A=\"x\ny\" junk\n"), "t.env:2: unexpected text after the closing quote");
}

TEST(HandlerEnv, Names) {
  EXPECT_TRUE(valid_env_name("API_KEY"));
  EXPECT_TRUE(valid_env_name("_x9"));
  EXPECT_FALSE(valid_env_name(""));
  EXPECT_FALSE(valid_env_name("9x"));
  EXPECT_FALSE(valid_env_name("A-B"));
  EnvVars vars;
  set_env(&vars, "A", "1");
  set_env(&vars, "B", "2");
  set_env(&vars, "A", "3");
  EXPECT_EQ(vars, (EnvVars{{"A", "3"}, {"B", "2"}}));
}

}  // namespace
}  // namespace kite::runtime
