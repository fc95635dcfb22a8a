#include "report/body_summary.hpp"

#include <algorithm>
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

rules_in_order exceptions_first(const std::vector<const rule_result*>& results) {
  const auto group = [](rule_status s) {
    switch (s) {
      case rule_status::breach: return 0;
      case rule_status::no_evidence: return 1;
      case rule_status::advisory: return 2;
      case rule_status::waived: return 3;
      case rule_status::not_due:
      case rule_status::pass: return 4;
    }
    return 4;
  };
  const auto finding_status_of = [](rule_status s) {
    return s == rule_status::breach        ? finding_status::breach
           : s == rule_status::no_evidence ? finding_status::no_evidence
           : s == rule_status::advisory    ? finding_status::advisory
                                           : finding_status::waived;
  };
  const auto key = [&](const rule_result* r) {
    const auto consequence = std::count_if(r->findings.begin(), r->findings.end(), [&](const finding& f) {
      return f.status == finding_status_of(r->status);
    });
    return std::make_tuple(group(r->status), -static_cast<int>(r->statement->modifiers.severity), -consequence);
  };
  rules_in_order out;
  for (const rule_result* r : results) (group(r->status) < 4 ? out.exceptions : out.met).push_back(r);
  std::stable_sort(out.exceptions.begin(), out.exceptions.end(),
                   [&](const rule_result* a, const rule_result* b) { return key(a) < key(b); });
  return out;
}

rules_in_order exceptions_first(std::span<const rule_result> results) {
  std::vector<const rule_result*> all;
  for (const rule_result& r : results) all.push_back(&r);
  return exceptions_first(all);
}

std::optional<finding> worst_finding(const rule_result& r, const audit_window& window) {
  // A copy, not a pointer: a compact finding list makes each finding as it is read.
  std::optional<finding> worst;
  for (const finding& f : r.findings)
    if (!worst || severity(f, r, window) < severity(*worst, r, window)) worst = f;
  return worst;
}

body_summary summarise(const audit_report& report, const audited_body& body) {
  body_summary s;
  for (const rule_result& r : report.results_of(body)) {
    ++s.rules[static_cast<std::size_t>(r.status)];
    for (const finding& f : r.findings)
      if (f.status == finding_status::breach) ++s.breaches;
  }
  // The worst finding is the worst of the first exception's, in the order the report lists them.
  if (const auto ordered = exceptions_first(report.results_of(body)); !ordered.exceptions.empty()) {
    const rule_result& r = *ordered.exceptions.front();
    s.worst = worst_finding(r, report.window);
    if (s.worst) s.worst_rule = &r;
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
