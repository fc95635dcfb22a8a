// `remit fetch moderngov` against a ModernGov web service played by this test process: a
// cpp-httplib server on 127.0.0.1, at a port the system picks, that serves the real responses
// in tests/fixtures/moderngov/ and injects faults. Only loopback, and every request is bounded
// by the short timings below, so the whole file runs in a few seconds.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <httplib.h>

#include "fetch/moderngov_fetch.hpp"
#include "fixture_files.hpp"
#include "inputs/csv_writer.hpp"
#include "inputs/reader.hpp"
#include "support.hpp"

using namespace remit;
using namespace std::chrono_literals;
using remit::test::d;
using remit::test::file_text;
using remit::test::fixture;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
namespace fs = std::filesystem;

namespace {

enum class fault {
  none,
  server_error,
  not_found,
  hang,
  truncate,
  web_page,
  malformed,
  other_meeting,
  listing,
  busy,            // 503 with the Retry-After set by retry_after()
  redirect_same,   // 302 to the same request on the same host, with &moved=1
  redirect_other,  // 301 to the same request on http://localhost:PORT, another host name for this server
  drip,            // the response one byte every 50 ms for its first 100 bytes, then the rest
};

// A ModernGov site at http://127.0.0.1:PORT/council/mgWebService.asmx. Requests are keyed
// "GetMeetings" or "GetMeeting:<id>"; each takes the next fault queued for its key.
class fake_moderngov {
 public:
  fake_moderngov() {
    bodies_["GetMeetings"] = file_text(fixture("moderngov/lgsf_GetMeetings.xml"));
    bodies_["GetMeeting:4966"] = file_text(fixture("moderngov/lgsf_GetMeeting_no_minutes.xml"));
    bodies_["GetMeeting:4967"] = file_text(fixture("moderngov/lgsf_GetMeeting_with_minutes.xml"));
    server_.Get(R"(/council/mgWebService\.asmx/(GetMeetings|GetMeeting))",
                [this](const httplib::Request& req, httplib::Response& res) { answer(req, res); });
    port_ = server_.bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 200 && !server_.is_running(); ++i) std::this_thread::sleep_for(5ms);
    REQUIRE(server_.is_running());
  }
  ~fake_moderngov() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    woken_.notify_all();
    server_.stop();
    thread_.join();
  }

  std::string base_url() const { return fmt::format("http://127.0.0.1:{}/council", port_); }
  int port() const { return port_; }

  void queue(const std::string& key, std::initializer_list<fault> faults) {
    std::lock_guard lock(mutex_);
    for (fault f : faults) faults_[key].push_back(f);
  }
  void serve(const std::string& key, std::string body) {
    std::lock_guard lock(mutex_);
    bodies_[key] = std::move(body);
  }
  int requests(const std::string& key) const {
    std::lock_guard lock(mutex_);
    const auto it = counts_.find(key);
    return it == counts_.end() ? 0 : it->second;
  }
  int all_requests() const {
    std::lock_guard lock(mutex_);
    int n = 0;
    for (const auto& [key, count] : counts_) n += count;
    return n;
  }
  std::vector<std::chrono::steady_clock::time_point> times() const {
    std::lock_guard lock(mutex_);
    return times_;
  }
  std::map<std::string, std::string> last_params() const {
    std::lock_guard lock(mutex_);
    return params_;
  }
  std::string last_user_agent() const {
    std::lock_guard lock(mutex_);
    return user_agent_;
  }
  void retry_after(std::string value) {
    std::lock_guard lock(mutex_);
    retry_after_ = std::move(value);
  }

 private:
  void answer(const httplib::Request& req, httplib::Response& res) {
    const std::string call = req.matches[1];
    const std::string key = call == "GetMeeting" ? "GetMeeting:" + req.get_param_value("lMeetingId") : call;
    fault f = fault::none;
    std::string body;
    {
      std::lock_guard lock(mutex_);
      ++counts_[key];
      times_.push_back(std::chrono::steady_clock::now());
      user_agent_ = req.get_header_value("User-Agent");
      params_.clear();
      for (const auto& [name, value] : req.params) params_[name] = value;
      if (auto& q = faults_[key]; !q.empty()) {
        f = q.front();
        q.pop_front();
      }
      const auto it = bodies_.find(key);
      if (it == bodies_.end()) f = fault::not_found;
      else body = it->second;
      if (f == fault::other_meeting) body = bodies_["GetMeeting:4966"];
      if (f == fault::listing) body = bodies_["GetMeetings"];
    }
    switch (f) {
      case fault::server_error:
        res.status = 500;
        res.set_content("System.InvalidOperationException: the database is unavailable.\r\n   at Modern.Gov...", "text/plain");
        return;
      case fault::not_found:
        res.status = 404;
        res.set_content("", "text/plain");
        return;
      case fault::hang: {
        // Answers nothing until long after the client has given up, or the test ends.
        std::unique_lock lock(mutex_);
        woken_.wait_for(lock, 3s, [this] { return stopping_; });
        res.set_content(body, "text/xml");
        return;
      }
      case fault::truncate:
        res.set_content_provider(body.size(), "text/xml; charset=utf-8",
                                 [body](std::size_t, std::size_t, httplib::DataSink& sink) {
                                   sink.write(body.data(), body.size() / 2);
                                   return false;  // drop the connection half way
                                 });
        return;
      case fault::web_page:
        res.set_content("<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>", "text/html; charset=utf-8");
        return;
      case fault::malformed:
        res.set_content(body.substr(0, body.size() / 2), "text/xml; charset=utf-8");
        return;
      case fault::busy: {
        std::lock_guard lock(mutex_);
        res.status = 503;
        res.set_header("Retry-After", retry_after_);
        res.set_content("", "text/plain");
        return;
      }
      case fault::redirect_same:
      case fault::redirect_other: {
        std::string target = req.path + "?";
        for (const auto& [name, value] : req.params) target += name + "=" + value + "&";
        if (f == fault::redirect_same) {
          res.status = 302;
          res.set_header("Location", target + "moved=1");
        } else {
          res.status = 301;
          target.pop_back();
          res.set_header("Location", fmt::format("http://localhost:{}{}", port_, target));
        }
        return;
      }
      case fault::drip:
        res.set_chunked_content_provider("text/xml; charset=utf-8", [this, body](std::size_t offset, httplib::DataSink& sink) {
          if (offset >= body.size()) {
            sink.done();
            return true;
          }
          if (offset >= 100) return sink.write(body.data() + offset, body.size() - offset);
          {
            std::unique_lock lock(mutex_);
            if (woken_.wait_for(lock, 50ms, [this] { return stopping_; })) return false;
          }
          return sink.write(body.data() + offset, 1);
        });
        return;
      default:
        res.set_content(body, "text/xml; charset=utf-8");
        return;
    }
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::condition_variable woken_;
  bool stopping_ = false;
  std::map<std::string, std::string> bodies_;
  std::map<std::string, std::deque<fault>> faults_;
  std::map<std::string, int> counts_;
  std::vector<std::chrono::steady_clock::time_point> times_;
  std::map<std::string, std::string> params_;
  std::string user_agent_;
  std::string retry_after_ = "1";
};

// A server that answers each request one byte every 100 ms, its headers included: no read ever
// waits long for its next byte, but the whole response takes some 15 seconds.
class dripping_server {
 public:
  dripping_server() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(listener_ >= 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // 127.0.0.1 only
    a.sin_port = 0;
    REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(::listen(listener_, 4) == 0);
    socklen_t n = sizeof a;
    REQUIRE(::getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &n) == 0);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~dripping_server() {
    stopping_ = true;
    thread_.join();
    ::close(listener_);
  }
  int port() const { return port_; }

 private:
  void serve() {
    const std::string body = "<getmeetings><meetingscount>0</meetingscount></getmeetings>\n";
    const std::string response =
        fmt::format("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: {}\r\n\r\n{}", body.size(), body);
    while (!stopping_) {
      pollfd p{listener_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const int c = ::accept(listener_, nullptr, nullptr);
      if (c < 0) continue;
      char request[4096];
      (void)::recv(c, request, sizeof request, 0);
      for (char ch : response) {
        if (stopping_ || ::send(c, &ch, 1, MSG_NOSIGNAL) != 1) break;
        std::this_thread::sleep_for(100ms);
      }
      ::close(c);
    }
  }
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

// A folder of its own for each test, removed after it.
struct scratch_dir {
  fs::path path;
  scratch_dir() {
    std::string pattern = (fs::temp_directory_path() / "remit-fetch-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~scratch_dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string out() const { return (path / "cpb").string(); }
};

fetch::moderngov_request request(const fake_moderngov& site, const scratch_dir& dir, std::string_view from = "2026-01-01",
                                 std::string_view to = "2026-03-31") {
  fetch::moderngov_request r;
  r.base_url = site.base_url();
  r.committee = "144";
  r.from = d(from);
  r.to = d(to);
  r.dir = dir.out();
  r.timings.connect_timeout = 1000ms;
  r.timings.read_timeout = 300ms;
  r.timings.pause = 0ms;
  r.timings.first_backoff = 10ms;
  r.timings.attempts = 3;
  r.resolve = [](const std::string&) { return std::string{}; };  // never a real name server
  return r;
}

// What `remit import` makes of the fixtures: what a fetch must write.
std::string imported(const std::vector<std::string>& names) {
  std::vector<std::string> paths;
  for (const auto& n : names) paths.push_back(fixture("moderngov/" + n));
  event_log log;
  diagnostics diags;
  read_log_files(paths, log, diags);
  REQUIRE(diags.empty());
  return canonical_csv(log);
}

const std::vector<std::string> all_three{"lgsf_GetMeetings.xml", "lgsf_GetMeeting_with_minutes.xml",
                                         "lgsf_GetMeeting_no_minutes.xml"};

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), dir).string());
  std::sort(out.begin(), out.end());
  return out;
}

// DIR after any run: no temporary file left, and every response kept reads as a whole response.
void check_consistent(const scratch_dir& dir) {
  for (const std::string& f : files_in(dir.out())) {
    INFO(f);
    CHECK_FALSE(fs::path(f).filename().string().starts_with("."));
    if (f.starts_with("raw/")) {
      event_log log;
      diagnostics diags;
      read_log_file((fs::path(dir.out()) / f).string(), log, diags);
      CHECK(diags.empty());
    }
  }
}

// Meeting 4967's response as it reads before its minutes are published: confirmed, not held, so
// that a later fetch with --refresh asks for it again.
std::string meeting_before_its_minutes() {
  std::string response = file_text(fixture("moderngov/lgsf_GetMeeting_with_minutes.xml"));
  const auto at = response.find("<minutepublished>True");
  REQUIRE(at != std::string::npos);
  response.replace(at, std::string("<minutepublished>True").size(), "<minutepublished>False");
  return response;
}

const std::string listing_file = "raw/GetMeetings-144-2026-01-01-2026-03-31.xml";

}  // namespace

TEST_CASE("fetch: the listing, then each meeting, and the log is what import makes of the same responses",
          "[fetch]") {
  fake_moderngov site;
  scratch_dir dir;
  const auto r = fetch::fetch_moderngov(request(site, dir));
  REQUIRE(r.error == "");
  CHECK(r.listed == 2u);
  CHECK(r.in_window == 2u);
  CHECK(r.fetched == 2u);
  CHECK(r.already_stored == 0u);
  CHECK(r.rows == 2u);
  CHECK(files_in(dir.out()) == std::vector<std::string>{"meetings.csv", "raw/GetMeeting-4966.xml", "raw/GetMeeting-4967.xml",
                                                        listing_file});
  CHECK(file_text(dir.out() + "/meetings.csv") == imported(all_three));
  // The raw responses are kept byte for byte, as evidence.
  CHECK(file_text(dir.out() + "/" + listing_file) == file_text(fixture("moderngov/lgsf_GetMeetings.xml")));
  CHECK(file_text(dir.out() + "/raw/GetMeeting-4967.xml") == file_text(fixture("moderngov/lgsf_GetMeeting_with_minutes.xml")));
  CHECK(site.requests("GetMeetings") == 1);
  CHECK(site.requests("GetMeeting:4966") == 1);
  CHECK(site.requests("GetMeeting:4967") == 1);
  CHECK_THAT(site.last_user_agent(), StartsWith(std::string("remit/") + REMIT_VERSION));
  check_consistent(dir);
}

TEST_CASE("fetch: GetMeetings is asked for the committee and the window, in ModernGov's dates", "[fetch]") {
  fake_moderngov site;
  scratch_dir dir;
  const auto r = fetch::fetch_moderngov(request(site, dir, "2026-02-11", "2026-02-12"));  // no meeting in it
  REQUIRE(r.error == "");
  CHECK(r.rows == 0u);
  const auto params = site.last_params();
  CHECK(params.at("lCommitteeId") == "144");
  CHECK(params.at("sFromDate") == "11/02/2026");
  CHECK(params.at("sToDate") == "12/02/2026");
  CHECK(site.all_requests() == 1);
  CHECK(file_text(dir.out() + "/meetings.csv") == "council,body,date,kind,status,title,to,published,items,ref,attendees\n");
}

TEST_CASE("fetch: the address may be the folder or mgWebService.asmx itself", "[fetch]") {
  fake_moderngov site;
  for (const std::string& base : {site.base_url() + "/", site.base_url() + "/mgWebService.asmx",
                                  site.base_url() + "/mgWebService.asmx/"}) {
    INFO(base);
    scratch_dir dir;
    auto req = request(site, dir);
    req.base_url = base;
    const auto r = fetch::fetch_moderngov(req);
    REQUIRE(r.error == "");
    CHECK(file_text(dir.out() + "/meetings.csv") == imported(all_three));
  }
}

TEST_CASE("fetch: GetMeetings may ignore its dates, so the window is applied here", "[fetch]") {
  fake_moderngov site;  // it always answers with both meetings
  scratch_dir dir;
  const auto r = fetch::fetch_moderngov(request(site, dir, "2026-02-01", "2026-02-28"));
  REQUIRE(r.error == "");
  CHECK(r.listed == 2u);
  CHECK(r.in_window == 1u);
  CHECK(site.requests("GetMeeting:4966") == 0);
  CHECK(site.requests("GetMeeting:4967") == 1);
  // The import of all three, less the meeting of 13 January.
  std::string expected = imported(all_three);
  const auto january = expected.find(",Audit Committee,2026-01-13");
  expected.erase(january, expected.find('\n', january) + 1 - january);
  CHECK(file_text(dir.out() + "/meetings.csv") == expected);
  CHECK_FALSE(fs::exists(dir.out() + "/raw/GetMeeting-4966.xml"));
}

TEST_CASE("fetch: run again, it fetches the listing and only the meetings it does not hold", "[fetch][again]") {
  fake_moderngov site;
  scratch_dir dir;
  REQUIRE(fetch::fetch_moderngov(request(site, dir, "2026-01-01", "2026-01-31")).error == "");
  CHECK(site.requests("GetMeeting:4966") == 1);

  const auto second = fetch::fetch_moderngov(request(site, dir));
  REQUIRE(second.error == "");
  CHECK(second.fetched == 1u);
  CHECK(second.already_stored == 1u);
  CHECK(site.requests("GetMeetings") == 2);
  CHECK(site.requests("GetMeeting:4966") == 1);
  CHECK(site.requests("GetMeeting:4967") == 1);
  const std::string csv = file_text(dir.out() + "/meetings.csv");
  CHECK(csv == imported(all_three));

  const auto third = fetch::fetch_moderngov(request(site, dir));
  REQUIRE(third.error == "");
  CHECK(third.fetched == 0u);
  CHECK(site.requests("GetMeetings") == 3);
  CHECK(site.all_requests() == 5);
  CHECK(file_text(dir.out() + "/meetings.csv") == csv);
  check_consistent(dir);
}

TEST_CASE("fetch --refresh: a stored meeting that is only confirmed is fetched again", "[fetch][again]") {
  fake_moderngov site;
  const std::string before = meeting_before_its_minutes();
  site.serve("GetMeeting:4967", before);
  scratch_dir dir;
  REQUIRE(fetch::fetch_moderngov(request(site, dir)).error == "");
  CHECK_THAT(file_text(dir.out() + "/meetings.csv"), Contains("2026-02-10,meeting,confirmed"));

  // The minutes are published later.
  site.serve("GetMeeting:4967", file_text(fixture("moderngov/lgsf_GetMeeting_with_minutes.xml")));
  REQUIRE(fetch::fetch_moderngov(request(site, dir)).error == "");
  CHECK(site.requests("GetMeeting:4967") == 1);  // without --refresh, what is stored stands
  auto refresh = request(site, dir);
  refresh.refresh = true;
  const auto r = fetch::fetch_moderngov(refresh);
  REQUIRE(r.error == "");
  CHECK(r.fetched == 1u);
  CHECK(site.requests("GetMeeting:4967") == 2);
  CHECK(site.requests("GetMeeting:4966") == 1);  // cancelled: final, never fetched again
  CHECK(file_text(dir.out() + "/meetings.csv") == imported(all_three));
}

TEST_CASE("fetch: a 500 that passes is retried, with backoff", "[fetch][faults]") {
  fake_moderngov site;
  site.queue("GetMeeting:4967", {fault::server_error, fault::server_error});
  scratch_dir dir;
  auto req = request(site, dir);
  req.timings.first_backoff = 50ms;
  const auto started = std::chrono::steady_clock::now();
  const auto r = fetch::fetch_moderngov(req);
  REQUIRE(r.error == "");
  CHECK(site.requests("GetMeeting:4967") == 3);
  CHECK(std::chrono::steady_clock::now() - started >= 150ms);  // 50 ms, then 100 ms
  CHECK(file_text(dir.out() + "/meetings.csv") == imported(all_three));
}

TEST_CASE("fetch: every fault names the URL and what went wrong, and leaves DIR consistent", "[fetch][faults]") {
  fake_moderngov site;
  scratch_dir dir;
  const std::string meeting_url = site.base_url() + "/mgWebService.asmx/GetMeeting?lMeetingId=4967";
  auto fails_with = [&](std::initializer_list<fault> faults) {
    site.queue("GetMeeting:4967", faults);
    const auto r = fetch::fetch_moderngov(request(site, dir));
    check_consistent(dir);
    // 4966 comes first (by date) and is kept; the fault leaves no meetings.csv behind.
    CHECK(fs::exists(dir.out() + "/raw/GetMeeting-4966.xml"));
    CHECK_FALSE(fs::exists(dir.out() + "/raw/GetMeeting-4967.xml"));
    CHECK_FALSE(fs::exists(dir.out() + "/meetings.csv"));
    CHECK_THAT(r.error, StartsWith("GET " + meeting_url + ": "));
    return r.error;
  };

  SECTION("HTTP 500 every time: given up after the attempts") {
    CHECK(fails_with({fault::server_error, fault::server_error, fault::server_error}) ==
          "GET " + meeting_url +
              ": HTTP 500 Internal Server Error: System.InvalidOperationException: the database is unavailable. (3 attempts)");
    CHECK(site.requests("GetMeeting:4967") == 3);
  }
  SECTION("HTTP 404 is not retried") {
    CHECK(fails_with({fault::not_found}) == "GET " + meeting_url + ": HTTP 404 Not Found");
    CHECK(site.requests("GetMeeting:4967") == 1);
  }
  SECTION("a hung connection times out") {
    CHECK(fails_with({fault::hang, fault::hang, fault::hang}) ==
          "GET " + meeting_url + ": the server sent nothing for 300 ms: timed out (3 attempts)");
  }
  SECTION("a body cut short") {
    const std::size_t size = file_text(fixture("moderngov/lgsf_GetMeeting_with_minutes.xml")).size();
    CHECK(fails_with({fault::truncate, fault::truncate, fault::truncate}) ==
          fmt::format("GET {}: the response was cut short: {} of {} bytes arrived (3 attempts)", meeting_url, size / 2, size));
  }
  SECTION("a web page instead of XML") {
    CHECK_THAT(fails_with({fault::web_page}), Contains("expected XML, got a web page (Content-Type: text/html"));
    CHECK(site.requests("GetMeeting:4967") == 1);
  }
  SECTION("malformed XML, served whole") {
    CHECK_THAT(fails_with({fault::malformed}), Contains(": malformed XML: ") && Contains("of the response)"));
  }
  SECTION("the response for another meeting") {
    CHECK(fails_with({fault::other_meeting}) ==
          "GET " + meeting_url + ": expected the GetMeeting response for meeting 4967, got meeting 4966");
  }
  SECTION("the wrong kind of response") {
    CHECK(fails_with({fault::listing}) == "GET " + meeting_url + ": expected a GetMeeting response, got a GetMeetings response");
  }

  // Whatever the fault, once it passes the next run fetches only what is missing.
  const int before = site.requests("GetMeeting:4966");
  const auto again = fetch::fetch_moderngov(request(site, dir));
  REQUIRE(again.error == "");
  CHECK(again.fetched == 1u);
  CHECK(site.requests("GetMeeting:4966") == before);
  CHECK(file_text(dir.out() + "/meetings.csv") == imported(all_three));
  check_consistent(dir);
}

TEST_CASE("fetch: a fault in the listing leaves nothing behind", "[fetch][faults]") {
  fake_moderngov site;
  scratch_dir dir;
  site.queue("GetMeetings", {fault::web_page});
  const auto r = fetch::fetch_moderngov(request(site, dir));
  CHECK_THAT(r.error, StartsWith("GET " + site.base_url() + "/mgWebService.asmx/GetMeetings?lCommitteeId=144&sFromDate=01/01/2026"));
  CHECK_FALSE(fs::exists(dir.out()));
}

TEST_CASE("fetch: faults of the connection itself", "[fetch][faults]") {
  scratch_dir dir;
  SECTION("nothing listens on the port") {
    int port = 0;
    {
      fake_moderngov gone;
      port = gone.port();
    }
    fake_moderngov site;  // for its timings only
    auto req = request(site, dir);
    req.base_url = fmt::format("http://127.0.0.1:{}/council", port);
    const auto r = fetch::fetch_moderngov(req);
    CHECK_THAT(r.error, Contains(fmt::format("could not connect to 127.0.0.1:{} (3 attempts)", port)));
  }
  SECTION("TLS with a server that speaks plain HTTP") {
    fake_moderngov site;
    auto req = request(site, dir);
    req.base_url = fmt::format("https://127.0.0.1:{}/council", site.port());
    const auto r = fetch::fetch_moderngov(req);
    CHECK(r.error == fmt::format("GET https://127.0.0.1:{}/council/mgWebService.asmx/GetMeetings?lCommitteeId=144&sFromDate="
                                 "01/01/2026&sToDate=31/03/2026: the TLS handshake with 127.0.0.1:{} failed (is it an "
                                 "https server?)",
                                 site.port(), site.port()));
  }
  SECTION("a host name that does not resolve") {
    fake_moderngov site;
    auto req = request(site, dir);
    req.base_url = "https://council.invalid/democracy";
    req.resolve = [](const std::string&) { return std::string("Name or service not known"); };
    const auto r = fetch::fetch_moderngov(req);
    CHECK(r.error ==
          "GET https://council.invalid/democracy/mgWebService.asmx/GetMeetings?lCommitteeId=144&sFromDate=01/01/2026&"
          "sToDate=31/03/2026: cannot resolve the host name 'council.invalid': Name or service not known");
    CHECK(site.all_requests() == 0);
  }
  CHECK_FALSE(fs::exists(dir.out()));
}

TEST_CASE("fetch: bad addresses and options are refused before any request", "[fetch]") {
  fake_moderngov site;
  scratch_dir dir;
  const auto error = [&](std::string url, std::string committee, std::string_view from, std::string_view to) {
    auto req = request(site, dir, from, to);
    req.base_url = std::move(url);
    req.committee = std::move(committee);
    return fetch::fetch_moderngov(req).error;
  };
  CHECK(error("ftp://example.org", "144", "2026-01-01", "2026-03-31") == "'ftp://example.org': only http and https URLs can be fetched");
  CHECK(error("democracy.example.org", "144", "2026-01-01", "2026-03-31") ==
        "'democracy.example.org' is not a URL: expected one starting with https:// or http://");
  CHECK_THAT(error(site.base_url() + "/mgWebService.asmx?op=GetMeetings", "144", "2026-01-01", "2026-03-31"),
             Contains("without a query"));
  CHECK_THAT(error("http://127.0.0.1:99999/x", "144", "2026-01-01", "2026-03-31"), Contains("'99999' is not a port number"));
  CHECK_THAT(error(site.base_url(), "CId=144", "2026-01-01", "2026-03-31"),
             StartsWith("--committee: 'CId=144' is not a ModernGov committee id"));
  CHECK(error(site.base_url(), "144", "2026-03-31", "2026-01-01") == "the window ends on 2026-01-01 before it starts on 2026-03-31");
  CHECK(site.all_requests() == 0);
  CHECK_FALSE(fs::exists(dir.out()));
}

TEST_CASE("fetch: requests are spaced by the pause, retries included", "[fetch][polite]") {
  fake_moderngov site;
  site.queue("GetMeeting:4966", {fault::server_error});
  scratch_dir dir;
  auto req = request(site, dir);
  req.timings.pause = 120ms;
  req.timings.first_backoff = 0ms;
  REQUIRE(fetch::fetch_moderngov(req).error == "");
  const auto times = site.times();
  REQUIRE(times.size() == 4);
  // Arrival times carry the scheduler's jitter on a loaded machine, so allow for some on each
  // gap; without the pause the requests would arrive within a millisecond or two.
  for (std::size_t i = 1; i < times.size(); ++i) CHECK(times[i] - times[i - 1] >= 60ms);
  CHECK(times.back() - times.front() >= 300ms);
}

TEST_CASE("fetch: a meeting id that is not a number names no file, and nothing is written outside --out",
          "[fetch][hostile]") {
  fake_moderngov site;
  const std::string hostile = "4966/../../../escaped";
  std::string listing = file_text(fixture("moderngov/lgsf_GetMeetings.xml"));
  listing.replace(listing.find("<meetingid>4966<"), std::string("<meetingid>4966<").size(),
                  "<meetingid>" + hostile + "<");
  site.serve("GetMeetings", listing);
  // Were it asked for, the server would answer for it, so that only remit stands between the
  // id and a file named after it.
  std::string meeting = file_text(fixture("moderngov/lgsf_GetMeeting_no_minutes.xml"));
  meeting.replace(meeting.find("<meetingid>4966<"), std::string("<meetingid>4966<").size(), "<meetingid>" + hostile + "<");
  site.serve("GetMeeting:" + hostile, meeting);
  scratch_dir dir;
  const auto r = fetch::fetch_moderngov(request(site, dir));
  CHECK(r.error == "GET " + site.base_url() +
                       "/mgWebService.asmx/GetMeetings?lCommitteeId=144&sFromDate=01/01/2026&sToDate=31/03/2026: the "
                       "response lists a meeting on 2026-01-13 whose id '" + hostile +
                       "' is not a ModernGov meeting id (a number of 1 to 20 digits): remit names a file after each "
                       "meeting id, so it fetches none; the response is kept in " + dir.out() + "/" + listing_file);
  CHECK(site.requests("GetMeeting:" + hostile) == 0);
  CHECK(site.requests("GetMeeting:4967") == 0);
  // Nothing beside --out, and inside it only the listing, as evidence.
  std::vector<std::string> beside;
  for (const auto& e : fs::directory_iterator(dir.path)) beside.push_back(e.path().filename().string());
  CHECK(beside == std::vector<std::string>{"cpb"});
  CHECK(files_in(dir.out()) == std::vector<std::string>{listing_file});
  CHECK(fetch::plain_meeting_id("4966"));
  CHECK_FALSE(fetch::plain_meeting_id(""));
  CHECK_FALSE(fetch::plain_meeting_id("-1"));
  CHECK_FALSE(fetch::plain_meeting_id("4966 "));
  CHECK_FALSE(fetch::plain_meeting_id("..") );
  CHECK_FALSE(fetch::plain_meeting_id(std::string(21, '1')));
}

TEST_CASE("fetch: a path that resolves outside --out through a link is never written", "[fetch][hostile]") {
  fake_moderngov site;
  scratch_dir dir;
  const fs::path elsewhere = dir.path / "elsewhere";
  fs::create_directories(elsewhere);
  fs::create_directories(dir.out());
  const auto nothing_written_elsewhere = [&] {
    std::vector<std::string> found;
    for (const auto& e : fs::recursive_directory_iterator(elsewhere)) found.push_back(e.path().string());
    return found;
  };
  SECTION("the raw folder is a link to a folder outside") {
    fs::create_directory_symlink(elsewhere, fs::path(dir.out()) / "raw");
    const auto r = fetch::fetch_moderngov(request(site, dir));
    CHECK_THAT(r.error, StartsWith(dir.out() + "/" + listing_file + " resolves to " + (elsewhere / "GetMeetings").string()));
    CHECK_THAT(r.error, Contains("outside --out " + dir.out() + " (through a symbolic link): remit writes only inside --out"));
    CHECK(nothing_written_elsewhere().empty());
  }
  SECTION("a response's file is a link to a file outside") {
    const fs::path precious = elsewhere / "precious.txt";
    { std::ofstream(precious) << "not remit's"; }
    fs::create_directories(fs::path(dir.out()) / "raw");
    fs::create_symlink(precious, fs::path(dir.out()) / "raw/GetMeeting-4967.xml");
    const auto r = fetch::fetch_moderngov(request(site, dir));
    CHECK(r.error == fmt::format("{}/raw/GetMeeting-4967.xml resolves to {}, outside --out {} (through a symbolic link): "
                                 "remit writes only inside --out, so nothing was written there",
                                 dir.out(), precious.string(), dir.out()));
    CHECK(file_text(precious.string()) == "not remit's");
    CHECK(fs::is_symlink(fs::path(dir.out()) / "raw/GetMeeting-4967.xml"));
    CHECK_FALSE(fs::exists(dir.out() + "/meetings.csv"));
  }
  SECTION("meetings.csv is a link to a file outside") {
    const fs::path precious = elsewhere / "precious.csv";
    { std::ofstream(precious) << "not remit's"; }
    fs::create_symlink(precious, fs::path(dir.out()) / "meetings.csv");
    const auto r = fetch::fetch_moderngov(request(site, dir));
    CHECK_THAT(r.error, StartsWith(dir.out() + "/meetings.csv resolves to " + precious.string()));
    CHECK(file_text(precious.string()) == "not remit's");
  }
}

TEST_CASE("fetch: a redirect on the same host is followed, and recorded beside the response", "[fetch][redirect]") {
  fake_moderngov site;
  const std::string confirmed = meeting_before_its_minutes();
  site.serve("GetMeeting:4967", confirmed);
  site.queue("GetMeeting:4967", {fault::redirect_same});
  scratch_dir dir;
  const auto r = fetch::fetch_moderngov(request(site, dir));
  REQUIRE(r.error == "");
  CHECK(r.redirected == 1u);
  CHECK(site.requests("GetMeeting:4967") == 2);
  const std::string asked = site.base_url() + "/mgWebService.asmx/GetMeeting?lMeetingId=4967";
  const std::string record = dir.out() + "/redirects/GetMeeting-4967.xml.txt";
  CHECK(file_text(record) == "raw/GetMeeting-4967.xml was reached through 1 redirect:\nGET " + asked + "\n302 to " + asked +
                                 "&moved=1\n");
  CHECK(file_text(dir.out() + "/raw/GetMeeting-4967.xml") == confirmed);
  check_consistent(dir);

  // Fetched again, straight from the address asked: the record of the redirect goes with the
  // response it described.
  auto refresh = request(site, dir);
  refresh.refresh = true;
  const auto again = fetch::fetch_moderngov(refresh);
  REQUIRE(again.error == "");
  CHECK(again.redirected == 0u);
  CHECK_FALSE(fs::exists(record));
}

TEST_CASE("fetch: a redirect to another host is refused unless allowed, and recorded when followed",
          "[fetch][redirect]") {
  fake_moderngov site;
  scratch_dir dir;
  const std::string asked = site.base_url() + "/mgWebService.asmx/GetMeeting?lMeetingId=4967";
  const std::string moved = fmt::format("http://localhost:{}/council/mgWebService.asmx/GetMeeting?lMeetingId=4967", site.port());
  site.queue("GetMeeting:4967", {fault::redirect_other});
  const auto refused = fetch::fetch_moderngov(request(site, dir));
  CHECK(refused.error == "GET " + asked + ": HTTP 301: a redirect to " + moved +
                             ", on another host (localhost): not followed; pass --allow-redirect-to-other-hosts to follow it");
  CHECK(site.requests("GetMeeting:4967") == 1);
  CHECK_FALSE(fs::exists(dir.out() + "/raw/GetMeeting-4967.xml"));
  CHECK_FALSE(fs::exists(dir.out() + "/meetings.csv"));

  site.queue("GetMeeting:4967", {fault::redirect_other});
  auto allowed = request(site, dir);
  allowed.allow_redirect_to_other_hosts = true;
  const auto r = fetch::fetch_moderngov(allowed);
  REQUIRE(r.error == "");
  CHECK(r.redirected == 1u);
  CHECK(file_text(dir.out() + "/redirects/GetMeeting-4967.xml.txt") ==
        "raw/GetMeeting-4967.xml was reached through 1 redirect:\nGET " + asked + "\n301 to " + moved +
            " (another host: followed, as --allow-redirect-to-other-hosts was given)\n");
  CHECK(file_text(dir.out() + "/meetings.csv") == imported(all_three));
}

TEST_CASE("fetch: no more than 5 redirects are followed", "[fetch][redirect]") {
  fake_moderngov site;
  scratch_dir dir;
  site.queue("GetMeeting:4967", {fault::redirect_same, fault::redirect_same, fault::redirect_same, fault::redirect_same,
                                 fault::redirect_same, fault::redirect_same});
  const auto r = fetch::fetch_moderngov(request(site, dir));
  CHECK_THAT(r.error, StartsWith("GET " + site.base_url() + "/mgWebService.asmx/GetMeeting?lMeetingId=4967: more than 5 "
                                 "redirects: not followed further (at "));
  CHECK(site.requests("GetMeeting:4967") == 6);
}

TEST_CASE("fetch: Retry-After is waited, up to its cap, and a longer one ends the fetch at once", "[fetch][faults]") {
  fake_moderngov site;
  scratch_dir dir;
  std::vector<std::chrono::milliseconds> waits;
  auto req = request(site, dir);
  req.timings.sleep = [&](std::chrono::milliseconds ms) { waits.push_back(ms); };  // recorded, not waited
  const std::string meeting_url = site.base_url() + "/mgWebService.asmx/GetMeeting?lMeetingId=4967";
  SECTION("30 seconds: waited instead of the backoff, then tried again") {
    site.retry_after("30");
    site.queue("GetMeeting:4967", {fault::busy});
    const auto r = fetch::fetch_moderngov(req);
    REQUIRE(r.error == "");
    CHECK(site.requests("GetMeeting:4967") == 2);
    CHECK(waits == std::vector<std::chrono::milliseconds>{30'000ms});
  }
  SECTION("an hour: more than the cap of 60 seconds, so the fetch ends without waiting") {
    site.retry_after("3600");
    site.queue("GetMeeting:4967", {fault::busy, fault::busy, fault::busy});
    const auto r = fetch::fetch_moderngov(req);
    CHECK(r.error == "GET " + meeting_url +
                         ": HTTP 503 Service Unavailable; the server asks remit to wait 3600 seconds before trying again "
                         "(Retry-After), longer than remit waits (60 seconds at most): try again later");
    CHECK(site.requests("GetMeeting:4967") == 1);
    CHECK(waits.empty());
    CHECK_FALSE(fs::exists(dir.out() + "/meetings.csv"));
  }
  SECTION("the cap is the caller's") {
    req.timings.retry_after_cap = 10s;
    site.retry_after("30");
    site.queue("GetMeeting:4967", {fault::busy});
    const auto r = fetch::fetch_moderngov(req);
    CHECK_THAT(r.error, EndsWith("wait 30 seconds before trying again (Retry-After), longer than remit waits (10 seconds "
                                 "at most): try again later"));
  }
  SECTION("an HTTP date far ahead") {
    site.retry_after("Fri, 01 Jan 2100 00:00:00 GMT");
    site.queue("GetMeeting:4967", {fault::busy});
    const auto r = fetch::fetch_moderngov(req);
    CHECK_THAT(r.error, Contains("before trying again (Retry-After), longer than remit waits (60 seconds at most)"));
    CHECK(waits.empty());
  }
}

TEST_CASE("fetch: Retry-After in seconds or as an HTTP date", "[fetch]") {
  const auto now = std::chrono::system_clock::from_time_t(1445412480);  // Wed, 21 Oct 2015 07:28:00 GMT
  CHECK(fetch::retry_after_seconds("120", now) == 120s);
  CHECK(fetch::retry_after_seconds(" 0 ", now) == 0s);
  CHECK(fetch::retry_after_seconds("99999999999999999999", now) >= 1'000'000s);
  CHECK(fetch::retry_after_seconds("Wed, 21 Oct 2015 07:29:30 GMT", now) == 90s);
  CHECK(fetch::retry_after_seconds("Wed, 21 Oct 2015 07:00:00 GMT", now) == 0s);  // past
  CHECK_FALSE(fetch::retry_after_seconds("soon", now));
  CHECK_FALSE(fetch::retry_after_seconds("-5", now));
  CHECK_FALSE(fetch::retry_after_seconds("", now));
}

TEST_CASE("fetch: --timeout bounds the whole response, however steadily its bytes drip", "[fetch][faults]") {
  scratch_dir dir;
  SECTION("the body drips") {
    fake_moderngov site;
    site.queue("GetMeetings", {fault::drip});
    auto req = request(site, dir);
    req.timings.read_timeout = 1000ms;  // each byte comes well within it
    req.timings.response_timeout = 1000ms;
    req.timings.attempts = 1;
    const auto started = std::chrono::steady_clock::now();
    const auto r = fetch::fetch_moderngov(req);
    CHECK(std::chrono::steady_clock::now() - started < 4s);
    CHECK_THAT(r.error, StartsWith("GET " + site.base_url() + "/mgWebService.asmx/GetMeetings?lCommitteeId=144") &&
                            Contains(": the whole response did not arrive within 1 second (") &&
                            EndsWith(" bytes of it had): timed out"));
    CHECK_FALSE(fs::exists(dir.out()));
  }
  SECTION("the headers drip") {
    fake_moderngov site;  // for its timings only
    dripping_server drip;
    auto req = request(site, dir);
    req.base_url = fmt::format("http://127.0.0.1:{}/council", drip.port());
    req.timings.read_timeout = 1000ms;
    req.timings.response_timeout = 1000ms;
    req.timings.attempts = 2;
    const auto started = std::chrono::steady_clock::now();
    const auto r = fetch::fetch_moderngov(req);
    CHECK(std::chrono::steady_clock::now() - started < 5s);
    CHECK_THAT(r.error, EndsWith(": the whole response did not arrive within 1 second: timed out (2 attempts)"));
  }
}

namespace {

// A meeting of the next year, 4968 on 12 May 2026, with its minutes: a listing that names only
// it (as a site that honours the dates answers for April 2026 to March 2027), and its response.
void serve_next_year(fake_moderngov& site) {
  std::string listing = file_text(fixture("moderngov/lgsf_GetMeetings.xml"));
  const auto first = listing.find("      <meeting>");
  const auto second = listing.find("      <meeting>", first + 1);
  listing.erase(first, second - first);
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"<meetingid>4967<", "<meetingid>4968<"},
                                 {"10/02/2026", "12/05/2026"}}) {
    REQUIRE(listing.find(from) != std::string::npos);
    listing.replace(listing.find(from), from.size(), to);
  }
  site.serve("GetMeetings", listing);
  std::string meeting = file_text(fixture("moderngov/lgsf_GetMeeting_with_minutes.xml"));
  for (const std::string from : {"4967", "10/02/2026"})
    for (auto at = meeting.find(from); at != std::string::npos; at = meeting.find(from, at + 1))
      meeting.replace(at, from.size(), from == "4967" ? "4968" : "12/05/2026");
  site.serve("GetMeeting:4968", meeting);
}

// What `remit import` makes of every response a folder keeps.
std::string imported_from(const scratch_dir& dir) {
  std::vector<std::string> paths;
  for (const std::string& f : files_in(dir.out()))
    if (f.starts_with("raw/")) paths.push_back(dir.out() + "/" + f);
  event_log log;
  diagnostics diags;
  read_log_files(paths, log, diags);
  REQUIRE(diags.empty());
  return canonical_csv(log);
}

}  // namespace

TEST_CASE("fetch: into a folder that holds the committee's log, meetings are merged by id and never lost",
          "[fetch][again][merge]") {
  fake_moderngov site;
  scratch_dir dir;
  const std::string log = dir.out() + "/meetings.csv";
  const auto first = fetch::fetch_moderngov(request(site, dir));
  REQUIRE(first.error == "");
  CHECK_FALSE(first.merged);
  CHECK(first.added == 2u);
  REQUIRE(file_text(log) == imported(all_three));

  // The next year: its listing names only its own meeting. Last year's two are kept, and the
  // log replaced keeps its mode.
  fs::permissions(log, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  serve_next_year(site);
  const auto next = fetch::fetch_moderngov(request(site, dir, "2026-04-01", "2027-03-31"));
  REQUIRE(next.error == "");
  CHECK(next.merged);
  CHECK(next.kept == 2u);
  CHECK(next.added == 1u);
  CHECK(next.updated == 0u);
  CHECK(next.unchanged == 0u);
  CHECK(next.rows == 3u);
  CHECK(file_text(log) == imported_from(dir));
  CHECK_THAT(file_text(log), Contains(",4966,") && Contains(",4967,") && Contains(",4968,"));
  CHECK((fs::status(log).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));

  // A window with no meeting in it leaves the log as it was, rather than empty.
  const std::string three = file_text(log);
  const auto empty = fetch::fetch_moderngov(request(site, dir, "2027-04-01", "2027-06-30"));
  REQUIRE(empty.error == "");
  CHECK(empty.rows == 3u);
  CHECK(empty.kept == 3u);
  CHECK(empty.added == 0u);
  CHECK(file_text(log) == three);
  check_consistent(dir);
}

TEST_CASE("fetch: a meeting in the log and in this run is this run's, the newer response", "[fetch][again][merge]") {
  fake_moderngov site;
  const std::string confirmed = meeting_before_its_minutes();
  site.serve("GetMeeting:4967", confirmed);
  scratch_dir dir;
  const std::string log = dir.out() + "/meetings.csv";
  REQUIRE(fetch::fetch_moderngov(request(site, dir)).error == "");
  serve_next_year(site);
  REQUIRE(fetch::fetch_moderngov(request(site, dir, "2026-04-01", "2027-03-31")).error == "");
  CHECK_THAT(file_text(log), Contains("2026-02-10,meeting,confirmed"));

  // The minutes of 10 February are published; the January-to-March listing is served again.
  site.serve("GetMeetings", file_text(fixture("moderngov/lgsf_GetMeetings.xml")));
  site.serve("GetMeeting:4967", file_text(fixture("moderngov/lgsf_GetMeeting_with_minutes.xml")));
  auto refresh = request(site, dir);
  refresh.refresh = true;
  const auto r = fetch::fetch_moderngov(refresh);
  REQUIRE(r.error == "");
  CHECK(r.updated == 1u);    // 4967, now held
  CHECK(r.unchanged == 1u);  // 4966, cancelled
  CHECK(r.kept == 1u);       // 4968, of the next year
  CHECK(r.added == 0u);
  CHECK(r.rows == 3u);
  CHECK_THAT(file_text(log), Contains("2026-02-10,meeting,held") && !Contains("2026-02-10,meeting,confirmed"));
  CHECK(file_text(log) == imported_from(dir));
}

TEST_CASE("fetch: a meetings.csv in --out that remit fetch did not write is named, and never replaced",
          "[fetch][merge][hostile]") {
  fake_moderngov site;
  scratch_dir dir;
  fs::create_directories(dir.out());
  const std::string log = dir.out() + "/meetings.csv";
  const std::string header = "council,body,date,kind,status,title,to,published,items,ref,attendees\n";
  const std::string refused = log + " is not a log that remit fetch wrote (";
  const std::string untouched = "): remit leaves it as it is; move it out of --out, or fetch into another folder";
  const auto refuses = [&](const std::string& text, const std::string& why) {
    { std::ofstream(log, std::ios::binary) << text; }
    const auto r = fetch::fetch_moderngov(request(site, dir));
    CHECK(r.error == refused + why + untouched);
    CHECK(file_text(log) == text);
    CHECK(site.all_requests() == 0);  // refused before any request
    CHECK(files_in(dir.out()) == std::vector<std::string>{"meetings.csv"});
  };
  SECTION("another log's columns") {
    refuses("body,date\nAudit Committee,2026-01-13\n",
            "its first line is not the header 'council,body,date,kind,status,title,to,published,items,ref,attendees'");
  }
  SECTION("a row remit rejects") {
    refuses(header + "Council,Audit Committee,2026-02-30,meeting,held,,,,,4966,\n",
            "line 2: date: '2026-02-30' is not a date: February 2026 has no day 30");
  }
  SECTION("an id that is not ModernGov's") {
    refuses(header + "Council,Audit Committee,2026-01-13,meeting,held,,,,,AC/13,\n",
            "line 2: 'AC/13' is not a ModernGov meeting id");
  }
  SECTION("a meeting twice") {
    refuses(header + "Council,Audit Committee,2026-01-13,meeting,held,,,,,4966,\n"
                     "Council,Audit Committee,2026-01-14,meeting,held,,,,,4966,\n",
            "line 3: meeting 4966 is there twice");
  }
}

TEST_CASE("fetch: a response's file or a redirect record in --out that remit did not write is named, and never replaced",
          "[fetch][merge][hostile]") {
  fake_moderngov site;
  scratch_dir dir;
  fs::create_directories(dir.out() + "/raw");
  fs::create_directories(dir.out() + "/redirects");
  const std::string notes = "my notes on the meeting\n";
  const std::string tail = ": remit leaves it as it is; move it out of --out, or fetch into another folder";
  SECTION("a meeting's response") {
    const std::string file = dir.out() + "/raw/GetMeeting-4967.xml";
    { std::ofstream(file, std::ios::binary) << notes; }
    const auto r = fetch::fetch_moderngov(request(site, dir));
    CHECK_THAT(r.error, StartsWith(file + " is not the GetMeeting response for meeting 4967 that remit fetch wrote (") &&
                            EndsWith(tail));
    CHECK(file_text(file) == notes);
    CHECK(site.requests("GetMeeting:4967") == 0);
  }
  SECTION("the response of another meeting") {
    const std::string file = dir.out() + "/raw/GetMeeting-4967.xml";
    const std::string other = file_text(fixture("moderngov/lgsf_GetMeeting_no_minutes.xml"));
    { std::ofstream(file, std::ios::binary) << other; }
    const auto r = fetch::fetch_moderngov(request(site, dir));
    CHECK(r.error == file + " is not the GetMeeting response for meeting 4967 that remit fetch wrote (it is for meeting 4966)" +
                         tail);
    CHECK(file_text(file) == other);
  }
  SECTION("the listing's file") {
    const std::string file = dir.out() + "/" + listing_file;
    { std::ofstream(file, std::ios::binary) << notes; }
    const auto r = fetch::fetch_moderngov(request(site, dir));
    CHECK_THAT(r.error, StartsWith(file + " is not a GetMeetings response that remit fetch wrote (") && EndsWith(tail));
    CHECK(file_text(file) == notes);
  }
  SECTION("a redirect record, which a fetch without a redirect would remove") {
    const std::string file = dir.out() + "/redirects/GetMeeting-4967.xml.txt";
    { std::ofstream(file, std::ios::binary) << notes; }
    const auto r = fetch::fetch_moderngov(request(site, dir));
    CHECK(r.error == file + " is not a record of a redirect that remit fetch wrote (it does not start 'raw/GetMeeting-4967.xml "
                           "was reached through ')" + tail);
    CHECK(file_text(file) == notes);
  }
  CHECK_FALSE(fs::exists(dir.out() + "/meetings.csv"));
}
