// What a sweep found: per council, whether it could be audited, and per body how its rules stand.
// Kept small on purpose: a national sweep holds hundreds of councils, so each council's full report
// is rendered (and its log let go) as soon as it is audited, and only these rows are kept.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "evaluate/findings.hpp"
#include "report/body_summary.hpp"
#include "sweep/plan.hpp"

namespace remit::sweep {

// In order of severity, as the exit status says it: 0, 1, 2.
enum class council_status { clean, breach, error };
std::string_view name(council_status s);  // "clean", "breach", "error"

struct breached_rule {
  std::string label;
  std::string text;
  std::size_t breaches = 0;
};

struct body_row {
  std::optional<std::string> council;  // as the rule file names it
  std::string body;
  std::string rule_file;
  std::size_t anchor = 0;  // the body's section in the council's HTML report (#body-N)
  std::array<std::size_t, 6> rules{};  // by rule_status, in its order
  std::size_t breaches = 0;
  rag status = rag::grey;
  std::vector<breached_rule> breached;
  std::size_t count(rule_status s) const { return rules[static_cast<std::size_t>(s)]; }
};

struct council_outcome {
  council_plan plan;
  council_status status = council_status::error;
  std::optional<audit_window> window;
  std::vector<body_row> bodies;
  std::size_t rows_read = 0, rows_used = 0, rows_rejected = 0, rows_left_out = 0;
  std::string messages;     // what `remit check` would have said on stderr: errors, rejected rows
  std::string report_json;  // the council's whole JSON report, when the sweep's JSON is asked for
  std::string html_file;    // its HTML report, beside the index, when one was written
};

// The rows of one audited council.
std::vector<body_row> body_rows(const audit_report& report);

struct sweep_outcome {
  std::string source;  // the folder or manifest swept
  std::vector<council_outcome> councils;  // in the plan's order, whatever order they finished in

  council_status worst() const;
};

// The combined reports (docs/sweep.md).
void write_sweep_text(const sweep_outcome& s, std::ostream& out);
void write_sweep_json(const sweep_outcome& s, std::ostream& out);
void write_sweep_html_index(const sweep_outcome& s, std::ostream& out);

}  // namespace remit::sweep
