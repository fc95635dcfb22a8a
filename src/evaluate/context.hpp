// What every rule family sees: one body's events, the window, the calendar and the year start.
// Each family lives in its own file and returns its findings before waivers are applied.
#pragma once

#include <string>
#include <vector>

#include "calendar/calendar.hpp"
#include "core/text.hpp"
#include "evaluate/findings.hpp"
#include "inputs/event_log.hpp"
#include "language/ast.hpp"

namespace remit {

struct body_context {
  const event_log& log;
  std::vector<const event*> events;  // this body's events up to the window's end, in date order
  audit_window window;
  const calendar& cal;
  int year_start_month = 1;

  std::string_view title(const event& e) const { return log.strings.folded(e.title); }
};

struct family_result {
  std::vector<finding> findings;
  bool fell_due = false;  // whether anything fell due in the window (docs/language.md, "Rule status")
};

// The dates of the events a frequency is judged on, and how to name them in a sentence.
struct series {
  std::vector<date> dates;  // sorted
  std::string noun;         // "held meeting"
  std::string nouns;        // "held meetings"
};

series qualifying_series(const body_context& ctx, const ast::rule& rule);

// The frequency families (gap.cpp, periods.cpp).
family_result evaluate_gap(const body_context& ctx, const series& s, const ast::gap_frequency& f);
family_result evaluate_periods(const body_context& ctx, const series& s, const ast::frequency& f);

// The per-meeting families, one file each.
family_result evaluate_notice(const body_context& ctx, const ast::notice& rule);
family_result evaluate_item(const body_context& ctx, const ast::has_item& rule);
family_result evaluate_deadline(const body_context& ctx, const ast::receives_by& rule);
family_result evaluate_precedence(const body_context& ctx, const ast::preceded_by& rule);

}  // namespace remit
