#include "fetch/moderngov_fetch.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "core/output_file.hpp"
#include "core/text.hpp"
#include "inputs/csv_writer.hpp"
#include "inputs/moderngov.hpp"
#include "inputs/reader.hpp"
#include "language/parser.hpp"

namespace remit::fetch {

namespace fs = std::filesystem;

std::string getmeetings_file_name(const std::string& committee, date from, date to) {
  return fmt::format("GetMeetings-{}-{}-{}.xml", committee, from, to);
}

std::string getmeeting_file_name(const std::string& meeting_id) { return fmt::format("GetMeeting-{}.xml", meeting_id); }

bool plain_meeting_id(std::string_view id) {
  return !id.empty() && id.size() <= 20 && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

namespace {

// A response read as the log reader reads a file, to check it before it is kept.
struct checked_response {
  event_log log;
  std::string problem;  // why it is not the response asked for
};

checked_response check_response(const std::string& label, const http_response& r, std::string_view expected_format,
                                std::string_view expected_root) {
  checked_response c;
  const std::string type = fold(r.content_type);
  if (type.find("html") != std::string::npos) {
    c.problem = fmt::format("expected XML, got a web page (Content-Type: {}): is the address the folder that holds "
                            "mgWebService.asmx, or its full address?",
                            r.content_type);
    return c;
  }
  diagnostics diags;
  c.log.files.push_back({label, std::string(moderngov_log_reader.name), 0, 0, {}});
  moderngov_log_reader.read(r.body, c.log, c.log.files.back(), diags);
  if (!diags.empty()) {
    const diagnostic d = diags.sorted().front();
    c.problem = d.message;
    if (d.where.line) {
      c.problem += fmt::format(" (line {}", d.where.line);
      if (d.where.column) c.problem += fmt::format(", column {}", d.where.column);
      c.problem += " of the response)";
    }
    return c;
  }
  if (c.log.files.back().format != expected_format)
    c.problem = fmt::format("expected a {} response, got {}", expected_root,
                            c.log.files.back().format == moderngov::getmeetings_format ? "a GetMeetings response"
                                                                                       : "a GetMeeting response");
  return c;
}

struct fetcher {
  const moderngov_request& request;
  moderngov_result result;
  std::unique_ptr<http_client> client;
  std::string service;  // path of mgWebService.asmx on the server
  fs::path raw;
  std::vector<redirect_hop> redirects;  // of the last response fetched

  bool fail(std::string why) {
    result.error = std::move(why);
    return false;
  }

  void progress(const std::string& line) const {
    if (request.progress) request.progress(line);
  }

  bool start() {
    std::string why;
    auto server = parse_url(request.base_url, why);
    if (!server) return fail(why);
    // The folder that holds the service, or the service itself.
    std::string path = server->path;
    while (!path.empty() && path.back() == '/') path.pop_back();
    service = fold(path).ends_with("/mgwebservice.asmx") ? path : path + "/mgWebService.asmx";
    if (request.committee.empty() ||
        !std::all_of(request.committee.begin(), request.committee.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return fail(fmt::format("--committee: '{}' is not a ModernGov committee id (a number, as in CId=178 in the "
                              "address of the committee's page)",
                              request.committee));
    if (request.to < request.from)
      return fail(fmt::format("the window ends on {} before it starts on {}", request.to, request.from));
    raw = fs::path(request.dir) / "raw";
    client = std::make_unique<http_client>(*server, request.timings, request.resolve, request.allow_redirect_to_other_hosts);
    return true;
  }

  std::optional<checked_response> fetch(const std::string& target, std::string_view format, std::string_view root,
                                        std::string& body) {
    std::string why;
    auto response = client->get(target, why);
    if (!response) {
      fail(why);
      return std::nullopt;
    }
    const std::string url = client->url(target);
    checked_response c = check_response(url, *response, format, root);
    if (!c.problem.empty()) {
      fail(fmt::format("GET {}: {}", url, c.problem));
      return std::nullopt;
    }
    body = std::move(response->body);
    redirects = std::move(response->redirects);
    return c;
  }

  // Why `file` must not be written or read: its path, once every symbolic link on the way is
  // followed, is outside --out, or it is there but is not a regular file (a pipe, a device, a
  // folder). "" when it may be.
  std::string unsafe(const fs::path& file) const {
    std::error_code ec, ec2;
    const fs::path root = fs::weakly_canonical(fs::absolute(request.dir, ec), ec);
    const fs::path target = fs::weakly_canonical(fs::absolute(file, ec2), ec2);
    if (ec || ec2) return fmt::format("cannot tell where {} is: {}", file.string(), (ec ? ec : ec2).message());
    const fs::path inside = target.lexically_relative(root);
    if (inside.empty() || *inside.begin() == ".." || inside == ".")
      return fmt::format("{} resolves to {}, outside --out {} (through a symbolic link): remit writes only inside --out, "
                         "so nothing was written there",
                         file.string(), target.string(), request.dir);
    if (const auto st = fs::status(file, ec); !ec && fs::exists(st) && !fs::is_regular_file(st))
      return fmt::format("{} is there but is not a regular file: remit writes only regular files in --out", file.string());
    return {};
  }

  // Folders are made when there is something to put in them, so a run that fails at once leaves none.
  bool store(const fs::path& file, std::string_view body) {
    if (std::string why = unsafe(file); !why.empty()) return fail(std::move(why));
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) return fail(fmt::format("cannot create {}: {}", file.parent_path().string(), ec.message()));
    // Again, now that the folders are there: one may have been a link made meanwhile.
    if (std::string why = unsafe(file); !why.empty()) return fail(std::move(why));
    if (const std::string why = write_file_atomically(file.string(), body); !why.empty()) return fail(why);
    return true;
  }

  // A response and how it was reached: when redirects led to it, DIR/redirects/<file>.txt says
  // from where to where, as evidence beside the response; a record left by an earlier fetch of
  // the same file, reached directly this time, is removed.
  bool store_response(const fs::path& file, std::string_view body, const std::string& url) {
    if (!store(file, body)) return false;
    const fs::path record = fs::path(request.dir) / "redirects" / (file.filename().string() + ".txt");
    if (redirects.empty()) {
      std::error_code ec;
      if (fs::is_regular_file(fs::symlink_status(record, ec)) && unsafe(record).empty()) fs::remove(record, ec);
      return true;
    }
    std::string text = fmt::format("{} was reached through {}:\nGET {}\n", (fs::path("raw") / file.filename()).string(),
                                   counted(static_cast<long>(redirects.size()), "redirect", "redirects"), url);
    for (const redirect_hop& hop : redirects)
      text += fmt::format("{} to {}{}\n", hop.status, hop.to,
                          hop.other_host ? " (another host: followed, as --allow-redirect-to-other-hosts was given)" : "");
    ++result.redirected;
    return store(record, text);
  }

  // A stored GetMeeting response that is whole and for this meeting; `final` when it can no
  // longer change (cancelled, or minutes published). One whose meeting remit rejects is not
  // final: the council may have corrected it.
  bool stored(const fs::path& file, const std::string& id, bool& final) const {
    if (!unsafe(file).empty()) return false;  // fetched again, and refused when it is stored
    std::string why;
    const auto text = read_file(file.string(), why);
    if (!text) return false;
    const checked_response c =
        check_response(file.string(), {*text, "text/xml", {}}, moderngov::getmeeting_format, "GetMeeting");
    if (!c.problem.empty()) return false;
    final = false;
    if (c.log.events.size() == 1) {
      const event& e = c.log.events.front();
      if (c.log.strings.text(e.ref) != id) return false;
      final = e.status != event_status::confirmed;
    }
    return true;
  }

  bool run() {
    if (!start()) return false;

    // 1. The committee's meetings. GetMeetings may ignore its dates, so the window is applied here.
    const std::string listing_target =
        fmt::format("{}/GetMeetings?lCommitteeId={}&sFromDate={}&sToDate={}", service, request.committee,
                    moderngov::format_date(request.from), moderngov::format_date(request.to));
    progress("GetMeetings for committee " + request.committee);
    std::string body;
    const auto listing = fetch(listing_target, moderngov::getmeetings_format, "GetMeetings", body);
    if (!listing) return false;
    const fs::path listing_file = raw / getmeetings_file_name(request.committee, request.from, request.to);
    if (!store_response(listing_file, body, client->url(listing_target))) return false;
    result.listed = listing->log.files.back().rows_read;

    std::vector<std::pair<date, std::string>> wanted;
    std::set<std::string> seen;
    for (const event& e : listing->log.events) {
      if (e.day < request.from || e.day > request.to) continue;
      ++result.in_window;
      const std::string id(listing->log.strings.text(e.ref));
      if (!id.empty() && seen.insert(id).second) wanted.emplace_back(e.day, id);
    }
    std::sort(wanted.begin(), wanted.end());
    // Each meeting's response is kept in a file named after its id, so an id must be a plain
    // number: one like '4966/../../x' would name a file outside DIR.
    for (const auto& [day, id] : wanted)
      if (!plain_meeting_id(id))
        return fail(fmt::format("GET {}: the response lists a meeting on {} whose id '{}' is not a ModernGov meeting id (a "
                                "number of 1 to 20 digits): remit names a file after each meeting id, so it fetches none; "
                                "the response is kept in {}",
                                client->url(listing_target), day, id, listing_file.string()));

    // 2. Each meeting in full, unless an earlier run kept it.
    std::vector<std::string> detail_files;
    std::size_t n = 0;
    for (const auto& [day, id] : wanted) {
      ++n;
      const fs::path file = raw / getmeeting_file_name(id);
      detail_files.push_back(file.string());
      bool final = true;
      if (stored(file, id, final) && (final || !request.refresh)) {
        ++result.already_stored;
        continue;
      }
      progress(fmt::format("GetMeeting {} of {}: meeting {} on {}", n, wanted.size(), id, day));
      const auto detail = fetch(fmt::format("{}/GetMeeting?lMeetingId={}", service, id), moderngov::getmeeting_format,
                                "GetMeeting", body);
      if (!detail) return false;
      if (detail->log.events.size() == 1 && detail->log.strings.text(detail->log.events.front().ref) != id)
        return fail(fmt::format("GET {}: expected the GetMeeting response for meeting {}, got meeting {}",
                                client->url(fmt::format("{}/GetMeeting?lMeetingId={}", service, id)), id,
                                detail->log.strings.text(detail->log.events.front().ref)));
      if (!store_response(file, body, client->url(fmt::format("{}/GetMeeting?lMeetingId={}", service, id)))) return false;
      ++result.fetched;
    }

    // 3. The canonical log, read from what is stored, exactly as `remit import` would read it.
    std::vector<std::string> paths{listing_file.string()};
    paths.insert(paths.end(), detail_files.begin(), detail_files.end());
    diagnostics diags;
    event_log log;
    read_log_files(paths, log, diags);
    if (!diags.empty()) {
      const diagnostic d = diags.sorted().front();
      std::string text = render(d);
      while (!text.empty() && text.back() == '\n') text.pop_back();
      return fail(text);
    }
    // Listed meetings outside the window that no GetMeeting response replaced.
    log.erase_events([&](std::uint32_t i) {
      const event& e = log.events[i];
      return e.source == 0 && (e.day < request.from || e.day > request.to);
    });
    for (const log_file_summary& f : log.files) {
      for (const rejected_row& r : f.rejected) result.messages.push_back(fmt::format("{}:{}: {}", f.path, r.line, r.reason));
      for (const log_note& note : f.notes)
        if (note.line) result.messages.push_back(fmt::format("{}:{}: note: {}", f.path, note.line, note.text));
    }
    if (const std::size_t rejected = log.rows_rejected(); rejected > 0 && !request.accept_partial)
      return fail(fmt::format("{} rejected, so {} was not written; the responses are kept in {}. Pass --accept-partial "
                              "to write the meetings that were read",
                              rejected == 1 ? std::string("1 meeting was") : fmt::format("{} meetings were", rejected),
                              (fs::path(request.dir) / "meetings.csv").string(), raw.string()));
    const fs::path log_file = fs::path(request.dir) / "meetings.csv";
    if (!store(log_file, canonical_csv(log))) return false;
    result.rows = log.events.size();
    result.log_path = log_file.string();
    return true;
  }
};

}  // namespace

moderngov_result fetch_moderngov(const moderngov_request& request) {
  fetcher f{request, {}, nullptr, {}, {}, {}};
  f.run();
  return std::move(f.result);
}

}  // namespace remit::fetch
