// Title family (docs/language.md): each held meeting has a title of its own, or one holding a phrase.
// A title the log does not record (an empty title) cannot tell either way: no-evidence, never a
// breach or a pass.
#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const has_title& r, form_check& c) {
  if (r.title) check_match(*r.title, c, "the meeting title");
}

std::string ast::words(const has_title& r, const resolved_settings&) {
  if (!r.title) return "Every held meeting must have a title recorded in the log.";
  return r.title->is_regex
             ? "Every held meeting's title must match the pattern given in the statement (a regular expression, "
               "searched for anywhere in the title, ignoring case)."
             : fmt::format("Every held meeting must have a title {} (ignoring case and extra spaces).",
                           match_words(*r.title));
}

std::string ast::meaning(const has_title& r) {
  return r.title ? fmt::format("title {}", match_meaning(*r.title)) : std::string("a title");
}

std::string_view ast::family(const has_title&) { return "title"; }
ast::records ast::records_needed(const has_title&) { return records::none; }

title_judge::title_judge(const body_context& ctx, const ast::has_title& r) : ctx_(&ctx), r_(&r) {
  if (r.title) matcher_.emplace(*r.title);
}

namespace {
// "a title", "a title containing "Annual"".
std::string wanted_words(const ast::has_title& r) {
  return r.title ? fmt::format("a title {}", match_words(*r.title)) : std::string("a title");
}
}  // namespace

void title_judge::introduce(trace_sink& out) const {
  out.step(fmt::format("\nTitle rule: each held meeting in the window needs {}.\n"
                       "A meeting with no title recorded gives no-evidence: the log cannot tell.\n{}",
                       wanted_words(*r_),
                       r_->title ? (r_->title->is_regex ? "The pattern is searched for anywhere in the title, ignoring case.\n"
                                                        : "Titles are compared with case and runs of white space ignored.\n")
                                 : ""));
}

template <typename Out>
void title_judge::observe(state& s, const event& e, Out& out) const {
  const body_context& ctx = *ctx_;
  if (!ctx.counts_as_meeting(e) || e.day < ctx.window.from || e.day > ctx.window.to) return;
  s.fell_due = true;
  const std::string_view title = ctx.log.strings.text(e.title);
  if (title.empty()) {
    if constexpr (Out::tracing)
      out.step(fmt::format("\n  meeting {}: no title recorded\n    cannot tell: no-evidence (due {})\n", e.day, e.day));
    out.add(*this, {finding_status::no_evidence, e.day, e.day, e.day, {}, {}, {},
                    fmt::format("no title is recorded for the meeting on {}; cannot tell whether it had {}", e.day,
                                wanted_words(*r_))});
    return;
  }
  const bool met = !matcher_ || matcher_->matches(ctx.log.strings.folded(e.title));
  if constexpr (Out::tracing) {
    out.step(fmt::format("\n  meeting {}: \"{}\"\n", e.day, title));
    if (met) out.step("    met\n");
    else out.step(fmt::format("    not a title {}: {}\n", match_words(*r_->title), out.verdict(e.day)));
  }
  if (!met)
    out.add(*this, {finding_status::breach, e.day, e.day, e.day, {}, {}, {},
                    fmt::format("the meeting on {} had the title \"{}\", not one {}", e.day, title,
                                match_words(*r_->title))});
}

template <typename Out>
void title_judge::close(state& s, Out& out) const {
  if constexpr (Out::tracing)
    if (!s.fell_due) trace_no_meeting(*ctx_, out);
}

void title_judge::forecast(const state&, outlook& o) const {
  const event_log& log = ctx_->log;
  const auto meetings = o.planned_meetings();
  for (const event* e : meetings) {
    const std::string_view title = log.strings.text(e->title);
    if (!title.empty() && (!matcher_ || matcher_->matches(log.strings.folded(e->title)))) continue;
    obligation& x = o.add(obligation_kind::meeting_title, title.empty() ? obligation_status::due : obligation_status::at_risk,
                          e->day);
    x.meeting = e->day;
    x.what = fmt::format("{} for the meeting on {}", wanted_words(*r_), with_weekday(e->day));
    x.message = title.empty()
                    ? fmt::format("the meeting on {} needs {}; no title is recorded for it yet", with_weekday(e->day),
                                  wanted_words(*r_))
                    : fmt::format("the meeting on {} is titled \"{}\", not one {}", with_weekday(e->day), title,
                                  match_words(*r_->title));
  }
  if (meetings.empty()) o.why_quiet = "no planned meeting in the log, so no title to foresee";
  else o.why_quiet = "the planned meetings' recorded titles are as the statement asks";
}

REMIT_JUDGE_FOR_EVERY_SINK(title_judge);

}  // namespace remit
