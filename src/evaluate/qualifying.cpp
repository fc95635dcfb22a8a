// Which events count for a frequency (docs/language.md, "Meaning"): what every frequency form
// shares; what each counts is in its unit file, src/forms/<form>.cpp.
#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"

namespace remit {

std::string_view qualifier::written() const {
  return std::string_view(statement_->text).substr(0, statement_->rule_chars);
}

void qualifier::list(trace_sink& out, bool anchor) const {
  const body_context& ctx = *ctx_;
  const date from = ctx.window.from, to = ctx.window.to;
  out.step(fmt::format("\nWhat clause {} counts: {}. The body's events from {} to {}:\n", statement_->label, nouns(), from,
                       to));
  bool any = false;
  std::optional<date> last_before;
  for (const event* e : ctx.events) {
    if (e->day > to) break;
    const verdict v = judge(*e);
    if (v == verdict::other_kind) continue;
    if (e->day < from) {
      if (v == verdict::counted) last_before = e->day;
      continue;
    }
    if (v != verdict::counted) {
      out.step(fmt::format("  {}  {}: not counted, {}\n", e->day, event_words(ctx.log, *e), why_not(*e, v)));
    } else {
      out.step(fmt::format("  {}  {}: counted\n", e->day, event_words(ctx.log, *e)));
      any = true;
    }
  }
  if (!any) out.step(fmt::format("  none counted from {} to {}\n", from, to));
  if (last_before && anchor)
    out.step(fmt::format("  before {}, the last counted was on {}\n", ctx.version ? to_iso(from) : std::string("the window"),
                         *last_before));
}

std::string qualifier::why_not(const event& e, verdict v) const {
  switch (v) {
    case verdict::counted:
    case verdict::other_kind: return {};
    case verdict::session: return "a session, not a formal meeting";
    case verdict::not_held: return fmt::format("{}, not held", name(e.status));
    case verdict::title:
    case verdict::recipient:
    case verdict::no_items:
    case verdict::no_item:
    case verdict::outcome:
    case verdict::undecided: return counts_->why_not(*ctx_, e, v);
  }
  return {};
}

void trace_no_meeting(const body_context& ctx, trace_sink& out) {
  out.step(fmt::format("\n  no held meeting from {} to {}: nothing fell due\n", ctx.window.from, ctx.window.to));
}

std::string event_words(const event_log& log, const event& e) {
  std::string what(name(e.kind));
  if (e.title != 0) what += fmt::format(" \"{}\"", log.strings.text(e.title));
  if (e.kind == event_kind::report && e.to != 0) what += fmt::format(" to \"{}\"", log.strings.text(e.to));
  return what;
}


}  // namespace remit
