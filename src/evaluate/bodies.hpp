// Which bodies of the logs each body block of the rule files applies to (docs/language.md,
// "Bodies"): a named body, or with `body *` every body whose events the file's council admits.
// Shared by the audit and by `remit due`, so both see the same bodies and the same events.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "inputs/event_log.hpp"
#include "language/ast.hpp"

namespace remit {

struct body_match {
  const ast::rule_file* file = nullptr;
  const ast::body* block = nullptr;
  ast::resolved_settings settings;
  const event_log::body_events* events = nullptr;  // null: the logs never mention the body
  std::string name;                                // as reports show it
  // The folded names its events and people are recorded under: the block's (ast::folded_names), or
  // for `body *` the one the logs give it.
  std::vector<std::string> folded_names;
};

struct body_matches {
  std::vector<event_log::body_events> log_bodies;  // what `events` above point into
  // A renamed body's events under all its names, in date order (a deque: `events` point into it).
  std::deque<event_log::body_events> renamed_bodies;
  // Files in argument order, blocks in file order; the bodies of a `body *` block in order of
  // their folded names.
  std::vector<body_match> matches;
  // Bodies in the logs that no block audits, and bodies that blocks name but the logs never
  // mention: either is often a name spelt two ways.
  std::vector<std::string> unaudited_bodies;
  std::vector<std::string> bodies_without_events;
};

body_matches match_bodies(const std::vector<ast::rule_file>& files, const event_log& log);

// The councils whose rows the rule files audit: every council when some body block names none.
admitted_councils councils_of(const std::vector<ast::rule_file>& files);

// The first and last days of the body's events that the file's council admits, at any date;
// none when the logs hold no record of it.
struct record_span {
  date first;
  date last;
};
std::optional<record_span> record_span_of(const event_log& log, const body_match& m);

// The body's events on or before `up_to` that the file's council admits, in date order.
std::vector<const event*> events_of(const event_log& log, const body_match& m, date up_to);

// Line `line` of the rule file, without its line end, for a diagnostic about a statement.
std::string line_of(const ast::rule_file& file, std::uint32_t line);

}  // namespace remit
