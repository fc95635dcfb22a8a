// One meeting, several ModernGov responses: the committee's GetMeetings listing names the
// committee, the meeting's own GetMeeting response has everything else. Counting both would
// count the meeting twice, so they are joined into one event here, after every log is read.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "inputs/moderngov.hpp"

namespace remit::moderngov {

namespace {

struct joiner {
  event_log& log;
  diagnostics& diags;
  std::vector<bool> drop = std::vector<bool>(log.events.size(), false);
  std::map<std::uint16_t, std::size_t> joined_per_listing = {};

  const std::string& path(const event& e) const { return log.files[e.source].path; }
  std::string where(const event& e) const { return fmt::format("{}:{}", path(e), e.line); }
  void note(const event& e, std::string text) { log.files[e.source].notes.push_back({e.line, std::move(text)}); }

  // What two records of one meeting say differently, in words ("" when they agree).
  std::string differences(std::uint32_t a, std::uint32_t b) const {
    const event& x = log.events[a];
    const event& y = log.events[b];
    std::vector<std::string> what;
    if (x.day != y.day) what.push_back(fmt::format("date {} or {}", x.day, y.day));
    if (x.status != y.status) what.push_back(fmt::format("status {} or {}", name(x.status), name(y.status)));
    if (x.body != y.body)
      what.push_back(fmt::format("committee \"{}\" or \"{}\"", log.strings.text(x.body), log.strings.text(y.body)));
    if (x.published != y.published) what.push_back("agenda publication");
    const auto xi = log.items_of(x), yi = log.items_of(y);
    if (!std::equal(xi.begin(), xi.end(), yi.begin(), yi.end())) what.push_back("agenda items");
    const auto xa = log.attendance_of(a), ya = log.attendance_of(b);
    if (!std::equal(xa.begin(), xa.end(), ya.begin(), ya.end(), [](const attendance& p, const attendance& q) {
          return p.person == q.person && p.role == q.role && p.status == q.status;
        }))
      what.push_back("attendees");
    std::string out;
    for (const std::string& w : what) out += (out.empty() ? "" : ", ") + w;
    return out;
  }

  // Of several copies of one response, keeps the first; copies that differ are an error.
  std::optional<std::uint32_t> one_of(const std::vector<std::uint32_t>& copies, std::string_view ref,
                                      std::string_view response) {
    if (copies.empty()) return std::nullopt;
    const std::uint32_t kept = copies.front();
    for (std::size_t i = 1; i < copies.size(); ++i) {
      const event& copy = log.events[copies[i]];
      if (const std::string differ = differences(kept, copies[i]); !differ.empty()) {
        diags.error({path(copy), copy.line, 0},
                    fmt::format("ModernGov meeting {} is also in the {} response {}, which says otherwise ({}): "
                                "give only one of them",
                                ref, response, where(log.events[kept]), differ));
        continue;
      }
      note(copy, fmt::format("ModernGov meeting {} is also in {}: counted once", ref, where(log.events[kept])));
      drop[copies[i]] = true;
    }
    return kept;
  }

  void join(std::string_view ref, const std::vector<std::uint32_t>& listings, const std::vector<std::uint32_t>& details) {
    const auto listing = one_of(listings, ref, "GetMeetings");
    const auto detail = one_of(details, ref, "GetMeeting");
    if (!detail) return;
    event& d = log.events[*detail];
    if (listing) {
      const event& l = log.events[*listing];
      std::vector<std::string> differ;
      if (l.day != d.day) differ.push_back(fmt::format("on {}", l.day));
      // The listing never knows of minutes, so its "confirmed" agrees with "held".
      const bool agree = l.status == d.status || (l.status == event_status::confirmed && d.status == event_status::held);
      if (!agree) differ.push_back(fmt::format("as {}", name(l.status)));
      if (d.body && d.body != l.body)
        differ.push_back(fmt::format("for \"{}\" (its documents say \"{}\")", log.strings.text(l.body),
                                     log.strings.text(d.body)));
      if (!differ.empty()) {
        std::string said;
        for (const std::string& s : differ) said += (said.empty() ? "" : ", ") + s;
        note(d, fmt::format("ModernGov meeting {} is listed {} in {}: this GetMeeting response is used, with the "
                            "listing's committee",
                            ref, said, where(l)));
      }
      d.body = l.body;
      drop[*listing] = true;
      ++joined_per_listing[l.source];
    }
    if (!d.body) reject(*detail, ref);
  }

  void reject(std::uint32_t index, std::string_view ref) {
    const event& e = log.events[index];
    log_file_summary& f = log.files[e.source];
    f.reject(e.line, ref.empty() ? std::string("the GetMeeting response names neither the meeting nor its committee")
                                 : fmt::format("the GetMeeting response for meeting {} does not name its committee: read "
                                               "it with the committee's GetMeetings response",
                                               ref));
    --f.rows_used;
    drop[index] = true;
  }

  void run() {
    // By meeting id, in a fixed order; each list in log order (file, then line).
    std::map<std::string_view, std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>>> by_ref;
    for (std::uint32_t i = 0; i < log.events.size(); ++i) {
      const event& e = log.events[i];
      const std::string_view format = log.files[e.source].format;
      const bool listing = format == getmeetings_format;
      if (!listing && format != getmeeting_format) continue;
      if (!e.ref) {
        if (!listing && !e.body) reject(i, "");
        continue;
      }
      auto& group = by_ref[log.strings.text(e.ref)];
      (listing ? group.first : group.second).push_back(i);
    }
    for (const auto& [ref, group] : by_ref) join(ref, group.first, group.second);
    for (const auto& [source, n] : joined_per_listing)
      log.files[source].notes.push_back(
          {0, fmt::format("{} listed here {} also given in full by GetMeeting responses read alongside: one "
                          "event each, from the GetMeeting response",
                          counted(static_cast<long>(n), "meeting", "meetings"), n == 1 ? "is" : "are")});
    log.erase_events([&](std::uint32_t i) { return drop[i]; });
    for (log_file_summary& f : log.files)
      std::stable_sort(f.notes.begin(), f.notes.end(), [](const log_note& a, const log_note& b) { return a.line < b.line; });
  }
};

}  // namespace

void join_records(event_log& log, diagnostics& diags) {
  // Only ModernGov responses have records to join: a national CSV log is not walked for them.
  if (std::none_of(log.files.begin(), log.files.end(), [](const log_file_summary& f) { return f.format == getmeetings_format || f.format == getmeeting_format; }))
    return;
  joiner{log, diags}.run();
}

}  // namespace remit::moderngov
