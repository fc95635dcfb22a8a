#include "language/ast.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace remit::ast {

int months_in(period_kind p) {
  switch (p) {
    case period_kind::month: return 1;
    case period_kind::two_months: return 2;
    case period_kind::quarter: return 3;
    case period_kind::half_year: return 6;
    case period_kind::year: return 12;
  }
  return 12;
}

resolved_settings resolve(const rule_file& file, const body& b) {
  resolved_settings r;
  r.council = b.overrides.council ? b.overrides.council : file.defaults.council;
  r.calendar = b.overrides.calendar.value_or(file.defaults.calendar.value_or(division::england_and_wales));
  r.year_start_month = b.overrides.year_start_month.value_or(file.defaults.year_start_month.value_or(1));
  return r;
}

std::string_view name(severity s) {
  switch (s) {
    case severity::minor: return "minor";
    case severity::major: return "major";
    case severity::critical: return "critical";
  }
  return "major";
}

std::string_view name(member_term t) {
  switch (t) {
    case member_term::elected: return "elected";
    case member_term::co_opted: return "co-opted";
    case member_term::voting: return "voting";
  }
  return "elected";
}

std::string_view severity_name(const modifiers& m) { return m.advisory ? "advisory" : name(m.severity); }

std::vector<std::string> folded_names(const rule_file& file, const body& b) {
  if (b.every_body) return {};
  const auto own = [](const body& x) {
    std::vector<std::string> names{fold(x.name)};
    for (const std::string& n : x.also) names.push_back(fold(n));
    return names;
  };
  std::vector<std::string> names = own(b);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  // A file that renames no body has nothing to close over (and may hold thousands of blocks).
  if (std::none_of(file.bodies.begin(), file.bodies.end(), [](const body& x) { return !x.also.empty(); })) return names;
  // Versions connect through any shared name: grow the set until no block adds to it.
  for (bool grew = true; grew;) {
    grew = false;
    for (const body& x : file.bodies) {
      if (x.every_body) continue;
      std::vector<std::string> theirs = own(x);
      const bool shares = std::any_of(theirs.begin(), theirs.end(),
                                      [&](const std::string& n) { return std::binary_search(names.begin(), names.end(), n); });
      if (!shares) continue;
      for (std::string& n : theirs)
        if (!std::binary_search(names.begin(), names.end(), n)) {
          names.insert(std::upper_bound(names.begin(), names.end(), n), std::move(n));
          grew = true;
        }
    }
  }
  return names;
}

bool same_body(const rule_file& file, const body& a, const body& b) {
  if (a.every_body || b.every_body) return a.every_body == b.every_body;
  if (a.also.empty() && b.also.empty() &&
      std::none_of(file.bodies.begin(), file.bodies.end(), [](const body& x) { return !x.also.empty(); }))
    return fold(a.name) == fold(b.name);
  const std::vector<std::string> names = folded_names(file, a);
  return std::binary_search(names.begin(), names.end(), fold(b.name));
}

bool is_versioned(const rule_file& file, const body& b) {
  for (const body& other : file.bodies)
    if (&other != &b && same_body(file, other, b)) return true;
  return false;
}

std::optional<date> in_force_until(const rule_file& file, const body& b) {
  bool after = false;
  for (const body& other : file.bodies) {
    if (&other == &b) {
      after = true;
      continue;
    }
    if (after && same_body(file, other, b) && other.in_force_from) return other.in_force_from->plus_days(-1);
  }
  return std::nullopt;
}

}  // namespace remit::ast
