// The HTML audit pack: one self-contained page, with no external assets, no script and no
// network, that opens in any browser and prints on A4. Per body: a red/amber/green summary that
// reads the same without colour (each status has its own shape and word), a timeline (inline
// SVG), and a table per rule with its meaning and every finding's derivation and evidence.
//
// Everything taken from the input is escaped. As a second wall, a Content-Security-Policy allows
// no script, no external resource, and only the page's own style sheet (by its SHA-256), so that
// markup slipping through could neither run nor restyle the page. The page is also well-formed
// XML, which the tests check with xmllint.
#include <array>
#include <ostream>

#include <fmt/format.h>

#include "core/date.hpp"
#include "core/digest.hpp"
#include "core/text.hpp"
#include "language/describe.hpp"
#include "evaluate/evaluator.hpp"
#include "report/body_summary.hpp"
#include "report/manifest.hpp"
#include "report/markup.hpp"
#include "report/reporter.hpp"
#include "report/text_parts.hpp"
#include "report/timeline_svg.hpp"

namespace remit {

namespace {

std::string x(std::string_view s) { return escape_xml(s); }

// Statuses are told apart by shape and word as well as colour: cross (breach), triangle
// (no evidence), diamond (waived), bar (not due), tick (pass); the timeline uses the same shapes.
constexpr std::string_view style_sheet = R"css(
:root { --ink: #1b1f24; --muted: #59616b; --rule: #d5d9de; --navy: #1d2b4f;
  --breach: #b3261e; --breach-bg: #fbe7e4; --amber: #8a5300; --amber-bg: #fdf0d2; --waived: #0b5e99; --waived-bg: #e2eff9;
  --pass: #0b6b4f; --pass-bg: #dff3ea; --grey: #5b6470; --grey-bg: #eceef1; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 1120px; padding: 28px 32px 40px; color: var(--ink); background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
h1, h2, h3 { color: var(--navy); line-height: 1.25; margin: 0; }
h1 { font-size: 26px; margin: 4px 0 6px; }
h2 { font-size: 21px; margin-bottom: 2px; }
h3 { font-size: 15px; margin: 22px 0 8px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
p { margin: 6px 0; }
code, .statement { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: .92em; }
.kicker { font-size: 12px; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); margin: 0; }
.cover { border-bottom: 3px solid var(--navy); padding-bottom: 14px; margin-bottom: 8px; }
.cover .window { font-size: 15px; }
.read-first { border: 2px solid var(--amber); background: var(--amber-bg); border-radius: 4px; padding: 8px 14px; margin: 14px 0; }
.read-first h2 { font-size: 16px; color: var(--amber); }
.read-first ul { margin: 6px 0 0; padding-left: 20px; }
.muted, .where { color: var(--muted); }
.where { font-size: 12px; white-space: nowrap; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--rule); }
th { font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.overview { margin: 14px 0 6px; }
.overview thead th { font-size: 12px; color: var(--muted); border-bottom: 2px solid var(--navy); }
.key { font-size: 12px; color: var(--muted); margin-top: 10px; }
.key .badge { margin-right: 2px; }
.badge { display: inline-flex; align-items: center; gap: 5px; padding: 1px 7px 1px 6px; border-radius: 3px; border: 1px solid currentColor;
  font-size: 12px; font-weight: 700; white-space: nowrap; line-height: 1.5; }
.badge::before { content: ""; display: inline-block; width: 10px; height: 10px; background: currentColor; flex: none; }
.s-breach { color: var(--breach); background: var(--breach-bg); }
.s-breach::before { clip-path: polygon(20% 0, 50% 30%, 80% 0, 100% 20%, 70% 50%, 100% 80%, 80% 100%, 50% 70%, 20% 100%, 0 80%, 30% 50%, 0 20%); }
.s-no-evidence { color: var(--amber); background: var(--amber-bg); }
.s-no-evidence::before { clip-path: polygon(50% 0, 100% 100%, 0 100%); }
.s-waived { color: var(--waived); background: var(--waived-bg); }
.s-waived::before { clip-path: polygon(50% 0, 100% 50%, 50% 100%, 0 50%); }
.s-advisory { color: var(--amber); background: #fff; border-style: dashed; }
.s-advisory::before { clip-path: circle(50%); }
.s-not-due { color: var(--grey); background: var(--grey-bg); }
.s-not-due::before { clip-path: polygon(0 38%, 100% 38%, 100% 62%, 0 62%); }
.s-pass { color: var(--pass); background: var(--pass-bg); }
.s-pass::before { clip-path: polygon(0 55%, 14% 41%, 38% 65%, 86% 12%, 100% 26%, 38% 93%); }
.rag { display: inline-flex; align-items: center; gap: 10px; padding: 8px 14px; border-radius: 4px; border: 2px solid currentColor; }
.rag::before { content: ""; width: 26px; height: 26px; background: currentColor; flex: none; }
.rag strong { font-size: 20px; letter-spacing: .06em; }
.rag span { font-size: 14px; font-weight: 600; white-space: nowrap; }
.rag.small { padding: 1px 8px 1px 6px; gap: 6px; border-width: 1px; white-space: nowrap; }
.rag.small::before { width: 12px; height: 12px; }
.rag.small strong { font-size: 12px; }
.rag.small span { font-size: 12px; font-weight: 400; }
.rag-red { color: var(--breach); background: var(--breach-bg); }
.rag-red::before { clip-path: polygon(20% 0, 50% 30%, 80% 0, 100% 20%, 70% 50%, 100% 80%, 80% 100%, 50% 70%, 20% 100%, 0 80%, 30% 50%, 0 20%); }
.rag-amber { color: var(--amber); background: var(--amber-bg); }
.rag-amber::before { clip-path: polygon(50% 0, 100% 100%, 0 100%); }
.rag-green { color: var(--pass); background: var(--pass-bg); }
.rag-green::before { clip-path: polygon(0 55%, 14% 41%, 38% 65%, 86% 12%, 100% 26%, 38% 93%); }
.rag-grey { color: var(--grey); background: var(--grey-bg); }
.rag-grey::before { clip-path: polygon(0 38%, 100% 38%, 100% 62%, 0 62%); }
section.body { margin-top: 30px; }
.body-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 18px; padding-bottom: 10px;
  border-bottom: 1px solid var(--rule); }
.body-head .council { margin: 0; font-size: 13px; font-weight: 600; color: var(--muted); }
.summary { margin-top: 12px; }
.counts { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 8px; padding: 0; list-style: none; }
.counts li { border: 1px solid var(--rule); border-radius: 3px; padding: 2px 8px; font-size: 13px; }
.counts b { font-variant-numeric: tabular-nums; }
.worst { margin: 0; padding: 8px 10px; border-left: 4px solid var(--breach); background: #fafafa; font-size: 13px; }
.worst.w-no-evidence { border-left-color: var(--amber); }
.worst.w-advisory { border-left-color: var(--amber); }
.worst.w-waived { border-left-color: var(--waived); }
.events-line { font-size: 13px; color: var(--muted); }
figure { margin: 0; }
svg.timeline { width: 100%; height: auto; display: block; border: 1px solid var(--rule); border-radius: 4px; background: #fff; }
.tl-axis { font-size: 13.5px; fill: var(--muted); }
.tl-number { font-size: 13.5px; font-weight: 600; fill: var(--ink); }
.tl-out-of-force { fill: #d5d9de; opacity: .55; }
ol.marks { columns: 2; column-gap: 24px; font-size: 12px; color: var(--muted); margin: 6px 0 0; padding-left: 28px; }
ol.marks li { break-inside: avoid; }
.tl-axis-year { font-weight: 700; fill: var(--ink); }
.tl-month { stroke: #eef0f2; stroke-width: 1; }
.tl-year { stroke: #b7bec6; stroke-width: 1; }
.tl-frame { fill: none; stroke: var(--rule); }
.tl-baseline { stroke: #dde1e5; stroke-width: 1; }
.tl-rules-ground { fill: #f8f9fa; }
.tl-lane { font-size: 14px; font-weight: 600; fill: var(--ink); }
.tl-rule { font-weight: 600; }
.tl-rule-breach { fill: var(--breach); }
.tl-rule-no-evidence { fill: var(--amber); }
.tl-rule-waived { fill: var(--waived); }
.tl-rule { font-weight: 500; }
.tl-status { stroke: none; }
.tl-status-breach { fill: var(--breach); } .tl-status-no-evidence { fill: #c98a00; } .tl-status-waived { fill: var(--waived); } .tl-status-advisory { fill: var(--amber); }
.tl-status-pass { fill: var(--pass); } .tl-status-not-due { fill: var(--grey); }
.tl-held { fill: var(--navy); }
.tl-cancelled { fill: #fff; stroke: var(--navy); stroke-width: 1.5; }
.tl-postponed { fill: #fff; stroke: var(--navy); stroke-width: 1.5; }
.tl-postponed .tl-half { fill: var(--navy); stroke: none; }
.tl-scheduled { fill: #fff; stroke: var(--navy); stroke-width: 1.5; stroke-dasharray: 2 1.5; }
.tl-session { fill: #4e9fd6; stroke: #1f5f8b; stroke-width: 1; }
.tl-report { fill: #b0549a; stroke: #6f2b60; stroke-width: 1; }
.tl-not-held { fill: #fff; }
.tl-mark { stroke: #fff; stroke-width: .6; }
.tl-mark.tl-breach, .tl-late.tl-breach { fill: var(--breach); }
.tl-mark.tl-no-evidence { fill: #c98a00; stroke: #6b4700; }
.tl-mark.tl-waived, .tl-late.tl-waived { fill: var(--waived); }
.tl-mark.tl-advisory, .tl-late.tl-advisory { fill: var(--amber); }
.tl-late { opacity: .85; }
.tl-period { stroke-width: 1; }
.tl-period.tl-breach { stroke: var(--breach); }
.tl-period.tl-waived { stroke: var(--waived); }
.tl-period.tl-advisory { stroke: var(--amber); stroke-dasharray: 3 2; }
.tl-hatch-breach-ground { fill: #fbe7e4; } .tl-hatch-breach-stroke { stroke: var(--breach); stroke-width: 1.6; }
.tl-hatch-waived-ground { fill: #eef5fb; } .tl-hatch-waived-stroke { stroke: #8fb8d8; stroke-width: 1.2; }
.tl-hatch-no-evidence-ground { fill: #fdf0d2; } .tl-hatch-no-evidence-stroke { stroke: #c98a00; stroke-width: 1.2; }
.tl-hatch-advisory-ground { fill: #fff; } .tl-hatch-advisory-stroke { stroke: #c98a00; stroke-width: .8; }
.tl-legend-box { stroke: #9aa3ad; stroke-width: .5; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; margin: 8px 0 0; font-size: 12px; color: var(--muted); }
.legend li { display: inline-flex; align-items: center; gap: 5px; }
table.rule { margin: 0 0 14px; border: 1px solid var(--rule); break-inside: avoid; page-break-inside: avoid; }
table.rule > caption { caption-side: top; text-align: left; padding: 7px 10px; background: #f3f5f7; border: 1px solid var(--rule);
  border-bottom: none; font-weight: 700; }
table.rule > caption .badge { margin-left: 8px; vertical-align: 1px; }
table.rule > caption .where { float: right; font-weight: 400; }
table.rule > tbody > tr > th { width: 120px; color: var(--muted); font-size: 12px; font-weight: 600; }
table.rule > tbody > tr:last-child > * { border-bottom: none; }
table.findings { font-size: 13px; }
table.findings thead th { font-size: 11px; color: var(--muted); border-bottom: 1px solid var(--ink); padding: 3px 6px; }
table.findings td { padding: 5px 6px; }
table.findings td.evidence { white-space: nowrap; font-variant-numeric: tabular-nums; width: 1%; }
table.findings td:first-child { width: 1%; }
.none { color: var(--pass); font-weight: 600; }
.notdue { color: var(--grey); }
.logs { margin-top: 30px; border-top: 3px solid var(--navy); padding-top: 6px; }
.logs ul { margin: 6px 0; padding-left: 20px; }
footer { margin-top: 26px; padding-top: 8px; border-top: 1px solid var(--rule); font-size: 12px; color: var(--muted); }
@page { size: A4; margin: 14mm 12mm 16mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #59616b; } }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  h1 { font-size: 19pt; } h2 { font-size: 15pt; }
  /* An inspection pack: the cover alone on the first page, each body from a page of its own, the
     manifest alone on the last; no heading left at a page's foot without what it heads. */
  .cover { break-after: page; page-break-after: always; border-bottom: none; }
  section.body { margin-top: 0; }
  section.body + section.body, .read-first + section.body { break-before: page; page-break-before: always; }
  h1, h2, h3, .body-head, caption { break-after: avoid; page-break-after: avoid; }
  .logs { break-before: auto; }
  .manifest { break-before: page; page-break-before: always; }
  svg.timeline { break-inside: avoid; }
  figure { break-inside: avoid; }
  table.overview tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
)css";

std::string badge(std::string_view status) {
  return fmt::format("<span class=\"badge s-{}\">{}</span>", status, status);
}

std::string rag_html(rag r, bool small) {
  std::string upper(name(r));
  for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
  return fmt::format("<span class=\"rag rag-{}{}\"><strong>{}</strong><span>{}</span></span>", name(r), small ? " small" : "",
                     upper, meaning_of(r));
}

std::string full_name(const audited_body& b) {
  return (b.council ? *b.council + ": " + b.name : b.name) + version_suffix(b.version);
}

// What the pack audited, for its title and the header of every page: the body, or its council's
// bodies, or how many bodies of how many councils.
std::string audited_words(const audit_report& report) {
  if (report.bodies.empty()) return "No body";
  const audited_body& first = report.bodies.front();
  const bool one_body = std::all_of(report.bodies.begin(), report.bodies.end(), [&](const audited_body& b) {
    return b.name == first.name && b.council == first.council;
  });
  if (one_body) return first.council ? *first.council + ": " + first.name : first.name;
  const bool one_council = first.council && std::all_of(report.bodies.begin(), report.bodies.end(),
                                                        [&](const audited_body& b) { return b.council == first.council; });
  const std::string bodies = counted(static_cast<long>(report.bodies.size()), "body", "bodies");
  return one_council ? fmt::format("{}: {}", *first.council, bodies) : bodies;
}

// The @page rule that heads every printed page with `words`, written as a CSS string in which
// every character but a letter, digit or space is a hexadecimal escape: no name can end the
// string, the rule or the style element.
std::string running_header(std::string_view words) {
  std::string escaped;
  for (const std::uint32_t c : code_points(words)) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ')
      escaped += static_cast<char>(c);
    else
      escaped += fmt::format("\\{:x} ", c);
  }
  return fmt::format("@page {{ @top-left {{ content: \"{}\"; font: 8pt sans-serif; color: #59616b; }} }}\n", escaped);
}

// "1 April 2024": for the cover, where a reader wants words; tables keep yyyy-mm-dd.
std::string long_date(date d) { return fmt::format("{} {} {}", d.day_of_month(), month_name(static_cast<int>(d.month())), d.year()); }

// The dates behind a finding, one fact a line: due, then the evidence (or its absence).
std::string evidence(const finding& f, const rule_result& r, const audit_window& window) {
  std::vector<std::string> lines{fmt::format("<b>due {}</b>", f.due)};
  if (f.meeting && f.on && *f.on != *f.meeting) lines.push_back(fmt::format("published {}", *f.on));
  if (f.meeting) lines.push_back(fmt::format("meeting {}", *f.meeting));
  else if (f.on) lines.push_back(fmt::format("on {}", *f.on));
  if (f.period_start && f.period_end) {
    lines.push_back(fmt::format("period {}", *f.period_start));
    lines.push_back(fmt::format("to {}", *f.period_end));
    lines.push_back(f.found ? fmt::format("{} found", *f.found) : std::string("none found"));
  }
  if (!f.on && !f.period_start && !f.meeting)
    lines.push_back(fmt::format("none by {}", judged_part(window, r.version).value_or(window).to));
  if (const auto late = days_late(f, r, window)) lines.push_back(counted(*late, "day late", "days late"));
  std::string out;
  for (const std::string& l : lines) out += (out.empty() ? "" : "<br/>") + l;  // dates and counts only: nothing to escape
  return out;
}

class html_reporter final : public reporter {
 public:
  void write(const audit_report& report, std::ostream& out) const override {
    // The title names what was audited, as does the header of every printed page (a loose page
    // still says whose it is), with the window; the footer numbers the pages.
    const std::string audited = audited_words(report);
    const std::string window = fmt::format("{} to {}", report.window.from, report.window.to);
    const std::string title = fmt::format("{}: Terms of Reference audit, {}", audited, window);
    const std::string css = std::string(style_sheet) + running_header(fmt::format("{} \u00b7 audit {}", audited, window));
    out << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n";
    out << fmt::format("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-{}'; "
                       "img-src 'none'; base-uri 'none'; form-action 'none'\"/>\n",
                       sha256_base64(css));
    out << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
    out << fmt::format("<meta name=\"generator\" content=\"remit {}\"/>\n", REMIT_VERSION);
    out << fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", x(title), css);
    write_cover(report, out);
    if (const auto cautions = read_first(report); !cautions.empty()) {
      out << "<section class=\"read-first\">\n<h2>Read first</h2>\n<ul>\n";
      for (const std::string& c : cautions) out << fmt::format("<li>{}</li>\n", x(c));
      out << "</ul>\n</section>\n";
    }
    for (std::size_t i = 0; i < report.bodies.size(); ++i) write_body(report, report.bodies[i], i, out);
    write_logs(report, out);
    out << fmt::format("<footer>Produced by remit {} from the rule files and logs named above. Every finding says how its due "
                       "date was reached and what the log holds, so that it can be re-performed by hand.</footer>\n",
                       REMIT_VERSION);
    out << "</body>\n</html>\n";
  }

 private:
  static void write_cover(const audit_report& report, std::ostream& out) {
    out << "<header class=\"cover\">\n<p class=\"kicker\">Terms of Reference compliance audit</p>\n";
    if (report.bodies.size() == 1)
      out << fmt::format("<h1>{}</h1>\n", x(full_name(report.bodies.front())));
    else
      out << fmt::format("<h1>{}</h1>\n", counted(static_cast<long>(report.bodies.size()), "body audited", "bodies audited"));
    out << fmt::format("<p class=\"window\">Audit window <b>{}</b> to <b>{}</b>, both days included; evaluated as of {}.</p>\n",
                       long_date(report.window.from), long_date(report.window.to), report.window.to);
    out << fmt::format("<p class=\"overall\">Overall status: {}</p>\n", rag_html(overall(report), false));
    if (report.bodies.size() > 1) write_overview(report, out);
    out << "<p class=\"key\">Key: " << badge("breach") << " the clause was not met; " << badge("no-evidence")
        << " the log lacks what is needed to decide; " << badge("waived") << " a breach with an accepted reason; " << badge("advisory")
        << " advisory wording (\"usually\", \"should\") not met: never a breach; "
        << badge("not-due") << " nothing fell due in the window; " << badge("pass")
        << " met throughout. A body is RED with any breach, AMBER with no breach but a clause unproven or waived, "
           "GREEN when every clause that fell due was met.</p>\n";
    out << "</header>\n";
  }

  // One row per body, for a pack that audits several.
  static void write_overview(const audit_report& report, std::ostream& out) {
    out << "<table class=\"overview\">\n<thead><tr><th>Body</th><th>Status</th><th class=\"n\">Rules</th>"
           "<th class=\"n\">Breach</th><th class=\"n\">No evidence</th><th class=\"n\">Advisory</th><th class=\"n\">Waived</th><th class=\"n\">Not due</th>"
           "<th class=\"n\">Pass</th></tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < report.bodies.size(); ++i) {
      const audited_body& b = report.bodies[i];
      const body_summary s = summarise(report, b);
      out << fmt::format("<tr><td><a href=\"#body-{}\">{}</a></td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                         "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                         "<td class=\"n\">{}</td></tr>\n",
                         i + 1, x(full_name(b)), rag_html(s.status, true), b.rule_count, s.count(rule_status::breach),
                         s.count(rule_status::no_evidence), s.count(rule_status::advisory), s.count(rule_status::waived),
                         s.count(rule_status::not_due), s.count(rule_status::pass));
    }
    out << "</tbody>\n</table>\n";
  }

  static void write_body(const audit_report& report, const audited_body& b, std::size_t index, std::ostream& out) {
    const body_summary s = summarise(report, b);
    const std::string id = fmt::format("b{}", index + 1);
    out << fmt::format("<section class=\"body\" id=\"body-{}\">\n<div class=\"body-head\"><div>", index + 1);
    if (b.council) out << fmt::format("<p class=\"council\">{}</p>", x(*b.council));
    out << fmt::format("<h2>{}</h2><p class=\"muted\">Rules <code>{}</code> &#183; calendar {} &#183; year starts 1 {}</p>"
                       "</div>{}</div>\n",
                       x(b.name + version_suffix(b.version)), x(b.rule_file), division_name(b.settings.calendar), month_name(b.settings.year_start_month),
                       rag_html(s.status, false));

    out << "<div class=\"summary\"><ul class=\"counts\">";
    out << fmt::format("<li>Rules <b>{}</b></li>", b.rule_count);
    for (rule_status st : {rule_status::breach, rule_status::no_evidence, rule_status::advisory, rule_status::waived,
                           rule_status::not_due, rule_status::pass})
      out << fmt::format("<li>{} <b>{}</b></li>", badge(name(st)), s.count(st));
    out << "</ul>";
    if (s.worst)
      out << fmt::format("<p class=\"worst w-{}\"><b>Worst finding:</b> clause {} (<span class=\"statement\">{}</span>), {}: {}</p>",
                         name(s.worst->status), x(s.worst_rule->statement->label), x(s.worst_rule->statement->text),
                         name(s.worst->status), x(s.worst->words()));
    else
      out << "<p class=\"worst w-waived\"><b>No findings:</b> every clause that fell due in the window was met.</p>";
    out << "</div>\n";

    out << "<h3>Timeline</h3>\n<figure>" << timeline_svg(report, b, id) << "\n<figcaption>"
        << timeline_legend_html(id) << timeline_marks_html(report, b) << "</figcaption></figure>\n";
    out << fmt::format("<p class=\"events-line\">{}</p>\n", x(event_counts(b)));

    // Exceptions first, the worst first (body_summary.hpp), each a card with its findings; then the
    // clauses not checked; then the rules met or not due, a row each.
    const rules_in_order ordered = exceptions_first(report.results_of(b));
    if (!ordered.exceptions.empty()) {
      out << "<h3>Exceptions</h3>\n";
      for (const rule_result* r : ordered.exceptions) write_rule(report, b, *r, out);
    }
    write_not_checked(b, out);
    if (!ordered.met.empty()) {
      out << "<h3>Met, or nothing fell due</h3>\n<table class=\"overview met\"><thead><tr><th>Clause</th><th>Statement as "
             "written</th><th>Status</th><th class=\"n\">Line</th></tr></thead><tbody>\n";
      for (const rule_result* r : ordered.met)
        out << fmt::format("<tr><td>{}</td><td class=\"statement\">{}</td><td>{}</td><td class=\"n\">{}</td></tr>\n",
                           x(r->statement->label), x(r->statement->text), badge(name(r->status)), r->statement->where.line);
      out << "</tbody></table>\n";
    }
    out << "</section>\n";
  }

  // The clauses the rule file says remit does not check, and why: one row each.
  static void write_not_checked(const audited_body& b, std::ostream& out) {
    if (b.not_checked.empty()) return;
    out << "<h3>Not checked by remit</h3>\n<table class=\"overview\"><thead><tr><th>Clause</th><th>Why not</th>"
           "<th class=\"n\">Line</th></tr></thead><tbody>\n";
    for (const clause_not_checked& c : b.not_checked)
      out << fmt::format("<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>\n", x(c.label), x(c.reason), c.line);
    out << "</tbody></table>\n";
  }

  static std::string event_counts(const audited_body& b) {
    // Each event in one group; every event's date in words, so that paper shows what a screen's
    // tooltips do.
    enum group { held, cancelled, postponed, scheduled, sessions, reports, groups };
    std::array<std::size_t, groups> count{};
    std::array<std::string, groups> dates;
    for (const timeline_event& e : b.events) {
      const group g = e.kind == event_kind::session                ? sessions
                      : e.kind == event_kind::report               ? reports
                      : e.held                                     ? held
                      : e.status == event_status::cancelled        ? cancelled
                      : e.status == event_status::postponed        ? postponed
                                                                   : scheduled;
      ++count[g];
      dates[g] += fmt::format("{}{}", dates[g].empty() ? " (" : ", ", e.day);
    }
    for (std::string& d : dates)
      if (!d.empty()) d += ")";
    const auto n = [&](group g) { return static_cast<long>(count[g]); };
    return fmt::format("In the window: {}{}, {} cancelled{}, {} postponed{}, {} scheduled{}; {}{}; {}{}.",
                       counted(n(held), "held meeting", "held meetings"), dates[held], count[cancelled], dates[cancelled],
                       count[postponed], dates[postponed], count[scheduled], dates[scheduled],
                       counted(n(sessions), "session", "sessions"), dates[sessions],
                       counted(n(reports), "report sent", "reports sent"), dates[reports]);
  }

  static void write_rule(const audit_report& report, const audited_body& b, const rule_result& r, std::ostream& out) {
    out << fmt::format("<table class=\"rule\">\n<caption>Clause {}{}<span class=\"where\">{}, line {}</span></caption>\n<tbody>\n",
                       x(r.statement->label), badge(name(r.status)), x(r.rule_file), r.statement->where.line);
    out << fmt::format("<tr><th scope=\"row\">As written</th><td class=\"statement\">{}</td></tr>\n", x(r.statement->text));
    out << fmt::format("<tr><th scope=\"row\">Severity</th><td>{}</td></tr>\n", ast::severity_name(r.statement->modifiers));
    out << fmt::format("<tr><th scope=\"row\">Meaning</th><td>{}</td></tr>\n", x(describe(*r.statement, b.settings)));
    out << "<tr><th scope=\"row\">Findings</th><td>";
    if (told_by_missing_records(report, r)) {  // said once, not at every meeting
      out << fmt::format("{} {}", badge("no-evidence"), x(missing_records_line(report, r)));
    } else if (r.findings.empty()) {
      out << (r.status == rule_status::not_due ? "<span class=\"notdue\">None: nothing fell due in the window.</span>"
                                               : "<span class=\"none\">None: met throughout the window.</span>");
    } else {
      out << "<table class=\"findings\"><thead><tr><th>Status</th><th>Dates</th><th>Derivation and evidence</th></tr></thead><tbody>";
      for (const finding& f : r.findings)
        out << fmt::format("<tr><td>{}</td><td class=\"evidence\">{}</td><td>{}</td></tr>", badge(name(f.status)),
                           evidence(f, r, report.window), x(f.words()));
      out << "</tbody></table>";
    }
    out << "</td></tr>\n</tbody>\n</table>\n";
  }

  static void write_logs(const audit_report& report, std::ostream& out) {
    out << "<section class=\"logs\">\n<h3>Evidence used</h3>\n<table class=\"overview\"><thead><tr><th>Log</th><th>Format</th>"
           "<th class=\"n\">Rows read</th><th class=\"n\">Used</th><th class=\"n\">Rejected</th><th class=\"n\">Left out</th>"
           "</tr></thead><tbody>\n";
    for (const log_file_summary& f : report.logs)
      out << fmt::format("<tr><td><code>{}</code></td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                         "<td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                         x(f.path), x(f.format), f.rows_read, f.rows_used, f.rows_rejected, f.rows_left_out);
    out << "</tbody></table>\n<ul>\n";
    for (const log_file_summary& f : report.logs)
      for (const left_out_rows& rows : f.left_out)
        out << fmt::format("<li>Left out: <code>{}</code>: {}</li>\n", x(f.path), x(left_out_words(rows)));
    for (const log_file_summary& f : report.logs)
      for (const rejected_row& r : f.rejected)
        out << fmt::format("<li>Rejected row: <code>{}</code> line {}: {}</li>\n", x(f.path), r.line, x(r.reason));
    for (const log_file_summary& f : report.logs)
      if (f.rows_rejected > f.rejected.size())
        out << fmt::format("<li>Rejected rows: <code>{}</code>: {} more, not listed (the first {} are).</li>\n", x(f.path),
                           f.rows_rejected - f.rejected.size(), f.rejected.size());
    for (const log_file_summary& f : report.logs)
      for (const log_note& n : f.notes)
        out << (n.line ? fmt::format("<li>Note: <code>{}</code> line {}: {}</li>\n", x(f.path), n.line, x(n.text))
                       : fmt::format("<li>Note: <code>{}</code>: {}</li>\n", x(f.path), x(n.text)));
    if (report.events_after_window > 0)
      out << fmt::format("<li>{} after {} not audited (after the window).</li>\n",
                         counted(static_cast<long>(report.events_after_window), "event", "events"), report.window.to);
    for (const std::string& name : report.unaudited_bodies)
      out << fmt::format("<li>Body in the logs that no rule file audits: {}.</li>\n", x(name));
    out << "</ul>\n";
    write_manifest(report, out);
    out << "</section>\n";
  }

  // The manifest (report/manifest.hpp): the digests to check the files against, in full; on a
  // printed page of its own, the last.
  static void write_manifest(const audit_report& report, std::ostream& out) {
    const audit_manifest& m = report.manifest;
    if (m.remit_version.empty()) return;
    out << "<div class=\"manifest\">\n<h3>Manifest</h3>\n";
    out << fmt::format("<p>Made by remit {}{} over the window {} to {}{}, with the {}. Run <code>remit verify</code> on "
                       "the JSON report of the same audit to run it again and compare.</p>\n",
                       x(m.remit_version), m.engine.empty() ? std::string{} : fmt::format(" ({} engine)", x(m.engine)),
                       report.window.from, report.window.to,
                       m.accept_partial ? ", rejected rows accepted" : "", x(bank_holidays_words(m)));
    out << "<table class=\"overview\"><thead><tr><th>File</th><th>Role</th><th>SHA-256</th></tr></thead><tbody>\n";
    for (const auto& f : m.rule_files)
      out << fmt::format("<tr><td><code>{}</code></td><td>rule file</td><td><code>{}</code></td></tr>\n", x(f.path), f.sha256);
    for (const auto& f : m.logs)
      out << fmt::format("<tr><td><code>{}</code></td><td>log</td><td><code>{}</code></td></tr>\n", x(f.path), f.sha256);
    out << "</tbody></table>\n</div>\n";
  }
};

}  // namespace

std::unique_ptr<reporter> make_html_reporter(const report_options&) { return std::make_unique<html_reporter>(); }

}  // namespace remit
