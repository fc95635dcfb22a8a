// Deadline family (docs/language.md): "receives "X" by DATE".
#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const receives_by& r, form_check& c) { check_match(r.item, c, "the item received"); }

std::string ast::words(const receives_by& r, const resolved_settings&) {
  return fmt::format("A held meeting of the body must have an agenda item {} on or before {}{}.", match_words(r.item),
                     r.deadline, r.item.is_regex ? " (a regular expression, searched for anywhere in the item, ignoring case)" : "");
}

std::string ast::meaning(const receives_by& r) { return fmt::format("receives {} by {}", match_meaning(r.item), r.deadline); }

namespace {

// What was due, as findings say it: ""Strategy"", "an item containing any of: "A", "B"".
std::string item_due(const ast::title_match& m) {
  return !m.is_regex && m.phrases.size() == 1 ? quoted(m.phrases.front()) : fmt::format("an item {}", match_words(m));
}

}  // namespace

std::string_view ast::family(const receives_by&) { return "deadline"; }

std::optional<std::string> deadline_judge::not_judged() const {
  const body_context& ctx = *ctx_;
  // Not yet due, or due after this version was replaced.
  if (ctx.window.to < r_->deadline) return fmt::format("{} before the deadline: not yet due", ctx.window_end_words());
  // Due before this version took effect: an earlier version judges it.
  if (ctx.version && ctx.version->from && r_->deadline < *ctx.version->from)
    return fmt::format("the deadline falls before this version of the rules took effect on {}: not judged by it",
                       *ctx.version->from);
  return std::nullopt;
}

void deadline_judge::introduce(trace_sink& out) const {
  out.step(fmt::format("\nDeadline rule: a held meeting of the body, on or before {}, must have an agenda item\n"
                       "{}. Meetings before the window count.\n",
                       r_->deadline, match_words(r_->item)));
}

// The first held meeting to receive the item, the window's and before it.
template <typename Out>
void deadline_judge::observe(state& s, const event& e, Out& out) const {
  if (s.first != no_date || !ctx_->counts_as_meeting(e)) return;
  for (string_pool::id item : ctx_->log.items_of(e))
    if (matcher_.matches(ctx_->log.strings.folded(item))) {
      s.first = e.day;
      if constexpr (Out::tracing)
        if (!not_judged())
          out.step(fmt::format("  {}  held meeting with the item \"{}\"\n", e.day, ctx_->log.strings.text(item)));
      return;
    }
}

template <typename Out>
void deadline_judge::close(state& s, Out& out) const {
  const ast::receives_by& r = *r_;
  if (const auto why = not_judged()) {
    if constexpr (Out::tracing) out.step(fmt::format("  {}\n", *why));
    return;
  }
  s.fell_due = true;
  const std::optional<date> first = s.first == no_date ? std::nullopt : std::optional(s.first);
  if (first && *first <= r.deadline) {
    if constexpr (Out::tracing) out.step(fmt::format("  received on {}, on or before {}: met\n", *first, r.deadline));
    return;
  }
  if constexpr (Out::tracing)
    out.step(fmt::format("  {} on or before {}: {}\n",
                         first ? fmt::format("first received on {}, after the deadline; none", *first)
                               : fmt::format("never received by {}; none", ctx_->audit().to),
                         r.deadline, out.verdict(r.deadline)));
  out.add(*this,
          {finding_status::breach, r.deadline, std::nullopt, {}, {}, {}, {},
           first ? fmt::format("{} was due by {}; no held meeting received it by then (it was first received on {})",
                               item_due(r.item), r.deadline, *first)
                 : fmt::format("{} was due by {}; no held meeting received it by {}, the end of the audit window",
                               item_due(r.item), r.deadline, ctx_->audit().to)});
}

void deadline_judge::forecast(const state& s, outlook& o) const {
  const ast::receives_by& r = *r_;
  if (const auto& v = ctx_->version; v && v->from && r.deadline < *v->from) {
    o.why_quiet = fmt::format("due on {}, before this version of the rules took effect on {}", r.deadline, *v->from);
    return;
  }
  if (s.first != no_date && s.first <= r.deadline) {
    o.why_quiet = fmt::format("received on {}", s.first);
    return;
  }
  if (s.first != no_date) {
    o.why_quiet =
        fmt::format("received on {}, after the deadline of {} (remit check reports the breach)", s.first, r.deadline);
    return;
  }
  // The first planned meeting that has it on its agenda.
  state planned;
  state_sink none;
  for (const event* e : o.planned.events) observe(planned, *e, none);
  const std::optional<date> on = planned.first == no_date ? std::nullopt : std::optional(planned.first);
  const obligation_status status = r.deadline < o.as_of      ? obligation_status::overdue
                                   : on && *on > r.deadline ? obligation_status::at_risk
                                                            : obligation_status::due;
  obligation& x = o.add(obligation_kind::deadline, status, r.deadline);
  x.planned = on;
  x.what = fmt::format("{} received by a held meeting", item_due(r.item));
  const std::string plan = on ? fmt::format("it is on the agenda of the meeting planned on {}", *on)
                              : std::string("no planned meeting has it on its agenda");
  x.message = status == obligation_status::overdue
                  ? fmt::format("{} was due by {}; no held meeting has received it as of {}, {} overdue; {}",
                                item_due(r.item), r.deadline, o.as_of, counted(days_between(r.deadline, o.as_of), "day", "days"), plan)
                  : fmt::format("{} is due by {}; {}", item_due(r.item), r.deadline, plan);
}

REMIT_JUDGE_FOR_EVERY_SINK(deadline_judge);

}  // namespace remit
