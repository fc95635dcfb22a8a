#include "language/describe.hpp"

#include "language/form_words.hpp"

#include <fmt/format.h>

#include "core/date.hpp"
#include "core/text.hpp"

namespace remit {

std::string periods_words(ast::period_kind p, int year_start_month) {
  const int step = ast::months_in(p);
  std::string starts;
  const int n = 12 / step;
  for (int i = 0; i < n; ++i) {
    const std::string_view sep = i == 0 ? "" : (i + 1 == n ? " and " : ", ");
    starts += fmt::format("{}1 {}", sep, month_name(year_start_month + i * step));
  }
  switch (p) {
    case ast::period_kind::month: return "every calendar month";
    case ast::period_kind::two_months:
      return fmt::format("every two-month period (two-month periods start on {})", starts);
    case ast::period_kind::quarter: return fmt::format("every quarter (quarters start on {})", starts);
    case ast::period_kind::half_year: return fmt::format("every half-year (half-years start on {})", starts);
    case ast::period_kind::year:
      return year_start_month == 1 ? std::string("every calendar year")
                                   : fmt::format("every year (years start on {})", starts);
  }
  return {};
}

std::string interval_with_days(const ast::gap_frequency& f) {
  switch (f.unit) {
    case ast::time_unit::day: return counted(f.count, "day", "days");
    case ast::time_unit::week: return f.count == 1 ? "1 week (7 days)" : fmt::format("{} weeks ({} days)", f.count, 7 * f.count);
    case ast::time_unit::month: return counted(f.count, "calendar month", "calendar months");
    case ast::time_unit::year: return counted(f.count, "year", "years");
  }
  return {};
}

namespace {

// What follows the interval: how month ends and grace days move the due date.
std::string interval_notes(const ast::gap_frequency& f) {
  std::string notes;
  if (f.unit == ast::time_unit::month || f.unit == ast::time_unit::year)
    notes = "; a due date past the end of a shorter month moves back to its last day";
  if (f.grace_days > 0) notes += fmt::format("; with {} grace", counted(f.grace_days, "day's", "days'"));
  return notes;
}

}  // namespace

std::string with_frequency(const frequency_subject& who, const ast::frequency& f, int year_start_month) {
  return std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::gap_frequency>) {
          return fmt::format("must {} within {} of {}{}", who.again, interval_with_days(x), who.previous, interval_notes(x));
        } else if constexpr (std::is_same_v<T, ast::coverage_frequency>) {
          return fmt::format("must {} in {}", who.one, periods_words(x.period, year_start_month));
        } else if (x.exactly) {
          // Each form says "at least K"; exactly K is that many and no more.
          std::string many = who.many(x.times);
          if (const std::size_t at = many.find("at least "); at != std::string::npos) many.replace(at, 9, "exactly ");
          return fmt::format("must {} (no more, no fewer) in {}", many, periods_words(x.period, year_start_month));
        } else {
          return fmt::format("must {} in {}", who.many(x.times), periods_words(x.period, year_start_month));
        }
      },
      f);
}

std::string_view calendar_words(division d) {
  switch (d) {
    case division::england_and_wales: return "Monday to Friday, except England and Wales bank holidays";
    case division::scotland: return "Monday to Friday, except Scottish bank holidays";
    case division::northern_ireland: return "Monday to Friday, except Northern Ireland bank holidays";
    case division::none: return "Monday to Friday (no bank holidays are skipped)";
  }
  return {};
}

std::string quoted(std::string_view s) { return fmt::format("\"{}\"", s); }

std::string any_of_roles(const std::vector<std::string>& roles) {
  std::string out;
  for (std::size_t i = 0; i < roles.size(); ++i) out += fmt::format("{}{}", i == 0 ? "" : " or ", quoted(roles[i]));
  return out;
}

std::string phrases_words(const ast::title_match& m) {
  if (m.phrases.size() == 1) return quoted(m.phrases.front());
  std::string out = "any of: ";
  for (std::size_t i = 0; i < m.phrases.size(); ++i) out += fmt::format("{}{}", i == 0 ? "" : ", ", quoted(m.phrases[i]));
  return out;
}

std::string match_words(const ast::title_match& m, std::string_view contains, std::string_view matches) {
  if (m.is_regex) return fmt::format("{} the pattern given in the statement", matches);
  return fmt::format("{} {}", contains, phrases_words(m));
}

std::string match_meaning(const ast::title_match& m) {
  std::string out = m.is_regex ? "matching " : "";
  for (std::size_t i = 0; i < m.phrases.size(); ++i) out += fmt::format("{}[{}]", i == 0 ? "" : " or ", m.phrases[i]);
  return out;
}

void check_match(const ast::title_match& m, form_check& c, std::string_view what) {
  if (m.is_regex) c.check_pattern(m.phrases.front());
  else
    for (std::size_t i = 0; i < m.phrases.size(); ++i)
      c.require_text(m.phrases[i], m.phrases.size() == 1 ? std::string(what) : fmt::format("alternative {} of {}", i + 1, what));
}

std::string_view frequency_family(const ast::frequency& f) {
  if (std::holds_alternative<ast::gap_frequency>(f)) return "gap";
  if (std::holds_alternative<ast::coverage_frequency>(f)) return "coverage";
  return "count";
}

std::string describe(const ast::statement& s, const ast::resolved_settings& settings) {
  std::string text = std::visit([&](const auto& r) { return ast::words(r, settings); }, s.what);
  const ast::modifiers& m = s.modifiers;
  if (m.informal_meetings_count) text += " Held sessions (informal meetings) count as held meetings.";
  if (m.advisory)
    text += m.quote ? fmt::format(" Advisory (the Terms of Reference say {}): a shortfall is reported as advisory, never "
                                  "as a breach.",
                                  quoted(*m.quote))
                    : std::string(" Advisory: a shortfall is reported as advisory, never as a breach.");
  else if (m.severity != ast::severity::major)
    text += fmt::format(" A breach is of {} severity.", ast::name(m.severity));
  return text;
}

std::string_view family_name(const ast::statement& s) {
  return std::visit([](const auto& r) { return ast::family(r); }, s.what);
}

ast::records records_needed(const ast::statement& s) {
  return std::visit([](const auto& r) { return ast::records_needed(r); }, s.what);
}

std::string_view period_word(ast::period_kind p) {
  switch (p) {
    case ast::period_kind::month: return "month";
    case ast::period_kind::two_months: return "two-month period";
    case ast::period_kind::quarter: return "quarter";
    case ast::period_kind::half_year: return "half-year";
    case ast::period_kind::year: return "year";
  }
  return "year";
}

std::string interval_words(const ast::gap_frequency& f) {
  switch (f.unit) {
    case ast::time_unit::day: return counted(f.count, "day", "days");
    case ast::time_unit::week: return counted(f.count, "week", "weeks");
    case ast::time_unit::month: return counted(f.count, "month", "months");
    case ast::time_unit::year: return counted(f.count, "year", "years");
  }
  return {};
}

}  // namespace remit
