// Deadline family (docs/language.md): "receives "X" by DATE".
#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const receives_by& r, form_check& c) {
  check_match(r.item, c, r.approves ? "the item approved" : "the item received");
}

std::string ast::words(const receives_by& r, const resolved_settings&) {
  return fmt::format("A held meeting of the body must have an agenda item {} on or before {}{}{}.", match_words(r.item),
                     r.deadline, r.item.is_regex ? " (a regular expression, searched for anywhere in the item, ignoring case)" : "",
                     r.approves ? ", its outcome recorded as approved, agreed or adopted; a held meeting with no agenda items "
                                  "recorded, or with the item and no outcome recorded, gives no-evidence, never a pass or a breach"
                                : "; a held meeting with no agenda items recorded gives no-evidence, never a pass or a breach");
}

std::string ast::meaning(const receives_by& r) {
  return fmt::format("{} {} by {}", r.approves ? "approves" : "receives", match_meaning(r.item), r.deadline);
}

namespace {

// What was due, as findings say it: ""Strategy"", "an item containing any of: "A", "B"".
std::string item_due(const ast::title_match& m) {
  return !m.is_regex && m.phrases.size() == 1 ? quoted(m.phrases.front()) : fmt::format("an item {}", match_words(m));
}

}  // namespace

std::string_view ast::family(const receives_by&) { return "deadline"; }
ast::records ast::records_needed(const receives_by&) { return records::none; }

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
                       "{}{}. Meetings before the window count.\n",
                       r_->deadline, match_words(r_->item),
                       r_->approves ? ", its outcome recorded as approved, agreed or adopted (with no outcome recorded,\n"
                                      "the records cannot tell)"
                                    : ""));
}

// The first held meeting to receive the item (approves: to approve it), the window's and before
// it; also the first the records cannot tell about: no agenda items recorded, or (approving) the
// item with no outcome recorded.
template <typename Out>
void deadline_judge::observe(state& s, const event& e, Out& out) const {
  if (s.first != no_date || !ctx_->counts_as_meeting(e)) return;
  const auto items = ctx_->log.items_of(e);
  if (items.empty()) {
    if (s.unsure == no_date) {
      s.unsure = e.day;
      s.unsure_items = true;
    }
    if constexpr (Out::tracing)
      if (!not_judged()) out.step(fmt::format("  {}  held meeting with no agenda items recorded\n", e.day));
    return;
  }
  for (std::uint32_t k = 0; k < items.size(); ++k) {
    if (!matcher_.matches(ctx_->log.strings.folded(items[k]))) continue;
    const item_outcome o = ctx_->log.outcome_of_item(e.items_first + k);
    if (r_->approves && !approves(o)) {
      // The first such meeting; of two on its day, the one with the item (row order never decides).
      if (o == item_outcome::unrecorded && (s.unsure == no_date || (s.unsure == e.day && s.unsure_items))) {
        s.unsure = e.day;
        s.unsure_items = false;
        if constexpr (Out::tracing)
          if (!not_judged())
            out.step(fmt::format("  {}  held meeting with the item \"{}\", no outcome recorded\n", e.day,
                                 ctx_->log.strings.text(items[k])));
      } else if constexpr (Out::tracing) {
        if (!not_judged())
          out.step(fmt::format("  {}  held meeting with the item \"{}\", {}: not approved\n", e.day,
                               ctx_->log.strings.text(items[k]), name(o)));
      }
      continue;
    }
    s.first = e.day;
    if constexpr (Out::tracing)
      if (!not_judged())
        out.step(fmt::format("  {}  held meeting with the item \"{}\"{}\n", e.day, ctx_->log.strings.text(items[k]),
                             r_->approves ? fmt::format(", {}", name(o)) : ""));
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
  const std::string_view done = r.approves ? "approved" : "received";
  const std::optional<date> first = s.first == no_date ? std::nullopt : std::optional(s.first);
  if (first && *first <= r.deadline) {
    if constexpr (Out::tracing) out.step(fmt::format("  {} on {}, on or before {}: met\n", done, *first, r.deadline));
    return;
  }
  const std::string later = first ? fmt::format(" (it was first {} on {})", done, *first) : std::string();
  // A meeting on or before the deadline with no agenda items recorded may have had the item;
  // approving, one with the item and no outcome recorded may have approved it.
  if (s.unsure != no_date && s.unsure <= r.deadline) {
    if constexpr (Out::tracing)
      out.step(fmt::format("  {} on {}: no-evidence, the records cannot tell\n",
                           s.unsure_items ? "no agenda items were recorded" : "the item had no outcome recorded", s.unsure));
    const std::string due = r.approves ? fmt::format("{} was due to be approved", item_due(r.item))
                                       : fmt::format("{} was due", item_due(r.item));
    out.add(*this, {finding_status::no_evidence, r.deadline, std::nullopt, {}, {}, {}, {},
                    s.unsure_items ? fmt::format("{} by {}; the held meeting on {} has no agenda items recorded, so the "
                                                 "records cannot tell whether it {} it{}",
                                                 due, r.deadline, s.unsure, done, later)
                                   : fmt::format("{} by {}; the held meeting on {} had it with no outcome recorded, so the "
                                                 "records cannot tell whether it was approved{}",
                                                 due, r.deadline, s.unsure, later)});
    return;
  }
  if constexpr (Out::tracing)
    out.step(fmt::format("  {} on or before {}: {}\n",
                         first ? fmt::format("first {} on {}, after the deadline; none", done, *first)
                               : fmt::format("never {} by {}; none", done, ctx_->audit().to),
                         r.deadline, out.verdict(r.deadline)));
  const std::string due = r.approves ? fmt::format("{} was due to be approved", item_due(r.item))
                                     : fmt::format("{} was due", item_due(r.item));
  out.add(*this,
          {finding_status::breach, r.deadline, std::nullopt, {}, {}, {}, {},
           first ? fmt::format("{} by {}; no held meeting {} it by then{}", due, r.deadline, done, later)
                 : fmt::format("{} by {}; no held meeting {} it by {}, the end of the audit window", due, r.deadline, done,
                               ctx_->audit().to)});
}

void deadline_judge::forecast(const state& s, outlook& o) const {
  const ast::receives_by& r = *r_;
  const std::string_view done = r.approves ? "approved" : "received";
  if (const auto& v = ctx_->version; v && v->from && r.deadline < *v->from) {
    o.why_quiet = fmt::format("due on {}, before this version of the rules took effect on {}", r.deadline, *v->from);
    return;
  }
  if (s.first != no_date && s.first <= r.deadline) {
    o.why_quiet = fmt::format("{} on {}", done, s.first);
    return;
  }
  if (s.first != no_date) {
    o.why_quiet =
        fmt::format("{} on {}, after the deadline of {} (remit check reports the breach)", done, s.first, r.deadline);
    return;
  }
  // The first planned meeting that has it on its agenda (a planned item's outcome is not yet recorded).
  std::optional<date> on;
  for (const event* e : o.planned.events)
    if (o.planned.counts_as_meeting(*e) && agenda_of(o.planned.log, *e, matcher_) == agenda_holds::item) {
      on = e->day;
      break;
    }
  const obligation_status status = r.deadline < o.as_of       ? obligation_status::overdue
                                   : !on || *on > r.deadline ? obligation_status::at_risk
                                                             : obligation_status::due;
  obligation& x = o.add(obligation_kind::deadline, status, r.deadline);
  x.planned = on;
  x.what = fmt::format("{} {} by a held meeting", item_due(r.item), done);
  const std::string plan = on ? fmt::format("it is on the agenda of the meeting planned on {}", *on)
                              : std::string("no planned meeting has it on its agenda");
  const std::string due = r.approves ? "due to be approved" : "due";
  x.message = status == obligation_status::overdue
                  ? fmt::format("{} was {} by {}; no held meeting has {} it as of {}, {} overdue; {}", item_due(r.item), due,
                                r.deadline, done, o.as_of, counted(days_between(r.deadline, o.as_of), "day", "days"), plan)
                  : fmt::format("{} is {} by {}; {}", item_due(r.item), due, r.deadline, plan);
}

REMIT_JUDGE_FOR_EVERY_SINK(deadline_judge);

}  // namespace remit
