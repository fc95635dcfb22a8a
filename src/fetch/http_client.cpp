#include "fetch/http_client.hpp"

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <ctime>
#include <mutex>
#include <thread>

#include <netdb.h>
#include <sys/socket.h>

#include <fmt/format.h>
#include <httplib.h>

#include "core/text.hpp"

namespace remit::fetch {

using steady = std::chrono::steady_clock;

std::string server_address::origin() const { return fmt::format("{}://{}:{}", scheme, host, port); }

std::optional<server_address> parse_url(std::string_view url, std::string& why) {
  server_address a;
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) {
    why = fmt::format("'{}' is not a URL: expected one starting with https:// or http://", url);
    return std::nullopt;
  }
  a.scheme = fold(url.substr(0, scheme_end));
  if (a.scheme != "http" && a.scheme != "https") {
    why = fmt::format("'{}': only http and https URLs can be fetched", url);
    return std::nullopt;
  }
  std::string_view rest = url.substr(scheme_end + 3);
  if (rest.find_first_of("?#") != std::string_view::npos) {
    why = fmt::format("'{}': give the address without a query or fragment (the part from '?' or '#')", url);
    return std::nullopt;
  }
  const auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  a.path = slash == std::string_view::npos ? std::string{} : std::string(rest.substr(slash));
  if (authority.find('@') != std::string_view::npos) {
    why = fmt::format("'{}': user names and passwords in the URL are not supported", url);
    return std::nullopt;
  }
  a.port = a.scheme == "https" ? 443 : 80;
  // A port follows the last ':' outside an IPv6 literal's brackets.
  const auto colon = authority.rfind(':');
  const auto bracket = authority.rfind(']');
  if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
    const std::string_view port = authority.substr(colon + 1);
    int value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc{} || end != port.data() + port.size() || value < 1 || value > 65535) {
      why = fmt::format("'{}': '{}' is not a port number", url, port);
      return std::nullopt;
    }
    a.port = value;
    authority = authority.substr(0, colon);
  }
  if (authority.empty()) {
    why = fmt::format("'{}' names no host", url);
    return std::nullopt;
  }
  a.host = std::string(authority);
  return a;
}

std::string resolve_with_system(const std::string& host) {
  std::string name = host;
  if (name.size() > 2 && name.front() == '[' && name.back() == ']') name = name.substr(1, name.size() - 2);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const int rc = ::getaddrinfo(name.c_str(), nullptr, &hints, &found);
  if (found) ::freeaddrinfo(found);
  return rc == 0 ? std::string{} : std::string(::gai_strerror(rc));
}

std::string user_agent() { return fmt::format("remit/{} (meeting-record audit; ModernGov web-service client)", REMIT_VERSION); }

// What one attempt came to: a response, or a fault and whether trying again may help.
struct http_client::attempt {
  std::optional<http_response> response;
  std::string fault;
  bool transient = false;
  std::optional<std::chrono::seconds> retry_after;  // what the server asked, with its fault
};

namespace {

std::string seconds(std::chrono::milliseconds ms) {
  if (ms.count() % 1000 == 0) return counted(static_cast<long>(ms.count() / 1000), "second", "seconds");
  return fmt::format("{} ms", ms.count());
}

// The first line of an error page, for the message: ASP.NET puts the reason there.
std::string first_line(std::string_view body) {
  body = trim(body);
  body = body.substr(0, body.find_first_of("\r\n"));
  if (!valid_utf8(body)) return {};
  if (utf8_length(body) > 160) return std::string(utf8_prefix(body, 160)) + "...";
  return std::string(body);
}

}  // namespace

http_client::http_client(server_address server, http_timings timings, name_resolver resolve, bool allow_other_hosts)
    : server_(std::move(server)), timings_(std::move(timings)), resolve_(std::move(resolve)), allow_other_hosts_(allow_other_hosts) {}

http_client::~http_client() = default;

std::string url_of(const server_address& server, const std::string& target) {
  const bool default_port = (server.scheme == "https" && server.port == 443) || (server.scheme == "http" && server.port == 80);
  return default_port ? fmt::format("{}://{}{}", server.scheme, server.host, target)
                      : fmt::format("{}://{}:{}{}", server.scheme, server.host, server.port, target);
}

std::string http_client::url(const std::string& target) const { return url_of(server_, target); }

void http_client::wait(std::chrono::milliseconds ms) const {
  if (ms <= std::chrono::milliseconds::zero()) return;
  if (timings_.sleep)
    timings_.sleep(ms);
  else
    std::this_thread::sleep_for(ms);
}

std::optional<std::chrono::seconds> retry_after_seconds(std::string_view value, std::chrono::system_clock::time_point now) {
  value = trim(value);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    // More digits than any wait means: as good as forever, and never an overflow.
    if (value.size() > 9) return std::chrono::seconds(999'999'999);
    long n = 0;
    std::from_chars(value.data(), value.data() + value.size(), n);
    return std::chrono::seconds(n);
  }
  std::tm tm{};
  const std::string text(value);
  const char* end = ::strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (!end || *end != '\0') return std::nullopt;
  const std::time_t at = ::timegm(&tm);
  if (at == static_cast<std::time_t>(-1)) return std::nullopt;
  const auto then = std::chrono::system_clock::from_time_t(at);
  if (then <= now) return std::chrono::seconds(0);
  return std::chrono::ceil<std::chrono::seconds>(then - now);
}

namespace {

bool is_redirect(int status) { return status == 301 || status == 302 || status == 303 || status == 307 || status == 308; }

// Where a Location header points, from the URL it was given at: an absolute URL, one without its
// scheme (//host/path), an absolute path, or a path relative to the one asked for. Says why not.
std::optional<std::pair<server_address, std::string>> follow(const server_address& at, const std::string& target,
                                                             std::string_view location, std::string& why) {
  location = trim(location);
  if (location.empty()) {
    why = "a redirect with an empty Location";
    return std::nullopt;
  }
  if (std::any_of(location.begin(), location.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u <= 0x20 || u == 0x7f;
      })) {
    why = "a redirect to an address with spaces or control characters in it: not followed";
    return std::nullopt;
  }
  std::string loc(location.substr(0, location.find('#')));
  if (loc.starts_with("//")) loc = at.scheme + ":" + loc;
  if (const auto colon = loc.find(':'); colon != std::string::npos && loc.find_first_of("/?") > colon) {
    // An absolute URL: its scheme and authority, then the target.
    const auto scheme_end = loc.find("://");
    const std::string scheme = fold(loc.substr(0, colon));
    if (scheme_end != colon || (scheme != "http" && scheme != "https")) {
      why = fmt::format("a redirect to '{}': only http and https addresses are followed", loc);
      return std::nullopt;
    }
    const auto path_at = loc.find_first_of("/?", scheme_end + 3);
    std::string rest = path_at == std::string::npos ? "/" : loc.substr(path_at);
    if (rest.front() == '?') rest = "/" + rest;
    std::string problem;
    auto server = parse_url(loc.substr(0, path_at), problem);
    if (!server) {
      why = fmt::format("a redirect to an address remit cannot follow: {}", problem);
      return std::nullopt;
    }
    return std::pair{*server, rest};
  }
  if (loc.starts_with("/")) return std::pair{at, loc};
  // A relative path: beside the path asked for.
  const std::string path = target.substr(0, target.find('?'));
  const std::string folder = path.substr(0, path.rfind('/') + 1);
  return std::pair{at, (folder.empty() ? std::string("/") : folder) + loc};
}

// Calls client.stop() once the deadline passes, until the request it guards is over: stopping
// the client shuts its socket, which ends a read however slowly the bytes come.
class deadline_guard {
 public:
  deadline_guard(httplib::Client& client, steady::time_point deadline)
      : thread_([this, &client, deadline] {
          std::unique_lock lock(mutex_);
          if (woken_.wait_until(lock, deadline, [this] { return done_; })) return;
          fired_ = true;
          // Again every so often, in case the request had not yet reached its socket.
          do {
            lock.unlock();
            client.stop();
            lock.lock();
          } while (!woken_.wait_for(lock, std::chrono::milliseconds(50), [this] { return done_; }));
        }) {}
  ~deadline_guard() { finish(); }
  // Whether the deadline passed before the request was over.
  bool finish() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    woken_.notify_all();
    if (thread_.joinable()) thread_.join();
    return fired_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable woken_;
  bool done_ = false;
  bool fired_ = false;
  std::thread thread_;
};

}  // namespace

// One request and its response, or the fault that ended it.
struct http_client::exchange {
  int status = 0;
  std::string reason;
  std::string body;
  std::string content_type;
  std::string location;
  std::string retry_after;
  std::string fault;  // non-empty: no whole response
  bool transient = false;
};

http_client::exchange http_client::exchange_once(const server_address& at, const std::string& target,
                                                 steady::time_point deadline) {
  // Politeness: never two requests closer together than the pause, retries and redirects included.
  if (last_request_) {
    const auto wait_for = *last_request_ + timings_.pause - steady::now();
    if (wait_for > steady::duration::zero()) wait(std::chrono::ceil<std::chrono::milliseconds>(wait_for));
  }
  last_request_ = steady::now();
  ++requests_;

  exchange x;
  if (steady::now() >= deadline) {
    x.fault = fmt::format("the whole response did not arrive within {}: timed out", seconds(timings_.response_timeout));
    x.transient = true;
    return x;
  }
  httplib::Client client(at.origin());
  client.set_connection_timeout(timings_.connect_timeout);
  client.set_read_timeout(timings_.read_timeout);
  client.set_write_timeout(timings_.read_timeout);
  client.set_follow_location(false);  // each redirect is looked at, and recorded, here
  client.set_keep_alive(false);
  if (at.scheme == "https") client.enable_server_certificate_verification(true);

  httplib::Headers headers{{"User-Agent", user_agent()}, {"Accept", "text/xml, application/xml"}};
  std::optional<std::size_t> declared_length;
  bool too_large = false;
  const auto started = steady::now();
  deadline_guard guard(client, deadline);
  const httplib::Result result = client.Get(
      target, headers,
      [&](const httplib::Response& r) {
        x.status = r.status;
        if (r.has_header("Content-Length")) {
          std::size_t n = 0;
          const std::string v = r.get_header_value("Content-Length");
          if (std::from_chars(v.data(), v.data() + v.size(), n).ec == std::errc{}) declared_length = n;
        }
        return true;
      },
      [&](const char* data, std::size_t n) {
        if (x.body.size() + n > max_response_bytes) {
          too_large = true;
          return false;
        }
        x.body.append(data, n);
        return true;
      });
  const bool timed_out = guard.finish();

  if (timed_out) {
    x.fault = fmt::format("the whole response did not arrive within {}{}: timed out", seconds(timings_.response_timeout),
                          x.status ? fmt::format(" ({} bytes of it had)", x.body.size()) : std::string{});
    x.transient = true;
    return x;
  }
  if (!result) {
    const auto elapsed = steady::now() - started;
    switch (result.error()) {
      case httplib::Error::Connection:
        x.fault = fmt::format("could not connect to {}:{}", at.host, at.port);
        x.transient = true;
        break;
      case httplib::Error::ConnectionTimeout:
        x.fault = fmt::format("no connection to {}:{} within {}", at.host, at.port, seconds(timings_.connect_timeout));
        x.transient = true;
        break;
      case httplib::Error::Read:
        x.transient = true;
        if (x.status && declared_length && x.body.size() < *declared_length)
          x.fault = fmt::format("the response was cut short: {} of {} bytes arrived", x.body.size(), *declared_length);
        else if (elapsed >= timings_.read_timeout)
          x.fault = fmt::format("the server sent nothing for {}: timed out", seconds(timings_.read_timeout));
        else
          x.fault = "the connection closed before the response was complete";
        break;
      case httplib::Error::Write:
        x.fault = "the connection failed while the request was sent";
        x.transient = true;
        break;
      case httplib::Error::Canceled:
        x.fault = too_large ? fmt::format("the response is larger than {} MiB: not a ModernGov response",
                                          max_response_bytes >> 20)
                            : "the request was cancelled";
        break;
      case httplib::Error::SSLConnection:
        x.fault = fmt::format("the TLS handshake with {}:{} failed (is it an https server?)", at.host, at.port);
        break;
      case httplib::Error::SSLServerVerification:
        x.fault = fmt::format("the TLS certificate of {} could not be verified", at.host);
        break;
      case httplib::Error::SSLLoadingCerts:
        x.fault = "the system's CA certificates could not be loaded (is the ca-certificates package installed?)";
        break;
      default:
        x.fault = fmt::format("the request failed: {}", httplib::to_string(result.error()));
        break;
    }
    return x;
  }
  x.status = result->status;
  x.reason = result->reason;
  x.content_type = result->get_header_value("Content-Type");
  x.location = result->get_header_value("Location");
  x.retry_after = result->get_header_value("Retry-After");
  return x;
}

http_client::attempt http_client::try_once(const std::string& target) {
  attempt a;
  const auto deadline = steady::now() + timings_.response_timeout;
  server_address at = server_;
  std::string asked = target;
  std::vector<redirect_hop> hops;
  // A fault met after a redirect says where it was met.
  const auto where = [&] {
    return hops.empty() ? std::string{}
                        : fmt::format(" (at {}, after {})", url_of(at, asked),
                                      counted(static_cast<long>(hops.size()), "redirect", "redirects"));
  };
  for (;;) {
    exchange x = exchange_once(at, asked, deadline);
    if (!x.fault.empty()) {
      a.fault = x.fault + where();
      a.transient = x.transient;
      return a;
    }
    if (is_redirect(x.status) && !x.location.empty()) {
      if (hops.size() >= static_cast<std::size_t>(max_redirects)) {
        a.fault = fmt::format("more than {} redirects: not followed further{}", max_redirects, where());
        return a;
      }
      std::string why;
      const auto next = follow(at, asked, x.location, why);
      if (!next) {
        a.fault = fmt::format("HTTP {}: {}{}", x.status, why, where());
        return a;
      }
      const std::string next_url = url_of(next->first, next->second);
      const bool other_host = fold(next->first.host) != fold(server_.host);
      if (other_host && !allow_other_hosts_) {
        a.fault = fmt::format("HTTP {}: a redirect to {}, on another host ({}): not followed; pass "
                              "--allow-redirect-to-other-hosts to follow it{}",
                              x.status, next_url, next->first.host, where());
        return a;
      }
      if (std::find(resolved_hosts_.begin(), resolved_hosts_.end(), fold(next->first.host)) == resolved_hosts_.end()) {
        if (const std::string problem = resolve_(next->first.host); !problem.empty()) {
          a.fault = fmt::format("HTTP {}: a redirect to {}, whose host name '{}' cannot be resolved: {}", x.status, next_url,
                                next->first.host, problem);
          return a;
        }
        resolved_hosts_.push_back(fold(next->first.host));
      }
      hops.push_back({x.status, url_of(at, asked), next_url, other_host});
      at = next->first;
      asked = next->second;
      continue;
    }
    if (x.status < 200 || x.status > 299) {
      const std::string reason = x.reason.empty() ? std::string{} : " " + x.reason;
      const std::string said = first_line(x.body);
      a.fault = fmt::format("HTTP {}{}{}{}", x.status, reason, said.empty() ? std::string{} : ": " + said, where());
      a.transient = x.status >= 500 || x.status == 429 || x.status == 408;
      if (!x.retry_after.empty()) a.retry_after = retry_after_seconds(x.retry_after, std::chrono::system_clock::now());
      return a;
    }
    a.response = http_response{std::move(x.body), std::move(x.content_type), std::move(hops)};
    return a;
  }
}

std::optional<http_response> http_client::get(const std::string& target, std::string& error) {
  if (std::find(resolved_hosts_.begin(), resolved_hosts_.end(), fold(server_.host)) == resolved_hosts_.end()) {
    if (const std::string why = resolve_(server_.host); !why.empty()) {
      error = fmt::format("GET {}: cannot resolve the host name '{}': {}", url(target), server_.host, why);
      return std::nullopt;
    }
    resolved_hosts_.push_back(fold(server_.host));
  }
  auto backoff = timings_.first_backoff;
  const int attempts = std::max(1, timings_.attempts);
  for (int n = 1;; ++n) {
    attempt a = try_once(target);
    if (a.response) return std::move(a.response);
    const std::string tries = n > 1 ? fmt::format(" ({} attempts)", n) : std::string{};
    if (!a.transient || n == attempts) {
      error = fmt::format("GET {}: {}{}", url(target), a.fault, tries);
      return std::nullopt;
    }
    auto pause = backoff;
    if (a.retry_after) {
      // The server says when to ask again: waited, but never past the cap, so that no server can
      // hold a run for hours.
      const auto asked = std::chrono::duration_cast<std::chrono::milliseconds>(*a.retry_after);
      if (asked > timings_.retry_after_cap) {
        error = fmt::format("GET {}: {}{}; the server asks remit to wait {} before trying again (Retry-After), longer "
                            "than remit waits ({} at most): try again later",
                            url(target), a.fault, tries, seconds(asked), seconds(timings_.retry_after_cap));
        return std::nullopt;
      }
      pause = std::max(pause, asked);
    }
    wait(pause);
    backoff *= 2;
  }
}

}  // namespace remit::fetch
