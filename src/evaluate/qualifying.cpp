// Which events count for a frequency (docs/language.md, "Meaning").
#include <fmt/format.h>
#include <re2/re2.h>

#include "core/text.hpp"
#include "evaluate/context.hpp"
#include "language/pattern.hpp"

namespace remit {

namespace {

template <typename Keep>
std::vector<date> dates_of(const body_context& ctx, Keep keep) {
  std::vector<date> out;
  for (const event* e : ctx.events)
    if (keep(*e)) out.push_back(e->day);
  return out;
}

bool has_item_containing(const body_context& ctx, const event& e, std::string_view folded_item) {
  for (string_pool::id item : ctx.log.items_of(e))
    if (folded_contains(ctx.log.strings.folded(item), folded_item)) return true;
  return false;
}

}  // namespace

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

series meetings_words(bool informal_meetings_count) {
  if (informal_meetings_count) return {{}, "held meeting or session", "held meetings or sessions"};
  return {{}, "held meeting", "held meetings"};
}

series qualifying_series(const body_context& ctx, const ast::rule& rule) {
  return std::visit(
      [&](const auto& r) -> series {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, ast::meets>) {
          series out = meetings_words(ctx.informal_meetings_count);
          out.dates = dates_of(ctx, [&](const event& e) { return ctx.counts_as_meeting(e); });
          return out;
        } else if constexpr (std::is_same_v<T, ast::meets_jointly>) {
          const std::string partner = fold(r.partner);
          return {dates_of(ctx,
                           [&](const event& e) {
                             return e.held() && e.kind != event_kind::report && folded_contains(ctx.title(e), partner);
                           }),
                  fmt::format("joint meeting or session with \"{}\"", r.partner),
                  fmt::format("joint meetings or sessions with \"{}\"", r.partner)};
        } else if constexpr (std::is_same_v<T, ast::reports>) {
          const recipient_matcher recipient(r);
          const std::string title = r.title ? fold(*r.title) : std::string{};
          const std::string what = r.title ? fmt::format("\"{}\" report", *r.title) : std::string("report");
          return {dates_of(ctx,
                           [&](const event& e) {
                             return e.held() && e.kind == event_kind::report &&
                                    recipient.matches(ctx.log.strings.folded(e.to)) && folded_contains(ctx.title(e), title);
                           }),
                  fmt::format("{} to {}", what, recipient.what()), fmt::format("{}s to {}", what, recipient.what())};
        } else if constexpr (std::is_same_v<T, ast::receives>) {
          const std::string item = fold(r.item);
          return {dates_of(ctx, [&](const event& e) { return ctx.counts_as_meeting(e) && has_item_containing(ctx, e, item); }),
                  fmt::format("held meeting with an item containing \"{}\"", r.item),
                  fmt::format("held meetings with an item containing \"{}\"", r.item)};
        } else {
          return {};
        }
      },
      rule);
}

}  // namespace remit
