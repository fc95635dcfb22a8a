// The judges: each rule family's meaning, written once (docs/development.md, "One judge per
// family").
//
// A judge is a family's rule for one statement and one body. It is handed the body's events one
// at a time, in date order (`observe`), then told that the window has ended (`close`), and says
// what it finds to a sink as it goes. What it must remember between events is its `state`, kept
// apart from the judge: a small value the streamed audit holds for each body in a cell of its own,
// and the batch audit on its stack. So every engine judges with the same code:
//   - the batch audit (evaluator.cpp) feeds a judge a body's events from memory;
//   - the streamed audit (streamed_audit.cpp) feeds it rows as they are read;
//   - remit explain (explain.cpp) feeds it the same events with a sink that traces, and prints
//     each step the judge took, in the words the judge gives it;
//   - remit due (due.cpp) feeds it the record up to "as of" and asks the state what falls due next.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "evaluate/context.hpp"
#include "evaluate/due.hpp"
#include "language/title_matcher.hpp"

namespace remit {

// ---- Where a judge's findings go ----
// Every sink takes `add(judge, finding)`: the judge's own `words` write the finding's derivation
// when the sink wants it. A sink whose `tracing` is true is also told each step in words
// (`step`), asked how to word a verdict (`verdict`: waivers and advisory wording decide), and
// lends the judge a list of dates to gather what it shows.

// The batch audit's: each finding counted against the findings limit, and kept compact when its
// judge words it from its dates (worded_from_dates, below: the report's writer words it when a
// report asks), else worded as found.
struct batch_sink {
  static constexpr bool tracing = false;
  const body_context& ctx;
  family_result& out;
  template <typename Judge>
  void add(const Judge& judge, finding f);
};

// The streamed audit's: findings kept compact for the body's cell, worded only when reported.
class compact_findings {
 public:
  virtual void add(std::uint32_t cell, const finding& f) = 0;

 protected:
  ~compact_findings() = default;
};
struct compact_sink {
  static constexpr bool tracing = false;
  compact_findings& to;
  std::uint32_t cell = 0;
  template <typename Judge>
  void add(const Judge&, const finding& f) {
    to.add(cell, f);
  }
};

// remit explain's: each step written out; each finding recorded as the audit settles it, for
// comparison with the audit's own.
class trace_sink {
 public:
  static constexpr bool tracing = true;
  trace_sink(std::ostream& out, const ast::rule_file& file, const ast::body& block, const ast::statement& s)
      : out_(out), file_(file), block_(block), s_(s) {}
  template <typename Judge>
  void add(const Judge&, const finding& f) {
    reached_.push_back({settled(f.status, f.due), f.due});
  }
  void step(std::string_view words);
  // "breach", "breach, waived: ...", "advisory (...)": what a shortfall due on `due` is.
  std::string verdict(date due) const;
  std::vector<date> dates;             // lent to the judge
  std::vector<const event*> events;    // lent to the judge

  struct reached {
    finding_status status;
    date due;
    auto operator<=>(const reached&) const = default;
  };
  const std::vector<reached>& findings() const { return reached_; }

 private:
  finding_status settled(finding_status s, date due) const;
  std::ostream& out_;
  const ast::rule_file& file_;
  const ast::body& block_;
  const ast::statement& s_;
  std::vector<reached> reached_;
};

// remit due's: the record is fed to a judge for its state alone, what it found already is
// remit check's to report.
struct state_sink {
  static constexpr bool tracing = false;
  template <typename Judge>
  void add(const Judge&, const finding&) {}
};

// What remit due foresees from, for one body and statement (due.cpp): the record up to "as of"
// (fed to the judge: its state is what the record says), and the events planned after it, copied
// as held, so that each judge's own test of what qualifies applies to them unchanged. A judge's
// `forecast` adds what falls due next, or says in `why_quiet` why nothing can be foreseen.
struct outlook {
  const body_context& record;
  const body_context& planned;
  date as_of;
  date anchor;  // the earliest event in the logs: a gap with no event yet runs from it
  date until;   // the horizon's last day: what falls due later is not listed
  std::vector<obligation>& found;
  std::string why_quiet = {};
  bool about_people = false;  // judged on attendance and membership once a meeting is held: nothing to foresee
  obligation& add(obligation_kind kind, obligation_status status, date due) {
    obligation& o = found.emplace_back();
    o.kind = kind;
    o.status = status;
    o.due = due;
    return o;
  }
  std::vector<const event*> planned_meetings() const {
    std::vector<const event*> out;
    for (const event* e : planned.events)
      if (planned.counts_as_meeting(*e)) out.push_back(e);
    return out;
  }
};

// Each judge's `observe` and `close` are written once, in its family's file, and made there for
// each sink.
#define REMIT_JUDGE_FOR_EVERY_SINK(judge)                                                        \
  template void judge::observe<batch_sink>(state&, const event&, batch_sink&) const;             \
  template void judge::observe<compact_sink>(state&, const event&, compact_sink&) const;         \
  template void judge::observe<trace_sink>(state&, const event&, trace_sink&) const;             \
  template void judge::observe<state_sink>(state&, const event&, state_sink&) const;             \
  template void judge::close<batch_sink>(state&, batch_sink&) const;                             \
  template void judge::close<compact_sink>(state&, compact_sink&) const;                         \
  template void judge::close<trace_sink>(state&, trace_sink&) const;                             \
  template void judge::close<state_sink>(state&, state_sink&) const

// What a meeting's recorded agenda says of the item a statement asks for, best first: one of its
// items is it; its items are not recorded (the records cannot tell); it has items, none of them it.
enum class agenda_holds : std::uint8_t { item, no_items, no_item };
inline agenda_holds agenda_of(const event_log& log, const event& e, const title_matcher& wanted) {
  const auto items = log.items_of(e);
  if (items.empty()) return agenda_holds::no_items;
  for (string_pool::id i : items)
    if (wanted.matches(log.strings.folded(i))) return agenda_holds::item;
  return agenda_holds::no_item;
}

// What a meeting's recorded agenda says of an item the body must approve (`approves`), best first:
// one of its items is it and is recorded approved, agreed or adopted; one is it with no outcome
// recorded (the records cannot tell); its items are not recorded; it has the item, recorded with
// another outcome (noted, deferred, ...); none of its items is it.
enum class decision_holds : std::uint8_t { approved, unrecorded, no_items, other_outcome, no_item };
inline decision_holds decision_of(const event_log& log, const event& e, const title_matcher& wanted) {
  const auto items = log.items_of(e);
  if (items.empty()) return decision_holds::no_items;
  decision_holds best = decision_holds::no_item;
  for (std::uint32_t k = 0; k < items.size(); ++k) {
    if (!wanted.matches(log.strings.folded(items[k]))) continue;
    const item_outcome o = log.outcome_of_item(e.items_first + k);
    if (approves(o)) return decision_holds::approved;
    best = std::min(best, o == item_outcome::unrecorded ? decision_holds::unrecorded : decision_holds::other_outcome);
  }
  return best;
}

// ---- Which events a frequency counts (qualifying.cpp) ----
// A frequency statement (meets, meets jointly, reports, receives) counts some of a body's events;
// its judge is handed only those. What a form counts is said in its unit file (src/forms/), by
// its `counting_for`.
class counting {
 public:
  enum class verdict {
    counted,
    other_kind,       // an event of another kind altogether: not even listed
    session,          // a session, where formal meetings are counted
    not_held,         // cancelled, scheduled, ...
    title,            // its title lacks the partner or report title
    recipient,        // a report to another body
    no_items,         // its agenda items are not recorded
    no_item,          // none of its items is the one asked for
    outcome,          // it has the item, recorded with an outcome that is not approval (approves)
    undecided,        // it has the item with no outcome recorded: the records cannot tell (approves)
  };
  // The verdicts the records cannot decide: such an event may or may not count, so it never makes
  // a pass or a breach alone (the judges give no-evidence where counting it would change the result).
  static bool cannot_tell(verdict v) { return v == verdict::undecided || v == verdict::no_items; }
  virtual ~counting() = default;
  virtual verdict judge(const body_context& ctx, const event& e) const = 0;
  // Why an event does not count, for the verdicts the form gives alone (title, recipient, item).
  virtual std::string why_not(const body_context& ctx, const event& e, verdict v) const = 0;
  std::string noun;   // "held meeting"
  std::string nouns;  // "held meetings"
  // Events the records cannot tell about (cannot_tell), for findings: "held meeting with no agenda
  // items recorded".
  std::string unsure_noun = {}, unsure_nouns = {};
};
using counting_ptr = std::shared_ptr<const counting>;
counting_ptr counting_for(const body_context& ctx, const ast::meets& r);
counting_ptr counting_for(const body_context& ctx, const ast::meets_jointly& r);
counting_ptr counting_for(const body_context& ctx, const ast::reports& r);
counting_ptr counting_for(const body_context& ctx, const ast::receives& r);

// A frequency statement's counting, with what every form shares: the words for sessions and
// events not held, and remit explain's list of what counted.
class qualifier {
 public:
  using verdict = counting::verdict;
  qualifier(const body_context& ctx, const ast::statement& s, counting_ptr counts)
      : ctx_(&ctx), statement_(&s), counts_(std::move(counts)) {}
  verdict judge(const event& e) const { return counts_->judge(*ctx_, e); }
  bool counts(const event& e) const { return judge(e) == verdict::counted; }
  // Why an event with this verdict does not count, in words ("a session, not a formal meeting").
  std::string why_not(const event& e, verdict v) const;
  const std::string& noun() const { return counts_->noun; }    // "held meeting"
  const std::string& nouns() const { return counts_->nouns; }  // "held meetings"
  const std::string& unsure_noun() const { return counts_->unsure_noun; }
  const std::string& unsure_nouns() const { return counts_->unsure_nouns; }
  // remit explain's list of the body's events in the window, each counted or not and why; with
  // `anchor`, also the last counted before the window, where a gap chain starts.
  void list(trace_sink& out, bool anchor) const;
  std::string_view written() const;  // the statement as written, without its modifiers

 private:
  const body_context* ctx_;
  const ast::statement* statement_;
  counting_ptr counts_;
};

// ---- Gap (gap.cpp): each qualifying event due within an interval of the one before ----
class gap_judge {
 public:
  struct state {
    date last = no_date;    // the last qualifying event so far; none: the chain runs from the window's start
    bool fell_due = false;  // a link was judged, or the open link fell due
    bool started = false;   // the chain's start was traced
    date unsure = no_date;  // the last event the records cannot tell about after `last` (counting::cannot_tell)
  };
  static constexpr bool forecast_reads_record = true;
  gap_judge(const body_context& ctx, const ast::statement& s, const ast::gap_frequency& f, counting_ptr counts)
      : ctx_(&ctx), f_(&f), counts_(ctx, s, std::move(counts)), noun_(counts_.noun()) {}
  // Events the statement does not count are passed over.
  template <typename Out>
  void observe(state& s, const event& e, Out& out) const;
  template <typename Out>
  void close(state& s, Out& out) const;
  std::string words(const finding& x) const;
  // What the rule counts and what it is, said before its steps (remit explain).
  void introduce(trace_sink& out) const;
  // The next qualifying event, due within the interval of the record's last.
  void forecast(const state& s, outlook& o) const;

 private:
  template <typename Out>
  void start(state& s, Out& out) const;
  finding unsure_of(finding late, date unsure) const;
  const body_context* ctx_;
  const ast::gap_frequency* f_;
  qualifier counts_;
  std::string noun_;
};

// ---- Coverage and count (periods.cpp): each aligned period needs enough qualifying events ----
class period_judge {
 public:
  struct state {
    std::uint32_t index = 0;  // the first period not closed
    std::uint32_t count = 0;  // qualifying events in it so far
    bool fell_due = false;
    std::uint16_t unsure = 0;  // events in it so far the records cannot tell about (cannot_tell), at most 65,535
  };
  // An aligned period from the one holding the window's start to the one holding its end, and
  // whether it is judged.
  enum class judged_as { judged, starts_before, ends_after, earlier_version, later_version };
  struct aligned_period {
    audit_window span;
    judged_as judged = judged_as::judged;
  };
  static constexpr bool forecast_reads_record = true;
  period_judge(const body_context& ctx, const ast::statement& s, const ast::frequency& f, counting_ptr counts);
  template <typename Out>
  void observe(state& s, const event& e, Out& out) const;
  template <typename Out>
  void close(state& s, Out& out) const;
  std::string words(const finding& x) const;
  void introduce(trace_sink& out) const;
  // The first period, from the one holding "as of", that does not yet have enough.
  void forecast(const state& s, outlook& o) const;

 private:
  template <typename Out>
  void close_period(state& s, Out& out) const;
  const body_context* ctx_;
  period_rule rule_;
  qualifier counts_;
  std::vector<aligned_period> periods_;
};

// ---- Notice (forms/notice.cpp): each held meeting's agenda published N (clear) (working) days before ----
class notice_judge {
 public:
  struct state {
    bool fell_due = false;
  };
  // `latest_by_day`, if given: the latest compliant day for a meeting on each day of the window,
  // kept as found (no_date: not yet) for every body the statement judges; counting working days
  // back is most of judging a notice rule. Throws calendar_year_missing from observe.
  static constexpr bool forecast_reads_record = false;
  notice_judge(const body_context& ctx, const ast::notice& r) : ctx_(&ctx), r_(&r) {}
  void share_latest_days(std::vector<date>* latest_by_day) { latest_by_day_ = latest_by_day; }
  template <typename Out>
  void observe(state& s, const event& e, Out& out) const;
  template <typename Out>
  void close(state& s, Out& out) const;
  std::string words(const finding& x) const;
  void introduce(trace_sink& out) const;
  // The agenda of each planned meeting, published by the latest compliant date.
  void forecast(const state& s, outlook& o) const;

 private:
  date latest_day(date meeting) const;
  const body_context* ctx_;
  const ast::notice* r_;
  std::vector<date>* latest_by_day_ = nullptr;
};

// ---- Item (forms/has_item.cpp): each held meeting has an agenda item ----
class item_judge {
 public:
  struct state {
    bool fell_due = false;
  };
  static constexpr bool forecast_reads_record = false;
  item_judge(const body_context& ctx, const ast::has_item& r) : ctx_(&ctx), r_(&r), matcher_(r.item) {}
  template <typename Out>
  void observe(state& s, const event& e, Out& out) const;
  template <typename Out>
  void close(state& s, Out& out) const;
  std::string words(const finding& x) const { return x.message; }  // worded as found
  void introduce(trace_sink& out) const;
  // Each planned meeting's agenda has the item.
  void forecast(const state& s, outlook& o) const;

 private:
  const body_context* ctx_;
  const ast::has_item* r_;
  title_matcher matcher_;
};

// ---- Title (forms/has_title.cpp): each held meeting has a title, or one holding a phrase ----
class title_judge {
 public:
  struct state {
    bool fell_due = false;
  };
  static constexpr bool forecast_reads_record = false;
  title_judge(const body_context& ctx, const ast::has_title& r);
  template <typename Out>
  void observe(state& s, const event& e, Out& out) const;
  template <typename Out>
  void close(state& s, Out& out) const;
  std::string words(const finding& x) const { return x.message; }  // worded as found
  void introduce(trace_sink& out) const;
  // Each planned meeting's recorded title (a title is a log's record, not a forecast).
  void forecast(const state& s, outlook& o) const;

 private:
  const body_context* ctx_;
  const ast::has_title* r_;
  std::optional<title_matcher> matcher_;  // none: any recorded title will do
};

// ---- Deadline (forms/receives_by.cpp): "receives "X" by DATE" ----
class deadline_judge {
 public:
  struct state {
    date first = no_date;  // the first held meeting that received it (approves: that approved it)
    bool fell_due = false;
    date unsure = no_date;  // the first held meeting with no agenda items recorded (approves: or with the item and no outcome recorded)
    bool unsure_items = false;  // `unsure` has no agenda items recorded (else: the item with no outcome)
  };
  static constexpr bool forecast_reads_record = true;
  deadline_judge(const body_context& ctx, const ast::receives_by& r) : ctx_(&ctx), r_(&r), matcher_(r.item) {}
  template <typename Out>
  void observe(state& s, const event& e, Out& out) const;
  template <typename Out>
  void close(state& s, Out& out) const;
  std::string words(const finding& x) const { return x.message; }
  void introduce(trace_sink& out) const;
  // Received by a held meeting by the deadline, if the record has not.
  void forecast(const state& s, outlook& o) const;
  // Whether this version of the rules judges the deadline, in the window: when it does not, why.
  std::optional<std::string> not_judged() const;

 private:
  const body_context* ctx_;
  const ast::receives_by* r_;
  title_matcher matcher_;
};

// ---- First meeting (forms/first_meeting_item.cpp): the first held meeting of each year has an item ----
class first_meeting_judge {
 public:
  struct state {
    date year = no_date;       // the start of the year of the last held meeting seen
    date first_day = no_date;  // the first meeting's day of a judged year, until a later day settles it
    agenda_holds seen_so_far = agenda_holds::no_item;  // the best of the first day's meetings
    bool fell_due = false;
  };
  static constexpr bool forecast_reads_record = true;
  first_meeting_judge(const body_context& ctx, const ast::first_meeting_item& r);
  template <typename Out>
  void observe(state& s, const event& e, Out& out) const;
  template <typename Out>
  void close(state& s, Out& out) const;
  std::string words(const finding& x) const { return x.message; }  // worded as found
  void introduce(trace_sink& out) const;
  // The agenda of the first planned meeting of each year has the item.
  void forecast(const state& s, outlook& o) const;

 private:
  template <typename Out>
  void settle(state& s, Out& out) const;
  date year_holding(date d) const;
  const body_context* ctx_;
  const ast::first_meeting_item* r_;
  title_matcher matcher_;
};

// ---- Precedence (forms/preceded_by.cpp): each held meeting preceded by a named event ----
class precedence_judge {
 public:
  // Days of events strictly before the day being judged: of each kind, the latest day seen and the
  // latest before that (events of a meeting's own day never count for it).
  struct two_days {
    date latest = no_date, before = no_date;
    void see(date d) {
      if (latest == no_date || d > latest) before = latest, latest = d;
    }
    std::optional<date> before_day(date d) const {
      const date x = latest != no_date && latest < d ? latest : before;
      return x == no_date ? std::nullopt : std::optional(x);
    }
  };
  // "on the day": the day being read, gathered until a later day (or the close) makes it whole,
  // since its events may come in any order of time.
  struct meeting_on_day {
    time_of_day time = no_time;
    bool precedes_itself = false;  // its own title is the one asked for: it does not count for itself
  };
  struct same_day {
    date day = no_date;
    time_of_day earliest = no_time;  // the earliest recorded time of a preceding event on it
    std::uint32_t preceding = 0;     // preceding events on it
    std::uint32_t untimed = 0;       // of which with no time recorded
    std::vector<meeting_on_day> meetings;  // judged meetings on it, judged once the day is whole
  };
  struct state {
    two_days preceding;  // held meetings or sessions with the title
    two_days meetings;   // other held meetings: "since the previous meeting"
    same_day today;      // "on the day"
    bool fell_due = false;
  };
  static constexpr bool forecast_reads_record = true;
  precedence_judge(const body_context& ctx, const ast::preceded_by& r) : ctx_(&ctx), r_(&r), matcher_(r.title) {}
  template <typename Out>
  void observe(state& s, const event& e, Out& out) const;
  template <typename Out>
  void close(state& s, Out& out) const;
  std::string words(const finding& x) const { return x.message; }
  void introduce(trace_sink& out) const;
  // Before each planned meeting, a held (or planned) meeting or session with the title.
  void forecast(const state& s, outlook& o) const;

 private:
  bool precedes(const event& e) const;
  template <typename Out>
  void observe_on_day(state& s, const event& e, Out& out) const;
  template <typename Out>
  void settle_day(state& s, Out& out) const;
  void forecast_on_day(outlook& o) const;
  const body_context* ctx_;
  const ast::preceded_by* r_;
  title_matcher matcher_;
};

// ---- People (docs/language.md, "People") ----
// Judged on the attendance and membership records rather than on the events alone.
using finding_adder = std::function<void(finding)>;

// What every people judge says to remit explain (people.cpp): first the people data it is
// judged on, then each finding with its verdict, then "met" or "nothing fell due" if none.
void introduce_people(const body_context& ctx, trace_sink& out);
void trace_people_finding(const finding& f, trace_sink& out);
void close_people_trace(bool fell_due, trace_sink& out);
template <typename Judge, typename Out>
void add_people_finding(const Judge& judge, finding f, Out& out) {
  if constexpr (Out::tracing) trace_people_finding(f, out);
  out.add(judge, std::move(f));
}
// Why remit due lists nothing for a people rule.
void people_are_not_foreseen(outlook& o);

// A people rule that judges each held meeting in the window on its own: its family's file says
// what one meeting owes (src/forms/: quorum.cpp, chaired_by.cpp, attended_by.cpp, membership.cpp).
template <typename Rule>
class meeting_judge {
 public:
  struct state {
    bool fell_due = false;
  };
  static constexpr bool forecast_reads_record = false;
  meeting_judge(const body_context& ctx, const Rule& r) : ctx_(&ctx), rule_(&r) {}
  template <typename Out>
  void observe(state& s, const event& e, Out& out) const {
    if (!ctx_->counts_as_meeting(e) || e.day < ctx_->window.from || e.day > ctx_->window.to) return;
    s.fell_due = true;
    judge_meeting(e, [&](finding f) { add_people_finding(*this, std::move(f), out); });
  }
  template <typename Out>
  void close(state& s, Out& out) const {
    if constexpr (Out::tracing) close_people_trace(s.fell_due, out);
  }
  std::string words(const finding& x) const { return x.message; }  // worded as found
  void introduce(trace_sink& out) const { introduce_people(*ctx_, out); }
  void forecast(const state&, outlook& o) const { people_are_not_foreseen(o); }

 private:
  void judge_meeting(const event& meeting, const finding_adder& add) const;
  const body_context* ctx_;
  const Rule* rule_;
};
template <>
void meeting_judge<ast::quorum>::judge_meeting(const event&, const finding_adder&) const;
template <>
void meeting_judge<ast::chaired_by>::judge_meeting(const event&, const finding_adder&) const;
template <>
void meeting_judge<ast::attended_by>::judge_meeting(const event&, const finding_adder&) const;
template <>
void meeting_judge<ast::has_member>::judge_meeting(const event&, const finding_adder&) const;
template <>
void meeting_judge<ast::membership_size>::judge_meeting(const event&, const finding_adder&) const;
template <>
void meeting_judge<ast::party_spread>::judge_meeting(const event&, const finding_adder&) const;
template <>
void meeting_judge<ast::political_balance>::judge_meeting(const event&, const finding_adder&) const;
template <>
void meeting_judge<ast::role_held_by>::judge_meeting(const event&, const finding_adder&) const;

// A people rule judged once the window has closed, over its periods or over the memberships the
// records hold (src/forms/: attendance_rate.cpp, trained_within.cpp, rotates.cpp): the records of the whole window
// decide, not one meeting.
template <typename Rule>
class window_judge {
 public:
  struct state {
    bool fell_due = false;
  };
  static constexpr bool forecast_reads_record = false;
  window_judge(const body_context& ctx, const Rule& r) : ctx_(&ctx), rule_(&r) {}
  template <typename Out>
  void observe(state&, const event&, Out&) const {}
  template <typename Out>
  void close(state& s, Out& out) const {
    s.fell_due = judge_window([&](finding f) { add_people_finding(*this, std::move(f), out); });
    if constexpr (Out::tracing) close_people_trace(s.fell_due, out);
  }
  std::string words(const finding& x) const { return x.message; }
  void introduce(trace_sink& out) const { introduce_people(*ctx_, out); }
  void forecast(const state&, outlook& o) const { people_are_not_foreseen(o); }

 private:
  bool judge_window(const finding_adder& add) const;  // whether anything fell due
  const body_context* ctx_;
  const Rule* rule_;
};
template <>
bool window_judge<ast::attendance_rate>::judge_window(const finding_adder&) const;
template <>
bool window_judge<ast::trained_within>::judge_window(const finding_adder&) const;
template <>
bool window_judge<ast::rotates>::judge_window(const finding_adder&) const;

// remit explain's last words for a per-meeting judge when the window held no meeting to judge.
void trace_no_meeting(const body_context& ctx, trace_sink& out);

// How remit explain names an event: `meeting "Board"`, `report "Annual" to "Cabinet"`.
std::string event_words(const event_log& log, const event& e);

// The judges whose findings are worded from the finding's dates and the statement alone (the
// context's window, calendar, year start and version of the rules, never its events or people):
// every family but the people families, whose words name who was there. The streamed audit runs
// these judges alone (finding_words.hpp words their findings).
using dated_judge =
    std::variant<gap_judge, period_judge, notice_judge, item_judge, title_judge, deadline_judge, precedence_judge,
                 first_meeting_judge>;
template <typename Judge>
inline constexpr bool worded_from_dates = std::is_constructible_v<dated_judge, Judge>;

template <typename Judge>
void batch_sink::add(const Judge& judge, finding f) {
  if constexpr (worded_from_dates<Judge>) {
    // A finding its judge worded as it found it (what a meeting had, which its dates do not say) stays whole.
    if (f.message.empty()) {
      if (ctx.budget) ctx.budget->count();
      out.compact.emplace_back(f);
      return;
    }
  }
  f.message = judge.words(f);
  ctx.add(out, std::move(f));
}

// ---- Judging a body ----

// Feeds a judge the body's events in date order and closes it; its state at the end says whether
// anything fell due. The batch audit and remit explain judge so; the streamed audit feeds the
// same judges row by row.
template <typename Judge, typename Out>
typename Judge::state judge_events(const body_context& ctx, const Judge& judge, Out& out) {
  typename Judge::state s;
  if constexpr (Out::tracing) judge.introduce(out);
  for (const event* e : ctx.events) judge.observe(s, *e, out);
  judge.close(s, out);
  return s;
}

// The state a judge is left in by the body's events, nothing closed: what the record says as of
// its last event (remit due). A judge whose forecast looks only at what is planned is fed nothing.
template <typename Judge>
typename Judge::state record_state(const body_context& ctx, const Judge& judge) {
  typename Judge::state s;
  state_sink none;
  if constexpr (Judge::forecast_reads_record)
    for (const event* e : ctx.events) judge.observe(s, *e, none);
  return s;
}

// For a visitor that names every statement form (no default branch: a form left out does not compile).
template <typename... Forms>
struct each_form : Forms... {
  using Forms::operator()...;
};

// Every statement form's judge, made for one body and handed to `use`: the one place a form is
// registered with the engines. The batch audit, the streamed audit, remit explain and remit due
// all take their judges from here; a form with no line here does not compile.
template <typename Use>
decltype(auto) with_judge(const body_context& ctx, const ast::statement& s, Use&& use) {
  const auto frequency = [&](const ast::frequency& f, counting_ptr counts) {
    if (const auto* gap = std::get_if<ast::gap_frequency>(&f)) return use(gap_judge(ctx, s, *gap, std::move(counts)));
    return use(period_judge(ctx, s, f, std::move(counts)));
  };
  return std::visit(each_form{
                        [&](const ast::meets& r) { return frequency(r.how_often, counting_for(ctx, r)); },
                        [&](const ast::meets_jointly& r) { return frequency(r.how_often, counting_for(ctx, r)); },
                        [&](const ast::reports& r) { return frequency(r.how_often, counting_for(ctx, r)); },
                        [&](const ast::receives& r) { return frequency(r.how_often, counting_for(ctx, r)); },
                        [&](const ast::notice& r) { return use(notice_judge(ctx, r)); },
                        [&](const ast::has_item& r) { return use(item_judge(ctx, r)); },
                        [&](const ast::has_title& r) { return use(title_judge(ctx, r)); },
                        [&](const ast::receives_by& r) { return use(deadline_judge(ctx, r)); },
                        [&](const ast::preceded_by& r) { return use(precedence_judge(ctx, r)); },
                        [&](const ast::first_meeting_item& r) { return use(first_meeting_judge(ctx, r)); },
                        [&](const ast::quorum& r) { return use(meeting_judge(ctx, r)); },
                        [&](const ast::chaired_by& r) { return use(meeting_judge(ctx, r)); },
                        [&](const ast::attended_by& r) { return use(meeting_judge(ctx, r)); },
                        [&](const ast::has_member& r) { return use(meeting_judge(ctx, r)); },
                        [&](const ast::membership_size& r) { return use(meeting_judge(ctx, r)); },
                        [&](const ast::party_spread& r) { return use(meeting_judge(ctx, r)); },
                        [&](const ast::political_balance& r) { return use(meeting_judge(ctx, r)); },
                        [&](const ast::attendance_rate& r) { return use(window_judge(ctx, r)); },
                        [&](const ast::trained_within& r) { return use(window_judge(ctx, r)); },
                        [&](const ast::rotates& r) { return use(window_judge(ctx, r)); },
                        [&](const ast::role_held_by& r) { return use(meeting_judge(ctx, r)); },
                    },
                    s.what);
}

// A statement, judged whole for one body by the batch audit (evaluator.cpp): findings compact
// where batch_sink keeps them so, else worded.
family_result judge_statement(const body_context& ctx, const ast::statement& s);

}  // namespace remit
