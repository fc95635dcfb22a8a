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

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/context.hpp"
#include "evaluate/due.hpp"

namespace remit {

// ---- Where a judge's findings go ----
// Every sink takes `add(judge, finding)`: the judge's own `words` write the finding's derivation
// when the sink wants it. A sink whose `tracing` is true is also told each step in words
// (`step`), asked how to word a verdict (`verdict`: waivers and advisory wording decide), and
// lends the judge a list of dates to gather what it shows.

// The batch audit's: findings worded as found, each counted against the findings limit.
struct batch_sink {
  static constexpr bool tracing = false;
  const body_context& ctx;
  family_result& out;
  template <typename Judge>
  void add(const Judge& judge, finding f) {
    f.message = judge.words(f);
    ctx.add(out, std::move(f));
  }
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
  std::vector<obligation>& found;
  std::string why_quiet = {};
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

// ---- Which events a frequency counts (qualifying.cpp) ----
// A frequency statement (meets, meets jointly, reports, receives) counts some of a body's events;
// its judge is handed only those.
class qualifier {
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
  };
  qualifier(const body_context& ctx, const ast::rule& rule);
  verdict judge(const event& e) const;
  bool counts(const event& e) const { return judge(e) == verdict::counted; }
  // Why an event with this verdict does not count, in words ("a session, not a formal meeting").
  std::string why_not(const event& e, verdict v) const;
  const std::string& noun() const { return noun_; }    // "held meeting"
  const std::string& nouns() const { return nouns_; }  // "held meetings"

 private:
  const body_context* ctx_;
  const ast::rule* rule_;
  std::string wanted_;  // folded: the partner, the report title or the item
  std::optional<recipient_matcher> recipient_;
  std::string noun_, nouns_;
};

// ---- Gap (gap.cpp): each qualifying event due within an interval of the one before ----
class gap_judge {
 public:
  struct state {
    date last = no_date;    // the last qualifying event so far; none: the chain runs from the window's start
    bool fell_due = false;  // a link was judged, or the open link fell due
    bool started = false;   // the chain's start was traced
  };
  gap_judge(const body_context& ctx, const ast::gap_frequency& f, std::string noun, std::string_view rule_words = {})
      : ctx_(&ctx), f_(&f), noun_(std::move(noun)), rule_words_(rule_words) {}
  // `e` counts for the statement (its qualifier says so).
  template <typename Out>
  void observe(state& s, const event& e, Out& out) const;
  template <typename Out>
  void close(state& s, Out& out) const;
  std::string words(const finding& x) const;
  // What the rule is, said before its steps (remit explain).
  void introduce(trace_sink& out) const;
  // The next qualifying event, due within the interval of the record's last.
  void forecast(const state& s, const qualifier& q, outlook& o) const;

 private:
  template <typename Out>
  void start(state& s, Out& out) const;
  const body_context* ctx_;
  const ast::gap_frequency* f_;
  std::string noun_;
  std::string_view rule_words_;  // the statement as written, for remit explain
};

// ---- Coverage and count (periods.cpp): each aligned period needs enough qualifying events ----
class period_judge {
 public:
  struct state {
    std::uint32_t index = 0;  // the first period not closed
    std::uint32_t count = 0;  // qualifying events in it so far
    bool fell_due = false;
  };
  // An aligned period from the one holding the window's start to the one holding its end, and
  // whether it is judged.
  enum class judged_as { judged, starts_before, ends_after, earlier_version, later_version };
  struct aligned_period {
    audit_window span;
    judged_as judged = judged_as::judged;
  };
  period_judge(const body_context& ctx, const ast::frequency& f, std::string noun, std::string nouns,
               std::string_view rule_words = {});
  template <typename Out>
  void observe(state& s, const event& e, Out& out) const;
  template <typename Out>
  void close(state& s, Out& out) const;
  std::string words(const finding& x) const;
  void introduce(trace_sink& out) const;
  // The first period, from the one holding "as of", that does not yet have enough.
  void forecast(const state& s, const qualifier& q, outlook& o) const;

 private:
  template <typename Out>
  void close_period(state& s, Out& out) const;
  const body_context* ctx_;
  period_rule rule_;
  std::vector<aligned_period> periods_;
  std::string noun_, nouns_;
  std::string_view rule_words_;
};

// ---- Notice (notice.cpp): each held meeting's agenda published N (clear) (working) days before ----
class notice_judge {
 public:
  struct state {
    bool fell_due = false;
  };
  // `latest_by_day`, if given: the latest compliant day for a meeting on each day of the window,
  // kept as found (no_date: not yet) for every body the statement judges; counting working days
  // back is most of judging a notice rule. Throws calendar_year_missing from observe.
  notice_judge(const body_context& ctx, const ast::notice& r, std::vector<date>* latest_by_day = nullptr)
      : ctx_(&ctx), r_(&r), latest_by_day_(latest_by_day) {}
  template <typename Out>
  void observe(state& s, const event& e, Out& out) const;
  template <typename Out>
  void close(state& s, Out& out) const;
  std::string words(const finding& x) const;
  void introduce(trace_sink& out) const;
  // The agenda of each planned meeting, published by the latest compliant date.
  void forecast(outlook& o) const;

 private:
  date latest_day(date meeting) const;
  const body_context* ctx_;
  const ast::notice* r_;
  std::vector<date>* latest_by_day_;
};

// ---- Item (item.cpp): each held meeting has an agenda item ----
class item_judge {
 public:
  struct state {
    bool fell_due = false;
  };
  item_judge(const body_context& ctx, const ast::has_item& r) : ctx_(&ctx), r_(&r), matcher_(r) {}
  template <typename Out>
  void observe(state& s, const event& e, Out& out) const;
  template <typename Out>
  void close(state& s, Out& out) const;
  std::string words(const finding& x) const { return x.message; }  // worded as found
  void introduce(trace_sink& out) const;
  // Each planned meeting's agenda has the item.
  void forecast(outlook& o) const;

 private:
  const body_context* ctx_;
  const ast::has_item* r_;
  item_matcher matcher_;
};

// ---- Deadline (deadline.cpp): "receives "X" by DATE" ----
class deadline_judge {
 public:
  struct state {
    date first = no_date;  // the first held meeting that received it
    bool fell_due = false;
  };
  deadline_judge(const body_context& ctx, const ast::receives_by& r) : ctx_(&ctx), r_(&r), wanted_(fold(r.item)) {}
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
  std::string wanted_;
};

// ---- Precedence (precedence.cpp): each held meeting preceded by a named event ----
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
  struct state {
    two_days preceding;  // held meetings or sessions with the title
    two_days meetings;   // other held meetings: "since the previous meeting"
    bool fell_due = false;
  };
  precedence_judge(const body_context& ctx, const ast::preceded_by& r) : ctx_(&ctx), r_(&r), wanted_(fold(r.title)) {}
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
  const body_context* ctx_;
  const ast::preceded_by* r_;
  std::string wanted_;
};

// ---- People (docs/language.md, "People") ----
// Judged on the attendance and membership records rather than on the events alone.
using finding_adder = std::function<void(finding)>;

// A people rule that judges each held meeting in the window on its own: its family's file says
// what one meeting owes (quorum.cpp, chair.cpp, attended_by.cpp, membership.cpp).
template <typename Rule>
class meeting_judge {
 public:
  struct state {
    bool fell_due = false;
  };
  meeting_judge(const body_context& ctx, const Rule& r) : ctx_(&ctx), rule_(&r) {}
  template <typename Out>
  void observe(state& s, const event& e, Out& out) const {
    if (!ctx_->counts_as_meeting(e) || e.day < ctx_->window.from || e.day > ctx_->window.to) return;
    s.fell_due = true;
    judge_meeting(e, [&](finding f) { out.add(*this, std::move(f)); });
  }
  template <typename Out>
  void close(state&, Out&) const {}
  std::string words(const finding& x) const { return x.message; }  // worded as found
  void introduce(trace_sink&) const {}

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

// A people rule judged once the window has closed, over its periods or over the memberships the
// records hold (attendance_rate.cpp, training.cpp, rotation.cpp): the records of the whole window
// decide, not one meeting.
template <typename Rule>
class window_judge {
 public:
  struct state {
    bool fell_due = false;
  };
  window_judge(const body_context& ctx, const Rule& r) : ctx_(&ctx), rule_(&r) {}
  template <typename Out>
  void observe(state&, const event&, Out&) const {}
  template <typename Out>
  void close(state& s, Out& out) const {
    s.fell_due = judge_window([&](finding f) { out.add(*this, std::move(f)); });
  }
  std::string words(const finding& x) const { return x.message; }
  void introduce(trace_sink&) const {}

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

// How remit explain names an event: `meeting "Board"`, `report "Annual" to "Cabinet"`.
std::string event_words(const event_log& log, const event& e);

// ---- Judging a body ----

// Feeds a judge the body's events that `keep` admits, in date order, and closes it; its state at
// the end says whether anything fell due. The batch audit, remit explain and remit due judge so;
// the streamed audit feeds the same judges row by row.
template <typename Judge, typename Keep, typename Out>
typename Judge::state judge_events(const body_context& ctx, const Judge& judge, Keep keep, Out& out) {
  typename Judge::state s;
  if constexpr (Out::tracing) judge.introduce(out);
  for (const event* e : ctx.events)
    if (keep(*e)) judge.observe(s, *e, out);
  judge.close(s, out);
  return s;
}

// The state a judge is left in by the body's events that `keep` admits, nothing closed: what the
// record says as of its last event (remit due).
template <typename Judge, typename Keep>
typename Judge::state record_state(const body_context& ctx, const Judge& judge, Keep keep) {
  typename Judge::state s;
  state_sink none;
  for (const event* e : ctx.events)
    if (keep(*e)) judge.observe(s, *e, none);
  return s;
}

// A frequency statement (meets, meets jointly, reports, receives): its qualifier chooses the
// events, and a gap or period judge judges them.
template <typename Out>
bool judge_frequency(const body_context& ctx, const ast::statement& s, const ast::frequency& f, Out& out) {
  const qualifier q(ctx, s.what);
  const auto keep = [&](const event& e) { return q.counts(e); };
  const std::string_view written = std::string_view(s.text).substr(0, s.rule_chars);
  if (const auto* gap = std::get_if<ast::gap_frequency>(&f))
    return judge_events(ctx, gap_judge(ctx, *gap, q.noun(), written), keep, out).fell_due;
  return judge_events(ctx, period_judge(ctx, f, q.noun(), q.nouns(), written), keep, out).fell_due;
}

// A statement, judged whole for one body by the batch audit (evaluator.cpp), findings worded.
family_result judge_statement(const body_context& ctx, const ast::statement& s);

// For a visitor that names every statement form (no default branch: a form left out does not compile).
template <typename... Forms>
struct each_form : Forms... {
  using Forms::operator()...;
};

}  // namespace remit
