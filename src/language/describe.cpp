#include "language/describe.hpp"

#include <functional>

#include <fmt/format.h>

#include "core/date.hpp"
#include "core/text.hpp"

namespace remit {

namespace {

// "quarters start on 1 April, 1 July, 1 October and 1 January"; "calendar months".
std::string periods(ast::period_kind p, int year_start_month) {
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

std::string interval(const ast::gap_frequency& f) {
  switch (f.unit) {
    case ast::time_unit::day: return counted(f.count, "day", "days");
    case ast::time_unit::week: return f.count == 1 ? "1 week (7 days)" : fmt::format("{} weeks ({} days)", f.count, 7 * f.count);
    case ast::time_unit::month: return counted(f.count, "calendar month", "calendar months");
    case ast::time_unit::year: return counted(f.count, "year", "years");
  }
  return {};
}

// What follows the interval: how month ends and grace days move the due date.
std::string interval_notes(const ast::gap_frequency& f) {
  std::string notes;
  if (f.unit == ast::time_unit::month || f.unit == ast::time_unit::year)
    notes = "; a due date past the end of a shorter month moves back to its last day";
  if (f.grace_days > 0) notes += fmt::format("; with {} grace", counted(f.grace_days, "day's", "days'"));
  return notes;
}

// How a frequency reads for one kind of qualifying event.
struct subject {
  std::string one;                        // "hold at least one meeting"
  std::function<std::string(int)> many;   // 3 → "hold at least 3 meetings"
  std::string again;                      // "meet"
  std::string previous;                   // "its previous held meeting"
};

std::string with_frequency(const subject& who, const ast::frequency& f, int year_start_month) {
  return std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::gap_frequency>) {
          return fmt::format("must {} within {} of {}{}", who.again, interval(x), who.previous, interval_notes(x));
        } else if constexpr (std::is_same_v<T, ast::coverage_frequency>) {
          return fmt::format("must {} in {}", who.one, periods(x.period, year_start_month));
        } else {
          return fmt::format("must {} in {}", who.many(x.times), periods(x.period, year_start_month));
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

std::string describe_rule(const ast::statement& s, const ast::resolved_settings& settings);

std::string any_of_roles(const std::vector<std::string>& roles) {
  std::string out;
  for (std::size_t i = 0; i < roles.size(); ++i) out += fmt::format("{}{}", i == 0 ? "" : " or ", quoted(roles[i]));
  return out;
}

// A role is held by the person's role in the attendance record or by a membership in force.
constexpr std::string_view role_note =
    "A person holds a role when the attendance record gives it, or a membership of the body in force on the day does";

std::string describe_people(const ast::quorum& r, int) {
  return fmt::format("At each held meeting at least {} must be present in person (present or substitute; remote "
                     "attendance and people only in attendance do not count).",
                     counted(r.members, "member", "members"));
}
std::string describe_people(const ast::chaired_by& r, int) {
  std::string text = fmt::format("The person recorded in the role \"Chair\" at each held meeting must hold {}.",
                                 any_of_roles(r.roles));
  if (r.only_when_absent) {
    std::vector<std::string> others;
    for (const std::string& role : r.roles)
      if (fold(role) != fold(*r.only_when_absent)) others.push_back(role);
    text += fmt::format(" A chair holding {} but not {} may chair only when no one holding {} attended the meeting "
                        "(present, substitute or in attendance, in the room or remotely).",
                        any_of_roles(others), quoted(*r.only_when_absent), quoted(*r.only_when_absent));
  }
  return fmt::format("{} {}.", text, role_note);
}
std::string describe_people(const ast::attended_by& r, int) {
  if (r.partners > 0)
    return fmt::format("The people holding {} who attend each held meeting (present, substitute or in attendance, in the "
                       "room or remotely) must between them represent at least {}: the partner of each is the one recorded "
                       "on their membership in that role in force on the day. {}.",
                       any_of_roles(r.roles), counted(r.partners, "partner", "different partners"), role_note);
  return fmt::format("Someone holding {} must attend each held meeting (present, substitute or in attendance, in the room "
                     "or remotely). {}.",
                     any_of_roles(r.roles), role_note);
}
std::string describe_people(const ast::party_spread& r, int) {
  return fmt::format("On the date of each held meeting, the {} of the body must between them belong to at least {} (the "
                     "party of each membership in force; each person counted once).",
                     r.roles.empty() ? std::string("members") : fmt::format("members holding {}", any_of_roles(r.roles)),
                     counted(r.parties, "party", "different parties"));
}
std::string describe_people(const ast::has_member& r, int) {
  return fmt::format("On the date of each held meeting, a membership of the body in force must hold {}.", any_of_roles(r.roles));
}
std::string describe_people(const ast::membership_size& r, int) {
  return fmt::format("On the date of each held meeting, the body must have {} {}{} (people with a membership in force, "
                     "each counted once).",
                     r.at_most ? "at most" : "at least", r.members,
                     r.role ? fmt::format(" members holding {}", quoted(*r.role)) : std::string(" members"));
}
std::string describe_people(const ast::attendance_rate& r, int ys) {
  return fmt::format("In {}, each member must attend {} the held meetings of the body held while they were a member{}.",
                     periods(r.period, ys), r.percent == 100 ? std::string("all of") : fmt::format("at least {}% of", r.percent),
                     r.except.empty() ? std::string()
                                      : fmt::format(", except that a member whose membership in force on a "
                                                    "meeting's date holds {} is not expected at it: they attend when "
                                                    "they wish",
                                                    any_of_roles(r.except)));
}
std::string describe_people(const ast::trained_within& r, int) {
  const ast::gap_frequency within{r.count, r.unit, 0, {}};
  return fmt::format("Each member must have completed training whose name contains {} within {} of first joining the "
                     "body (training before joining counts).",
                     quoted(r.training), interval_words(within));
}
std::string describe_people(const ast::rotates& r, int ys) {
  return fmt::format("The partner organisation of the holder of {} must change from one year to the next ({}; a year's "
                     "holder is the one in the role on its first day).",
                     quoted(r.role), periods(ast::period_kind::year, ys));
}

}  // namespace

std::string describe(const ast::statement& s, const ast::resolved_settings& settings) {
  std::string text = describe_rule(s, settings);
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

namespace {

std::string describe_rule(const ast::statement& s, const ast::resolved_settings& settings) {
  const int ys = settings.year_start_month;
  return std::visit(
      [&](const auto& r) -> std::string {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, ast::meets>) {
          return fmt::format("The body {}.", with_frequency({"hold at least one meeting",
                                                              [](int k) { return "hold at least " + counted(k, "meeting", "meetings"); },
                                                              "meet", "its previous held meeting"},
                                                             r.how_often, ys));
        } else if constexpr (std::is_same_v<T, ast::meets_jointly>) {
          return fmt::format(
              "The body {}. A joint meeting is a held meeting or session whose title contains {}.",
              with_frequency({fmt::format("meet jointly with {} at least once", quoted(r.partner)),
                              [&](int k) { return fmt::format("meet jointly with {} at least {}", quoted(r.partner), counted(k, "time", "times")); },
                              fmt::format("meet jointly with {}", quoted(r.partner)), "the previous joint meeting"},
                             r.how_often, ys),
              quoted(r.partner));
        } else if constexpr (std::is_same_v<T, ast::notice>) {
          const std::string days = r.working ? counted(r.days, "working day", "working days")
                                             : counted(r.days, "calendar day", "calendar days");
          std::string text =
              r.clear ? fmt::format("The agenda of each held meeting must be published at least {} before it, with all "
                                    "{} falling strictly between the day of publication and the day of the meeting",
                                    days, r.days == 1 ? "of it" : "of them")
                      : fmt::format("The agenda of each held meeting must be published at least {} before it, the day "
                                    "of the meeting not counted",
                                    days);
          if (r.working) text += fmt::format(". Working days are {}", calendar_words(settings.calendar));
          return text + ".";
        } else if constexpr (std::is_same_v<T, ast::has_item>) {
          return r.is_regex ? fmt::format("Every held meeting must have an agenda item in which the regular expression {} "
                                          "is found (ignoring case).",
                                          quoted(r.pattern))
                            : fmt::format("Every held meeting must have an agenda item containing {} (ignoring case and "
                                          "extra spaces).",
                                          quoted(r.pattern));
        } else if constexpr (std::is_same_v<T, ast::reports>) {
          const std::string report = r.title ? fmt::format("report whose title contains {}", quoted(*r.title)) : "report";
          const std::string reports = r.title ? fmt::format("reports whose titles contain {}", quoted(*r.title)) : "reports";
          const std::string to = r.recipient_is_regex
                                     ? fmt::format("a body whose name matches the regular expression {} (ignoring case)",
                                                   quoted(r.recipient))
                                     : quoted(r.recipient);
          return fmt::format("The body {}.",
                             with_frequency({fmt::format("send at least one {} to {}", report, to),
                                             [&](int k) {
                                               return fmt::format("send at least {} {} to {}", k, k == 1 ? report : reports, to);
                                             },
                                             fmt::format("send a {} to {}", report, to), "the previous one"},
                                            r.how_often, ys));
        } else if constexpr (std::is_same_v<T, ast::receives>) {
          return fmt::format(
              "The body {}.",
              with_frequency({fmt::format("receive {} (an agenda item containing it at a held meeting) at least once",
                                          quoted(r.item)),
                              [&](int k) {
                                return fmt::format("receive {} (an agenda item containing it at a held meeting) at least {}",
                                                   quoted(r.item), counted(k, "time", "times"));
                              },
                              fmt::format("receive {} (an agenda item containing it at a held meeting)", quoted(r.item)),
                              "the previous time"},
                             r.how_often, ys));
        } else if constexpr (std::is_same_v<T, ast::receives_by>) {
          return fmt::format("A held meeting of the body must have an agenda item containing {} on or before {}.",
                             quoted(r.item), r.deadline);
        } else if constexpr (ast::is_people_rule<T>) {
          return describe_people(r, ys);
        } else if constexpr (std::is_same_v<T, ast::preceded_by>) {
          if (r.since_previous)
            return fmt::format("Every held meeting must be preceded by a held meeting or session whose title contains {}, "
                               "after the day of the body's previous held meeting and before the day of this one (the "
                               "first meeting in the logs, with no previous meeting, has no evidence unless one is "
                               "recorded before it).",
                               quoted(r.title));
          return fmt::format("Every held meeting must be preceded by a held meeting or session whose title contains {}, "
                             "at most {} before it (one on the day of the meeting does not count).",
                             quoted(r.title), counted(r.days, "day", "days"));
        } else {
          static_assert(ast::form_left_out<T>, "describe_rule: a statement form has no words");
        }
      },
      s.what);
}

}  // namespace

std::string_view family_name(const ast::statement& s) {
  const auto of = [](const ast::frequency& f) -> std::string_view {
    if (std::holds_alternative<ast::gap_frequency>(f)) return "gap";
    if (std::holds_alternative<ast::coverage_frequency>(f)) return "coverage";
    return "count";
  };
  return std::visit(
      [&](const auto& r) -> std::string_view {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, ast::notice>) return "notice";
        else if constexpr (std::is_same_v<T, ast::has_item>) return "item";
        else if constexpr (std::is_same_v<T, ast::receives_by>) return "deadline";
        else if constexpr (std::is_same_v<T, ast::preceded_by>) return "precedence";
        else if constexpr (std::is_same_v<T, ast::quorum>) return "quorum";
        else if constexpr (std::is_same_v<T, ast::chaired_by>) return "chair";
        else if constexpr (std::is_same_v<T, ast::attended_by>) return "attendance";
        else if constexpr (std::is_same_v<T, ast::has_member> || std::is_same_v<T, ast::membership_size> ||
                           std::is_same_v<T, ast::party_spread>)
          return "membership";
        else if constexpr (std::is_same_v<T, ast::attendance_rate>) return "attendance rate";
        else if constexpr (std::is_same_v<T, ast::trained_within>) return "training";
        else if constexpr (std::is_same_v<T, ast::rotates>) return "rotation";
        else if constexpr (requires { r.how_often; }) return of(r.how_often);
        else static_assert(ast::form_left_out<T>, "family_name: a statement form has no family");
      },
      s.what);
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
