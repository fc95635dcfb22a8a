#include "fetch/moderngov_fetch.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/files.hpp"
#include "core/output_file.hpp"
#include "core/text.hpp"
#include "inputs/csv_writer.hpp"
#include "inputs/moderngov.hpp"
#include "inputs/reader.hpp"

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

  // A file this run would replace or remove, found to be not one that remit fetch wrote: it is
  // someone's, so the run stops and leaves it as it is.
  bool foreign(const fs::path& file, std::string_view what, const std::string& why) {
    return fail(fmt::format("{} is not {} that remit fetch wrote ({}): remit leaves it as it is; move it out of --out, or "
                            "fetch into another folder",
                            file.string(), what, why));
  }

  // Whether `file`, when it is there, is a response remit fetch kept: this run may replace it.
  bool own_response(const fs::path& file, std::string_view format, std::string_view root) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(file, ec)) || !unsafe(file).empty()) return true;  // store() says why not
    std::string why;
    const auto text = read_file(file.string(), why);
    if (!text) return foreign(file, fmt::format("a {} response", root), why);
    const checked_response c = check_response(file.string(), {*text, "text/xml", {}}, format, root);
    return c.problem.empty() || foreign(file, fmt::format("a {} response", root), c.problem);
  }

  // Whether the record of a redirect at `record`, when there, is one remit fetch wrote.
  bool own_redirect_record(const fs::path& record, const fs::path& response) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(record, ec)) || !unsafe(record).empty()) return true;
    std::string why;
    const auto text = read_file(record.string(), why);
    const std::string start = (fs::path("raw") / response.filename()).string() + " was reached through ";
    if (!text) return foreign(record, "a record of a redirect", why);
    return text->starts_with(start) || foreign(record, "a record of a redirect", "it does not start '" + start + "'");
  }

  // DIR/meetings.csv as an earlier run wrote it, read into `old`: the canonical log's header, every
  // row read and used, and each meeting id, when there is one, a ModernGov id given once. Anything
  // else is not a log this run may merge into and replace. True when it is, or is not there.
  bool read_own_log(const fs::path& file, event_log& old, std::map<std::string, std::string>& rows) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(file, ec))) return true;
    if (std::string why = unsafe(file); !why.empty()) return fail(std::move(why));
    std::string why;
    const auto text = read_file(file.string(), why);
    if (!text) return foreign(file, "a log", why);
    if (!text->starts_with(canonical_csv_header) && !text->starts_with(canonical_csv_timed_header))
      return foreign(file, "a log", fmt::format("its first line is not the header '{}'",
                                                canonical_csv_header.substr(0, canonical_csv_header.size() - 1)));
    diagnostics diags;
    old.files.push_back({file.string(), std::string(csv_log_reader.name), 0, 0, {}});
    csv_log_reader.read(*text, old, old.files.back(), diags);
    if (!diags.empty()) return foreign(file, "a log", diags.sorted().front().message);
    const log_file_summary& f = old.files.back();
    if (!f.rejected.empty())
      return foreign(file, "a log", fmt::format("line {}: {}", f.rejected.front().line, f.rejected.front().reason));
    if (f.rows_read != old.events.size()) return foreign(file, "a log", "not every row of it is a meeting");
    for (std::uint32_t i = 0; i < old.events.size(); ++i) {
      const event& e = old.events[i];
      const std::string ref(old.strings.text(e.ref));
      if (!ref.empty() && !plain_meeting_id(ref))
        return foreign(file, "a log", fmt::format("line {}: '{}' is not a ModernGov meeting id", e.line, ref));
      std::string row = canonical_csv_row(old, i, true);  // with the time column, as merge_into compares
      std::string key = merge_key(ref, row);
      if (!rows.emplace(std::move(key), std::move(row)).second)
        return foreign(file, "a log",
                       fmt::format("line {}: {} is there twice", e.line,
                                   ref.empty() ? std::string("the same row") : fmt::format("meeting {}", ref)));
    }
    return true;
  }

  // Meetings are merged by ModernGov id; a row without one (a listed meeting with no id) only
  // with the same row.
  static std::string merge_key(const std::string& ref, const std::string& row) { return ref.empty() ? "row " + row : ref; }

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
  bool store_response(const fs::path& file, std::string_view body, const std::string& url, std::string_view format,
                      std::string_view root) {
    const fs::path record = fs::path(request.dir) / "redirects" / (file.filename().string() + ".txt");
    if (!own_response(file, format, root) || !own_redirect_record(record, file) || !store(file, body)) return false;
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

  // A stored GetMeeting response that is whole and for this meeting (`kept`); `final` when it can
  // no longer change (cancelled, or minutes published). One whose meeting remit rejects is not
  // final: the council may have corrected it. A file there that is not such a response is not
  // remit's: the run ends (`foreign`), leaving it as it is.
  enum class stored_response { none, kept, foreign };
  stored_response stored(const fs::path& file, const std::string& id, bool& final) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(file, ec))) return stored_response::none;
    if (!unsafe(file).empty()) return stored_response::none;  // fetched again, and refused when it is stored
    const std::string what = fmt::format("the GetMeeting response for meeting {}", id);
    std::string why;
    const auto text = read_file(file.string(), why);
    if (!text) return foreign(file, what, why), stored_response::foreign;
    const checked_response c =
        check_response(file.string(), {*text, "text/xml", {}}, moderngov::getmeeting_format, "GetMeeting");
    if (!c.problem.empty()) return foreign(file, what, c.problem), stored_response::foreign;
    final = false;
    if (c.log.events.size() == 1) {
      const event& e = c.log.events.front();
      if (c.log.strings.text(e.ref) != id)
        return foreign(file, what, fmt::format("it is for meeting {}", c.log.strings.text(e.ref))), stored_response::foreign;
      final = e.status != event_status::confirmed;
    }
    return stored_response::kept;
  }

  bool run() {
    if (!start()) return false;
    // A meetings.csv that is not remit's stops the run before any request, as it would at the end.
    const fs::path log_file = fs::path(request.dir) / "meetings.csv";
    {
      event_log old;
      std::map<std::string, std::string> rows;
      if (!read_own_log(log_file, old, rows)) return false;
    }

    // 1. The committee's meetings. GetMeetings may ignore its dates, so the window is applied here.
    const std::string listing_target =
        fmt::format("{}/GetMeetings?lCommitteeId={}&sFromDate={}&sToDate={}", service, request.committee,
                    moderngov::format_date(request.from), moderngov::format_date(request.to));
    progress("GetMeetings for committee " + request.committee);
    std::string body;
    const auto listing = fetch(listing_target, moderngov::getmeetings_format, "GetMeetings", body);
    if (!listing) return false;
    const fs::path listing_file = raw / getmeetings_file_name(request.committee, request.from, request.to);
    if (!store_response(listing_file, body, client->url(listing_target), moderngov::getmeetings_format, "GetMeetings"))
      return false;
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
      const stored_response kept = stored(file, id, final);
      if (kept == stored_response::foreign) return false;
      if (kept == stored_response::kept && (final || !request.refresh)) {
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
      if (!store_response(file, body, client->url(fmt::format("{}/GetMeeting?lMeetingId={}", service, id)),
                          moderngov::getmeeting_format, "GetMeeting"))
        return false;
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
    if (!merge_into(log_file, log)) return false;
    result.log_path = log_file.string();
    return true;
  }

  // Writes `fetched` into DIR/meetings.csv, merged by meeting id with what an earlier run wrote
  // there: a meeting only there is kept, one of this run is added, and one in both is this
  // run's, read from the newer response (docs/inputs.md, "Running again").
  bool merge_into(const fs::path& log_file, const event_log& fetched) {
    event_log old;
    std::map<std::string, std::string> old_rows;
    if (!read_own_log(log_file, old, old_rows)) return false;
    if (old.files.empty()) {
      if (!store(log_file, canonical_csv(fetched))) return false;
      result.rows = result.added = fetched.events.size();
      return true;
    }
    result.merged = true;
    // Every row with the time column, old and new alike; canonical_csv below keeps it if any row has a time.
    std::string text(canonical_csv_timed_header);
    std::set<std::string> fetched_keys;
    for (std::uint32_t i = 0; i < fetched.events.size(); ++i) {
      const std::string row = canonical_csv_row(fetched, i, true);
      const std::string key = merge_key(std::string(fetched.strings.text(fetched.events[i].ref)), row);
      fetched_keys.insert(key);
      const auto was = old_rows.find(key);
      ++(was == old_rows.end() ? result.added : was->second == row ? result.unchanged : result.updated);
      text += row;
    }
    for (const auto& [key, row] : old_rows)
      if (!fetched_keys.contains(key)) {
        ++result.kept;
        text += row;
      }
    // Read back as the log it is, so that canonical_csv puts every row in its place.
    event_log merged;
    diagnostics diags;
    merged.files.push_back({log_file.string(), std::string(csv_log_reader.name), 0, 0, {}});
    csv_log_reader.read(text, merged, merged.files.back(), diags);
    if (!diags.empty() || merged.files.back().rows_rejected > 0 || merged.events.size() != old_rows.size() + result.added)
      return fail(fmt::format("the meetings of this run and of {} could not be merged: it is left as it is", log_file.string()));
    if (!store(log_file, canonical_csv(merged))) return false;
    result.rows = merged.events.size();
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
