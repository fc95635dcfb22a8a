#include "language/meaning.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "language/form_words.hpp"
#include "language/formatter.hpp"

namespace remit {

std::string frequency_meaning(const ast::frequency& f) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::gap_frequency>)
          return fmt::format("gap {} unit {} grace {}", x.count, static_cast<int>(x.unit), x.grace_days);
        else if constexpr (std::is_same_v<T, ast::coverage_frequency>)
          return fmt::format("coverage period {}", static_cast<int>(x.period));
        else
          return fmt::format("count {}{} period {}", x.exactly ? "exactly " : "", x.times, static_cast<int>(x.period));
      },
      f);
}

namespace {

void settings_of(std::string& out, const ast::settings& s, std::string_view indent) {
  if (s.council) out += fmt::format("{}council [{}]\n", indent, *s.council);
  if (s.calendar) out += fmt::format("{}calendar {}\n", indent, division_name(*s.calendar));
  if (s.year_start_month) out += fmt::format("{}year starts month {}\n", indent, *s.year_start_month);
}

void waivers_of(std::string& out, const std::vector<ast::waiver>& waivers, std::string_view indent) {
  for (const ast::waiver& w : waivers)
    out += fmt::format("{}waive {} from {} to {} because [{}]\n", indent, w.label, w.from, w.to, w.reason);
}

std::string written_words(std::string_view text) {
  std::string out;
  for (std::string_view w : words_of(text)) out += fmt::format("{}{}", out.empty() ? "" : " ", w);
  return out;
}

std::string modifiers_of(const ast::statement& s) {
  std::string out;
  for (const ast::modifier_written& m : s.modifiers.written) out += fmt::format(", [{}]", written_words(m.text));
  const ast::modifiers& m = s.modifiers;
  return out + fmt::format(" advisory {} [{}] severity {} informal {}", m.advisory, m.quote.value_or("(none)"),
                           ast::name(m.severity), m.informal_meetings_count);
}

}  // namespace

std::string meaning_of(const ast::rule_file& file) {
  std::string out;
  settings_of(out, file.defaults, "");
  waivers_of(out, file.waivers, "");
  for (const ast::body& b : file.bodies) {
    out += b.every_body ? std::string("body *") : fmt::format("body [{}]", b.name);
    for (const std::string& other : b.also) out += fmt::format(" also [{}]", other);
    out += b.in_force_from ? fmt::format(" from {}\n", *b.in_force_from) : std::string("\n");
    settings_of(out, b.overrides, "  ");
    waivers_of(out, b.waivers, "  ");
    // The statement as written is part of every report, so its words are part of its meaning.
    for (const ast::statement& s : b.statements)
      out += fmt::format("  {} [{}] {}{}\n", s.label, written_words(std::string_view(s.text).substr(0, s.rule_chars)),
                         std::visit([](const auto& r) { return ast::meaning(r); }, s.what), modifiers_of(s));
    for (const ast::not_checked_clause& c : b.not_checked) out += fmt::format("  {} not checked [{}]\n", c.label, c.reason);
  }
  return out;
}

}  // namespace remit
