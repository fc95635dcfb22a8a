// The typed syntax tree of a rule file. Built by the parser, checked by the checker,
// read by the evaluator; every node knows where it came from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "calendar/calendar.hpp"
#include "core/date.hpp"
#include "core/diagnostic.hpp"

namespace remit::ast {

enum class time_unit { day, week, month, year };
// Periods are aligned to the year start: a quarter is 3 months from a year start, and so on.
// `two_months` is what "bi-monthly" means: January-February, March-April, ... from the year start.
enum class period_kind { month, two_months, quarter, half_year, year };

int months_in(period_kind p);

// "every N UNIT [with G days grace]": each qualifying event is due within an interval of the last.
struct gap_frequency {
  int count = 1;
  time_unit unit = time_unit::month;
  int grace_days = 0;
  source_location where;
};
// "monthly", "quarterly", ...: every period needs at least one qualifying event.
struct coverage_frequency {
  period_kind period = period_kind::year;
  source_location where;
};
// "at least K times a year", "twice a year": every period needs K qualifying events;
// "exactly K times a year": K and no more.
struct count_frequency {
  int times = 1;
  period_kind period = period_kind::year;
  source_location where;
  bool exactly = false;
};
using frequency = std::variant<gap_frequency, coverage_frequency, count_frequency>;

struct resolved_settings;

}  // namespace remit::ast

namespace remit {
class form_check;
}

namespace remit::ast {

// The kinds of people records a statement cannot be judged without (a bit each): when a run was
// given none of one at all, its reports say so once (report/text_parts.hpp), not at every meeting.
enum class records : unsigned { none = 0, attendance = 1, membership = 2, training = 4, groups = 8 };
constexpr records operator|(records a, records b) {
  return static_cast<records>(static_cast<unsigned>(a) | static_cast<unsigned>(b));
}
constexpr bool has(records set, records one) { return (static_cast<unsigned>(set) & static_cast<unsigned>(one)) != 0; }

// One struct per statement form of the language, each followed by the line that declares what
// its unit file, src/forms/<form>.cpp, says of it beside its judge (docs/development.md, "A
// statement form is one unit"): how it is checked, what it means in words, its meaning for
// remit fmt's check, its family and the people records it needs. A form without that line, or a
// unit file without one of them, does not build.
#define REMIT_STATEMENT_FORM(form)                          \
  void check(const form&, form_check&);                     \
  std::string words(const form&, const resolved_settings&); \
  std::string meaning(const form&);                         \
  std::string_view family(const form&);                     \
  records records_needed(const form&)

// What a title or an agenda item must hold (docs/language.md, "Titles and items"): `"A" [or "B"
// ...]`, containing any one of the phrases, or `matching "REGEX"`, in which the pattern is found.
struct title_match {
  std::vector<std::string> phrases;  // as written; with `is_regex`, the one pattern
  bool is_regex = false;
};

struct meets {
  frequency how_often;
};
REMIT_STATEMENT_FORM(meets);
struct meets_jointly {
  title_match partner;  // matched against meeting and session titles
  frequency how_often;
};
REMIT_STATEMENT_FORM(meets_jointly);
struct notice {
  int days = 0;
  bool working = false;
  bool clear = false;
};
REMIT_STATEMENT_FORM(notice);
struct has_item {
  title_match item;
};
REMIT_STATEMENT_FORM(has_item);
struct has_title {  // each meeting has a title | has title "X" [or "Y" ...] | has title matching "REGEX"
  std::optional<title_match> title;  // empty: `has a title`, any recorded title will do
};
REMIT_STATEMENT_FORM(has_title);
struct reports {
  std::optional<std::string> title;
  frequency how_often;
  std::string recipient;
  bool recipient_is_regex = false;  // reports FREQ to matching "REGEX"
};
REMIT_STATEMENT_FORM(reports);
// receives "X" FREQ; with `approves`, approves "X" FREQ: the item must also be recorded as
// approved, agreed or adopted (docs/language.md, "Decisions"). One form: approving is receiving
// with a stricter test of the item.
struct receives {
  title_match item;
  frequency how_often;
  bool approves = false;
};
REMIT_STATEMENT_FORM(receives);
struct receives_by {  // receives "X" by DATE | approves "X" by DATE
  title_match item;
  date deadline;
  source_location deadline_at;
  bool approves = false;
};
REMIT_STATEMENT_FORM(receives_by);
struct preceded_by {
  title_match title;
  int days = 0;                 // within N days
  bool since_previous = false;  // since the previous meeting (then `days` is unused)
  bool on_the_day = false;      // on the meeting's own day, earlier by time (then `days` is unused)
};
REMIT_STATEMENT_FORM(preceded_by);

struct first_meeting_item {  // first meeting of each year has item "X" [or "Y" ...] | matching "REGEX"
  title_match item;
};
REMIT_STATEMENT_FORM(first_meeting_item);

// The people statements (docs/language.md, "People"): they judge the attendance and
// membership of the logs rather than the events alone. A role is matched by equality,
// case-insensitive with white space folded; a list of roles is met by any one of them.
// A kind of member, standing where a quoted role stands before `members` (docs/language.md,
// "Kinds of member"): `has at least 2 co-opted members`, `quorum 3 voting members`.
enum class member_term : std::uint8_t { elected, co_opted, voting };
std::string_view name(member_term t);  // "elected", "co-opted", "voting"

struct quorum {  // quorum N [elected|co-opted|voting] [members] [including K "ROLE" | K elected|co-opted|voting members]
  int members = 0;
  std::optional<member_term> term;  // quorum N voting members: only members of that kind count
  // including K ...: at least K of those counted hold the role, or are of the kind; 0: not asked.
  int including = 0;
  std::optional<std::string> including_role;
  std::optional<member_term> including_term;
};
REMIT_STATEMENT_FORM(quorum);
struct chaired_by {  // chaired by "ROLE" [or "ROLE" ...] [when "ROLE" is absent] [, else "ROLE" [or ...]]... [, else any member]
  std::vector<std::string> roles;
  // when "ROLE" is absent: the other roles may chair only when no one holding this one attended.
  std::optional<std::string> only_when_absent;
  // , else "ROLE" [or ...] ...: the later steps of a chain of stand-ins, in order; the chair must
  // hold the first step whose holder attended.
  std::vector<std::vector<std::string>> stand_ins;
  bool else_any_member = false;  // , else any member: the last step, when no step's holder attended
  bool chain() const { return !stand_ins.empty() || else_any_member; }
};
REMIT_STATEMENT_FORM(chaired_by);
struct attended_by {  // each meeting attended by "ROLE" [or "ROLE" ...] [from at least N partners] | each meeting invites "ROLE" [or ...]
  std::vector<std::string> roles;
  int partners = 0;  // from at least N partners: the attending holders represent N partners; 0: not asked
  bool invites = false;  // each meeting invites: on the attendance list with any word, attending or not
};
REMIT_STATEMENT_FORM(attended_by);
struct has_member {  // has member "ROLE" [or "ROLE" ...]
  std::vector<std::string> roles;
};
REMIT_STATEMENT_FORM(has_member);
struct membership_size {  // has at most|at least|exactly N ["ROLE"|elected|co-opted|voting] members [of party "P"]
  bool at_most = true;
  int members = 0;
  std::optional<std::string> role;
  bool exactly = false;             // then `at_most` is unused
  std::optional<member_term> term;  // in place of a role: only members of that kind are counted
  std::optional<std::string> party;  // of party "P": only members of that party are counted
};
REMIT_STATEMENT_FORM(membership_size);
struct party_spread {  // has members of at least N parties [among "ROLE" [or "ROLE" ...]]
  int parties = 2;
  std::vector<std::string> roles;  // empty: every member
};
REMIT_STATEMENT_FORM(party_spread);
// reflects the political balance of the council: the body's councillor members, group by group,
// as the council's political groups (Local Government and Housing Act 1989, s.15).
struct political_balance {};
REMIT_STATEMENT_FORM(political_balance);
struct attendance_rate {  // each member [except "ROLE" ...] attends at least P% of meetings | every meeting [each PERIOD]
  int percent = 100;
  period_kind period = period_kind::year;
  std::vector<std::string> except;  // members holding one of these roles attend when they wish
};
REMIT_STATEMENT_FORM(attendance_rate);
struct trained_within {  // each member trained in "TRAINING" within N UNIT of joining
  std::string training;
  int count = 1;
  time_unit unit = time_unit::month;
};
REMIT_STATEMENT_FORM(trained_within);
// role "ROLE" held by "OFFICE" | role "ROLE" held by an elected member: who may hold a post.
struct role_held_by {
  std::string role;
  std::optional<std::string> office;  // none: held by an elected member
};
REMIT_STATEMENT_FORM(role_held_by);
struct rotates {  // role "ROLE" rotates between partners annually
  std::string role;
};
REMIT_STATEMENT_FORM(rotates);

using rule = std::variant<meets, meets_jointly, notice, has_item, has_title, reports, receives, receives_by, preceded_by,
                          first_meeting_item, quorum,
                          chaired_by, attended_by, has_member, membership_size, party_spread, political_balance,
                          attendance_rate, trained_within, rotates, role_held_by>;

// The last branch of a visitor of `rule` that names each form in turn (`if constexpr` ...
// `else static_assert(ast::form_left_out<T>)`): a form added to `rule` and left out of the
// visitor does not compile, where a default branch would say something silently wrong.
template <typename T>
inline constexpr bool form_left_out = false;

// Whether a statement form is judged on the body's membership and training records alone, not
// on its meetings: a body with no meeting on record can still be judged on those.
template <typename T>
inline constexpr bool is_judged_on_memberships = std::is_same_v<T, trained_within> || std::is_same_v<T, rotates>;

// How much a breach of a duty matters (docs/language.md, "Advisory wording and severity").
enum class severity { minor, major, critical };
std::string_view name(severity s);

enum class modifier_kind { advisory, severity, informal_meetings };

// A modifier as written after a comma, for the checker and for tools that rewrite a file.
struct modifier_written {
  modifier_kind kind = modifier_kind::advisory;
  source_location where;  // of its first word
  std::string text;       // from its first word to its end, without the comma
};

// What the modifiers after a rule say; they apply to every statement form alike.
struct modifiers {
  bool advisory = false;                  // ", advisory": a ToR's "usually", "should"; never a breach
  std::optional<std::string> quote;       // ", advisory "QUOTE"": the ToR's own words
  ast::severity severity = ast::severity::major;  // ", severity critical"
  bool informal_meetings_count = false;   // ", informal meetings count": held sessions count as meetings
  std::vector<modifier_written> written;  // in the order written
};

// "advisory", or the severity of a duty: "minor", "major", "critical".
std::string_view severity_name(const modifiers& m);

struct statement {
  source_location where;       // of the clause label
  source_location rule_where;  // of the rule after the label
  std::string label;
  std::string text;  // the rule and its modifiers as written, after the label
  rule what;
  source_location pattern_at;  // of a quoted regex, for its diagnostics
  ast::modifiers modifiers;
  std::size_t rule_chars = 0;  // how much of `text` is the rule, before the modifiers
};

// `LABEL not checked "REASON"`: a clause of the ToR that the rule file says remit does not check,
// and why (docs/language.md, "Not checked"). It is not a rule: it is never evaluated, has no
// status and gives no finding, so it is kept apart from a body's statements, where no evaluator,
// lint check, coverage count or visitor of `rule` can take it for one. Reports list it.
struct not_checked_clause {
  source_location where;      // of the clause label
  std::string label;
  std::string reason;
  source_location reason_at;  // of the quoted reason, for its diagnostics
};

struct waiver {
  source_location where;
  std::string label;
  date from;
  date to;
  std::string reason;
};

enum class setting_kind { council, calendar, year_start, waiver };

// A setting line as written. A setting written twice is kept twice here (the last one wins
// in the fields above it), so that tools which rewrite a file lose no line.
struct setting_line {
  setting_kind kind = setting_kind::council;
  source_location where;  // of its keyword
};

struct settings {
  std::optional<std::string> council;
  std::optional<division> calendar;
  std::optional<int> year_start_month;  // 1..12
  std::optional<source_location> year_start_at;
  std::vector<setting_line> written;  // in file order, waivers included
};

struct body {
  source_location where;
  std::string name;
  // body "NAME" also "OLD" [and "OLDER" ...]: other names the logs may record the body under (a
  // renamed body); its events under any of them are the body's (docs/language.md, "Renamed bodies").
  std::vector<std::string> also;
  std::vector<source_location> also_at;  // of each name in `also`
  bool every_body = false;  // body * { ... }
  // body "NAME" from DATE { ... }: a version of the body's rules, in force from that date until
  // the next version of the same body in the file takes effect (docs/language.md, "Versions").
  std::optional<date> in_force_from;
  source_location in_force_at;  // of the date
  settings overrides;
  std::vector<statement> statements;
  std::vector<not_checked_clause> not_checked;  // in file order, among the statements by line
  std::vector<waiver> waivers;
  source_location close_at;  // of its '}'
};

// A comment, kept with its place so that tools which rewrite a file (remit fmt) can put it
// back and authors can leave notes for tools (remit lint). Evaluation never reads comments.
struct comment {
  source_location where;  // of the '#'
  std::string text;       // from '#' to the end of the line, trailing white space removed
  bool trailing = false;  // true when something else stands before it on its line
};

struct rule_file {
  std::string path;
  std::string text;  // the source, for diagnostics that quote a line
  settings defaults;
  std::vector<waiver> waivers;  // file-level: apply to the label in every body
  std::vector<body> bodies;
  // The layout around the statements, in file order.
  std::vector<comment> comments;
  std::vector<std::uint32_t> blank_lines;  // lines holding nothing but white space
};

// Settings in force for one body: its own overrides, else the file's, else the defaults.
struct resolved_settings {
  std::optional<std::string> council;
  division calendar = division::england_and_wales;
  int year_start_month = 1;
};
resolved_settings resolve(const rule_file& file, const body& b);

// The names, folded and sorted, that a named block's events are recorded under: its own, those it
// lists with `also`, and those of the other versions of it in the file (a body renamed between
// versions is one body, whose logs may use either name for any of its meetings). Empty for `*`.
std::vector<std::string> folded_names(const rule_file& file, const body& b);
// Whether two blocks of a file are versions of the same body: both `*`, or named blocks that share
// a name, directly or through `also` (folded_names).
bool same_body(const rule_file& file, const body& a, const body& b);
// Whether the block is one of several versions of its body in the file.
bool is_versioned(const rule_file& file, const body& b);
// The last day the block's version is in force: the day before the next version of the same
// body in the file takes effect; none for the last version.
std::optional<date> in_force_until(const rule_file& file, const body& b);

}  // namespace remit::ast
