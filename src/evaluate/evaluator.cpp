#include "evaluate/evaluator.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "core/limits.hpp"
#include "core/parallel.hpp"
#include "core/progress.hpp"
#include "core/text.hpp"
#include "evaluate/bodies.hpp"
#include "evaluate/context.hpp"
#include "evaluate/finding_words.hpp"
#include "evaluate/judges.hpp"

namespace remit {

std::string findings_limit_words() {
  return fmt::format("the audit found more than {} findings ({})", limit_value(limit::findings),
                     limit_advice(limit::findings));
}

std::string_view name(finding_status s) {
  switch (s) {
    case finding_status::breach: return "breach";
    case finding_status::no_evidence: return "no-evidence";
    case finding_status::waived: return "waived";
    case finding_status::advisory: return "advisory";
  }
  return "breach";
}

std::string_view name(rule_status s) {
  switch (s) {
    case rule_status::breach: return "breach";
    case rule_status::no_evidence: return "no-evidence";
    case rule_status::advisory: return "advisory";
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

std::size_t audit_report::clauses_not_checked() const {
  std::size_t n = 0;
  for (const audited_body& b : bodies) n += b.not_checked.size();
  return n;
}

std::string version_words(const version_span& v) {
  if (v.from && v.until) return fmt::format("the version in force from {} to {}", *v.from, *v.until);
  if (v.from) return fmt::format("the version in force from {}", *v.from);
  if (v.until) return fmt::format("the version in force until {}", *v.until);
  return "the only version";
}

std::string version_suffix(const std::optional<version_span>& v) {
  return v ? fmt::format(" ({})", version_words(*v)) : std::string{};
}

due_date body_context::in_force(due_date due) const {
  if (!version || !version->from || due.day >= *version->from) return due;
  return {*version->from, fmt::format("{}, which is before this version of the rules took effect on {}, so it moves to that "
                                      "day",
                                      due.derivation, *version->from)};
}

std::string body_context::window_end_words() const {
  if (version && version->until && *version->until == window.to && window.to < audit().to)
    return fmt::format("{}, the last day this version of the rules was in force", window.to);
  return fmt::format("{}, the end of the audit window", window.to);
}

std::optional<version_span> version_of(const ast::rule_file& file, const ast::body& block) {
  if (!block.in_force_from && !ast::is_versioned(file, block)) return std::nullopt;
  return version_span{block.in_force_from, ast::in_force_until(file, block)};
}

std::optional<audit_window> judged_part(const audit_window& window, const std::optional<version_span>& v) {
  audit_window part = window;
  if (v && v->from && *v->from > part.from) part.from = *v->from;
  if (v && v->until && *v->until < part.to) part.to = *v->until;
  if (part.from > part.to) return std::nullopt;
  return part;
}

namespace {

const ast::waiver* waiver_for(const ast::rule_file& file, const ast::body& body, const ast::statement& s, date due) {
  for (const auto* list : {&body.waivers, &file.waivers})
    for (const ast::waiver& w : *list)
      if (w.label == s.label && w.from <= due && due <= w.to) return &w;
  return nullptr;
}

// A rule's status from its findings (docs/language.md, "Rule status").
template <typename Findings>
rule_status settled_status(const Findings& findings, bool fell_due) {
  const auto any = [&](finding_status st) {
    return std::any_of(findings.begin(), findings.end(), [&](const auto& f) { return f.status == st; });
  };
  if (any(finding_status::breach)) return rule_status::breach;
  if (any(finding_status::no_evidence)) return rule_status::no_evidence;
  if (any(finding_status::advisory)) return rule_status::advisory;
  if (any(finding_status::waived)) return rule_status::waived;
  return fell_due ? rule_status::pass : rule_status::not_due;
}

// Advisory wording is not a duty: what would have been a breach is reported as advisory.
template <typename Finding>
void mark_advisory(const ast::statement& s, std::vector<Finding>& findings) {
  if (s.modifiers.advisory)
    for (Finding& f : findings)
      if (f.status == finding_status::breach) f.status = finding_status::advisory;
}

}  // namespace

void settle_findings(const ast::rule_file& file, const ast::body& block, const ast::statement& s, family_result& found,
                     rule_result& result) {
  for (finding& f : found.findings) {
    if (f.status != finding_status::breach) continue;
    if (const ast::waiver* w = waiver_for(file, block, s, f.due)) {
      f.status = finding_status::waived;
      f.message = fmt::format("{}; waived from {} to {} because \"{}\"", f.words(), w->from, w->to, w->reason);
      f.writer.reset();
    }
  }
  mark_advisory(s, found.findings);
  // By due date; the rest of the key only makes the order independent of the order of log rows.
  // (Findings whose words are written on demand tie on the dates only when their words are
  // the same too.)
  std::sort(found.findings.begin(), found.findings.end(), [](const finding& a, const finding& b) {
    return std::tie(a.due, a.on, a.meeting, a.message) < std::tie(b.due, b.on, b.meeting, b.message);
  });
  result.status = settled_status(found.findings, found.fell_due);
  result.findings = std::move(found.findings);
}

bool settle_compact_findings(const ast::rule_file& file, const ast::body& block, const ast::statement& s,
                             std::vector<compact_finding>& findings, bool fell_due, rule_status& status) {
  for (const compact_finding& f : findings)
    if (f.status == finding_status::breach && waiver_for(file, block, s, f.due)) return false;
  mark_advisory(s, findings);
  // settle_findings' order: compact findings have no message, so the dates decide.
  const auto before = [](const compact_finding& a, const compact_finding& b) {
    return std::tie(a.due, a.on, a.meeting) < std::tie(b.due, b.on, b.meeting);
  };
  if (!std::is_sorted(findings.begin(), findings.end(), before)) std::sort(findings.begin(), findings.end(), before);
  status = settled_status(findings, fell_due);
  return true;
}

void settle_family(const ast::rule_file& file, const ast::body& block, const ast::statement& s, family_result& found,
                   const std::shared_ptr<const finding_writer>& writer, rule_result& result) {
  if (found.findings.empty() &&
      settle_compact_findings(file, block, s, found.compact, found.fell_due, result.status)) {
    // Held for the rest of the run: a vector grown by doubling holds up to twice what it keeps.
    found.compact.shrink_to_fit();
    result.findings = finding_list(std::move(found.compact), writer);
    return;
  }
  found.findings.reserve(found.findings.size() + found.compact.size());
  for (const compact_finding& f : found.compact) found.findings.push_back(f.expanded(writer));
  std::vector<compact_finding>().swap(found.compact);
  settle_findings(file, block, s, found, result);
}

std::vector<waiver_window> body_waivers(const ast::rule_file& file, const ast::body& block) {
  std::vector<waiver_window> out;
  const auto has_label = [&](const std::string& label) {
    return std::any_of(block.statements.begin(), block.statements.end(),
                       [&](const ast::statement& s) { return s.label == label; });
  };
  for (const auto* list : {&block.waivers, &file.waivers})
    for (const ast::waiver& w : *list)
      if (has_label(w.label)) out.push_back({w.label, w.from, w.to, w.reason});
  return out;
}

std::vector<clause_not_checked> clauses_not_checked(const ast::body& block) {
  std::vector<clause_not_checked> out;
  for (const ast::not_checked_clause& c : block.not_checked) out.push_back({c.label, c.reason, c.where.line});
  return out;
}

std::string no_record_words(std::string_view body, const std::vector<std::string>& bodies_in_logs) {
  const std::string near = nearest_name(body, bodies_in_logs);
  return fmt::format("the logs hold no record of body \"{}\"{}", body,
                     near.empty() ? std::string{} : fmt::format("; did you mean \"{}\"?", near));
}

void judge_without_record(rule_result& result, bool has_people, const std::string& why, date window_end) {
  if (result.status == rule_status::not_due) return;
  const bool on_memberships =
      std::visit([](const auto& r) { return ast::is_judged_on_memberships<std::decay_t<decltype(r)>>; }, result.statement->what);
  if (on_memberships && has_people) return;
  // One finding, due when the first duty fell due: what the records cannot tell is said once.
  finding f;
  f.status = finding_status::no_evidence;
  f.due = window_end;
  for (const finding& x : result.findings) f.due = std::min(f.due, x.due);
  f.message = why;
  std::vector<finding> one;
  one.push_back(std::move(f));
  result.findings = finding_list(std::move(one));
  result.status = rule_status::no_evidence;
}

namespace {

// The latest day from `p` that a body's logs may fall silent for before the silence is worth
// saying: three months, or the longest gap interval of its rules plus grace when that is longer.
date silence_ends(const audit_report& report, const audited_body& b, date p) {
  date limit = p.plus_months(3);
  for (const rule_result& r : report.results_of(b)) {
    if (!r.statement) continue;
    std::visit(
        [&](const auto& what) {
          if constexpr (requires { what.how_often; })
            if (const auto* gap = std::get_if<ast::gap_frequency>(&what.how_often))
              limit = std::max(limit, gap_due_day(p, *gap));
        },
        r.statement->what);
  }
  return limit;
}

}  // namespace

std::vector<std::string> stopped_early_words(const audit_report& report) {
  std::vector<std::string> out;
  const auto add = [&](std::string words) {
    if (std::find(out.begin(), out.end(), words) == out.end()) out.push_back(std::move(words));
  };
  const date from = report.window.from;
  const date to = report.window.to;
  // Logs cannot hold what has not happened yet: a window that ends after today is read to today.
  const date end = report.manifest.today ? std::min(to, *report.manifest.today) : to;
  for (const audited_body& b : report.bodies) {
    if (!b.first_event || !b.last_event) continue;  // no record at all: said already
    if (silence_ends(report, b, *b.last_event) < end)
      add(fmt::format("the logs' last event for body \"{}\" is on {}; the window runs to {}: are the logs up to date?",
                      b.name, *b.last_event, to));
    if (*b.first_event > silence_ends(report, b, from))
      add(fmt::format("the logs' first event for body \"{}\" is on {}; the window starts on {}: do the logs start late?",
                      b.name, *b.first_event, from));
  }
  return out;
}

namespace {

}  // namespace

family_result judge_statement(const body_context& ctx, const ast::statement& s) {
  family_result out;
  batch_sink sink{ctx, out};
  with_judge(ctx, s, [&](const auto& judge) { out.fell_due = judge_events(ctx, judge, sink).fell_due; });
  return out;
}

namespace {

// What reports need to draw the body beside its results: its events in the window and the
// waivers that bear on its rules.
void describe_body(const event_log& log, const body_context& ctx, const body_match& m, audited_body& out,
                   bool timelines) {
  if (timelines)
    for (const event* e : ctx.events) {
      if (e->day < ctx.window.from || e->day > ctx.window.to) continue;
      out.events.push_back({e->day, e->published == no_date ? std::nullopt : std::optional(e->published), e->kind,
                            e->status, e->held(), std::string(log.strings.text(e->title)),
                            std::string(log.strings.text(e->to))});
    }
  out.waivers = body_waivers(*m.file, *m.block);
  out.not_checked = clauses_not_checked(*m.block);
}

// The writers of a block's findings kept compact, a statement each (none for a statement whose
// judge words its findings as found): one for every body the block audits, as their words depend
// on the block alone.
using block_writers = std::vector<std::shared_ptr<const finding_writer>>;
block_writers writers_of(const body_match& m, audit_window window) {
  block_writers out;
  const std::optional<version_span> version = version_of(*m.file, *m.block);
  const std::optional<audit_window> judged = judged_part(window, version);
  if (!judged) return out;
  body_context words{no_log(), {}, *judged, calendar::of(m.settings.calendar), m.settings.year_start_month, nullptr};
  if (version) {
    words.version = version;
    words.whole_window = window;
  }
  for (const ast::statement& s : m.block->statements)
    out.push_back(judged_by_dates(s) ? std::make_shared<statement_words>(words, s) : nullptr);
  return out;
}

void evaluate_body(const event_log& log, const body_match& m, audit_window window, audit_report& report,
                   diagnostics& diags, bool timelines, const std::vector<std::string>& bodies_in_logs,
                   findings_budget& budget, const block_writers& writers) {
  const ast::rule_file& file = *m.file;
  // A version of the body's rules that was not in force during the window judges nothing.
  const std::optional<version_span> version = version_of(file, *m.block);
  const std::optional<audit_window> judged = judged_part(window, version);
  if (!judged) return;
  const body_people people =
      people_of(log, m.folded_names, m.settings.council ? std::optional(fold(*m.settings.council)) : std::nullopt);
  body_context ctx{log, events_of(log, m, window.to), *judged, calendar::of(m.settings.calendar),
                   m.settings.year_start_month, &people};
  if (version) {
    ctx.version = version;
    ctx.whole_window = window;
  }
  ctx.budget = &budget;
  audited_body body{file.path, m.settings.council, m.name, m.settings, report.results.size(), 0, {}, {}, version};
  const std::optional<record_span> span = record_span_of(log, m);
  if (span) {
    body.first_event = span->first;
    body.last_event = span->last;
  }
  const bool no_record = !span;
  const std::string no_record_why = no_record ? no_record_words(m.name, bodies_in_logs) : std::string{};
  const bool has_people = !people.memberships.empty() || !people.trainings.empty();
  for (std::size_t k = 0; k < m.block->statements.size(); ++k) {
    const ast::statement& s = m.block->statements[k];
    rule_result result{file.path, m.settings.council, m.name, &s, rule_status::pass, {}, version};
    ctx.informal_meetings_count = s.modifiers.informal_meetings_count;
    family_result found;
    try {
      found = judge_statement(ctx, s);
    } catch (const calendar_year_missing& e) {
      diags.error(s.where, fmt::format("clause {} for body \"{}\": {}", s.label, m.name, e.what()),
                  line_of(file, s.where.line));
      continue;
    }
    settle_family(file, *m.block, s, found, writers[k], result);
    if (no_record) judge_without_record(result, has_people, no_record_why, ctx.window.to);
    report.results.push_back(std::move(result));
  }
  body.rule_count = report.results.size() - body.first_result;
  describe_body(log, ctx, m, body, timelines);
  report.bodies.push_back(std::move(body));
}

}  // namespace

audit_report run_audit(const std::vector<ast::rule_file>& files, const event_log& log, audit_window window,
                       diagnostics& diags, bool timelines, unsigned threads) {
  const body_matches matches = match_bodies(files, log);
  audit_report report{window, {}, {}, log.files, 0, matches.unaudited_bodies, matches.bodies_without_events};
  // Bodies are judged independently. With several threads each judges a contiguous share of
  // them and the shares are joined in order, so the report is the same for any number of threads.
  const std::size_t count = matches.matches.size();
  const std::size_t shares = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(1, count / 64));
  std::vector<audit_report> parts(shares);
  std::vector<diagnostics> part_diags(shares);
  std::vector<std::string> bodies_in_logs;
  if (!matches.bodies_without_events.empty())
    for (const auto& b : matches.log_bodies) bodies_in_logs.emplace_back(log.strings.text(b.display_name));
  std::unordered_map<const ast::body*, block_writers> writers;
  for (const body_match& m : matches.matches)
    if (!writers.contains(m.block)) writers.emplace(m.block, writers_of(m, window));
  // Past the findings limit, every share stops at its next finding, and the audit is refused whole.
  findings_budget budget;
  try {
    run_shares(shares, [&](std::size_t k) {
      for (std::size_t i = count * k / shares; i < count * (k + 1) / shares; ++i) {
        evaluate_body(log, matches.matches[i], window, parts[k], part_diags[k], timelines, bodies_in_logs, budget,
                      writers.at(matches.matches[i].block));
        progress().bodies_judged.fetch_add(1, std::memory_order_relaxed);
      }
    });
  } catch (const findings_over_limit&) {
    diags.error({"remit", 0, 0}, findings_limit_words());
    return {window, {}, {}, log.files, 0, {}, {}};
  }
  std::size_t results = 0, bodies = 0;
  for (const audit_report& part : parts) results += part.results.size(), bodies += part.bodies.size();
  report.results.reserve(results);  // grown by doubling, it would copy the results beside themselves
  report.bodies.reserve(bodies);
  for (std::size_t k = 0; k < shares; ++k) {
    for (audited_body& b : parts[k].bodies) b.first_result += report.results.size();
    std::move(parts[k].results.begin(), parts[k].results.end(), std::back_inserter(report.results));
    std::move(parts[k].bodies.begin(), parts[k].bodies.end(), std::back_inserter(report.bodies));
    parts[k] = audit_report{};  // what was moved out, freed before the next share is moved in
    diags.add(part_diags[k]);
  }
  report.events_after_window = static_cast<std::size_t>(
      std::count_if(log.events.begin(), log.events.end(), [&](const event& e) { return e.day > window.to; }));
  return report;
}

}  // namespace remit
