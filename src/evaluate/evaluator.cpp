#include "evaluate/evaluator.hpp"

#include <algorithm>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/context.hpp"

namespace remit {

std::string_view name(finding_status s) {
  switch (s) {
    case finding_status::breach: return "breach";
    case finding_status::no_evidence: return "no-evidence";
    case finding_status::waived: return "waived";
  }
  return "breach";
}

std::string_view name(rule_status s) {
  switch (s) {
    case rule_status::breach: return "breach";
    case rule_status::no_evidence: return "no-evidence";
    case rule_status::waived: return "waived";
    case rule_status::not_due: return "not-due";
    case rule_status::pass: return "pass";
  }
  return "pass";
}

std::size_t audit_report::count(rule_status s) const {
  return static_cast<std::size_t>(
      std::count_if(results.begin(), results.end(), [&](const rule_result& r) { return r.status == s; }));
}

std::size_t audit_report::count(finding_status s) const {
  std::size_t n = 0;
  for (const auto& r : results)
    n += static_cast<std::size_t>(
        std::count_if(r.findings.begin(), r.findings.end(), [&](const finding& f) { return f.status == s; }));
  return n;
}

namespace {

// The family a statement belongs to decides how it is evaluated.
family_result evaluate_statement(const body_context& ctx, const ast::statement& s) {
  return std::visit(
      [&](const auto& r) -> family_result {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, ast::notice>) {
          return evaluate_notice(ctx, r);
        } else if constexpr (std::is_same_v<T, ast::has_item>) {
          return evaluate_item(ctx, r);
        } else if constexpr (std::is_same_v<T, ast::receives_by>) {
          return evaluate_deadline(ctx, r);
        } else if constexpr (std::is_same_v<T, ast::preceded_by>) {
          return evaluate_precedence(ctx, r);
        } else {
          const series dates = qualifying_series(ctx, s.what);
          if (const auto* gap = std::get_if<ast::gap_frequency>(&r.how_often)) return evaluate_gap(ctx, dates, *gap);
          return evaluate_periods(ctx, dates, r.how_often);
        }
      },
      s.what);
}

const ast::waiver* waiver_for(const ast::rule_file& file, const ast::body& body, const ast::statement& s, date due) {
  for (const auto* list : {&body.waivers, &file.waivers})
    for (const ast::waiver& w : *list)
      if (w.label == s.label && w.from <= due && due <= w.to) return &w;
  return nullptr;
}

rule_status status_of(const family_result& r) {
  const auto any = [&](finding_status s) {
    return std::any_of(r.findings.begin(), r.findings.end(), [&](const finding& f) { return f.status == s; });
  };
  if (any(finding_status::breach)) return rule_status::breach;
  if (any(finding_status::no_evidence)) return rule_status::no_evidence;
  if (any(finding_status::waived)) return rule_status::waived;
  if (!r.fell_due) return rule_status::not_due;
  return rule_status::pass;
}

std::string line_of(const ast::rule_file& file, std::uint32_t line) {
  std::istringstream in(file.text);
  std::string text;
  for (std::uint32_t i = 0; i < line && std::getline(in, text); ++i) {
  }
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

struct auditor {
  const event_log& log;
  audit_window window;
  diagnostics& diags;
  std::vector<event_log::body_events> bodies = log.by_body();
  std::vector<bool> audited = std::vector<bool>(bodies.size(), false);
  audit_report report{window, {}, log.files, 0, {}, {}};

  bool council_matches(const event& e, const std::optional<std::string>& folded_council) const {
    return !folded_council || e.council == 0 || log.strings.folded(e.council) == *folded_council;
  }

  body_context context_for(const event_log::body_events* b, const ast::resolved_settings& settings) const {
    body_context ctx{log, {}, window, calendar::of(settings.calendar), settings.year_start_month};
    if (!b) return ctx;
    const std::optional<std::string> council = settings.council ? std::optional(fold(*settings.council)) : std::nullopt;
    for (std::uint32_t i : b->events) {
      const event& e = log.events[i];
      if (e.day <= window.to && council_matches(e, council)) ctx.events.push_back(&e);
    }
    return ctx;
  }

  void evaluate_body(const ast::rule_file& file, const ast::body& body, const ast::resolved_settings& settings,
                     const event_log::body_events* events, std::string display_name) {
    const body_context ctx = context_for(events, settings);
    for (const ast::statement& s : body.statements) {
      rule_result result{file.path, settings.council, display_name, &s, rule_status::pass, {}};
      family_result found;
      try {
        found = evaluate_statement(ctx, s);
      } catch (const calendar_year_missing& e) {
        diags.error(s.where, fmt::format("clause {} for body \"{}\": {}", s.label, display_name, e.what()),
                    line_of(file, s.where.line));
        continue;
      }
      for (finding& f : found.findings) {
        if (f.status != finding_status::breach) continue;
        if (const ast::waiver* w = waiver_for(file, body, s, f.due)) {
          f.status = finding_status::waived;
          f.message = fmt::format("{}; waived from {} to {} because \"{}\"", f.message, w->from, w->to, w->reason);
        }
      }
      // By due date; the rest of the key only makes the order independent of the order of log rows.
      std::sort(found.findings.begin(), found.findings.end(), [](const finding& a, const finding& b) {
        return std::tie(a.due, a.on, a.meeting, a.message) < std::tie(b.due, b.on, b.meeting, b.message);
      });
      result.status = status_of(found);
      result.findings = std::move(found.findings);
      report.results.push_back(std::move(result));
    }
  }

  void run(const ast::rule_file& file) {
    for (const ast::body& body : file.bodies) {
      const ast::resolved_settings settings = ast::resolve(file, body);
      const std::optional<std::string> council = settings.council ? std::optional(fold(*settings.council)) : std::nullopt;
      if (body.every_body) {
        for (std::size_t i = 0; i < bodies.size(); ++i) {
          const auto& b = bodies[i];
          const bool matches = std::any_of(b.events.begin(), b.events.end(),
                                           [&](std::uint32_t e) { return council_matches(log.events[e], council); });
          if (!matches) continue;
          audited[i] = true;
          evaluate_body(file, body, settings, &b, std::string(log.strings.text(b.display_name)));
        }
        continue;
      }
      const std::string folded = fold(body.name);
      const auto it = std::lower_bound(bodies.begin(), bodies.end(), folded,
                                       [](const auto& b, const std::string& n) { return b.folded_name < n; });
      const event_log::body_events* found = (it != bodies.end() && it->folded_name == folded) ? &*it : nullptr;
      if (found)
        audited[static_cast<std::size_t>(it - bodies.begin())] = true;
      else if (std::find(report.bodies_without_events.begin(), report.bodies_without_events.end(), body.name) ==
               report.bodies_without_events.end())
        report.bodies_without_events.push_back(body.name);
      evaluate_body(file, body, settings, found, body.name);
    }
  }

  audit_report finish() {
    for (std::size_t i = 0; i < bodies.size(); ++i)
      if (!audited[i]) report.unaudited_bodies.emplace_back(log.strings.text(bodies[i].display_name));
    report.events_after_window = static_cast<std::size_t>(
        std::count_if(log.events.begin(), log.events.end(), [&](const event& e) { return e.day > window.to; }));
    return std::move(report);
  }
};

}  // namespace

audit_report run_audit(const std::vector<ast::rule_file>& files, const event_log& log, audit_window window,
                       diagnostics& diags) {
  auditor a{log, window, diags};
  for (const ast::rule_file& f : files) a.run(f);
  return a.finish();
}

}  // namespace remit
