// What every rule family sees: one body's events, the window, the calendar and the year start.
// Each family lives in its own file and returns its findings before waivers are applied.
#pragma once

#include <atomic>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/calendar.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"
#include "evaluate/findings.hpp"
#include "inputs/event_log.hpp"
#include "language/ast.hpp"

namespace re2 {
class RE2;
}

namespace remit {

// The due date of the next qualifying event after one on `p` ("the held meeting on 2025-11-19"),
// with its derivation ("2 months after the held meeting on 2025-11-19, plus 7 days' grace").
struct due_date {
  date day;
  std::string derivation;
};

// The people data that bears on one body (docs/inputs.md, "People"): its memberships, and the
// training records for it or for any body, each admitted by the file's council.
struct body_people {
  std::vector<const membership*> memberships;     // in log order
  std::vector<const training_record*> trainings;  // in log order
  std::vector<const political_group*> groups;     // the council's political groups, in log order
};
// The memberships and training recorded for a body under any of its names (body_match::folded_names).
body_people people_of(const event_log& log, const std::vector<std::string>& folded_names,
                      const std::optional<std::string>& folded_council);

struct family_result {
  std::vector<finding> findings;
  bool fell_due = false;  // whether anything fell due in the window (docs/language.md, "Rule status")
  // Findings kept as their dates, to be worded by the statement's writer (finding_words.hpp).
  std::vector<compact_finding> compact = {};
};

// The findings limit (core/limits.hpp) over one audit. A window or rule can ask for more findings
// than memory holds (every month since the year 1): each is counted as it is found, on whichever
// thread finds it, and the audit stops once there are more than the limit, long before they fill
// memory. Its callers then refuse it whole (findings_limit_words): never a partial report.
struct findings_over_limit : std::exception {
  const char* what() const noexcept override { return "more findings than the findings limit"; }
};
class findings_budget {
 public:
  // Counts one finding; throws findings_over_limit when it is one more than the limit.
  void count() {
    if (found_.fetch_add(1, std::memory_order_relaxed) >= most_) throw findings_over_limit();
  }

 private:
  std::atomic<std::uint64_t> found_ = 0;
  std::uint64_t most_ = limit_value(limit::findings);
};
// "the audit found more than 1000000 findings (the limit is ...)": why an audit was refused.
std::string findings_limit_words();

struct body_context {
  const event_log& log;
  std::vector<const event*> events;  // this body's events up to the window's end, in date order
  audit_window window;               // the part of the audit window this body block judges
  const calendar& cal;
  int year_start_month = 1;
  const body_people* people = nullptr;  // null: treated as no people data
  // A version of the body's rules judges only the days it was in force (docs/language.md,
  // "Versions"): `window` is then that part of `whole_window`, and `version` says which.
  std::optional<version_span> version{};
  std::optional<audit_window> whole_window{};
  // ", informal meetings count" on the statement being evaluated.
  bool informal_meetings_count = false;
  // Counts every finding the families add (none: not counted, as for remit explain's own steps).
  findings_budget* budget = nullptr;

  // Adds a family's finding, counted against the findings limit: throws findings_over_limit.
  void add(family_result& out, finding f) const {
    if (budget) budget->count();
    out.findings.push_back(std::move(f));
  }

  std::string_view title(const event& e) const { return log.strings.folded(e.title); }
  audit_window audit() const { return whole_window.value_or(window); }
  // A held meeting, or with "informal meetings count" a held session too.
  bool counts_as_meeting(const event& e) const { return e.counts_as_meeting(informal_meetings_count); }
  // The meetings this span judges, in date order: the held meetings in `window` (with "informal
  // meetings count", held sessions too). The people families judge each of them.
  std::vector<const event*> meetings_in_window() const {
    std::vector<const event*> out;
    for (const event* e : events)
      if (counts_as_meeting(*e) && window.from <= e->day && e->day <= window.to) out.push_back(e);
    return out;
  }
  // Nothing falls due under a version of the rules before it took effect: a due date before
  // that day moves to it (docs/language.md, "Versions").
  due_date in_force(due_date due) const;
  date in_force(date due) const { return version && version->from && due < *version->from ? *version->from : due; }
  // How the end of `window` is named in a sentence.
  std::string window_end_words() const;
};

// What every evaluation does with a statement's findings before they are reported: waivers,
// advisory wording, the order by due date, and the rule's status (evaluator.cpp).
void settle_findings(const ast::rule_file& file, const ast::body& block, const ast::statement& s, family_result& found,
                     rule_result& result);
// The same for findings held compact, when no waiver covers any of them; false, and nothing
// changed, when one does (a waiver adds words, so those are settled whole).
bool settle_compact_findings(const ast::rule_file& file, const ast::body& block, const ast::statement& s,
                             std::vector<compact_finding>& findings, bool fell_due, rule_status& status);
// Both: the findings kept compact stay so in the rule's result, with `writer` to word them, when
// none was worded as found and no waiver covers any; else each is worded and all settled whole.
void settle_family(const ast::rule_file& file, const ast::body& block, const ast::statement& s, family_result& found,
                   const std::shared_ptr<const finding_writer>& writer, rule_result& result);
// The waivers, the block's own then the file's, for the labels the block uses.
std::vector<waiver_window> body_waivers(const ast::rule_file& file, const ast::body& block);
// The block's clauses not checked, as reports list them.
std::vector<clause_not_checked> clauses_not_checked(const ast::body& block);

due_date due_after(date p, const ast::gap_frequency& f, std::string_view what_p);
// due_after's day alone, with no version of the rules to move it: most links are met, and their
// derivation is never read.
date gap_due_day(date p, const ast::gap_frequency& f);

// Periods aligned to the year start: the start of the one of `months` months that holds `d`.
date period_start_holding(date d, int months, int year_start_month);

// The latest compliant publication date of the agenda of a meeting on `meeting`, and how it was
// counted (the working days and the bank holidays skipped). Throws calendar_year_missing.
struct publication_deadline {
  date latest;
  std::string derivation;
};
publication_deadline latest_publication(const body_context& ctx, const ast::notice& rule, date meeting);
std::string notice_words(const ast::notice& rule);  // "5 clear working days' notice"

// Whether the body a report went to (folded) is the one a reports rule names: equal, or with
// `to matching "REGEX"`, the regular expression found in it, ignoring case.
class recipient_matcher {
 public:
  explicit recipient_matcher(const ast::reports& rule);
  bool matches(std::string_view folded_recipient) const;
  std::string what() const;  // ""Cabinet"", "a body whose name matches the pattern given in the statement"

 private:
  const ast::reports& rule_;
  std::string wanted_;
  std::shared_ptr<const re2::RE2> re_;  // only for `matching`
};

// The parts of the gap, period and notice families that others use too (the judges themselves
// are in judges.hpp). Gap: the day the next qualifying event is due after `p`.
date gap_due(const body_context& ctx, const ast::gap_frequency& f, date p);
// Periods: what a coverage or count frequency asks of each period.
struct period_rule {
  ast::period_kind period = ast::period_kind::year;
  int needed = 1;
  bool is_count = false;
  bool exactly = false;  // exactly `needed`: more is a breach too
};
period_rule period_rule_of(const ast::frequency& f);
// Notice: the latest compliant day for the agenda of a meeting on `meeting`, without the
// derivation's words. Throws calendar_year_missing.
date notice_latest_day(const body_context& ctx, const ast::notice& rule, date meeting);

// What the people families share (people.cpp).
// Recorded as attending: present, substitute or in attendance, in the room or remotely.
bool attended(attendance_status s);
// Counts towards a quorum: a member or substitute present in the room.
bool counts_for_quorum(attendance_status s);
// Whether attendance was taken at a meeting on `d`: someone other than an officer in attendance
// (a person `in attendance` who is not a member of the body on `d`) has a word other than
// "expected" (ModernGov's default before attendance is taken, and what `remit fetch` writes
// then). A record of "expected" alone is no record of who came.
bool attendance_taken(const body_context& ctx, std::span<const attendance> record, date d);
// The attendance recorded at a meeting; empty when none was, or when it was not taken.
std::span<const attendance> attendance_at(const body_context& ctx, const event& e);
// The body's memberships in force on `d`.
std::vector<const membership*> members_on(const body_context& ctx, date d);
bool has_memberships(const body_context& ctx);
// The role of `roles` (folded) that the person holds at a meeting on `d`: their role in the
// attendance record, or a role of a membership of the body in force on `d`.
std::optional<std::string> role_held(const body_context& ctx, string_pool::id person, string_pool::id attendance_role, date d,
                                     const std::vector<std::string>& folded_roles);
// Whether a person is a member of a kind on `d` (docs/language.md, "Kinds of member"), by their
// memberships of the body in force: `yes` when one of them records the kind (a vote: one of them
// does not say `voting` no), `no` when they record other kinds only, `untold` when none records a
// kind (no type and no party), or the person has no membership in force.
enum class kind_known : std::uint8_t { yes, no, untold };
kind_known member_of_kind(const body_context& ctx, std::string_view folded_person, date d, ast::member_term t);
// "elected member", "co-opted members", ...
std::string kind_words(ast::member_term t, bool plural);
// What makes a member of the kind, for a form's words.
std::string kind_note(ast::member_term t);
std::vector<std::string> folded_all(const std::vector<std::string>& roles);
std::string roles_words(const std::vector<std::string>& roles);  // "Chair" or "Vice-Chair", quoted
std::string names_words(const std::vector<std::string>& names);  // "A, B and C"
// Names in a fixed order (case-folded, then as written), so that no report depends on the
// order of files or rows.
std::vector<std::string> sorted_names(std::vector<std::string> names);



}  // namespace remit
