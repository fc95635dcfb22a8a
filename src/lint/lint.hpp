// remit lint: what parses and checks but is probably not what the Terms of Reference meant
// (docs/tools.md, "remit lint"). Each check lives in its own file and has a stable code, so
// that authors, reviews and code-review tools can name it; a new check is a new file and one
// line in lint/registry.cpp.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/diagnostic.hpp"
#include "inputs/event_log.hpp"
#include "language/ast.hpp"

namespace remit::lint {

struct finding {
  std::string_view code;  // "RL001"
  source_location where;
  std::string message;                     // one or two sentences in the words of the ToR
  std::optional<source_location> related;  // the other statement, when two disagree
};

// What the checks may take into account beyond the file itself. The command resolves "today";
// nothing in lint reads the clock.
struct context {
  date as_of;                          // deadlines before this date have passed
  std::optional<date> window_from;     // the start of the audit window the file is for
  const event_log* log = nullptr;      // meeting logs, to see whether a passed deadline was met
};

struct check {
  std::string_view code;
  std::string_view name;     // a short slug, for SARIF and the docs
  std::string_view summary;  // one line: what the check finds
  void (*run)(const ast::rule_file& file, const context& ctx, std::vector<finding>& out);
};

// Every check, in order of code.
std::span<const check> checks();
const check* find_check(std::string_view code);

// Every finding for one file, by position, less those the author allowed with a
// "lint: allow CODE" comment on the line or in the comment lines right above it.
std::vector<finding> lint_file(const ast::rule_file& file, const context& ctx);

// The checks, one file each.
void waiver_never_applies(const ast::rule_file& file, const context& ctx, std::vector<finding>& out);      // RL001
void waiver_expired(const ast::rule_file& file, const context& ctx, std::vector<finding>& out);            // RL002
void count_out_of_reach(const ast::rule_file& file, const context& ctx, std::vector<finding>& out);        // RL003
void grace_swallows_interval(const ast::rule_file& file, const context& ctx, std::vector<finding>& out);   // RL004
void always_met(const ast::rule_file& file, const context& ctx, std::vector<finding>& out);                // RL005
void redundant_statement(const ast::rule_file& file, const context& ctx, std::vector<finding>& out);       // RL006
void frequencies_disagree(const ast::rule_file& file, const context& ctx, std::vector<finding>& out);      // RL007
void label_reused(const ast::rule_file& file, const context& ctx, std::vector<finding>& out);              // RL008
void deadline_passed(const ast::rule_file& file, const context& ctx, std::vector<finding>& out);           // RL009
void setting_repeated(const ast::rule_file& file, const context& ctx, std::vector<finding>& out);          // RL010
void alternative_covered(const ast::rule_file& file, const context& ctx, std::vector<finding>& out);       // RL011
void counts_contradict(const ast::rule_file& file, const context& ctx, std::vector<finding>& out);         // RL012

}  // namespace remit::lint
