#include "lint/measures.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "core/text.hpp"
#include "language/describe.hpp"
#include "language/form_words.hpp"

namespace remit::lint {

namespace {

// Month arithmetic clamps, so the days in N months depend on the day it starts from; the
// extremes repeat every four years, and one such cycle is searched whole.
std::pair<int, int> days_in_months(int months) {
  const date first = date::from(std::chrono::year{2024} / 1 / 1);
  int fewest = std::numeric_limits<int>::max();
  int most = 0;
  for (int i = 0; i < 1461; ++i) {
    const date d = first.plus_days(i);
    const int n = days_between(d, d.plus_months(months));
    fewest = std::min(fewest, n);
    most = std::max(most, n);
  }
  return {fewest, most};
}

int months_of(const ast::gap_frequency& f) { return f.unit == ast::time_unit::year ? 12 * f.count : f.count; }

}  // namespace

int shortest_days(const ast::gap_frequency& f) {
  switch (f.unit) {
    case ast::time_unit::day: return f.count;
    case ast::time_unit::week: return 7 * f.count;
    case ast::time_unit::month:
    case ast::time_unit::year: return days_in_months(months_of(f)).first;
  }
  return f.count;
}

int longest_days(const ast::gap_frequency& f) {
  switch (f.unit) {
    case ast::time_unit::day: return f.count;
    case ast::time_unit::week: return 7 * f.count;
    case ast::time_unit::month:
    case ast::time_unit::year: return days_in_months(months_of(f)).second;
  }
  return f.count;
}

int shortest_days(ast::period_kind p) {
  // An aligned period starts on the 1st of a month, so it spans whole months.
  const date first = date::from(std::chrono::year{2024} / 1 / 1);
  int fewest = std::numeric_limits<int>::max();
  for (int m = 0; m < 48; ++m) {
    const date start = first.plus_months(m);
    fewest = std::min(fewest, days_between(start, start.plus_months(ast::months_in(p))));
  }
  return fewest;
}

const ast::frequency* frequency_of(const ast::rule& r) {
  if (const auto* m = std::get_if<ast::meets>(&r)) return &m->how_often;
  if (const auto* j = std::get_if<ast::meets_jointly>(&r)) return &j->how_often;
  if (const auto* p = std::get_if<ast::reports>(&r)) return &p->how_often;
  if (const auto* v = std::get_if<ast::receives>(&r)) return &v->how_often;
  return nullptr;
}

// The same events, whatever the order or case of the alternatives.
std::string match_key(const ast::title_match& m) {
  if (m.is_regex) return "matching\n" + m.phrases.front();
  std::vector<std::string> folded;
  for (const std::string& p : m.phrases) folded.push_back(fold(p));
  std::sort(folded.begin(), folded.end());
  folded.erase(std::unique(folded.begin(), folded.end()), folded.end());
  std::string out;
  for (const std::string& f : folded) out += f + "\n";
  return out;
}

std::string events_key(const ast::rule& r) {
  if (std::holds_alternative<ast::meets>(r)) return "meets";
  if (const auto* j = std::get_if<ast::meets_jointly>(&r)) return "jointly\n" + match_key(j->partner);
  if (const auto* p = std::get_if<ast::reports>(&r)) return "reports\n" + fold(p->title.value_or("")) + "\n" + (p->recipient_is_regex ? "matching\n" + p->recipient : fold(p->recipient));
  if (const auto* v = std::get_if<ast::receives>(&r)) return (v->approves ? "approves\n" : "receives\n") + match_key(v->item);
  return {};
}

std::string events_nouns(const ast::rule& r) {
  if (std::holds_alternative<ast::meets>(r)) return "held meetings";
  if (const auto* j = std::get_if<ast::meets_jointly>(&r)) return j->partner.is_regex ? std::string("joint meetings whose titles match the statement's pattern")
                               : fmt::format("joint meetings with {}", phrases_words(j->partner));
  if (const auto* p = std::get_if<ast::reports>(&r))
    return fmt::format("{}reports to {}\"{}\"", p->title ? fmt::format("\"{}\" ", *p->title) : std::string(),
                       p->recipient_is_regex ? "matching " : "", p->recipient);
  if (const auto* v = std::get_if<ast::receives>(&r)) {
    const std::string_view verb = v->approves ? "approve" : "receive";
    return v->item.is_regex ? fmt::format("meetings that {} an item matching the statement's pattern", verb)
                            : fmt::format("meetings that {} {}", verb, phrases_words(v->item));
  }
  return "events";
}

std::string cite(const ast::statement& s) { return fmt::format("clause {} ({})", s.label, s.text); }
std::string cite_at(const ast::statement& s) { return fmt::format("clause {} on line {} ({})", s.label, s.where.line, s.text); }

}  // namespace remit::lint
