#include "report/body_summary.hpp"

#include <tuple>

#include "evaluate/evaluator.hpp"

namespace remit {

std::string_view name(rag r) {
  switch (r) {
    case rag::red: return "red";
    case rag::amber: return "amber";
    case rag::green: return "green";
    case rag::grey: return "grey";
  }
  return "grey";
}

std::string_view meaning_of(rag r) {
  switch (r) {
    case rag::red: return "in breach";
    case rag::amber: return "unproven, waived or advisory";
    case rag::green: return "compliant";
    case rag::grey: return "nothing fell due";
  }
  return "";
}

std::optional<int> days_late(const finding& f, const rule_result& r, const audit_window& window) {
  if (f.status == finding_status::no_evidence || f.period_start) return std::nullopt;
  if (f.on) {
    if (*f.on > f.due) return days_between(f.due, *f.on);
    return std::nullopt;
  }
  const date end = judged_part(window, r.version).value_or(window).to;
  return end > f.due ? std::optional(days_between(f.due, end)) : std::nullopt;
}

namespace {

// Breach before no-evidence before advisory before waived; then the latest; then the earliest due.
auto severity(const finding& f, const rule_result& r, const audit_window& window) {
  const int status_rank = f.status == finding_status::breach        ? 0
                          : f.status == finding_status::no_evidence ? 1
                          : f.status == finding_status::advisory    ? 2
                                                                    : 3;
  return std::make_tuple(status_rank, -days_late(f, r, window).value_or(0), f.due);
}

}  // namespace

body_summary summarise(const audit_report& report, const audited_body& body) {
  body_summary s;
  for (const rule_result& r : report.results_of(body)) {
    ++s.rules[static_cast<std::size_t>(r.status)];
    for (const finding& f : r.findings) {
      if (f.status == finding_status::breach) ++s.breaches;
      if (!s.worst || severity(f, r, report.window) < severity(*s.worst, *s.worst_rule, report.window)) {
        s.worst = f;
        s.worst_rule = &r;
      }
    }
  }
  if (s.count(rule_status::breach) > 0) s.status = rag::red;
  else if (s.count(rule_status::no_evidence) + s.count(rule_status::advisory) + s.count(rule_status::waived) > 0)
    s.status = rag::amber;
  else if (s.count(rule_status::pass) > 0) s.status = rag::green;
  else s.status = rag::grey;
  return s;
}

rag overall(const audit_report& report) {
  rag worst = rag::grey;
  for (const audited_body& b : report.bodies) {
    const rag r = summarise(report, b).status;
    if (static_cast<int>(r) < static_cast<int>(worst)) worst = r;
  }
  return worst;
}

}  // namespace remit
