// ModernGov XML as a meeting log (docs/inputs.md, "ModernGov XML"): the real GetMeetings and
// GetMeeting responses in tests/fixtures/moderngov/, and small responses that break one rule each.
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "fixture_files.hpp"
#include "inputs/moderngov.hpp"
#include "inputs/reader.hpp"
#include "support.hpp"

using namespace remit;
using remit::test::d;
using remit::test::fixture;
using Catch::Matchers::Contains;

namespace {

const std::string listing = fixture("moderngov/lgsf_GetMeetings.xml");
const std::string with_minutes = fixture("moderngov/lgsf_GetMeeting_with_minutes.xml");
const std::string no_minutes = fixture("moderngov/lgsf_GetMeeting_no_minutes.xml");
const std::string committees = fixture("moderngov/lgsf_GetCommittees.xml");

struct read_result {
  event_log log;
  diagnostics diags;
  std::string rendered() const {
    std::ostringstream out;
    diags.render(out);
    return out.str();
  }
};

read_result read_files(const std::vector<std::string>& paths) {
  read_result r;
  read_log_files(paths, r.log, r.diags);
  return r;
}

// Reads a response held in a string, as the file "test.xml".
read_result read_xml(std::string_view xml) {
  read_result r;
  r.log.files.push_back({"test.xml", "moderngov", 0, 0, {}});
  moderngov_log_reader.read(xml, r.log, r.log.files.back(), r.diags);
  moderngov::join_records(r.log, r.diags);
  return r;
}

std::string text(const event_log& log, string_pool::id id) { return std::string(log.strings.text(id)); }

std::vector<std::string> items(const event_log& log, const event& e) {
  std::vector<std::string> out;
  for (string_pool::id i : log.items_of(e)) out.emplace_back(log.strings.text(i));
  return out;
}

const event& by_ref(const event_log& log, std::string_view ref) {
  for (const event& e : log.events)
    if (log.strings.text(e.ref) == ref) return e;
  FAIL("no event with ref " << ref);
  return log.events.front();
}

// A GetMeeting response with the given status, minutes flag and inner XML.
std::string meeting_xml(std::string_view inner, std::string_view date = "10/02/2026", std::string_view status = "Confirmed") {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<meeting>\n  <meetingid>77</meetingid>\n  <meetingdate>" +
         std::string(date) + "</meetingdate>\n  <meetingstatus>" + std::string(status) + "</meetingstatus>\n" +
         std::string(inner) + "</meeting>\n";
}

std::string doc_xml(std::string_view published, std::string_view meeting = "10/02/2026", std::string_view committee = "Board") {
  return "<linkeddoc><title>Paper</title><publicationdate>" + std::string(published) + "</publicationdate><meetingdate>" +
         std::string(meeting) + "</meetingdate><committeetitle>" + std::string(committee) + "</committeetitle></linkeddoc>";
}

}  // namespace

TEST_CASE("ModernGov dates are dd/mm/yyyy and must be real dates", "[moderngov][dates]") {
  CHECK(moderngov::parse_date("10/02/2026") == d("2026-02-10"));
  CHECK(moderngov::parse_date("29/02/2024") == d("2024-02-29"));
  CHECK_FALSE(moderngov::parse_date("29/02/2026").has_value());
  CHECK_FALSE(moderngov::parse_date("2026-02-10").has_value());
  CHECK_FALSE(moderngov::parse_date("1/2/2026").has_value());
  CHECK(moderngov::explain_bad_date("31/02/2026") == "'31/02/2026' is not a date: February 2026 has no day 31");
  CHECK(moderngov::explain_bad_date("10/13/2026") == "'10/13/2026' is not a date: there is no month 13");
  CHECK(moderngov::explain_bad_date("2026-02-10") == "'2026-02-10' is not a date in the form dd/mm/yyyy");
  CHECK(moderngov::format_date(d("2026-01-05")) == "05/01/2026");
}

TEST_CASE("GetMeetings: each meeting of the committee is an event of the committee", "[moderngov][getmeetings]") {
  const read_result r = read_files({listing});
  CHECK(r.diags.empty());
  REQUIRE(r.log.files.size() == 1);
  const log_file_summary& f = r.log.files[0];
  CHECK(f.format == "moderngov-getmeetings");
  CHECK(f.rows_read == 2u);
  CHECK(f.rows_used == 2u);
  CHECK(f.rejected.empty());
  REQUIRE(r.log.events.size() == 2);

  const event& cancelled = by_ref(r.log, "4966");
  CHECK(text(r.log, cancelled.body) == "Audit Committee");
  CHECK(cancelled.day == d("2026-01-13"));
  CHECK(cancelled.status == event_status::cancelled);
  CHECK(cancelled.kind == event_kind::meeting);
  CHECK(cancelled.line == 10u);

  // A listing knows nothing of minutes: a confirmed meeting stays confirmed.
  const event& confirmed = by_ref(r.log, "4967");
  CHECK(confirmed.day == d("2026-02-10"));
  CHECK(confirmed.status == event_status::confirmed);
  CHECK(confirmed.held_meeting());
  CHECK(confirmed.line == 17u);
  CHECK(confirmed.published == no_date);
  CHECK(confirmed.items_count == 0u);
  CHECK(r.log.attendances.empty());
}

TEST_CASE("GetMeeting: the whole meeting, with items, publication date and attendees", "[moderngov][getmeeting]") {
  const read_result r = read_files({with_minutes});
  CHECK(r.diags.empty());
  REQUIRE(r.log.events.size() == 1);
  CHECK(r.log.files[0].format == "moderngov-getmeeting");
  const event& e = r.log.events[0];
  CHECK(text(r.log, e.ref) == "4967");
  CHECK(e.day == d("2026-02-10"));
  // Confirmed, and its minutes are published: held.
  CHECK(e.status == event_status::held);
  CHECK(e.published == d("2026-02-02"));
  CHECK(items(r.log, e) == std::vector<std::string>{"Minutes", "Work Programme"});
  // GetMeeting does not name its committee, but its documents do.
  CHECK(text(r.log, e.body) == "Audit Committee");
  CHECK(e.line == 2u);
  const auto people = r.log.attendance_of(0);
  REQUIRE(people.size() == 1);
  CHECK(text(r.log, people[0].person) == "Councillor Basil Curley");
  CHECK(text(r.log, people[0].role) == "Committee Member");
  CHECK(people[0].status == attendance_status::expected);
}

TEST_CASE("a GetMeeting response that names no committee needs its committee's GetMeetings response",
          "[moderngov][join]") {
  SECTION("alone it is rejected, with its line") {
    const read_result r = read_files({no_minutes});
    CHECK(r.diags.empty());
    CHECK(r.log.events.empty());
    const log_file_summary& f = r.log.files[0];
    REQUIRE(f.rejected.size() == 1);
    CHECK(f.rejected[0].line == 2u);
    CHECK_THAT(f.rejected[0].reason, Contains("meeting 4966") && Contains("GetMeetings"));
    CHECK(f.rows_read == f.rows_used + f.rejected.size());
  }
  SECTION("with the listing, in either order, it is one cancelled meeting of the committee") {
    for (const auto& paths : {std::vector{listing, no_minutes}, std::vector{no_minutes, listing}}) {
      const read_result r = read_files(paths);
      CHECK(r.diags.empty());
      CHECK(r.log.rows_rejected() == 0u);
      REQUIRE(r.log.events.size() == 2);
      const event& e = by_ref(r.log, "4966");
      CHECK(text(r.log, e.body) == "Audit Committee");
      CHECK(e.status == event_status::cancelled);
      CHECK(r.log.files[e.source].path == no_minutes);
      CHECK(r.log.attendance_of(static_cast<std::uint32_t>(&e - r.log.events.data())).size() == 1);
    }
  }
}

TEST_CASE("the listing and both meetings together: one event per meeting, from GetMeeting", "[moderngov][join]") {
  const read_result r = read_files({listing, with_minutes, no_minutes});
  CHECK(r.diags.empty());
  REQUIRE(r.log.events.size() == 2);
  const event& held = by_ref(r.log, "4967");
  CHECK(held.status == event_status::held);
  CHECK(held.published == d("2026-02-02"));
  CHECK(r.log.files[held.source].path == with_minutes);
  CHECK(by_ref(r.log, "4966").status == event_status::cancelled);
  // The listing's rows were used, and a note says where they went.
  const log_file_summary& f = r.log.files[0];
  CHECK(f.rows_used == 2u);
  REQUIRE(f.notes.size() == 1);
  CHECK(f.notes[0].line == 0u);
  CHECK_THAT(f.notes[0].text, Contains("2 meetings listed here"));
}

TEST_CASE("the real meeting: published 02/02/2026 for 10/02/2026 meets 5 clear working days, not 6",
          "[moderngov][notice]") {
  event_log log;
  diagnostics diags;
  read_log_files({listing, with_minutes, no_minutes}, log, diags);
  REQUIRE(diags.empty());
  std::vector<ast::rule_file> files;
  files.push_back(remit::test::rules(
      "body \"Audit Committee\" {\n"
      "  five  agenda published at least 5 clear working days before each meeting\n"
      "  six   agenda published at least 6 clear working days before each meeting\n"
      "}\n"));
  const audit_report report = run_audit(files, log, {d("2026-01-01"), d("2026-02-28")}, diags);
  REQUIRE(diags.empty());
  REQUIRE(report.results.size() == 2);
  CHECK(report.results[0].status == rule_status::pass);
  CHECK(report.results[0].findings.empty());
  CHECK(report.results[1].status == rule_status::breach);
  REQUIRE(report.results[1].findings.size() == 1);
  const finding& f = report.results[1].findings[0];
  CHECK(f.status == finding_status::breach);
  CHECK(f.meeting == d("2026-02-10"));
  CHECK(f.on == d("2026-02-02"));
  CHECK(f.due == d("2026-02-01"));
}

TEST_CASE("a confirmed meeting counts as held on or before the audit end, and is noted", "[moderngov][confirmed]") {
  read_result r = read_files({listing});
  SECTION("audit ending after it: a note names it") {
    note_confirmed_events(r.log, d("2026-03-31"));
    const auto& notes = r.log.files[0].notes;
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].line == 17u);
    CHECK(notes[0].text ==
          "confirmed meeting of \"Audit Committee\" on 2026-02-10 counted as held, though no minutes are recorded (ref 4967)");
  }
  SECTION("audit ending before it: no note, and the audit never sees it") {
    note_confirmed_events(r.log, d("2026-02-09"));
    CHECK(r.log.files[0].notes.empty());
  }
  SECTION("the gap rule counts it as a held meeting") {
    std::vector<ast::rule_file> files;
    files.push_back(remit::test::rules("body \"Audit Committee\" {\n  cadence  meets every 1 months\n}\n"));
    diagnostics diags;
    const audit_report report = run_audit(files, r.log, {d("2026-02-01"), d("2026-02-28")}, diags);
    REQUIRE(report.results.size() == 1);
    CHECK(report.results[0].status == rule_status::pass);
  }
}

TEST_CASE("the agenda's publication date is the earliest of the meeting's own documents", "[moderngov][published]") {
  SECTION("earliest of several") {
    const read_result r =
        read_xml(meeting_xml("<agendaitems><agendaitem><agendaitemtitle>A</agendaitemtitle><linkeddocuments>" +
                             doc_xml("03/02/2026") + doc_xml("30/01/2026") + "</linkeddocuments></agendaitem></agendaitems>"));
    REQUIRE(r.log.events.size() == 1);
    CHECK(r.log.events[0].published == d("2026-01-30"));
    CHECK(text(r.log, r.log.events[0].body) == "Board");
  }
  SECTION("a document of another meeting, such as earlier minutes, does not count") {
    const read_result r = read_xml(meeting_xml("<agendaitems><agendaitem><linkeddocuments>" +
                                               doc_xml("01/12/2025", "25/11/2025") + doc_xml("03/02/2026") +
                                               "</linkeddocuments></agendaitem></agendaitems>"));
    REQUIRE(r.log.events.size() == 1);
    CHECK(r.log.events[0].published == d("2026-02-03"));
  }
  SECTION("a paper published after the meeting is not its agenda") {
    const read_result r =
        read_xml(meeting_xml("<agendaitems><agendaitem><linkeddocuments>" + doc_xml("20/02/2026") +
                             "</linkeddocuments></agendaitem></agendaitems>"));
    REQUIRE(r.log.events.size() == 1);
    CHECK(r.log.events[0].published == no_date);
  }
  SECTION("agendapublished False: no publication date, whatever the documents say") {
    const read_result r = read_xml(meeting_xml("<agendapublished>False</agendapublished><agendaitems><agendaitem>"
                                               "<linkeddocuments>" +
                                               doc_xml("02/02/2026") + "</linkeddocuments></agendaitem></agendaitems>"));
    REQUIRE(r.log.events.size() == 1);
    CHECK(r.log.events[0].published == no_date);
  }
  SECTION("an impossible publication date rejects the meeting") {
    const read_result r = read_xml(meeting_xml("<agendaitems><agendaitem><linkeddocuments>" + doc_xml("30/02/2026") +
                                               "</linkeddocuments></agendaitem></agendaitems>"));
    CHECK(r.log.events.empty());
    REQUIRE(r.log.files[0].rejected.size() == 1);
    CHECK(r.log.files[0].rejected[0].reason ==
          "publicationdate of the document 'Paper': '30/02/2026' is not a date: February 2026 has no day 30");
  }
}

TEST_CASE("ModernGov's attendance words", "[moderngov][attendance]") {
  const std::vector<std::pair<std::string, attendance_status>> words{
      {"Expected", attendance_status::expected},
      {"Present", attendance_status::present},
      {"Present, virtual", attendance_status::present_virtually},
      {"Present as substitute", attendance_status::substitute},
      {"Present, as substitute, virtual", attendance_status::substitute_virtually},
      {"In attendance", attendance_status::in_attendance},
      {"In attendance, virtual", attendance_status::in_attendance_virtually},
      {"Apologies", attendance_status::apologies},
      {"Absent", attendance_status::absent},
      {"", attendance_status::expected},
  };
  for (const auto& [word, status] : words) {
    INFO(word);
    const read_result r = read_xml(meeting_xml(
        "<attendees><attendee name=\"Cllr A\" roledescription=\"Chair\" attendance=\"" + word + "\" /></attendees>" +
        doc_xml("02/02/2026")));
    REQUIRE(r.log.attendances.size() == 1);
    CHECK(r.log.attendances[0].status == status);
  }
  SECTION("an unknown word rejects the meeting and names the word") {
    const read_result r =
        read_xml(meeting_xml("<attendees><attendee name=\"Cllr A\" attendance=\"Asleep\" /></attendees>" + doc_xml("02/02/2026")));
    CHECK(r.log.events.empty());
    CHECK(r.log.attendances.empty());
    REQUIRE(r.log.files[0].rejected.size() == 1);
    CHECK_THAT(r.log.files[0].rejected[0].reason, Contains("'Cllr A'") && Contains("'Asleep'"));
  }
}

TEST_CASE("a meeting that cannot be read is rejected with its line, and the rest are used", "[moderngov][rejected]") {
  const read_result r = read_xml(
      "<getmeetings>\n"                                                                        // 1
      "<committee><committeetitle>Board</committeetitle><committeemeetings>\n"                // 2
      "<meeting><meetingid>1</meetingid><meetingstatus>Confirmed</meetingstatus></meeting>\n"  // 3
      "<meeting><meetingid>2</meetingid><meetingdate>30/02/2026</meetingdate>"                 // 4
      "<meetingstatus>Confirmed</meetingstatus></meeting>\n"
      "<meeting><meetingid>3</meetingid><meetingdate>2026-02-10</meetingdate>"  // 5
      "<meetingstatus>Confirmed</meetingstatus></meeting>\n"
      "<meeting><meetingid>4</meetingid><meetingdate>10/02/2026</meetingdate>"  // 6
      "<meetingstatus>Provisional</meetingstatus></meeting>\n"
      "<meeting><meetingid>5</meetingid><meetingdate>10/02/2026</meetingdate></meeting>\n"  // 7
      "<meeting><meetingid>6</meetingid><meetingdate>11/02/2026</meetingdate>"             // 8
      "<meetingstatus>Cancelled</meetingstatus></meeting>\n"
      "</committeemeetings></committee>\n"
      "</getmeetings>\n");
  CHECK(r.diags.empty());
  const auto& rejected = r.log.files[0].rejected;
  REQUIRE(rejected.size() == 5);
  CHECK(rejected[0].line == 3u);
  CHECK(rejected[0].reason == "missing meetingdate");
  CHECK(rejected[1].line == 4u);
  CHECK(rejected[1].reason == "meetingdate: '30/02/2026' is not a date: February 2026 has no day 30");
  CHECK(rejected[2].reason == "meetingdate: '2026-02-10' is not a date in the form dd/mm/yyyy");
  CHECK(rejected[3].reason == "unknown meetingstatus 'Provisional': expected Confirmed, Cancelled or Postponed");
  CHECK(rejected[4].reason == "missing meetingstatus");
  REQUIRE(r.log.events.size() == 1);
  CHECK(r.log.events[0].line == 8u);
  CHECK(r.log.files[0].rows_read == 6u);
  CHECK(r.log.files[0].rows_used == 1u);
}

TEST_CASE("problems with the whole response are diagnostics with a line", "[moderngov][file]") {
  SECTION("malformed XML: line and column of the fault, with a caret") {
    const read_result r = read_xml("<?xml version=\"1.0\"?>\n<getmeetings>\n  <committee>\n  </committe>\n</getmeetings>\n");
    REQUIRE(r.diags.size() == 1);
    CHECK_THAT(r.rendered(), Contains("test.xml:4:") && Contains("malformed XML: start-end tags mismatch"));
    CHECK_THAT(r.rendered(), Contains("^"));
    CHECK(r.log.events.empty());
  }
  SECTION("a truncated response") {
    const read_result r = read_xml("<?xml version=\"1.0\"?>\n<meeting>\n  <meetingid>4967</meetingid>\n  <meetingda");
    REQUIRE(r.diags.size() == 1);
    CHECK_THAT(r.rendered(), Contains("test.xml:4:") && Contains("malformed XML"));
  }
  SECTION("an unknown root element names it and what was expected") {
    const read_result r = read_xml("<?xml version=\"1.0\"?>\n\n<agenda><item/></agenda>\n");
    REQUIRE(r.diags.size() == 1);
    CHECK_THAT(r.rendered(),
               Contains("test.xml:3: error: unknown root element <agenda>: expected a ModernGov GetMeetings response"));
  }
  SECTION("GetCommittees is recognised for what it is") {
    const read_result r = read_files({committees});
    REQUIRE(r.diags.size() == 1);
    CHECK_THAT(r.rendered(), Contains(":2: error: unknown root element <committees>") && Contains("GetCommittees"));
  }
  SECTION("text that is not UTF-8") {
    const read_result r = read_xml("<getmeetings>\n<x>Caf\xE9</x>\n</getmeetings>\n");
    REQUIRE(r.diags.size() == 1);
    CHECK_THAT(r.rendered(), Contains("test.xml:2: error: the file is not valid UTF-8 text"));
  }
}

TEST_CASE("a listing whose count disagrees with its meetings is noted", "[moderngov][getmeetings]") {
  const read_result r = read_xml(
      "<getmeetings>\n<meetingscount> 3</meetingscount>\n<committee><committeetitle>Board</committeetitle>"
      "<committeemeetings><meeting><meetingid>1</meetingid><meetingdate>10/02/2026</meetingdate>"
      "<meetingstatus>Confirmed</meetingstatus></meeting></committeemeetings></committee>\n</getmeetings>\n");
  REQUIRE(r.log.events.size() == 1);
  REQUIRE(r.log.files[0].notes.size() == 1);
  CHECK(r.log.files[0].notes[0].line == 2u);
  CHECK(r.log.files[0].notes[0].text == "the response says it lists 3 meetings (meetingscount) but lists 1");
}

TEST_CASE("two records of one meeting: copies count once, contradictions are errors", "[moderngov][join]") {
  SECTION("the same response file given twice is refused, naming it: a log given twice is a mistake") {
    const read_result r = read_files({with_minutes, with_minutes});
    REQUIRE(r.diags.size() == 1u);
    std::ostringstream said;
    r.diags.render(said);
    CHECK_THAT(said.str(), Contains("is given twice: give each log once"));
    CHECK(r.log.events.empty());
  }
  SECTION("two GetMeeting responses that disagree") {
    event_log log;
    diagnostics diags;
    for (const auto& xml : {meeting_xml(doc_xml("02/02/2026")), meeting_xml(doc_xml("02/02/2026", "11/02/2026"), "11/02/2026")}) {
      log.files.push_back({"m" + std::to_string(log.files.size()) + ".xml", "moderngov", 0, 0, {}});
      moderngov_log_reader.read(xml, log, log.files.back(), diags);
    }
    moderngov::join_records(log, diags);
    REQUIRE(diags.size() == 1);
    std::ostringstream out;
    diags.render(out);
    CHECK_THAT(out.str(), Contains("m1.xml:2: error: ModernGov meeting 77 is also in the GetMeeting response m0.xml:2, "
                                   "which says otherwise (date 2026-02-10 or 2026-02-11)"));
  }
  SECTION("a meeting moved since the listing: GetMeeting is used, and a note says so") {
    event_log log;
    diagnostics diags;
    const std::string listed =
        "<getmeetings><committee><committeetitle>Board</committeetitle><committeemeetings><meeting>"
        "<meetingid>77</meetingid><meetingdate>09/02/2026</meetingdate><meetingstatus>Confirmed</meetingstatus>"
        "</meeting></committeemeetings></committee></getmeetings>";
    for (const auto& xml : {listed, meeting_xml(doc_xml("02/02/2026"))}) {
      log.files.push_back({"m" + std::to_string(log.files.size()) + ".xml", "moderngov", 0, 0, {}});
      moderngov_log_reader.read(xml, log, log.files.back(), diags);
    }
    moderngov::join_records(log, diags);
    CHECK(diags.empty());
    REQUIRE(log.events.size() == 1);
    CHECK(log.events[0].day == d("2026-02-10"));
    REQUIRE(log.files[1].notes.size() == 1);
    CHECK_THAT(log.files[1].notes[0].text, Contains("listed on 2026-02-09 in m0.xml:1"));
  }
}

TEST_CASE("ModernGov XML is told from CSV and JSON Lines by its content", "[moderngov][claims]") {
  CHECK(moderngov_log_reader.claims("meetings.txt", "<?xml version=\"1.0\"?><getmeetings/>"));
  CHECK(moderngov_log_reader.claims("x", "\xEF\xBB\xBF  \n<meeting/>"));
  CHECK_FALSE(moderngov_log_reader.claims("a.xml", "body,date\n"));
  CHECK_FALSE(jsonl_log_reader.claims("a.xml", "<meeting/>"));
}
