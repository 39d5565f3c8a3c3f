// Pins kite-load's command line: the loopback-only target rule (parsing
// only; nothing here opens a socket), durations, option checks, defaults,
// and the request bytes built from them.
#include "options.h"
#include "request.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>

#include <string>
#include <vector>

namespace {

using namespace kite::load;

std::string ipv4_of(const Target& t) {
  char text[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(&t.address)->sin_addr, text,
            sizeof text);
  return text;
}

TEST(LoadOptions, LoopbackTargetsAreAccepted) {
  const Target t = parse_target("http://127.0.0.1:8080/api/health?x=1");
  EXPECT_EQ(t.port, 8080);
  EXPECT_EQ(t.path, "/api/health?x=1");
  EXPECT_EQ(t.authority, "127.0.0.1:8080");
  EXPECT_EQ(ipv4_of(t), "127.0.0.1");

  const Target local = parse_target("http://LocalHost:9000");
  EXPECT_EQ(ipv4_of(local), "127.0.0.1");
  EXPECT_EQ(local.path, "/");
  EXPECT_EQ(local.port, 9000);

  EXPECT_EQ(ipv4_of(parse_target("http://127.1.2.3/")), "127.1.2.3");
  EXPECT_EQ(parse_target("http://127.0.0.1").port, 80);

  const Target v6 = parse_target("http://[::1]:8081/x");
  EXPECT_EQ(v6.address.ss_family, AF_INET6);
  EXPECT_EQ(v6.port, 8081);
  EXPECT_EQ(v6.authority, "[::1]:8081");
}

TEST(LoadOptions, OtherHostsAreRefused) {
  for (const char* url : {"http://10.0.0.1:8080/", "http://192.168.1.10/", "http://172.16.0.1/",
                          "http://8.8.8.8/", "http://0.0.0.0:8080/", "http://example.com/",
                          "http://128.0.0.1/", "http://[::2]/", "http://[::ffff:127.0.0.1]/",
                          "http://localhost.example.com/", "http://127.0.0.1.nip.io/"}) {
    try {
      parse_target(url);
      ADD_FAILURE() << url << " was accepted";
    } catch (const UsageError& e) {
      EXPECT_NE(std::string(e.what()).find("loopback"), std::string::npos) << e.what();
    }
  }
}

TEST(LoadOptions, MalformedUrlsAreUsageErrors) {
  for (const char* url : {"https://127.0.0.1/", "127.0.0.1:8080", "ftp://127.0.0.1/", "http://",
                          "http://127.0.0.1:0/", "http://127.0.0.1:99999/", "http://[::1/",
                          "http://user@127.0.0.1/"}) {
    EXPECT_THROW(parse_target(url), UsageError) << url;
  }
}

TEST(LoadOptions, Durations) {
  EXPECT_EQ(parse_duration("10s", "-d"), 10'000'000'000);
  EXPECT_EQ(parse_duration("1.5s", "-d"), 1'500'000'000);
  EXPECT_EQ(parse_duration("250ms", "-d"), 250'000'000);
  EXPECT_EQ(parse_duration("100us", "-d"), 100'000);
  EXPECT_EQ(parse_duration("2m", "-d"), 120'000'000'000);
  EXPECT_EQ(parse_duration("1h", "-d"), 3'600'000'000'000);
  EXPECT_EQ(parse_duration("3", "-d"), 3'000'000'000);
  EXPECT_EQ(parse_duration("0", "--warmup"), 0);
  for (const char* bad : {"", "s", "abc", "-1s", "10x", "1e30s", "ten"}) {
    EXPECT_THROW(parse_duration(bad, "-d"), UsageError) << bad;
  }
}

TEST(LoadOptions, Defaults) {
  const LoadOptions o = parse_options({"http://127.0.0.1:8080/api/health"});
  EXPECT_EQ(o.connections, 50);
  EXPECT_EQ(o.threads, 1);
  EXPECT_EQ(o.duration_ns, 10'000'000'000);
  EXPECT_FALSE(o.request_count);
  EXPECT_EQ(o.warmup_ns, 1'000'000'000);
  EXPECT_FALSE(o.rate);
  EXPECT_EQ(o.pipeline, 1);
  EXPECT_FALSE(o.spin);
  EXPECT_EQ(o.method, "GET");
  EXPECT_EQ(o.paths, std::vector<std::string>{"/api/health"});
  EXPECT_EQ(o.label, "api/health");
  EXPECT_EQ(o.timeout_ns, 2'000'000'000);
  EXPECT_EQ(o.max_time_ns, (1 + 10 + 2 + 10) * 1'000'000'000LL);
  EXPECT_EQ(o.max_error_rate_percent, 1.0);
  EXPECT_EQ(parse_options({"http://127.0.0.1/"}).label, "root");
  EXPECT_EQ(parse_options({"-n", "100", "http://127.0.0.1/"}).max_time_ns,
            (1 + 300) * 1'000'000'000LL);
}

TEST(LoadOptions, EveryOption) {
  const LoadOptions o = parse_options({"-c",
                                       "8",
                                       "-t",
                                       "2",
                                       "-n",
                                       "5000",
                                       "--warmup=0",
                                       "--rate",
                                       "2500.5",
                                       "--pipeline",
                                       "4",
                                       "--spin",
                                       "--method",
                                       "POST",
                                       "--path",
                                       "/a",
                                       "--path",
                                       "/b",
                                       "-H",
                                       "X-Test:  yes ",
                                       "--body",
                                       "{}",
                                       "--timeout",
                                       "500ms",
                                       "--max-time",
                                       "30s",
                                       "--label",
                                       "mixed",
                                       "--json",
                                       "out.json",
                                       "--max-error-rate",
                                       "5",
                                       "http://localhost:8080/ignored"});
  EXPECT_EQ(o.connections, 8);
  EXPECT_EQ(o.threads, 2);
  EXPECT_EQ(o.request_count, 5000u);
  EXPECT_FALSE(o.duration_ns);
  EXPECT_EQ(o.warmup_ns, 0);
  EXPECT_EQ(o.rate, 2500.5);
  EXPECT_EQ(o.pipeline, 4);
  EXPECT_TRUE(o.spin);
  EXPECT_EQ(o.paths, (std::vector<std::string>{"/a", "/b"}));
  ASSERT_EQ(o.headers.size(), 1u);
  EXPECT_EQ(o.headers[0], (std::pair<std::string, std::string>{"X-Test", "yes"}));
  EXPECT_EQ(o.body, "{}");
  EXPECT_EQ(o.timeout_ns, 500'000'000);
  EXPECT_EQ(o.max_time_ns, 30'000'000'000);
  EXPECT_EQ(o.label, "mixed");
  EXPECT_EQ(o.json_path, "out.json");
  EXPECT_EQ(o.max_error_rate_percent, 5);
}

TEST(LoadOptions, BadCombinationsAreUsageErrors) {
  const std::string url = "http://127.0.0.1:8080/";
  const std::vector<std::vector<std::string>> bad{
      {},
      {url, url},
      {"-d", "1s", "-n", "10", url},
      {"-c", "2", "-t", "3", url},
      {"-c", "0", url},
      {"--pipeline", "0", url},
      {"--rate", "0", url},
      {"--rate", "fast", url},
      {"-H", "NoColon", url},
      {"-H", "Content-Length: 3", url},
      {"-H", "Bad Name: x", url},
      {"--path", "no-slash", url},
      {"--body", "a", "--body-file", "/dev/null", url},
      {"--body-file", "/nonexistent/kite-load-body", url},
      {"--timeout", "0", url},
      {"--max-time", "1s", "--warmup", "2s", url},
      {"--max-error-rate", "101", url},
      {"--frobnicate", url},
      {"-c", url},
  };
  for (const auto& args : bad) {
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    EXPECT_THROW(parse_options(args), UsageError) << joined;
  }
  EXPECT_TRUE(parse_options({"--help"}).help);
}

TEST(LoadOptions, RequestsAreBuiltOncePerPath) {
  const auto requests = build_requests(parse_options(
      {"--path", "/a", "--path", "/b?q=1", "-H", "X-A: 1", "http://127.0.0.1:8080/"}));
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0], "GET /a HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-A: 1\r\n\r\n");
  EXPECT_EQ(requests[1], "GET /b?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-A: 1\r\n\r\n");
}

TEST(LoadOptions, BodiesGetAContentLengthAndHostCanBeOverridden) {
  const auto post = build_requests(parse_options(
      {"--method", "POST", "--body", "{\"a\":1}", "-H", "host: example", "http://127.0.0.1/p"}));
  EXPECT_EQ(post.at(0), "POST /p HTTP/1.1\r\nhost: example\r\nContent-Length: 7\r\n\r\n{\"a\":1}");
  const auto empty_put = build_requests(parse_options({"--method", "PUT", "http://127.0.0.1/"}));
  EXPECT_EQ(empty_put.at(0), "PUT / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
}

}  // namespace
