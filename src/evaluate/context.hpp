// What every rule family sees: one body's events, the window, the calendar and the year start.
// Each family lives in its own file and returns its findings before waivers are applied.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/calendar.hpp"
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
};
body_people people_of(const event_log& log, std::string_view folded_body, const std::optional<std::string>& folded_council);

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

  std::string_view title(const event& e) const { return log.strings.folded(e.title); }
  audit_window audit() const { return whole_window.value_or(window); }
  // A held meeting, or with "informal meetings count" a held session too.
  bool counts_as_meeting(const event& e) const {
    return e.held_meeting() || (informal_meetings_count && e.held() && e.kind == event_kind::session);
  }
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

struct family_result {
  std::vector<finding> findings;
  bool fell_due = false;  // whether anything fell due in the window (docs/language.md, "Rule status")
};

// The dates of the events a frequency is judged on, and how to name them in a sentence.
struct series {
  std::vector<date> dates;  // sorted
  std::string noun;         // "held meeting"
  std::string nouns;        // "held meetings"
};

series qualifying_series(const body_context& ctx, const ast::rule& rule);

due_date due_after(date p, const ast::gap_frequency& f, std::string_view what_p);

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

// Whether an agenda item (folded) is the one an item rule asks for.
class item_matcher {
 public:
  explicit item_matcher(const ast::has_item& rule);
  bool matches(std::string_view folded_item) const;
  std::string what() const;  // "containing "Forward Plan"", "matching "voice|lived experience""

 private:
  const ast::has_item& rule_;
  std::string wanted_;
  std::shared_ptr<const re2::RE2> re_;  // only for `matching`
};

// Whether the body a report went to (folded) is the one a reports rule names: equal, or with
// `to matching "REGEX"`, the regular expression found in it, ignoring case.
class recipient_matcher {
 public:
  explicit recipient_matcher(const ast::reports& rule);
  bool matches(std::string_view folded_recipient) const;
  std::string what() const;  // ""Cabinet"", "a body matching "Scrutiny""

 private:
  const ast::reports& rule_;
  std::string wanted_;
  std::shared_ptr<const re2::RE2> re_;  // only for `matching`
};

// The frequency families (gap.cpp, periods.cpp).
family_result evaluate_gap(const body_context& ctx, const series& s, const ast::gap_frequency& f);
family_result evaluate_periods(const body_context& ctx, const series& s, const ast::frequency& f);

// What the people families share (people.cpp).
// Recorded as attending: present, substitute or in attendance, in the room or remotely.
bool attended(attendance_status s);
// Counts towards a quorum: a member or substitute present in the room.
bool counts_for_quorum(attendance_status s);
std::span<const attendance> attendance_at(const body_context& ctx, const event& e);
// The body's memberships in force on `d`.
std::vector<const membership*> members_on(const body_context& ctx, date d);
bool has_memberships(const body_context& ctx);
// The role of `roles` (folded) that the person holds at a meeting on `d`: their role in the
// attendance record, or a role of a membership of the body in force on `d`.
std::optional<std::string> role_held(const body_context& ctx, string_pool::id person, string_pool::id attendance_role, date d,
                                     const std::vector<std::string>& folded_roles);
std::vector<std::string> folded_all(const std::vector<std::string>& roles);
std::string roles_words(const std::vector<std::string>& roles);  // "Chair" or "Vice-Chair", quoted
std::string names_words(const std::vector<std::string>& names);  // "A, B and C"
// Names in a fixed order (case-folded, then as written), so that no report depends on the
// order of files or rows.
std::vector<std::string> sorted_names(std::vector<std::string> names);

// A people statement, by its family (people.cpp dispatches; each family has its own file).
family_result evaluate_people(const body_context& ctx, const ast::rule& rule);

// The people families, one file each.
family_result evaluate_quorum(const body_context& ctx, const ast::quorum& rule);
family_result evaluate_chair(const body_context& ctx, const ast::chaired_by& rule);
family_result evaluate_attended_by(const body_context& ctx, const ast::attended_by& rule);
family_result evaluate_has_member(const body_context& ctx, const ast::has_member& rule);
family_result evaluate_membership_size(const body_context& ctx, const ast::membership_size& rule);
family_result evaluate_party_spread(const body_context& ctx, const ast::party_spread& rule);
family_result evaluate_attendance_rate(const body_context& ctx, const ast::attendance_rate& rule);
family_result evaluate_training(const body_context& ctx, const ast::trained_within& rule);
family_result evaluate_rotation(const body_context& ctx, const ast::rotates& rule);

// The per-meeting families, one file each.
family_result evaluate_notice(const body_context& ctx, const ast::notice& rule);
family_result evaluate_item(const body_context& ctx, const ast::has_item& rule);
family_result evaluate_deadline(const body_context& ctx, const ast::receives_by& rule);
family_result evaluate_precedence(const body_context& ctx, const ast::preceded_by& rule);

}  // namespace remit
