// remit explain (docs/tools.md). One explainer per statement and body: it lists the events
// the rule looks at, works through every step of the rule's family as docs/language.md defines
// it, and ends with the audit's own result. What it reached is compared with the audit's
// findings; any difference is a fault in remit and stops the command.
#include "evaluate/explain.hpp"

#include <algorithm>
#include <ostream>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

#include "core/date.hpp"
#include "core/text.hpp"
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

class explainer {
 public:
  explainer(const ast::rule_file& file, const ast::body& block, const ast::statement& s, const body_context& ctx,
            std::ostream& out)
      : file_(file), block_(block), s_(s), ctx_(ctx), out_(out) {}

  std::vector<reached> run() {
    trace_sink sink(out_, file_, block_, s_);
    const auto frequency = [&](const auto& r) {
      counted_events(std::holds_alternative<ast::gap_frequency>(r.how_often));
      judge_frequency(ctx_, s_, r.how_often, sink);
    };
    const auto every_event = [](const event&) { return true; };
    std::visit(each_form{
                   [&](const ast::meets& r) { frequency(r); },
                   [&](const ast::meets_jointly& r) { frequency(r); },
                   [&](const ast::reports& r) { frequency(r); },
                   [&](const ast::receives& r) { frequency(r); },
                   [&](const ast::notice& r) { judge_events(ctx_, notice_judge(ctx_, r), every_event, sink); },
                   [&](const ast::has_item& r) { judge_events(ctx_, item_judge(ctx_, r), every_event, sink); },
                   [&](const ast::receives_by& r) { judge_events(ctx_, deadline_judge(ctx_, r), every_event, sink); },
                   [&](const ast::preceded_by& r) { judge_events(ctx_, precedence_judge(ctx_, r), every_event, sink); },
                   [&](const ast::quorum&) { people(); },
                   [&](const ast::chaired_by&) { people(); },
                   [&](const ast::attended_by&) { people(); },
                   [&](const ast::has_member&) { people(); },
                   [&](const ast::membership_size&) { people(); },
                   [&](const ast::party_spread&) { people(); },
                   [&](const ast::attendance_rate&) { people(); },
                   [&](const ast::trained_within&) { people(); },
                   [&](const ast::rotates&) { people(); },
               },
               s_.what);
    waivers();
    reached_.insert(reached_.end(), sink.findings().begin(), sink.findings().end());
    return reached_;
  }

 private:
  date from() const { return ctx_.window.from; }
  date to() const { return ctx_.window.to; }
  std::string title_of(const event& e) const { return std::string(ctx_.log.strings.text(e.title)); }

  // A breach due on `due`: waived when a waiver for the label covers that date.
  std::string breach(date due) {
    if (const ast::waiver* w = waiver_for(file_, block_, s_, due)) {
      reached_.push_back({finding_status::waived, due});
      return fmt::format("breach, waived: its due date {} lies in the waiver from {} to {} (\"{}\")", due, w->from, w->to,
                         w->reason);
    }
    if (s_.modifiers.advisory) {
      reached_.push_back({finding_status::advisory, due});
      return "advisory (the statement is advisory: never a breach)";
    }
    reached_.push_back({finding_status::breach, due});
    return "breach";
  }
  void no_evidence(date due) { reached_.push_back({finding_status::no_evidence, due}); }

  // ---- the events a frequency is judged on ----


  // The events the statement's qualifier counts, and why each other event of its kind is not;
  // with `anchor`, also the last counted event before the window, where a gap chain starts.
  void counted_events(bool anchor) {
    const qualifier q(ctx_, s_.what);
    out_ << fmt::format("\nWhat clause {} counts: {}. The body's events from {} to {}:\n", s_.label, q.nouns(), from(), to());
    bool any = false;
    std::optional<date> last_before;
    for (const event* e : ctx_.events) {
      if (e->day > to()) break;
      const qualifier::verdict v = q.judge(*e);
      if (v == qualifier::verdict::other_kind) continue;
      if (e->day < from()) {
        if (v == qualifier::verdict::counted) last_before = e->day;
        continue;
      }
      if (v != qualifier::verdict::counted) {
        out_ << fmt::format("  {}  {}: not counted, {}\n", e->day, event_words(ctx_.log, *e), q.why_not(*e, v));
      } else {
        out_ << fmt::format("  {}  {}: counted\n", e->day, event_words(ctx_.log, *e));
        any = true;
      }
    }
    if (!any) out_ << fmt::format("  none counted from {} to {}\n", from(), to());
    if (last_before && anchor)
      out_ << fmt::format("  before {}, the last counted was on {}\n",
                          ctx_.version ? to_iso(from()) : std::string("the window"), *last_before);
  }

  // ---- people ----
  // The people data the rule is judged on, then each finding of its family with its reason.
  void people() {
    out_ << "\nPeople rule: judged on the attendance recorded at each held meeting and the memberships of the body.\n";
    bool any = false;
    for (const event* e : ctx_.events) {
      if (!e->held_meeting() || e->day < from()) continue;
      any = true;
      const auto record = attendance_at(ctx_, *e);
      out_ << fmt::format("\n  meeting {}: {}\n", e->day,
                          record.empty() ? std::string("no attendance recorded")
                                         : counted(static_cast<long>(record.size()), "person recorded", "people recorded"));
      for (const attendance& a : record)
        out_ << fmt::format("    {}{}: {}\n", ctx_.log.strings.text(a.person),
                            a.role ? fmt::format(" ({})", ctx_.log.strings.text(a.role)) : std::string(), name(a.status));
      const auto members = members_on(ctx_, e->day);
      if (has_memberships(ctx_)) out_ << fmt::format("    members on {}: {}\n", e->day, members.size());
    }
    if (!any) out_ << fmt::format("\n  no held meeting from {} to {}\n", from(), to());
    const std::size_t memberships = ctx_.people ? ctx_.people->memberships.size() : 0;
    const std::size_t trainings = ctx_.people ? ctx_.people->trainings.size() : 0;
    out_ << fmt::format("\n  {} of the body and {} recorded in the logs\n",
                        counted(static_cast<long>(memberships), "membership", "memberships"),
                        counted(static_cast<long>(trainings), "training record", "training records"));
    const family_result found = judge_statement(ctx_, s_);
    for (const finding& f : found.findings) {
      if (f.status == finding_status::no_evidence) {
        no_evidence(f.due);
        out_ << fmt::format("\n  {}: no-evidence (due {})\n", f.message, f.due);
      } else {
        out_ << fmt::format("\n  {}: {}\n", f.message, breach(f.due));
      }
    }
    if (found.findings.empty()) out_ << (found.fell_due ? "\n  met\n" : "\n  nothing fell due in the window\n");
  }

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
  std::vector<reached> reached_;
};

// The body's events up to the window's end that the file's council admits, in date order
// (docs/language.md, "Settings": rows that name no council are always used).
std::vector<const event*> events_of_body(const event_log& log, const std::vector<event_log::body_events>& bodies,
                                         std::string_view body_name, const std::optional<std::string>& council, date up_to) {
  std::vector<const event*> out;
  const std::string folded = fold(body_name);
  const std::string folded_council = council ? fold(*council) : std::string{};
  for (const auto& b : bodies) {
    if (b.folded_name != folded) continue;
    for (std::uint32_t i : b.events) {
      const event& e = log.events[i];
      if (e.day > up_to) continue;
      if (council && e.council != 0 && log.strings.folded(e.council) != folded_council) continue;
      out.push_back(&e);
    }
  }
  return out;
}

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
  const std::vector<event_log::body_events> bodies = log.by_body();
  const auto explain_result = [&](const rule_result& result) {
    if (result.statement->label != request.label) return;
    if (request.body && fold(*request.body) != fold(result.body)) return;
    const ast::rule_file* file = nullptr;
    const ast::body* block = nullptr;
    for (const ast::rule_file& f : files)
      if (f.path == result.rule_file && (block = block_of(f, result.statement))) {
        file = &f;
        break;
      }
    if (!file) throw std::logic_error("a result whose statement is in no rule file");
    const ast::resolved_settings settings = ast::resolve(*file, *block);
    const ast::statement& s = *result.statement;
    const std::optional<version_span> version = version_of(*file, *block);
    const std::optional<audit_window> judged = judged_part(window, version);
    if (!judged) throw std::logic_error("a result of a version not in force during the window");
    const body_people people =
        people_of(log, fold(result.body), settings.council ? std::optional(fold(*settings.council)) : std::nullopt);
    body_context ctx{log, events_of_body(log, bodies, result.body, settings.council, window.to), *judged,
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
      out << fmt::format("  - {}, due {}: {}\n", name(f.status), f.due, f.message);
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
