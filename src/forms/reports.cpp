// reports ["TITLE"] FREQ to "BODY" | to matching "REGEX": held reports to the recipient
// (docs/language.md, "Reports"). Judged by the frequency judges over the events counted here.
#include <fmt/format.h>
#include <re2/re2.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"
#include "language/pattern.hpp"

namespace remit {

void ast::check(const reports& r, form_check& c) {
  if (r.recipient_is_regex) c.check_pattern(r.recipient);
  else c.require_text(r.recipient, "the name of the body reported to");
  if (r.title) c.require_text(*r.title, "the report title");
}

std::string ast::words(const reports& r, const resolved_settings& settings) {
  const std::string report = r.title ? fmt::format("report whose title contains {}", quoted(*r.title)) : "report";
  const std::string reports = r.title ? fmt::format("reports whose titles contain {}", quoted(*r.title)) : "reports";
  const std::string to =
      r.recipient_is_regex ? fmt::format("a body whose name matches the regular expression {} (ignoring case)", quoted(r.recipient))
                           : quoted(r.recipient);
  return fmt::format("The body {}.",
                     with_frequency({fmt::format("send at least one {} to {}", report, to),
                                     [&](int k) { return fmt::format("send at least {} {} to {}", k, k == 1 ? report : reports, to); },
                                     fmt::format("send a {} to {}", report, to), "the previous one"},
                                    r.how_often, settings.year_start_month));
}

std::string ast::meaning(const reports& r) {
  return fmt::format("reports [{}] {} to {}[{}]", r.title.value_or("(none)"), frequency_meaning(r.how_often),
                     r.recipient_is_regex ? "matching " : "", r.recipient);
}

std::string_view ast::family(const reports& r) { return frequency_family(r.how_often); }
ast::records ast::records_needed(const reports&) { return records::none; }

recipient_matcher::recipient_matcher(const ast::reports& r) : rule_(r), wanted_(fold(r.recipient)) {
  // The checker has already rejected bad patterns; names are searched with white space folded.
  if (r.recipient_is_regex) re_ = compile_pattern(r.recipient);
}

bool recipient_matcher::matches(std::string_view folded_recipient) const {
  return re_ ? RE2::PartialMatch(folded_recipient, *re_) : folded_recipient == wanted_;
}

std::string recipient_matcher::what() const {
  // A pattern is not shown in findings (docs/language.md, "Titles and items"): people who do
  // not read regular expressions read the statement as written beside it.
  return rule_.recipient_is_regex ? std::string("a body whose name matches the pattern given in the statement")
                                  : fmt::format("\"{}\"", rule_.recipient);
}

namespace {

class reports_sent final : public counting {
 public:
  explicit reports_sent(const ast::reports& r) : rule_(r), recipient_(r) {
    if (r.title) wanted_ = fold(*r.title);
    const std::string what = r.title ? fmt::format("\"{}\" report", *r.title) : std::string("report");
    noun = fmt::format("{} to {}", what, recipient_.what());
    nouns = fmt::format("{}s to {}", what, recipient_.what());
  }
  verdict judge(const body_context& ctx, const event& e) const override {
    if (e.kind != event_kind::report) return verdict::other_kind;
    if (!e.held()) return verdict::not_held;
    if (!recipient_.matches(ctx.log.strings.folded(e.to))) return verdict::recipient;
    return folded_contains(ctx.title(e), wanted_) ? verdict::counted : verdict::title;
  }
  std::string why_not(const body_context& ctx, const event& e, verdict v) const override {
    if (v == verdict::recipient)
      return fmt::format("it went to \"{}\", not to {}", ctx.log.strings.text(e.to), recipient_.what());
    return fmt::format("its title does not contain \"{}\"", *rule_.title);
  }

 private:
  const ast::reports& rule_;
  recipient_matcher recipient_;
  std::string wanted_;  // folded report title; empty: any
};

}  // namespace

counting_ptr counting_for(const body_context&, const ast::reports& r) { return std::make_shared<reports_sent>(r); }

}  // namespace remit
