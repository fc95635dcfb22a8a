// Which events count for a frequency (docs/language.md, "Meaning").
#include <fmt/format.h>
#include <re2/re2.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/pattern.hpp"

namespace remit {

recipient_matcher::recipient_matcher(const ast::reports& r) : rule_(r), wanted_(fold(r.recipient)) {
  // The checker has already rejected bad patterns; names are searched with white space folded.
  if (r.recipient_is_regex) re_ = compile_pattern(r.recipient);
}

bool recipient_matcher::matches(std::string_view folded_recipient) const {
  return re_ ? RE2::PartialMatch(folded_recipient, *re_) : folded_recipient == wanted_;
}

std::string recipient_matcher::what() const {
  return rule_.recipient_is_regex ? fmt::format("a body matching \"{}\"", rule_.recipient)
                                  : fmt::format("\"{}\"", rule_.recipient);
}

qualifier::qualifier(const body_context& ctx, const ast::statement& s)
    : ctx_(&ctx), statement_(&s), rule_(&s.what) {
  std::visit(
      [&](const auto& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, ast::meets>) {
          noun_ = ctx.informal_meetings_count ? "held meeting or session" : "held meeting";
          nouns_ = ctx.informal_meetings_count ? "held meetings or sessions" : "held meetings";
        } else if constexpr (std::is_same_v<T, ast::meets_jointly>) {
          wanted_ = fold(r.partner);
          noun_ = fmt::format("joint meeting or session with \"{}\"", r.partner);
          nouns_ = fmt::format("joint meetings or sessions with \"{}\"", r.partner);
        } else if constexpr (std::is_same_v<T, ast::reports>) {
          recipient_.emplace(r);
          if (r.title) wanted_ = fold(*r.title);
          const std::string what = r.title ? fmt::format("\"{}\" report", *r.title) : std::string("report");
          noun_ = fmt::format("{} to {}", what, recipient_->what());
          nouns_ = fmt::format("{}s to {}", what, recipient_->what());
        } else if constexpr (std::is_same_v<T, ast::receives>) {
          wanted_ = fold(r.item);
          noun_ = fmt::format("held meeting with an item containing \"{}\"", r.item);
          nouns_ = fmt::format("held meetings with an item containing \"{}\"", r.item);
        }
      },
      s.what);
}

std::string_view qualifier::written() const {
  return std::string_view(statement_->text).substr(0, statement_->rule_chars);
}

void qualifier::list(trace_sink& out, bool anchor) const {
  const body_context& ctx = *ctx_;
  const date from = ctx.window.from, to = ctx.window.to;
  out.step(fmt::format("\nWhat clause {} counts: {}. The body's events from {} to {}:\n", statement_->label, nouns_, from,
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

qualifier::verdict qualifier::judge(const event& e) const {
  const body_context& ctx = *ctx_;
  const bool informal = ctx.informal_meetings_count;
  if (std::holds_alternative<ast::meets>(*rule_)) {
    if (e.kind == event_kind::report) return verdict::other_kind;
    if (e.kind == event_kind::session && !informal) return verdict::session;
    return e.held() ? verdict::counted : verdict::not_held;
  }
  if (std::holds_alternative<ast::meets_jointly>(*rule_)) {
    if (e.kind == event_kind::report) return verdict::other_kind;
    if (!e.held()) return verdict::not_held;
    return folded_contains(ctx.title(e), wanted_) ? verdict::counted : verdict::title;
  }
  if (recipient_) {
    if (e.kind != event_kind::report) return verdict::other_kind;
    if (!e.held()) return verdict::not_held;
    if (!recipient_->matches(ctx.log.strings.folded(e.to))) return verdict::recipient;
    return folded_contains(ctx.title(e), wanted_) ? verdict::counted : verdict::title;
  }
  if (std::holds_alternative<ast::receives>(*rule_)) {
    if (e.kind == event_kind::report || (e.kind == event_kind::session && !informal)) return verdict::other_kind;
    if (!e.held()) return verdict::not_held;
    const auto items = ctx.log.items_of(e);
    if (items.empty()) return verdict::no_items;
    for (string_pool::id i : items)
      if (folded_contains(ctx.log.strings.folded(i), wanted_)) return verdict::counted;
    return verdict::no_item;
  }
  return verdict::other_kind;
}

std::string qualifier::why_not(const event& e, verdict v) const {
  const body_context& ctx = *ctx_;
  switch (v) {
    case verdict::counted:
    case verdict::other_kind: return {};
    case verdict::session: return "a session, not a formal meeting";
    case verdict::not_held: return fmt::format("{}, not held", name(e.status));
    case verdict::title: {
      if (const auto* j = std::get_if<ast::meets_jointly>(rule_))
        return fmt::format("its title does not contain \"{}\"", j->partner);
      return fmt::format("its title does not contain \"{}\"", *std::get<ast::reports>(*rule_).title);
    }
    case verdict::recipient:
      return fmt::format("it went to \"{}\", not to {}", ctx.log.strings.text(e.to), recipient_->what());
    case verdict::no_items: return "its agenda items are not recorded";
    case verdict::no_item:
      return fmt::format("none of its {} contains \"{}\"", counted(static_cast<long>(ctx.log.items_of(e).size()), "item", "items"),
                         std::get<ast::receives>(*rule_).item);
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
