// meets jointly with "PARTNER" FREQ: held meetings or sessions whose title names the partner
// (docs/language.md, "Meets jointly"). Judged by the frequency judges over the events counted here.
#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const meets_jointly& r, form_check& c) { c.require_text(r.partner, "the joint partner's name"); }

std::string ast::words(const meets_jointly& r, const resolved_settings& settings) {
  return fmt::format(
      "The body {}. A joint meeting is a held meeting or session whose title contains {}.",
      with_frequency({fmt::format("meet jointly with {} at least once", quoted(r.partner)),
                      [&](int k) {
                        return fmt::format("meet jointly with {} at least {}", quoted(r.partner), counted(k, "time", "times"));
                      },
                      fmt::format("meet jointly with {}", quoted(r.partner)), "the previous joint meeting"},
                     r.how_often, settings.year_start_month),
      quoted(r.partner));
}

std::string ast::meaning(const meets_jointly& r) {
  return fmt::format("meets jointly [{}] {}", r.partner, frequency_meaning(r.how_often));
}

std::string_view ast::family(const meets_jointly& r) { return frequency_family(r.how_often); }

namespace {

class joint_meetings final : public counting {
 public:
  explicit joint_meetings(const ast::meets_jointly& r) : partner_(r.partner), wanted_(fold(r.partner)) {
    noun = fmt::format("joint meeting or session with \"{}\"", r.partner);
    nouns = fmt::format("joint meetings or sessions with \"{}\"", r.partner);
  }
  verdict judge(const body_context& ctx, const event& e) const override {
    if (e.kind == event_kind::report) return verdict::other_kind;
    if (!e.held()) return verdict::not_held;
    return folded_contains(ctx.title(e), wanted_) ? verdict::counted : verdict::title;
  }
  std::string why_not(const body_context&, const event&, verdict) const override {
    return fmt::format("its title does not contain \"{}\"", partner_);
  }

 private:
  std::string partner_;
  std::string wanted_;  // folded
};

}  // namespace

counting_ptr counting_for(const body_context&, const ast::meets_jointly& r) { return std::make_shared<joint_meetings>(r); }

}  // namespace remit
