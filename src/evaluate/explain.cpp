// remit explain (docs/tools.md). One explainer per statement and body: the statement's judge
// (judges.hpp) is fed the body's events with a sink that traces, and prints each step it takes
// in words; the explainer adds the waivers and ends with the audit's own result. What the trace
// reached is compared with the audit's findings; any difference is a fault in remit and stops
// the command.
#include "evaluate/explain.hpp"

#include <algorithm>
#include <ostream>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/date.hpp"
#include "core/text.hpp"
#include "evaluate/bodies.hpp"
#include "evaluate/context.hpp"
#include "evaluate/evaluator.hpp"
#include "evaluate/judges.hpp"
#include "language/describe.hpp"

namespace remit {

namespace {


using reached = trace_sink::reached;

const ast::waiver* waiver_for(const ast::rule_file& file, const ast::body& block, const ast::statement& s, date due) {
  for (const auto* list : {&block.waivers, &file.waivers})
    for (const ast::waiver& w : *list)
      if (w.label == s.label && w.from <= due && due <= w.to) return &w;
  return nullptr;
}

}  // namespace

void trace_sink::step(std::string_view words) { out_ << words; }

std::string trace_sink::verdict(date due) const {
  if (const ast::waiver* w = waiver_for(file_, block_, s_, due))
    return fmt::format("breach, waived: its due date {} lies in the waiver from {} to {} (\"{}\")", due, w->from, w->to,
                       w->reason);
  if (s_.modifiers.advisory) return "advisory (the statement is advisory: never a breach)";
  return "breach";
}

finding_status trace_sink::settled(finding_status s, date due) const {
  if (s != finding_status::breach) return s;
  if (waiver_for(file_, block_, s_, due)) return finding_status::waived;
  if (s_.modifiers.advisory) return finding_status::advisory;
  return finding_status::breach;
}

namespace {

// One statement for one body: the judge's own steps, then the waivers for its label.
class explainer {
 public:
  explainer(const ast::rule_file& file, const ast::body& block, const ast::statement& s, const body_context& ctx,
            std::ostream& out)
      : file_(file), block_(block), s_(s), ctx_(ctx), out_(out) {}

  std::vector<reached> run() {
    trace_sink sink(out_, file_, block_, s_);
    with_judge(ctx_, s_, [&](const auto& judge) { judge_events(ctx_, judge, sink); });
    waivers();
    return sink.findings();
  }

 private:
  void waivers() {
    std::string lines;
    for (const auto& [list, scope] : {std::pair{&block_.waivers, "this body"}, std::pair{&file_.waivers, "the whole file"}})
      for (const ast::waiver& w : *list)
        if (w.label == s_.label) lines += fmt::format("  {} to {}  \"{}\" ({})\n", w.from, w.to, w.reason, scope);
    if (lines.empty())
      out_ << fmt::format("\nWaivers: none for clause {}.\n", s_.label);
    else
      out_ << fmt::format("\nWaivers for clause {} (a breach is waived when its due date lies in one):\n{}", s_.label, lines);
  }

  const ast::rule_file& file_;
  const ast::body& block_;
  const ast::statement& s_;
  const body_context& ctx_;
  std::ostream& out_;
};

const ast::body* block_of(const ast::rule_file& file, const ast::statement* s) {
  for (const ast::body& b : file.bodies)
    for (const ast::statement& x : b.statements)
      if (&x == s) return &b;
  return nullptr;
}

}  // namespace

explain_outcome explain_rule(const std::vector<ast::rule_file>& files, const event_log& log, audit_window window,
                             const explain_request& request, std::ostream& out, diagnostics& diags) {
  explain_outcome outcome;
  const audit_report report = run_audit(files, log, window, diags);
  // The bodies as the audit matched them: the same events and people, under every name of a renamed body.
  const body_matches matches = match_bodies(files, log);
  const auto explain_result = [&](const rule_result& result) {
    if (result.statement->label != request.label) return;
    const ast::rule_file* file = nullptr;
    const ast::body* block = nullptr;
    for (const ast::rule_file& f : files)
      if (f.path == result.rule_file && (block = block_of(f, result.statement))) {
        file = &f;
        break;
      }
    if (!file) throw std::logic_error("a result whose statement is in no rule file");
    const auto m = std::find_if(matches.matches.begin(), matches.matches.end(),
                                [&](const body_match& x) { return x.block == block && x.name == result.body; });
    if (m == matches.matches.end()) throw std::logic_error("a result for a body the audit did not match");
    if (request.body && std::find(m->folded_names.begin(), m->folded_names.end(), fold(*request.body)) == m->folded_names.end())
      return;
    const ast::resolved_settings settings = ast::resolve(*file, *block);
    const ast::statement& s = *result.statement;
    const std::optional<version_span> version = version_of(*file, *block);
    const std::optional<audit_window> judged = judged_part(window, version);
    if (!judged) throw std::logic_error("a result of a version not in force during the window");
    const body_people people =
        people_of(log, m->folded_names, settings.council ? std::optional(fold(*settings.council)) : std::nullopt);
    body_context ctx{log, events_of(log, *m, window.to), *judged,
                     calendar::of(settings.calendar), settings.year_start_month, &people};
    ctx.informal_meetings_count = s.modifiers.informal_meetings_count;
    if (version) {
      ctx.version = version;
      ctx.whole_window = window;
    }

    if (outcome.explained > 0) out << "\n" << std::string(100, '-') << "\n\n";
    ++outcome.explained;
    out << fmt::format("Clause {} for \"{}\"{}\n", s.label, result.body,
                       settings.council ? fmt::format(" ({})", *settings.council) : std::string{});
    out << fmt::format("  rule file  {}, line {}\n", file->path, s.where.line);
    out << fmt::format("  statement  {}  {}\n", s.label, s.text);
    if (m->folded_names.size() > 1) {
      // Its other names as written: its own `also` list, then those its other versions give.
      std::vector<std::string> others, seen{fold(block->name)};
      const auto add = [&](const std::string& n) {
        if (std::find(seen.begin(), seen.end(), fold(n)) != seen.end()) return;
        seen.push_back(fold(n));
        others.push_back(fmt::format("\"{}\"", n));
      };
      for (const std::string& n : block->also) add(n);
      for (const ast::body& b : file->bodies)
        if (!b.every_body && std::binary_search(m->folded_names.begin(), m->folded_names.end(), fold(b.name))) {
          add(b.name);
          for (const std::string& n : b.also) add(n);
        }
      out << fmt::format("  names      \"{}\", also {}: the events recorded under any of them are the body's\n",
                         block->name, fmt::join(others, ", "));
    }
    out << fmt::format("  window     {} to {}, evaluated as of {}; later events are ignored\n", window.from, window.to,
                       window.to);
    out << fmt::format("  settings   calendar {}; years start 1 {}\n", division_name(settings.calendar),
                       month_name(settings.year_start_month));
    if (version)
      out << fmt::format("  version    {}; it judges {} to {}\n", version_words(*version), judged->from, judged->to);
    if (s.modifiers.advisory)
      out << fmt::format("  advisory   {}a shortfall is reported as advisory, never as a breach\n",
                         s.modifiers.quote ? fmt::format("the Terms of Reference say \"{}\"; ", *s.modifiers.quote) : "");
    else if (s.modifiers.severity != ast::severity::major)
      out << fmt::format("  severity   {}\n", ast::name(s.modifiers.severity));

    std::vector<reached> steps = explainer(*file, *block, s, ctx, out).run();

    out << fmt::format("\nResult: {}\n", name(result.status));
    for (const finding& f : result.findings)
      out << fmt::format("  - {}, due {}: {}\n", name(f.status), f.due, f.words());
    if (result.findings.empty())
      out << (result.status == rule_status::not_due ? "  nothing fell due in the window\n" : "  no finding\n");

    std::vector<reached> official;
    for (const finding& f : result.findings) official.push_back({f.status, f.due});
    std::sort(steps.begin(), steps.end());
    std::sort(official.begin(), official.end());
    if (steps != official)
      throw std::logic_error(fmt::format("explain reached other findings than the audit for clause {} of \"{}\"", s.label,
                                         result.body));
    outcome.any_breach = outcome.any_breach || result.status == rule_status::breach;
  };
  // Each body's statements with the label, then its clauses not checked with it: a clause not
  // checked has nothing to derive, so it is said to be not checked, and why.
  for (const audited_body& b : report.bodies) {
    for (const rule_result& result : report.results_of(b)) explain_result(result);
    for (const clause_not_checked& c : b.not_checked) {
      if (c.label != request.label) continue;
      if (request.body && fold(*request.body) != fold(b.name)) continue;
      if (outcome.explained > 0) out << "\n" << std::string(100, '-') << "\n\n";
      ++outcome.explained;
      std::string reason_written;
      for (char ch : c.reason) reason_written += ch == '"' || ch == '\\' ? std::string{'\\', ch} : std::string{ch};
      out << fmt::format("Clause {} for \"{}\"{}\n", c.label, b.name, b.council ? fmt::format(" ({})", *b.council) : std::string{});
      out << fmt::format("  rule file  {}, line {}\n", b.rule_file, c.line);
      out << fmt::format("  statement  {}  not checked \"{}\"\n", c.label, reason_written);
      if (b.version) out << fmt::format("  version    {}\n", version_words(*b.version));
      out << fmt::format("\nNot checked by remit: {}\n", c.reason);
      out << "The rule file declares that remit does not check this clause: it is never evaluated, gives no finding and "
             "never changes the status of the audit.\n";
    }
  }
  return outcome;
}

}  // namespace remit
