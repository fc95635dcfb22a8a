#include "sweep/outcome.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/digest.hpp"
#include "core/text.hpp"
#include "report/markup.hpp"

namespace remit::sweep {

std::string_view name(council_status s) {
  switch (s) {
    case council_status::clean: return "clean";
    case council_status::breach: return "breach";
    case council_status::error: return "error";
  }
  return "error";
}

std::vector<body_row> body_rows(const audit_report& report) {
  std::vector<body_row> rows;
  for (std::size_t i = 0; i < report.bodies.size(); ++i) {
    const audited_body& b = report.bodies[i];
    const body_summary s = summarise(report, b);
    body_row row{b.council, b.name, b.rule_file, i + 1, s.rules, s.breaches, s.status, {}};
    for (const rule_result& r : report.results_of(b)) {
      if (r.status != rule_status::breach) continue;
      const auto n = std::count_if(r.findings.begin(), r.findings.end(),
                                   [](const finding& f) { return f.status == finding_status::breach; });
      row.breached.push_back({r.statement->label, r.statement->text, static_cast<std::size_t>(n)});
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

council_status sweep_outcome::worst() const {
  council_status w = council_status::clean;
  for (const council_outcome& c : councils) w = std::max(w, c.status);
  return w;
}

namespace {

// Totals over every audited council, for the summary line and object.
struct totals {
  std::array<std::size_t, 3> councils{};  // by council_status
  std::array<std::size_t, 6> rules{};     // by rule_status
  std::size_t bodies = 0, breaches = 0, rows_read = 0, rows_used = 0, rows_rejected = 0, rows_left_out = 0;
};

totals add_up(const sweep_outcome& s) {
  totals t;
  for (const council_outcome& c : s.councils) {
    ++t.councils[static_cast<std::size_t>(c.status)];
    t.rows_read += c.rows_read, t.rows_used += c.rows_used, t.rows_rejected += c.rows_rejected,
        t.rows_left_out += c.rows_left_out;
    for (const body_row& b : c.bodies) {
      ++t.bodies;
      t.breaches += b.breaches;
      for (std::size_t i = 0; i < b.rules.size(); ++i) t.rules[i] += b.rules[i];
    }
  }
  return t;
}

constexpr std::array<rule_status, 6> all_rule_statuses{rule_status::breach,  rule_status::no_evidence,
                                                      rule_status::advisory, rule_status::waived,
                                                      rule_status::not_due, rule_status::pass};

std::size_t rule_total(const std::array<std::size_t, 6>& rules) {
  std::size_t n = 0;
  for (std::size_t r : rules) n += r;
  return n;
}

std::string rule_counts(const std::array<std::size_t, 6>& rules) {
  return fmt::format("{}: {} breach, {} no-evidence, {} advisory, {} waived, {} not-due, {} pass",
                     counted(static_cast<long>(rule_total(rules)), "rule", "rules"), rules[0], rules[1], rules[2],
                     rules[3], rules[4], rules[5]);
}

std::string full_name(const body_row& b) { return b.council ? *b.council + ": " + b.body : b.body; }

// The text report quotes names, statements and messages from the input: shown with their control
// characters escaped (core/text.hpp).
std::string shown(std::string_view text) { return escape_controls(text); }

std::string window_words(const council_outcome& c) {
  return c.window ? fmt::format("{} to {}", c.window->from, c.window->to) : std::string("no window");
}

// Each line of `text`, indented, for messages shown under their council.
std::string indented(std::string_view text, std::string_view indent) {
  std::string out;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    out += fmt::format("{}{}\n", indent, shown(text.substr(0, end)));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

}  // namespace

void write_sweep_text(const sweep_outcome& s, std::ostream& out) {
  out << fmt::format("remit sweep of {}: {}\n", shown(s.source),
                     counted(static_cast<long>(s.councils.size()), "council", "councils"));
  for (const council_outcome& c : s.councils) {
    out << '\n';
    if (c.status == council_status::error) {
      out << fmt::format("{}: error, not audited\n", shown(c.plan.slug));
    } else {
      out << fmt::format("{}: {}, {}; {} read, {} used, {} rejected{}\n", shown(c.plan.slug), name(c.status), window_words(c),
                         counted(static_cast<long>(c.rows_read), "log row", "log rows"), c.rows_used, c.rows_rejected,
                         c.rows_left_out ? fmt::format(", {} left out", c.rows_left_out) : std::string{});
      for (const body_row& b : c.bodies) {
        out << fmt::format("  {}  {}  {}\n", shown(full_name(b)), name(b.status), rule_counts(b.rules));
        for (const breached_rule& r : b.breached)
          out << fmt::format("    {}  breach  {}  ({})\n", shown(r.label), shown(r.text),
                             counted(static_cast<long>(r.breaches), "breach", "breaches"));
      }
    }
    out << indented(c.messages, "  | ");
  }
  const totals t = add_up(s);
  out << fmt::format("\nsummary: {}: {} in breach, {} clean, {} not audited; {} in {}; {}\n",
                     counted(static_cast<long>(s.councils.size()), "council", "councils"), t.councils[1], t.councils[0],
                     t.councils[2], rule_counts(t.rules), counted(static_cast<long>(t.bodies), "body", "bodies"),
                     counted(static_cast<long>(t.breaches), "breach", "breaches"));
}

void write_sweep_json(const sweep_outcome& s, std::ostream& out) {
  using json = nlohmann::ordered_json;
  json j;
  j["sweep"] = s.source;
  j["councils"] = json::array();
  for (const council_outcome& c : s.councils) {
    json x;
    x["council"] = c.plan.slug;
    x["status"] = name(c.status);
    x["rule_files"] = c.plan.rules;
    x["logs"] = c.plan.logs;
    x["from"] = c.window ? json(to_iso(c.window->from)) : json(nullptr);
    x["to"] = c.window ? json(to_iso(c.window->to)) : json(nullptr);
    x["messages"] = c.messages;
    x["html"] = c.html_file.empty() ? json(nullptr) : json(c.html_file);
    // The council's own report, exactly as `remit check --format json` gives it.
    x["report"] = c.report_json.empty() ? json(nullptr) : json::parse(c.report_json);
    j["councils"].push_back(std::move(x));
  }
  const totals t = add_up(s);
  json summary;
  summary["councils"] = s.councils.size();
  for (council_status st : {council_status::breach, council_status::clean, council_status::error})
    summary[std::string(name(st))] = t.councils[static_cast<std::size_t>(st)];
  summary["bodies"] = t.bodies;
  summary["rules"] = rule_total(t.rules);
  json rules;
  for (rule_status st : all_rule_statuses) rules[std::string(remit::name(st))] = t.rules[static_cast<std::size_t>(st)];
  summary["rule_statuses"] = rules;
  summary["breaches"] = t.breaches;
  summary["rows_read"] = t.rows_read;
  summary["rows_used"] = t.rows_used;
  summary["rows_rejected"] = t.rows_rejected;
  summary["rows_left_out"] = t.rows_left_out;
  j["summary"] = summary;
  out << j.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

namespace {

constexpr std::string_view index_style = R"css(
:root { --ink: #1b1f24; --muted: #59616b; --rule: #d5d9de; --navy: #1d2b4f; --breach: #b3261e; --breach-bg: #fbe7e4;
  --amber: #8a5300; --amber-bg: #fdf0d2; --pass: #0b6b4f; --pass-bg: #dff3ea; --grey: #5b6470; --grey-bg: #eceef1; }
body { margin: 0 auto; max-width: 1180px; padding: 28px 32px 40px; color: var(--ink); background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
h1 { color: var(--navy); font-size: 26px; margin: 4px 0 6px; }
.kicker { font-size: 12px; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); margin: 0; }
table { border-collapse: collapse; width: 100%; margin-top: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--rule); }
thead th { font-size: 12px; color: var(--muted); border-bottom: 2px solid var(--navy); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.council td { border-top: 2px solid var(--navy); font-weight: 600; }
pre { margin: 4px 0; white-space: pre-wrap; font-size: 12px; }
.status { font-weight: 700; font-size: 12px; padding: 1px 7px; border-radius: 3px; border: 1px solid currentColor; white-space: nowrap; }
.status.red, .status.breach, .status.error { color: var(--breach); background: var(--breach-bg); }
.status.amber { color: var(--amber); background: var(--amber-bg); }
.status.green, .status.clean { color: var(--pass); background: var(--pass-bg); }
.status.grey { color: var(--grey); background: var(--grey-bg); }
footer { margin-top: 26px; padding-top: 8px; border-top: 1px solid var(--rule); font-size: 12px; color: var(--muted); }
@media print { body { max-width: none; padding: 0; font-size: 9.5pt; } a { color: inherit; text-decoration: none; } }
)css";

std::string status_html(std::string_view word) {
  std::string upper(word);
  for (char& ch : upper) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
  return fmt::format("<span class=\"status {}\">{}</span>", word, upper);
}

}  // namespace

void write_sweep_html_index(const sweep_outcome& s, std::ostream& out) {
  const auto x = [](std::string_view text) { return escape_xml(text); };
  const totals t = add_up(s);
  out << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n";
  out << fmt::format("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-{}'; "
                     "img-src 'none'; base-uri 'none'; form-action 'none'\"/>\n",
                     sha256_base64(index_style));
  out << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
  out << fmt::format("<meta name=\"generator\" content=\"remit {}\"/>\n", REMIT_VERSION);
  out << fmt::format("<title>Terms of Reference sweep of {}</title>\n<style>{}</style>\n</head>\n<body>\n", x(s.source),
                     index_style);
  out << "<header>\n<p class=\"kicker\">Terms of Reference compliance sweep</p>\n";
  out << fmt::format("<h1>{}, {}</h1>\n", counted(static_cast<long>(s.councils.size()), "council", "councils"),
                     counted(static_cast<long>(t.bodies), "body", "bodies"));
  out << fmt::format("<p>Swept <code>{}</code>: {} in breach, {} clean, {} not audited; {}; {}.</p>\n</header>\n",
                     x(s.source), t.councils[1], t.councils[0], t.councils[2], rule_counts(t.rules),
                     counted(static_cast<long>(t.breaches), "breach", "breaches"));
  out << "<table>\n<thead><tr><th>Council</th><th>Body</th><th>Status</th><th>Window</th><th class=\"n\">Rules</th>"
         "<th class=\"n\">Breach</th><th class=\"n\">No evidence</th><th class=\"n\">Advisory</th><th class=\"n\">Waived</th><th class=\"n\">Not due</th>"
         "<th class=\"n\">Pass</th><th class=\"n\">Breaches</th></tr></thead>\n<tbody>\n";
  for (const council_outcome& c : s.councils) {
    const std::string report_link =
        c.html_file.empty() ? x(c.plan.slug)
                            : fmt::format("<a href=\"{}\">{}</a>", x(c.html_file), x(c.plan.slug));
    out << fmt::format("<tr class=\"council\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td colspan=\"8\"></td></tr>\n",
                       report_link, counted(static_cast<long>(c.bodies.size()), "body", "bodies"),
                       status_html(name(c.status)), x(window_words(c)));
    for (const body_row& b : c.bodies) {
      const std::string body_name = x(full_name(b));
      const std::string body_link =
          c.html_file.empty() ? body_name
                              : fmt::format("<a href=\"{}#body-{}\">{}</a>", x(c.html_file), b.anchor, body_name);
      out << fmt::format("<tr><td></td><td>{}</td><td>{}</td><td></td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                         "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                         "<td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                         body_link, status_html(remit::name(b.status)), rule_total(b.rules), b.rules[0], b.rules[1],
                         b.rules[2], b.rules[3], b.rules[4], b.rules[5], b.breaches);
    }
    if (!c.messages.empty())
      out << fmt::format("<tr><td></td><td colspan=\"11\"><pre>{}</pre></td></tr>\n", x(c.messages));
  }
  out << "</tbody>\n</table>\n";
  out << fmt::format("<footer>Produced by remit {}. Each council's own report, beside this page, says how every finding "
                     "was reached.</footer>\n</body>\n</html>\n",
                     REMIT_VERSION);
}

}  // namespace remit::sweep
