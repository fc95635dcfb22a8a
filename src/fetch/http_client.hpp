// A polite HTTP client for one server: timeouts (for the next bytes and for a whole response), a
// pause between requests, bounded retries with backoff (and the server's Retry-After, up to a
// cap), a cap on the size of a response, redirects followed only on the same host unless allowed
// and each one recorded, and a sentence for every way a request can fail that names the URL.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace remit::fetch {

// Every delay the client keeps, in one place so that tests can make them short.
struct http_timings {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds read_timeout{30'000};  // the longest wait for the next bytes of a response
  // The longest a whole response may take, from the request to its last byte, redirects included:
  // a server that drips a byte at a time never waits read_timeout, and is stopped by this.
  std::chrono::milliseconds response_timeout{30'000};
  std::chrono::milliseconds pause{1'000};          // between two requests: a council's server is not ours
  std::chrono::milliseconds first_backoff{2'000};  // before the second attempt; doubled before each later one
  int attempts = 3;                                // in all, for a fault that may pass (5xx, timeouts, resets)
  // A server's Retry-After is waited (instead of the backoff, when longer) up to this; a longer
  // one ends the request with a message rather than holding the run.
  std::chrono::milliseconds retry_after_cap{60'000};
  // How the pause, the backoff and Retry-After are waited; empty: the thread sleeps. Tests
  // replace it to record the waits without waiting.
  std::function<void(std::chrono::milliseconds)> sleep = {};
};

// The most redirects followed for one request.
inline constexpr int max_redirects = 5;

struct server_address {
  std::string scheme;  // http or https
  std::string host;
  int port = 0;
  std::string path;  // from the first '/', without query or fragment; "" for the root

  std::string origin() const;  // scheme://host:port
};

// Splits an http or https URL; says why not in `why`.
std::optional<server_address> parse_url(std::string_view url, std::string& why);

// scheme://host[:port]TARGET, the port left out when it is the scheme's own.
std::string url_of(const server_address& server, const std::string& target);

// A redirect that was followed: from one URL to the next, with the status that said so.
struct redirect_hop {
  int status = 0;
  std::string from;
  std::string to;
  bool other_host = false;  // to a host other than the one asked (allowed by the caller)
};

struct http_response {
  std::string body;
  std::string content_type;
  std::vector<redirect_hop> redirects;  // in order; empty when the response came from the URL asked
};

// The seconds a Retry-After header asks for: a number of seconds, or an HTTP date (IMF-fixdate,
// as in "Wed, 21 Oct 2026 07:28:00 GMT", counted from `now`; a date past is 0). Nothing when it
// is neither.
std::optional<std::chrono::seconds> retry_after_seconds(std::string_view value, std::chrono::system_clock::time_point now);

// Resolves a host name; returns "" or why it cannot be resolved. Replaceable for tests,
// which must never ask a real name server.
using name_resolver = std::function<std::string(const std::string& host)>;
std::string resolve_with_system(const std::string& host);

class http_client {
 public:
  // A redirect to a host other than `server`'s is refused unless `allow_other_hosts`.
  http_client(server_address server, http_timings timings, name_resolver resolve = resolve_with_system,
              bool allow_other_hosts = false);
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
  struct exchange;
  attempt try_once(const std::string& target);
  exchange exchange_once(const server_address& at, const std::string& target, std::chrono::steady_clock::time_point deadline);
  void wait(std::chrono::milliseconds ms) const;

  server_address server_;
  http_timings timings_;
  name_resolver resolve_;
  bool allow_other_hosts_ = false;
  std::vector<std::string> resolved_hosts_;
  int requests_ = 0;
  std::optional<std::chrono::steady_clock::time_point> last_request_;
};

// "remit/0.1.0 (...)": who is asking, for the server's logs.
std::string user_agent();

}  // namespace remit::fetch
