// ModernGov XML: the GetMeetings and GetMeeting responses of mgWebService.asmx, recognised by
// their root element. docs/inputs.md ("ModernGov XML") gives the mapping field by field.
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "core/text.hpp"
#include "inputs/moderngov.hpp"
#include "inputs/reader.hpp"

namespace remit {

namespace moderngov {

std::optional<date> parse_date(std::string_view t) {
  if (t.size() != 10 || t[2] != '/' || t[5] != '/') return std::nullopt;
  // The same check as yyyy-mm-dd, on the same digits reordered.
  const std::string iso = fmt::format("{}-{}-{}", t.substr(6, 4), t.substr(3, 2), t.substr(0, 2));
  return parse_iso_date(iso);
}

std::string explain_bad_date(std::string_view t) {
  const auto digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (t.size() != 10 || t[2] != '/' || t[5] != '/' || !digits(t.substr(0, 2)) || !digits(t.substr(3, 2)) ||
      !digits(t.substr(6, 4)))
    return fmt::format("'{}' is not a date in the form dd/mm/yyyy", t);
  // explain_bad_iso_date says what is wrong with the day, month or year; quote the text as written.
  const std::string iso = fmt::format("{}-{}-{}", t.substr(6, 4), t.substr(3, 2), t.substr(0, 2));
  std::string why = explain_bad_iso_date(iso);
  const std::string quoted = fmt::format("'{}'", iso);
  if (why.starts_with(quoted)) why = fmt::format("'{}'", t) + why.substr(quoted.size());
  return why;
}

std::string format_date(date d) {
  const auto ymd = d.ymd();
  return fmt::format("{:02}/{:02}/{:04}", static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
                     static_cast<int>(ymd.year()));
}

}  // namespace moderngov

namespace {

using namespace moderngov;

// pugixml reports positions as byte offsets; people read lines.
class line_index {
 public:
  explicit line_index(std::string_view text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }
  std::uint32_t line(std::ptrdiff_t offset) const {
    if (offset < 0) return 0;
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), static_cast<std::size_t>(offset));
    return static_cast<std::uint32_t>(it - starts_.begin());
  }
  std::size_t start(std::uint32_t line) const { return starts_[line - 1]; }

 private:
  std::vector<std::size_t> starts_;
};

std::string_view text_of(pugi::xml_node parent, const char* child) { return trim(parent.child(child).text().get()); }

// ModernGov's words for attendance, in any case, with or without their commas:
// "Present", "Present, virtual", "Present as substitute", "Present, as substitute, virtual",
// "In attendance", "In attendance, virtual", "Apologies", "Absent", "Expected".
std::optional<attendance_status> attendance_from(std::string_view word) {
  std::string w(word);
  std::replace(w.begin(), w.end(), ',', ' ');
  w = fold(w);
  const bool remote = w.find("virtual") != std::string::npos;
  if (w.empty() || w == "expected") return attendance_status::expected;
  if (w.starts_with("present")) {
    if (w.find("substitute") != std::string::npos)
      return remote ? attendance_status::substitute_virtually : attendance_status::substitute;
    return remote ? attendance_status::present_virtually : attendance_status::present;
  }
  if (w.starts_with("in attendance"))
    return remote ? attendance_status::in_attendance_virtually : attendance_status::in_attendance;
  if (w.starts_with("apologies")) return attendance_status::apologies;
  if (w == "absent") return attendance_status::absent;
  return std::nullopt;
}

struct meeting_reader {
  event_log& log;
  log_file_summary& summary;
  const line_index& lines;

  // The parts of a <meeting> both responses share: id, date and status. Returns why not, or "".
  std::string read_common(pugi::xml_node m, event& e, bool minutes_published) {
    const std::string_view day = text_of(m, "meetingdate");
    if (day.empty()) return "missing meetingdate";
    const auto d = parse_date(day);
    if (!d) return "meetingdate: " + explain_bad_date(day);
    e.day = *d;
    // ModernGov's meeting time, `10.00 am`, when the response gives one (both GetMeetings and
    // GetMeeting do); none is a time not recorded.
    if (const std::string_view time = text_of(m, "meetingtime"); !time.empty()) {
      const auto t = parse_moderngov_time(time);
      if (!t) return fmt::format("meetingtime: '{}' is not a time such as 10.00 am, 2.30 pm or 14:30", time);
      e.time = *t;
    }
    const std::string_view status = text_of(m, "meetingstatus");
    const std::string folded = fold(status);
    if (folded.empty()) return "missing meetingstatus";
    if (folded == "confirmed")
      e.status = minutes_published ? event_status::held : event_status::confirmed;
    else if (folded == "cancelled")
      e.status = event_status::cancelled;
    else if (folded == "postponed")
      e.status = event_status::postponed;
    else
      return fmt::format("unknown meetingstatus '{}': expected Confirmed, Cancelled or Postponed", status);
    e.kind = event_kind::meeting;
    // The title stays empty: the responses give a meeting no title of its own, so a meeting's title
    // reads as not recorded (the title forms give no-evidence), as a CSV row's empty title does.
    return {};
  }

  event start(pugi::xml_node m) {
    event e;
    e.source = static_cast<std::uint16_t>(log.files.size() - 1);
    e.line = lines.line(m.offset_debug());
    return e;
  }

  void add(event& e, std::string_view ref, std::string_view body) {
    e.ref = log.strings.intern(ref);
    e.body = log.strings.intern(body);
    log.events.push_back(e);
    ++summary.rows_used;
  }

  void reject(const event& e, std::string reason) { summary.reject(e.line, std::move(reason)); }

  // GetMeetings: <getmeetings><committee><committeetitle/><committeemeetings><meeting/>...
  void read_listing(pugi::xml_node root) {
    std::size_t listed = 0;
    for (pugi::xml_node committee : root.children("committee")) {
      const std::string_view body = text_of(committee, "committeetitle");
      for (pugi::xml_node m : committee.child("committeemeetings").children("meeting")) {
        ++listed;
        ++summary.rows_read;
        event e = start(m);
        std::string why = body.empty() ? fmt::format("the committee (committeeid {}) has no committeetitle",
                                                     text_of(committee, "committeeid"))
                                       : read_common(m, e, false);
        if (!why.empty()) {
          reject(e, std::move(why));
          continue;
        }
        e.items_first = static_cast<std::uint32_t>(log.items.size());
        add(e, text_of(m, "meetingid"), body);
      }
    }
    // A response cut short can still be well-formed XML; its own count gives it away.
    const std::string_view declared = text_of(root, "meetingscount");
    std::size_t count = 0;
    const auto [end, ec] = std::from_chars(declared.data(), declared.data() + declared.size(), count);
    if (!declared.empty() && (ec != std::errc{} || end != declared.data() + declared.size() || count != listed))
      summary.notes.push_back({lines.line(root.child("meetingscount").offset_debug()),
                               fmt::format("the response says it lists {} meetings (meetingscount) but lists {}",
                                           declared, listed)});
  }

  // GetMeeting: one <meeting> with agenda items, their linked documents and the attendees.
  void read_detail(pugi::xml_node m) {
    ++summary.rows_read;
    event e = start(m);
    const bool minutes = fold(text_of(m, "minutepublished")) == "true";
    if (std::string why = read_common(m, e, minutes); !why.empty()) return reject(e, std::move(why));

    // The agenda's publication: the earliest publicationdate of this meeting's documents,
    // leaving out documents of other meetings and papers published after it (minutes). The
    // committee: GetMeeting does not name it, but its documents may.
    const bool agenda_published = fold(text_of(m, "agendapublished")) != "false";
    std::string_view committee;
    for (pugi::xpath_node x : m.select_nodes(".//linkeddoc")) {
      const pugi::xml_node doc = x.node();
      const std::string_view doc_meeting = text_of(doc, "meetingdate");
      if (!doc_meeting.empty() && parse_date(doc_meeting) != e.day) continue;
      if (committee.empty()) committee = text_of(doc, "committeetitle");
      const std::string_view published = text_of(doc, "publicationdate");
      if (published.empty()) continue;
      const auto p = parse_date(published);
      if (!p)
        return reject(e, fmt::format("publicationdate of the document '{}': {}", text_of(doc, "title"),
                                     explain_bad_date(published)));
      if (agenda_published && *p <= e.day && (e.published == no_date || *p < e.published)) e.published = *p;
    }

    e.items_first = static_cast<std::uint32_t>(log.items.size());
    std::vector<string_pool::id> items;
    // An item's outcome is not recorded: ModernGov's <isdecision> says only whether an item is a
    // decision, and its minutes are free text (docs/inputs.md, "Outcomes"). So `approves` gives
    // no-evidence on a ModernGov log, never a pass.
    for (pugi::xml_node item : m.child("agendaitems").children("agendaitem"))
      if (const std::string_view title = text_of(item, "agendaitemtitle"); !title.empty())
        items.push_back(log.strings.intern(title));

    std::vector<attendance> attendees;
    const auto index = static_cast<std::uint32_t>(log.events.size());
    for (pugi::xml_node a : m.child("attendees").children("attendee")) {
      const std::string_view person = trim(a.attribute("name").value());
      if (person.empty())
        return reject(e, fmt::format("an attendee (memberid {}) has no name", a.attribute("memberid").value()));
      const std::string_view word = trim(a.attribute("attendance").value());
      const auto status = attendance_from(word);
      if (!status)
        return reject(e, fmt::format("attendee '{}': unknown attendance '{}': expected Expected, Present, Present as "
                                     "substitute, In attendance (each may add 'virtual'), Apologies or Absent",
                                     person, word));
      attendees.push_back({index, log.strings.intern(person), log.strings.intern(trim(a.attribute("roledescription").value())),
                           *status});
    }
    if (items.size() > 0xFFFF) return reject(e, fmt::format("{} agenda items: a meeting may have at most 65,535", items.size()));
    log.items.insert(log.items.end(), items.begin(), items.end());
    e.items_count = static_cast<std::uint16_t>(items.size());
    log.attendances.insert(log.attendances.end(), attendees.begin(), attendees.end());
    // With no committee from its documents, the listing read alongside names it (join_records),
    // or the meeting is rejected there.
    add(e, text_of(m, "meetingid"), committee);
  }
};

// The line of the first byte that is not UTF-8, or 0.
std::uint32_t first_bad_utf8_line(std::string_view text) {
  std::uint32_t line = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (!valid_utf8(text.substr(start, end - start))) return line;
    start = end + 1;
    ++line;
  }
  return 0;
}

void read_moderngov(std::string_view text, event_log& log, log_file_summary& summary, diagnostics& diags) {
  const std::string& path = summary.path;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const line_index lines(text);
  if (const std::uint32_t bad = first_bad_utf8_line(text); bad || text.find('\0') != std::string_view::npos) {
    diags.error({path, bad, 0}, "the file is not valid UTF-8 text");
    return;
  }
  pugi::xml_document doc;
  // No DOCTYPE processing and no external entities: a log is data, never fetched from elsewhere.
  const pugi::xml_parse_result parsed =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0));
    const std::uint32_t line = lines.line(static_cast<std::ptrdiff_t>(std::min(offset, text.size())));
    const line_at at = locate_in_line(text, lines.start(line), std::min(offset, text.size()));
    std::string what = parsed.description();
    if (!what.empty()) what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    // A response cut off in transfer fails at its very end; say so, as that is the likely cause.
    if (offset >= text.size()) what += " at the end of the text, which may be cut short";
    // A line of a minified file can be a whole response long: show it only when it reads.
    diags.error({path, line, at.column}, "malformed XML: " + what,
                at.line.size() <= 200 ? std::string(at.line) : std::string{});
    return;
  }
  const pugi::xml_node root = doc.document_element();
  const std::string_view element = root.name();
  meeting_reader reader{log, summary, lines};
  if (element == "getmeetings") {
    summary.format = getmeetings_format;
    reader.read_listing(root);
  } else if (element == "meeting") {
    summary.format = getmeeting_format;
    reader.read_detail(root);
  } else {
    std::string why = fmt::format("unknown root element <{}>: expected a ModernGov GetMeetings response (<getmeetings>) "
                                  "or GetMeeting response (<meeting>)",
                                  element);
    if (element == "committees") why += "; this is a GetCommittees response, which lists committees, not meetings";
    if (fold(element) == "html") why += "; this is a web page";
    diags.error({path, lines.line(root.offset_debug()), 0}, std::move(why));
  }
}

// ModernGov responses start with an XML declaration or their root element.
bool claims_xml(std::string_view, std::string_view content) {
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
  content = trim(content);
  return content.starts_with("<");
}

}  // namespace

const log_reader moderngov_log_reader{"moderngov", claims_xml, read_moderngov};

}  // namespace remit
