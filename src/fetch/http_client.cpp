#include "fetch/http_client.hpp"

#include <algorithm>
#include <charconv>
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
  if (utf8_length(body) > 160) {
    std::size_t cut = 160;
    while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
    return std::string(body.substr(0, cut)) + "...";
  }
  return std::string(body);
}

}  // namespace

http_client::http_client(server_address server, http_timings timings, name_resolver resolve)
    : server_(std::move(server)), timings_(timings), resolve_(std::move(resolve)) {}

http_client::~http_client() = default;

std::string http_client::url(const std::string& target) const {
  const bool default_port = (server_.scheme == "https" && server_.port == 443) || (server_.scheme == "http" && server_.port == 80);
  return default_port ? fmt::format("{}://{}{}", server_.scheme, server_.host, target)
                      : fmt::format("{}://{}:{}{}", server_.scheme, server_.host, server_.port, target);
}

http_client::attempt http_client::try_once(const std::string& target) {
  // Politeness: never two requests closer together than the pause, retries included.
  if (last_request_) {
    const auto wait = *last_request_ + timings_.pause - steady::now();
    if (wait > steady::duration::zero()) std::this_thread::sleep_for(wait);
  }
  last_request_ = steady::now();
  ++requests_;

  httplib::Client client(server_.origin());
  client.set_connection_timeout(timings_.connect_timeout);
  client.set_read_timeout(timings_.read_timeout);
  client.set_write_timeout(timings_.read_timeout);
  client.set_follow_location(true);
  client.set_keep_alive(false);
  if (server_.scheme == "https") client.enable_server_certificate_verification(true);

  httplib::Headers headers{{"User-Agent", user_agent()}, {"Accept", "text/xml, application/xml"}};
  std::optional<std::size_t> declared_length;
  int status = 0;
  std::string body;
  bool too_large = false;
  const auto started = steady::now();
  const httplib::Result result = client.Get(
      target, headers,
      [&](const httplib::Response& r) {
        status = r.status;
        if (r.has_header("Content-Length")) {
          std::size_t n = 0;
          const std::string v = r.get_header_value("Content-Length");
          if (std::from_chars(v.data(), v.data() + v.size(), n).ec == std::errc{}) declared_length = n;
        }
        return true;
      },
      [&](const char* data, std::size_t n) {
        if (body.size() + n > max_response_bytes) {
          too_large = true;
          return false;
        }
        body.append(data, n);
        return true;
      });

  attempt a;
  if (!result) {
    const auto elapsed = steady::now() - started;
    switch (result.error()) {
      case httplib::Error::Connection:
        a.fault = fmt::format("could not connect to {}:{}", server_.host, server_.port);
        a.transient = true;
        break;
      case httplib::Error::ConnectionTimeout:
        a.fault = fmt::format("no connection to {}:{} within {}", server_.host, server_.port, seconds(timings_.connect_timeout));
        a.transient = true;
        break;
      case httplib::Error::Read:
        a.transient = true;
        if (status && declared_length && body.size() < *declared_length)
          a.fault = fmt::format("the response was cut short: {} of {} bytes arrived", body.size(), *declared_length);
        else if (elapsed >= timings_.read_timeout)
          a.fault = fmt::format("the server sent nothing for {}: timed out", seconds(timings_.read_timeout));
        else
          a.fault = "the connection closed before the response was complete";
        break;
      case httplib::Error::Write:
        a.fault = "the connection failed while the request was sent";
        a.transient = true;
        break;
      case httplib::Error::Canceled:
        a.fault = too_large ? fmt::format("the response is larger than {} MiB: not a ModernGov response",
                                          max_response_bytes >> 20)
                            : "the request was cancelled";
        break;
      case httplib::Error::SSLConnection:
        a.fault = fmt::format("the TLS handshake with {}:{} failed (is it an https server?)", server_.host, server_.port);
        break;
      case httplib::Error::SSLServerVerification:
        a.fault = fmt::format("the TLS certificate of {} could not be verified", server_.host);
        break;
      case httplib::Error::SSLLoadingCerts:
        a.fault = "the system's CA certificates could not be loaded (is the ca-certificates package installed?)";
        break;
      case httplib::Error::ExceedRedirectCount:
        a.fault = "too many redirects";
        break;
      default:
        a.fault = fmt::format("the request failed: {}", httplib::to_string(result.error()));
        break;
    }
    return a;
  }
  if (result->status < 200 || result->status > 299) {
    const std::string reason = result->reason.empty() ? std::string{} : " " + result->reason;
    const std::string said = first_line(body);
    a.fault = fmt::format("HTTP {}{}{}", result->status, reason, said.empty() ? std::string{} : ": " + said);
    a.transient = result->status >= 500 || result->status == 429 || result->status == 408;
    return a;
  }
  a.response = http_response{std::move(body), result->get_header_value("Content-Type")};
  return a;
}

std::optional<http_response> http_client::get(const std::string& target, std::string& error) {
  if (!resolved_) {
    if (const std::string why = resolve_(server_.host); !why.empty()) {
      error = fmt::format("GET {}: cannot resolve the host name '{}': {}", url(target), server_.host, why);
      return std::nullopt;
    }
    resolved_ = true;
  }
  auto backoff = timings_.first_backoff;
  const int attempts = std::max(1, timings_.attempts);
  for (int n = 1;; ++n) {
    attempt a = try_once(target);
    if (a.response) return std::move(a.response);
    if (!a.transient || n == attempts) {
      error = fmt::format("GET {}: {}{}", url(target), a.fault, n > 1 ? fmt::format(" ({} attempts)", n) : std::string{});
      return std::nullopt;
    }
    std::this_thread::sleep_for(backoff);
    backoff *= 2;
  }
}

}  // namespace remit::fetch
