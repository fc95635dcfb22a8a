// remit explain (docs/tools.md). One explainer per statement and body: it lists the events
// the rule looks at, works through every step of the rule's family as docs/language.md defines
// it, and ends with the audit's own result. What it reached is compared with the audit's
// findings; any difference is a fault in remit and stops the command.
#include "evaluate/explain.hpp"

#include <algorithm>
#include <ostream>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>
#include <re2/re2.h>

#include "core/date.hpp"
#include "core/text.hpp"
#include "evaluate/context.hpp"
#include "evaluate/evaluator.hpp"
#include "language/describe.hpp"
#include "language/pattern.hpp"

namespace remit {

namespace {

// The due date after p, and the arithmetic that gives it, written out.
std::pair<date, std::string> due_worked_out(date p, const ast::gap_frequency& f) {
  date d = p;
  std::string how;
  switch (f.unit) {
    case ast::time_unit::day:
      d = p.plus_days(f.count);
      how = fmt::format("{} + {} = {}", p, counted(f.count, "day", "days"), d);
      break;
    case ast::time_unit::week:
      d = p.plus_days(7L * f.count);
      how = fmt::format("{} + {} ({} days) = {}", p, counted(f.count, "week", "weeks"), 7 * f.count, d);
      break;
    case ast::time_unit::month:
    case ast::time_unit::year: {
      const int months = f.unit == ast::time_unit::year ? 12 * f.count : f.count;
      d = p.plus_months(months);
      how = f.unit == ast::time_unit::year
                ? fmt::format("{} + {} ({} months) = {}", p, counted(f.count, "year", "years"), months, d)
                : fmt::format("{} + {} = {}", p, counted(f.count, "month", "months"), d);
      if (d.day_of_month() != p.day_of_month())
        how += fmt::format(" ({} {} has no day {}, so the date is clamped to the last day of that month)",
                           month_name(static_cast<int>(d.month())), d.year(), p.day_of_month());
      break;
    }
  }
  if (f.grace_days > 0) {
    const date with_grace = d.plus_days(f.grace_days);
    how += fmt::format(", + {} grace = {}", counted(f.grace_days, "day's", "days'"), with_grace);
    d = with_grace;
  }
  return {d, how};
}

// The start of the aligned period that holds `d` (as the period families align them).
date aligned_period_start(date d, int months, int year_start_month) {
  date start = date::from(std::chrono::year{d.year()} / std::chrono::month{d.month()} / 1);
  while (((static_cast<int>(start.month()) - year_start_month) % months + months) % months != 0) start = start.plus_months(-1);
  return start;
}

std::string dates_list(const std::vector<date>& dates) {
  std::string out;
  for (date d : dates) out += fmt::format("{}{}", out.empty() ? "" : ", ", d);
  return out;
}

struct reached {
  finding_status status;
  date due;
  auto operator<=>(const reached&) const = default;
};

class explainer {
 public:
  explainer(const ast::rule_file& file, const ast::body& block, const ast::statement& s, const body_context& ctx,
            std::ostream& out)
      : file_(file), block_(block), s_(s), ctx_(ctx), out_(out) {}

  std::vector<reached> run() {
    std::visit(
        [&](const auto& r) {
          using T = std::decay_t<decltype(r)>;
          if constexpr (std::is_same_v<T, ast::notice>) {
            notice(r);
          } else if constexpr (std::is_same_v<T, ast::has_item>) {
            item(r);
          } else if constexpr (std::is_same_v<T, ast::receives_by>) {
            deadline(r);
          } else if constexpr (std::is_same_v<T, ast::preceded_by>) {
            precedence(r);
          } else if constexpr (ast::is_people_rule<T>) {
            people();
          } else {
            const series dates = qualifying_series(ctx_, s_.what);
            counted_events(dates, std::holds_alternative<ast::gap_frequency>(r.how_often));
            if (const auto* gap = std::get_if<ast::gap_frequency>(&r.how_often))
              gap_chain(dates, *gap);
            else
              periods(dates, r.how_often);
          }
        },
        s_.what);
    waivers();
    return reached_;
  }

 private:
  date from() const { return ctx_.window.from; }
  // As the audit does (body_context::in_force): no due date before the version took effect.
  std::pair<date, std::string> in_force(std::pair<date, std::string> due) const {
    if (!ctx_.version || !ctx_.version->from || due.first >= *ctx_.version->from) return due;
    return {*ctx_.version->from, fmt::format("{}; before this version of the rules took effect, so due on {}", due.second,
                                             *ctx_.version->from)};
  }
  date to() const { return ctx_.window.to; }
  std::string title_of(const event& e) const { return std::string(ctx_.log.strings.text(e.title)); }

  const ast::waiver* waiver_for(date due) const {
    for (const auto* list : {&block_.waivers, &file_.waivers})
      for (const ast::waiver& w : *list)
        if (w.label == s_.label && w.from <= due && due <= w.to) return &w;
    return nullptr;
  }

  // A breach due on `due`: waived when a waiver for the label covers that date.
  std::string breach(date due) {
    if (const ast::waiver* w = waiver_for(due)) {
      reached_.push_back({finding_status::waived, due});
      return fmt::format("breach, waived: its due date {} lies in the waiver from {} to {} (\"{}\")", due, w->from, w->to,
                         w->reason);
    }
    if (s_.modifiers.advisory) {
      reached_.push_back({finding_status::advisory, due});
      return "advisory (the statement is advisory: never a breach)";
    }
    reached_.push_back({finding_status::breach, due});
    return "breach";
  }
  void no_evidence(date due) { reached_.push_back({finding_status::no_evidence, due}); }

  // ---- the events a frequency is judged on ----

  // Why an event of the body does not count for this statement, or nothing when it counts.
  // Events of another kind altogether (reports, for a meeting rule) are not listed at all.
  std::optional<std::string> why_not_counted(const event& e, bool& listed) const {
    listed = true;
    const std::string status = e.held() ? std::string{} : fmt::format("{}, not held", name(e.status));
    if (std::holds_alternative<ast::meets>(s_.what)) {
      if (e.kind == event_kind::report) return listed = false, std::nullopt;
      if (e.kind == event_kind::session && !s_.modifiers.informal_meetings_count) return "a session, not a formal meeting";
      if (!e.held()) return status;
      return std::nullopt;
    }
    if (const auto* j = std::get_if<ast::meets_jointly>(&s_.what)) {
      if (e.kind == event_kind::report) return listed = false, std::nullopt;
      if (!e.held()) return status;
      if (!folded_contains(ctx_.title(e), fold(j->partner)))
        return fmt::format("its title does not contain \"{}\"", j->partner);
      return std::nullopt;
    }
    if (const auto* r = std::get_if<ast::reports>(&s_.what)) {
      if (e.kind != event_kind::report) return listed = false, std::nullopt;
      if (!e.held()) return status;
      if (const recipient_matcher to(*r); !to.matches(ctx_.log.strings.folded(e.to)))
        return fmt::format("it went to \"{}\", not to {}", ctx_.log.strings.text(e.to), to.what());
      if (r->title && !folded_contains(ctx_.title(e), fold(*r->title)))
        return fmt::format("its title does not contain \"{}\"", *r->title);
      return std::nullopt;
    }
    if (const auto* v = std::get_if<ast::receives>(&s_.what)) {
      if (e.kind == event_kind::report || (e.kind == event_kind::session && !s_.modifiers.informal_meetings_count))
        return listed = false, std::nullopt;
      if (!e.held()) return status;
      const auto items = ctx_.log.items_of(e);
      if (items.empty()) return "its agenda items are not recorded";
      for (string_pool::id i : items)
        if (folded_contains(ctx_.log.strings.folded(i), fold(v->item))) return std::nullopt;
      return fmt::format("none of its {} contains \"{}\"", counted(static_cast<long>(items.size()), "item", "items"), v->item);
    }
    return listed = false, std::nullopt;
  }

  std::string event_words(const event& e) const {
    std::string what(name(e.kind));
    if (e.title != 0) what += fmt::format(" \"{}\"", title_of(e));
    if (e.kind == event_kind::report && e.to != 0) what += fmt::format(" to \"{}\"", ctx_.log.strings.text(e.to));
    return what;
  }

  // With `anchor`, also the last counted event before the window, where a gap chain starts.
  void counted_events(const series& dates, bool anchor) {
    out_ << fmt::format("\nWhat clause {} counts: {}. The body's events from {} to {}:\n", s_.label, dates.nouns, from(), to());
    std::vector<date> counted_in_window;
    std::optional<date> last_before;
    for (const event* e : ctx_.events) {
      if (e->day > to()) break;
      bool listed = false;
      const auto why = why_not_counted(*e, listed);
      if (!listed) continue;
      if (e->day < from()) {
        if (!why) last_before = e->day;
        continue;
      }
      if (why) {
        out_ << fmt::format("  {}  {}: not counted, {}\n", e->day, event_words(*e), *why);
      } else {
        out_ << fmt::format("  {}  {}: counted\n", e->day, event_words(*e));
        counted_in_window.push_back(e->day);
      }
    }
    if (counted_in_window.empty()) out_ << fmt::format("  none counted from {} to {}\n", from(), to());
    if (last_before && anchor)
      out_ << fmt::format("  before {}, the last counted was on {}\n",
                          ctx_.version ? to_iso(from()) : std::string("the window"), *last_before);
    // The listing must agree with the events the family is judged on.
    std::vector<date> official;
    std::copy_if(dates.dates.begin(), dates.dates.end(), std::back_inserter(official),
                 [&](date d) { return d >= from() && d <= to(); });
    const auto before = std::lower_bound(dates.dates.begin(), dates.dates.end(), from());
    const std::optional<date> official_before =
        before == dates.dates.begin() ? std::nullopt : std::optional<date>(*(before - 1));
    if (official != counted_in_window || official_before != last_before)
      throw std::logic_error(fmt::format("explain counts other events than the audit for clause {}", s_.label));
  }

  // The statement as written, without its modifiers: an advisory quote may say "bi-monthly" too.
  std::string_view rule_words() const { return std::string_view(s_.text).substr(0, s_.rule_chars); }

  // ---- gap ----
  void gap_chain(const series& s, const ast::gap_frequency& f) {
    // "at N weekly intervals" is a gap rule in other words: say which.
    if (rule_words().find("weekly intervals") != std::string_view::npos)
      out_ << fmt::format("\n\"weekly intervals\" means every {} weeks.", f.count);
    out_ << fmt::format(
        "\nGap rule: each {} is due within {}{} of the one before it; one on its due date is on time.\n"
        "The chain starts at the last {} before the window, or at the window's first day when there is none.\n",
        s.noun, interval_words(f), f.grace_days ? fmt::format(" and {} grace", counted(f.grace_days, "day's", "days'")) : "",
        s.noun);
    if (ctx_.window.from > ctx_.audit().from)
      out_ << fmt::format("This version of the rules took effect on {}: its chain looks back across the change to the "
                          "last {} before it, and no due date falls before {}.\n",
                          from(), s.noun, from());
    const auto first_in = std::lower_bound(s.dates.begin(), s.dates.end(), from());
    const auto end_in = std::upper_bound(first_in, s.dates.end(), to());
    date p = ctx_.audit().from;
    if (first_in != s.dates.begin()) {
      p = *(first_in - 1);
      out_ << (ctx_.version ? fmt::format("  start   {}, the last {} before {}\n", p, s.noun, from())
                            : fmt::format("  start   {}, the last {} before the window\n", p, s.noun));
    } else {
      out_ << fmt::format("  start   {}, the first day of the window (no {} before {})\n", p, s.noun,
                          ctx_.version ? to_iso(from()) : std::string("it"));
    }
    int link = 0;
    for (auto it = first_in; it != end_in; ++it) {
      const date q = *it;
      const auto [due, how] = in_force(due_worked_out(p, f));
      out_ << fmt::format("  link {}  {} -> {} on {}\n", ++link, p, s.noun, q);
      out_ << fmt::format("          due: {}\n", how);
      if (q > due)
        out_ << fmt::format("          {} late ({} is after {}): {}\n", counted(days_between(due, q), "day", "days"), q, due,
                            breach(due));
      else
        out_ << fmt::format("          on time ({} is on or before {})\n", q, due);
      p = q;
    }
    const auto [due, how] = in_force(due_worked_out(p, f));
    out_ << (ctx_.version ? fmt::format("  open    {} -> no later {} by {}\n", p, s.noun, ctx_.window_end_words())
                          : fmt::format("  open    {} -> no later {} by {}, the end of the window\n", p, s.noun, to()));
    out_ << fmt::format("          due: {}\n", how);
    if (to() > due)
      out_ << fmt::format("          the window ends after {} with none held: {}, still open at {}\n", due, breach(due), to());
    else
      out_ << fmt::format("          not late at the end of the window ({} is on or before {})\n", to(), due);
  }

  // ---- coverage and count ----
  void periods(const series& s, const ast::frequency& f) {
    const bool is_count = std::holds_alternative<ast::count_frequency>(f);
    const ast::period_kind period =
        is_count ? std::get<ast::count_frequency>(f).period : std::get<ast::coverage_frequency>(f).period;
    const int needed = is_count ? std::get<ast::count_frequency>(f).times : 1;
    const int months = ast::months_in(period);
    // The named frequencies that read like gaps are periods: say so, and how to ask for the gap.
    for (const auto& [words, strict] : {std::pair{"bi-monthly", "every 2 months"}, std::pair{"six-monthly", "every 6 months"}})
      if (rule_words().find(words) != std::string_view::npos)
        out_ << fmt::format("\n\"{}\" means one in each {}, not a gap between them (the gap is written \"{}\").",
                            words, period_word(period), strict);
    out_ << fmt::format(
        "\n{} rule: every {} needs {} {}.\n"
        "Periods are aligned to the year start (1 {}); only those wholly inside the window are judged.\n",
        is_count ? "Count" : "Coverage", period_word(period), is_count ? fmt::format("at least {}", needed) : "at least one",
        needed == 1 ? s.noun : s.nouns, month_name(ctx_.year_start_month));
    const audit_window whole = ctx_.audit();
    if (ctx_.version)
      out_ << fmt::format("This version of the rules judges the periods that end from {} to {}.\n", from(), to());
    for (date start = aligned_period_start(whole.from, months, ctx_.year_start_month); start <= whole.to;
         start = start.plus_months(months)) {
      const date end = start.plus_months(months).plus_days(-1);
      if (start < whole.from || end > whole.to) {
        out_ << fmt::format("  {} to {}  not judged: it {} the window\n", start, end,
                            start < whole.from ? "starts before" : "ends after");
        continue;
      }
      if (end < from() || end > to()) {
        out_ << fmt::format("  {} to {}  judged by another version of the rules: it ends {} this one was in force\n",
                            start, end, end < from() ? "before" : "after");
        continue;
      }
      std::vector<date> in;
      std::copy_if(s.dates.begin(), s.dates.end(), std::back_inserter(in), [&](date d) { return d >= start && d <= end; });
      const std::string found = in.empty() ? std::string("none") : fmt::format("{}: {}", counted(static_cast<long>(in.size()), s.noun, s.nouns), dates_list(in));
      if (static_cast<int>(in.size()) >= needed)
        out_ << fmt::format("  {} to {}  {}: met\n", start, end, found);
      else
        out_ << fmt::format("  {} to {}  {}: {}, due by {}\n", start, end, found, breach(end), end);
    }
  }

  // ---- notice ----
  void notice(const ast::notice& r) {
    out_ << fmt::format(
        "\nNotice rule: for each held meeting in the window, count back {} {}from the meeting (the meeting day\n"
        "itself not counted) to the date L. {}\n",
        r.days, r.working ? (r.days == 1 ? "working day " : "working days ") : (r.days == 1 ? "day " : "days "),
        r.clear ? "With \"clear\", the days lie wholly between publication and meeting:\n"
                  "publication was due by the day before L."
                : "Publication was due by L.");
    if (r.working)
      out_ << fmt::format("Working days are Monday to Friday, less the bank holidays of the {} calendar.\n",
                          division_name(ctx_.cal.which()));
    bool any = false;
    for (const event* e : ctx_.events) {
      if (!ctx_.counts_as_meeting(*e) || e->day < from() || e->day > to()) continue;
      any = true;
      const date m = e->day;
      out_ << fmt::format("\n  meeting {}\n", with_weekday(m));
      date l = m.plus_days(-r.days);
      if (r.working) {
        calendar::trace trace;
        l = ctx_.cal.working_days_before(m, r.days, &trace);
        int n = 0;
        for (date d = m.plus_days(-1); d >= l; d = d.plus_days(-1)) {
          const auto holiday = std::find_if(trace.holidays_skipped.begin(), trace.holidays_skipped.end(),
                                            [&](const bank_holiday* h) { return h->day == d; });
          if (std::find(trace.counted.begin(), trace.counted.end(), d) != trace.counted.end())
            out_ << fmt::format("    {}  working day {}\n", with_weekday(d), ++n);
          else if (holiday != trace.holidays_skipped.end())
            out_ << fmt::format("    {}  skipped: bank holiday, {}\n", with_weekday(d), (*holiday)->title);
          else
            out_ << fmt::format("    {}  skipped: weekend\n", with_weekday(d));
        }
        out_ << fmt::format("    L = {}, the {} working day back\n", with_weekday(l), ordinal(r.days));
      } else {
        out_ << fmt::format("    L = {} - {} = {}\n", with_weekday(m), counted(r.days, "day", "days"), with_weekday(l));
      }
      const date due = r.clear ? l.plus_days(-1) : l;
      if (r.clear) out_ << fmt::format("    clear days: publication was due by {}, the day before L\n", with_weekday(due));
      if (e->published == no_date) {
        out_ << fmt::format("    no publication date is recorded: no-evidence (due {})\n", with_weekday(due));
        no_evidence(due);
      } else if (e->published <= due) {
        out_ << fmt::format("    published {}: on time\n", with_weekday(e->published));
      } else {
        out_ << fmt::format("    published {}, {} late: {}\n", with_weekday(e->published),
                            counted(days_between(due, e->published), "day", "days"), breach(due));
      }
    }
    if (!any) out_ << fmt::format("\n  no held meeting from {} to {}: nothing fell due\n", from(), to());
  }

  static std::string ordinal(int n) {
    const int tens = n % 100;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    return fmt::format("{}{}", n, suffix);
  }

  // ---- item ----
  void item(const ast::has_item& r) {
    out_ << fmt::format(
        "\nItem rule: each held meeting in the window needs an agenda item {}.\n"
        "Items are compared with case and runs of white space ignored{}.\n",
        r.is_regex ? fmt::format("in which the regular expression \"{}\" is found", r.pattern)
                   : fmt::format("containing \"{}\"", r.pattern),
        r.is_regex ? "; the expression is searched for anywhere in the item" : "");
    const auto compiled = compile_pattern(r.is_regex ? r.pattern : std::string("^$"));
    const RE2& re = *compiled;
    const std::string wanted = fold(r.pattern);
    bool any = false;
    for (const event* e : ctx_.events) {
      if (!ctx_.counts_as_meeting(*e) || e->day < from() || e->day > to()) continue;
      any = true;
      const auto items = ctx_.log.items_of(*e);
      out_ << fmt::format("\n  meeting {}: {}\n", e->day,
                          items.empty() ? std::string("no agenda items recorded") : counted(static_cast<long>(items.size()), "item", "items"));
      if (items.empty()) {
        out_ << fmt::format("    cannot tell whether it had the item: no-evidence (due {})\n", e->day);
        no_evidence(e->day);
        continue;
      }
      std::vector<std::string_view> matching;
      for (string_pool::id i : items) {
        const std::string_view folded = ctx_.log.strings.folded(i);
        if (r.is_regex ? RE2::PartialMatch(folded, re) : folded_contains(folded, wanted)) matching.push_back(ctx_.log.strings.text(i));
      }
      if (!matching.empty()) {
        for (std::string_view m : matching) out_ << fmt::format("    found in \"{}\"\n", m);
        out_ << "    met\n";
        continue;
      }
      for (string_pool::id i : items) out_ << fmt::format("    \"{}\"\n", ctx_.log.strings.text(i));
      out_ << fmt::format("    no item matches: {}\n", breach(e->day));
    }
    if (!any) out_ << fmt::format("\n  no held meeting from {} to {}: nothing fell due\n", from(), to());
  }

  // ---- people ----
  // The people data the rule is judged on, then each finding of its family with its reason.
  void people() {
    out_ << "\nPeople rule: judged on the attendance recorded at each held meeting and the memberships of the body.\n";
    bool any = false;
    for (const event* e : ctx_.events) {
      if (!e->held_meeting() || e->day < from()) continue;
      any = true;
      const auto record = attendance_at(ctx_, *e);
      out_ << fmt::format("\n  meeting {}: {}\n", e->day,
                          record.empty() ? std::string("no attendance recorded")
                                         : counted(static_cast<long>(record.size()), "person recorded", "people recorded"));
      for (const attendance& a : record)
        out_ << fmt::format("    {}{}: {}\n", ctx_.log.strings.text(a.person),
                            a.role ? fmt::format(" ({})", ctx_.log.strings.text(a.role)) : std::string(), name(a.status));
      const auto members = members_on(ctx_, e->day);
      if (has_memberships(ctx_)) out_ << fmt::format("    members on {}: {}\n", e->day, members.size());
    }
    if (!any) out_ << fmt::format("\n  no held meeting from {} to {}\n", from(), to());
    const std::size_t memberships = ctx_.people ? ctx_.people->memberships.size() : 0;
    const std::size_t trainings = ctx_.people ? ctx_.people->trainings.size() : 0;
    out_ << fmt::format("\n  {} of the body and {} recorded in the logs\n",
                        counted(static_cast<long>(memberships), "membership", "memberships"),
                        counted(static_cast<long>(trainings), "training record", "training records"));
    const family_result found = evaluate_people(ctx_, s_.what);
    for (const finding& f : found.findings) {
      if (f.status == finding_status::no_evidence) {
        no_evidence(f.due);
        out_ << fmt::format("\n  {}: no-evidence (due {})\n", f.message, f.due);
      } else {
        out_ << fmt::format("\n  {}: {}\n", f.message, breach(f.due));
      }
    }
    if (found.findings.empty()) out_ << (found.fell_due ? "\n  met\n" : "\n  nothing fell due in the window\n");
  }

  // ---- precedence ----
  void precedence(const ast::preceded_by& r) {
    if (r.since_previous) return precedence_since_previous(r);
    out_ << fmt::format(
        "\nPrecedence rule: each held meeting M in the window needs a held meeting or session of the body\n"
        "whose title contains \"{}\", from M - {} to the day before M.\n",
        r.title, counted(r.days, "day", "days"));
    const std::string wanted = fold(r.title);
    bool any = false;
    for (const event* m : ctx_.events) {
      if (!ctx_.counts_as_meeting(*m) || m->day < from() || m->day > to()) continue;
      any = true;
      const date earliest = m->day.plus_days(-r.days);
      out_ << fmt::format("\n  meeting {}: looking from {} to {}\n", m->day, earliest, m->day.plus_days(-1));
      std::vector<const event*> in_range;
      std::optional<date> last_before;
      for (const event* e : ctx_.events) {
        if (e->day >= m->day || !e->held() || e->kind == event_kind::report || !folded_contains(ctx_.title(*e), wanted)) continue;
        last_before = e->day;
        if (e->day >= earliest) in_range.push_back(e);
      }
      if (!in_range.empty()) {
        for (const event* e : in_range) out_ << fmt::format("    {}  {}\n", e->day, event_words(*e));
        out_ << "    met\n";
        continue;
      }
      out_ << fmt::format("    none{}: {}\n", last_before ? fmt::format("; the last one was on {}", *last_before) : "",
                          breach(m->day));
    }
    if (!any) out_ << fmt::format("\n  no held meeting from {} to {}: nothing fell due\n", from(), to());
  }

  void precedence_since_previous(const ast::preceded_by& r) {
    out_ << fmt::format(
        "\nPrecedence rule: each held meeting M in the window needs a held meeting or session of the body\n"
        "whose title contains \"{}\",\nafter the day of the body's previous held meeting P and before M.\n"
        "With no P in the logs, one any time before M will do; none is no evidence.\n",
        r.title);
    const std::string wanted = fold(r.title);
    const auto qualifies = [&](const event& e) {
      return e.held() && e.kind != event_kind::report && folded_contains(ctx_.title(e), wanted);
    };
    bool any = false;
    for (const event* m : ctx_.events) {
      if (!ctx_.counts_as_meeting(*m) || m->day < from() || m->day > to()) continue;
      any = true;
      std::optional<date> previous;
      for (const event* e : ctx_.events)
        if (e->day < m->day && !qualifies(*e) && ctx_.counts_as_meeting(*e)) previous = e->day;
      out_ << fmt::format("\n  meeting {}: looking {}\n", m->day,
                          previous ? fmt::format("after the previous meeting on {}", *previous)
                                   : std::string("at anything before it (no earlier meeting is recorded)"));
      std::vector<const event*> in_range;
      std::optional<date> last_before;
      for (const event* e : ctx_.events) {
        if (e->day >= m->day || !qualifies(*e)) continue;
        last_before = e->day;
        if (!previous || e->day > *previous) in_range.push_back(e);
      }
      if (!in_range.empty()) {
        for (const event* e : in_range) out_ << fmt::format("    {}  {}\n", e->day, event_words(*e));
        out_ << "    met\n";
        continue;
      }
      if (!previous) {
        no_evidence(m->day);
        out_ << fmt::format("    none, and no earlier meeting: no-evidence (due {})\n", m->day);
        continue;
      }
      out_ << fmt::format("    none{}: {}\n", last_before ? fmt::format("; the last one was on {}", *last_before) : "",
                          breach(m->day));
    }
    if (!any) out_ << fmt::format("\n  no held meeting from {} to {}: nothing fell due\n", from(), to());
  }

  // ---- deadline ----
  void deadline(const ast::receives_by& r) {
    out_ << fmt::format(
        "\nDeadline rule: a held meeting of the body, on or before {}, must have an agenda item\n"
        "containing \"{}\". Meetings before the window count.\n",
        r.deadline, r.item);
    if (to() < r.deadline) {
      out_ << fmt::format("  {} before the deadline: not yet due\n", ctx_.window_end_words());
      return;
    }
    if (ctx_.version && ctx_.version->from && r.deadline < *ctx_.version->from) {
      out_ << fmt::format("  the deadline falls before this version of the rules took effect on {}: not judged by it\n",
                          *ctx_.version->from);
      return;
    }
    const std::string wanted = fold(r.item);
    std::optional<date> first;
    for (const event* e : ctx_.events) {
      if (!ctx_.counts_as_meeting(*e)) continue;
      for (string_pool::id i : ctx_.log.items_of(*e))
        if (!first && folded_contains(ctx_.log.strings.folded(i), wanted)) {
          first = e->day;
          out_ << fmt::format("  {}  held meeting with the item \"{}\"\n", e->day, ctx_.log.strings.text(i));
        }
      if (first) break;
    }
    if (first && *first <= r.deadline) {
      out_ << fmt::format("  received on {}, on or before {}: met\n", *first, r.deadline);
      return;
    }
    out_ << fmt::format("  {} on or before {}: {}\n",
                        first ? fmt::format("first received on {}, after the deadline; none", *first)
                              : fmt::format("never received by {}; none", ctx_.audit().to),
                        r.deadline, breach(r.deadline));
  }

  void waivers() {
    std::string lines;
    for (const auto& [list, scope] : {std::pair{&block_.waivers, "this body"}, std::pair{&file_.waivers, "the whole file"}})
      for (const ast::waiver& w : *list)
        if (w.label == s_.label) lines += fmt::format("  {} to {}  \"{}\" ({})\n", w.from, w.to, w.reason, scope);
    if (lines.empty())
      out_ << fmt::format("\nWaivers: none for clause {}.\n", s_.label);
    else
      out_ << fmt::format("\nWaivers for clause {} (a breach is waived when its due date lies in one):\n{}", s_.label, lines);
  }

  const ast::rule_file& file_;
  const ast::body& block_;
  const ast::statement& s_;
  const body_context& ctx_;
  std::ostream& out_;
  std::vector<reached> reached_;
};

// The body's events up to the window's end that the file's council admits, in date order
// (docs/language.md, "Settings": rows that name no council are always used).
std::vector<const event*> events_of_body(const event_log& log, const std::vector<event_log::body_events>& bodies,
                                         std::string_view body_name, const std::optional<std::string>& council, date up_to) {
  std::vector<const event*> out;
  const std::string folded = fold(body_name);
  const std::string folded_council = council ? fold(*council) : std::string{};
  for (const auto& b : bodies) {
    if (b.folded_name != folded) continue;
    for (std::uint32_t i : b.events) {
      const event& e = log.events[i];
      if (e.day > up_to) continue;
      if (council && e.council != 0 && log.strings.folded(e.council) != folded_council) continue;
      out.push_back(&e);
    }
  }
  return out;
}

const ast::body* block_of(const ast::rule_file& file, const ast::statement* s) {
  for (const ast::body& b : file.bodies)
    for (const ast::statement& x : b.statements)
      if (&x == s) return &b;
  return nullptr;
}

}  // namespace

explain_outcome explain_rule(const std::vector<ast::rule_file>& files, const event_log& log, audit_window window,
                             const explain_request& request, std::ostream& out, diagnostics& diags) {
  explain_outcome outcome;
  const audit_report report = run_audit(files, log, window, diags);
  const std::vector<event_log::body_events> bodies = log.by_body();
  const auto explain_result = [&](const rule_result& result) {
    if (result.statement->label != request.label) return;
    if (request.body && fold(*request.body) != fold(result.body)) return;
    const ast::rule_file* file = nullptr;
    const ast::body* block = nullptr;
    for (const ast::rule_file& f : files)
      if (f.path == result.rule_file && (block = block_of(f, result.statement))) {
        file = &f;
        break;
      }
    if (!file) throw std::logic_error("a result whose statement is in no rule file");
    const ast::resolved_settings settings = ast::resolve(*file, *block);
    const ast::statement& s = *result.statement;
    const std::optional<version_span> version = version_of(*file, *block);
    const std::optional<audit_window> judged = judged_part(window, version);
    if (!judged) throw std::logic_error("a result of a version not in force during the window");
    const body_people people =
        people_of(log, fold(result.body), settings.council ? std::optional(fold(*settings.council)) : std::nullopt);
    body_context ctx{log, events_of_body(log, bodies, result.body, settings.council, window.to), *judged,
                     calendar::of(settings.calendar), settings.year_start_month, &people};
    ctx.informal_meetings_count = s.modifiers.informal_meetings_count;
    if (version) {
      ctx.version = version;
      ctx.whole_window = window;
    }

    if (outcome.explained > 0) out << "\n" << std::string(100, '-') << "\n\n";
    ++outcome.explained;
    out << fmt::format("Clause {} for \"{}\"{}\n", s.label, result.body,
                       settings.council ? fmt::format(" ({})", *settings.council) : std::string{});
    out << fmt::format("  rule file  {}, line {}\n", file->path, s.where.line);
    out << fmt::format("  statement  {}  {}\n", s.label, s.text);
    out << fmt::format("  window     {} to {}, evaluated as of {}; later events are ignored\n", window.from, window.to,
                       window.to);
    out << fmt::format("  settings   calendar {}; years start 1 {}\n", division_name(settings.calendar),
                       month_name(settings.year_start_month));
    if (version)
      out << fmt::format("  version    {}; it judges {} to {}\n", version_words(*version), judged->from, judged->to);
    if (s.modifiers.advisory)
      out << fmt::format("  advisory   {}a shortfall is reported as advisory, never as a breach\n",
                         s.modifiers.quote ? fmt::format("the Terms of Reference say \"{}\"; ", *s.modifiers.quote) : "");
    else if (s.modifiers.severity != ast::severity::major)
      out << fmt::format("  severity   {}\n", ast::name(s.modifiers.severity));

    std::vector<reached> steps = explainer(*file, *block, s, ctx, out).run();

    out << fmt::format("\nResult: {}\n", name(result.status));
    for (const finding& f : result.findings)
      out << fmt::format("  - {}, due {}: {}\n", name(f.status), f.due, f.message);
    if (result.findings.empty())
      out << (result.status == rule_status::not_due ? "  nothing fell due in the window\n" : "  no finding\n");

    std::vector<reached> official;
    for (const finding& f : result.findings) official.push_back({f.status, f.due});
    std::sort(steps.begin(), steps.end());
    std::sort(official.begin(), official.end());
    if (steps != official)
      throw std::logic_error(fmt::format("explain reached other findings than the audit for clause {} of \"{}\"", s.label,
                                         result.body));
    outcome.any_breach = outcome.any_breach || result.status == rule_status::breach;
  };
  // Each body's statements with the label, then its clauses not checked with it: a clause not
  // checked has nothing to derive, so it is said to be not checked, and why.
  for (const audited_body& b : report.bodies) {
    for (const rule_result& result : report.results_of(b)) explain_result(result);
    for (const clause_not_checked& c : b.not_checked) {
      if (c.label != request.label) continue;
      if (request.body && fold(*request.body) != fold(b.name)) continue;
      if (outcome.explained > 0) out << "\n" << std::string(100, '-') << "\n\n";
      ++outcome.explained;
      std::string reason_written;
      for (char ch : c.reason) reason_written += ch == '"' || ch == '\\' ? std::string{'\\', ch} : std::string{ch};
      out << fmt::format("Clause {} for \"{}\"{}\n", c.label, b.name, b.council ? fmt::format(" ({})", *b.council) : std::string{});
      out << fmt::format("  rule file  {}, line {}\n", b.rule_file, c.line);
      out << fmt::format("  statement  {}  not checked \"{}\"\n", c.label, reason_written);
      if (b.version) out << fmt::format("  version    {}\n", version_words(*b.version));
      out << fmt::format("\nNot checked by remit: {}\n", c.reason);
      out << "The rule file declares that remit does not check this clause: it is never evaluated, gives no finding and "
             "never changes the status of the audit.\n";
    }
  }
  return outcome;
}

}  // namespace remit
