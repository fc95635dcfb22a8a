// A polite HTTP client for one server: timeouts, a pause between requests, bounded retries
// with backoff, a cap on the size of a response, and a sentence for every way a request can
// fail that names the URL.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace remit::fetch {

// Every delay the client keeps, in one place so that tests can make them short.
struct http_timings {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds read_timeout{30'000};  // the longest wait for the next bytes of a response
  std::chrono::milliseconds pause{1'000};          // between two requests: a council's server is not ours
  std::chrono::milliseconds first_backoff{2'000};  // before the second attempt; doubled before each later one
  int attempts = 3;                                // in all, for a fault that may pass (5xx, timeouts, resets)
};

struct server_address {
  std::string scheme;  // http or https
  std::string host;
  int port = 0;
  std::string path;  // from the first '/', without query or fragment; "" for the root

  std::string origin() const;  // scheme://host:port
};

// Splits an http or https URL; says why not in `why`.
std::optional<server_address> parse_url(std::string_view url, std::string& why);

struct http_response {
  std::string body;
  std::string content_type;
};

// Resolves a host name; returns "" or why it cannot be resolved. Replaceable for tests,
// which must never ask a real name server.
using name_resolver = std::function<std::string(const std::string& host)>;
std::string resolve_with_system(const std::string& host);

class http_client {
 public:
  http_client(server_address server, http_timings timings, name_resolver resolve = resolve_with_system);
  ~http_client();
  http_client(const http_client&) = delete;
  http_client& operator=(const http_client&) = delete;

  // GETs `target` (a path and query) from the server. On failure returns nothing and puts in
  // `error` "GET URL: what went wrong".
  std::optional<http_response> get(const std::string& target, std::string& error);

  std::string url(const std::string& target) const;
  int requests() const { return requests_; }

  static constexpr std::size_t max_response_bytes = 64u << 20;

 private:
  struct attempt;
  attempt try_once(const std::string& target);

  server_address server_;
  http_timings timings_;
  name_resolver resolve_;
  bool resolved_ = false;
  int requests_ = 0;
  std::optional<std::chrono::steady_clock::time_point> last_request_;
};

// "remit/0.1.0 (...)": who is asking, for the server's logs.
std::string user_agent();

}  // namespace remit::fetch
