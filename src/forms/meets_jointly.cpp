// meets jointly with "PARTNER" [or "PARTNER" ...] FREQ: held meetings or sessions whose title names
// a partner (docs/language.md, "Meets jointly"). Judged by the frequency judges over the events
// counted here.
#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const meets_jointly& r, form_check& c) { check_match(r.partner, c, "the joint partner's name"); }

std::string ast::words(const meets_jointly& r, const resolved_settings& settings) {
  const std::string with = r.partner.is_regex ? "a partner" : phrases_words(r.partner);
  return fmt::format(
      "The body {}. A joint meeting is a held meeting or session whose title {}{}.",
      with_frequency({fmt::format("meet jointly with {} at least once", with),
                      [&](int k) { return fmt::format("meet jointly with {} at least {}", with, counted(k, "time", "times")); },
                      fmt::format("meet jointly with {}", with), "the previous joint meeting"},
                     r.how_often, settings.year_start_month),
      match_words(r.partner, "contains", "matches"),
      r.partner.is_regex ? " (a regular expression, searched for anywhere in the title, ignoring case)" : "");
}

std::string ast::meaning(const meets_jointly& r) {
  return fmt::format("meets jointly {} {}", match_meaning(r.partner), frequency_meaning(r.how_often));
}

std::string_view ast::family(const meets_jointly& r) { return frequency_family(r.how_often); }
ast::records ast::records_needed(const meets_jointly&) { return records::none; }

namespace {

class joint_meetings final : public counting {
 public:
  explicit joint_meetings(const ast::meets_jointly& r) : partner_(r.partner), matcher_(r.partner) {
    if (r.partner.is_regex) {
      noun = "joint meeting or session whose title matches the pattern given in the statement";
      nouns = "joint meetings or sessions whose titles match the pattern given in the statement";
    } else {
      noun = fmt::format("joint meeting or session with {}", phrases_words(r.partner));
      nouns = fmt::format("joint meetings or sessions with {}", phrases_words(r.partner));
    }
  }
  verdict judge(const body_context& ctx, const event& e) const override {
    if (e.kind == event_kind::report) return verdict::other_kind;
    if (!e.held()) return verdict::not_held;
    return matcher_.matches(ctx.title(e)) ? verdict::counted : verdict::title;
  }
  std::string why_not(const body_context&, const event&, verdict) const override {
    return fmt::format("its title does not {}", match_words(partner_, "contain", "match"));
  }

 private:
  const ast::title_match& partner_;
  title_matcher matcher_;
};

}  // namespace

counting_ptr counting_for(const body_context&, const ast::meets_jointly& r) { return std::make_shared<joint_meetings>(r); }

}  // namespace remit
