// meets FREQ: the body holds its meetings (docs/language.md, "Meets"). Judged by the frequency
// judges (evaluate/gap.cpp, evaluate/periods.cpp) over the events counted here.
#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const meets&, form_check&) {}

std::string ast::words(const meets& r, const resolved_settings& settings) {
  return fmt::format("The body {}.",
                     with_frequency({"hold at least one meeting",
                                     [](int k) { return "hold at least " + counted(k, "meeting", "meetings"); }, "meet",
                                     "its previous held meeting"},
                                    r.how_often, settings.year_start_month));
}

std::string ast::meaning(const meets& r) { return "meets " + frequency_meaning(r.how_often); }

std::string_view ast::family(const meets& r) { return frequency_family(r.how_often); }
ast::records ast::records_needed(const meets&) { return records::none; }

namespace {

// Held meetings of the body; its sessions too when informal meetings count.
class held_meetings final : public counting {
 public:
  explicit held_meetings(bool informal) : informal_(informal) {
    noun = informal ? "held meeting or session" : "held meeting";
    nouns = informal ? "held meetings or sessions" : "held meetings";
  }
  verdict judge(const body_context&, const event& e) const override {
    if (e.kind == event_kind::report) return verdict::other_kind;
    if (e.kind == event_kind::session && !informal_) return verdict::session;
    return e.held() ? verdict::counted : verdict::not_held;
  }
  std::string why_not(const body_context&, const event&, verdict) const override { return {}; }

 private:
  bool informal_;
};

}  // namespace

counting_ptr counting_for(const body_context& ctx, const ast::meets&) {
  return std::make_shared<held_meetings>(ctx.informal_meetings_count);
}

}  // namespace remit
