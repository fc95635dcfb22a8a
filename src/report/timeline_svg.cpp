#include "report/timeline_svg.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "core/date.hpp"
#include "core/text.hpp"
#include "evaluate/evaluator.hpp"
#include "language/describe.hpp"
#include "report/body_summary.hpp"
#include "report/markup.hpp"

namespace remit {

namespace {

constexpr double width = 1000;        // viewBox units; the page scales the drawing to its width
constexpr double label_width = 200;   // the lane names on the left
constexpr double right_pad = 14;
constexpr double axis_height = 36;
constexpr double lane_height = 24;
constexpr double rule_lane_height = 34;  // room for the marks' numbers above them
constexpr std::size_t label_chars = 22;  // a lane name's line, at the print size; longer names wrap
constexpr double plot_width = width - label_width - right_pad;

std::string x(std::string_view s) { return escape_xml(s); }
std::string num(double v) { return fmt::format("{:.1f}", v); }

// A lane name in lines of at most label_chars characters, broken at spaces (a word longer than
// a line is a line of its own): never cut.
std::vector<std::string> wrapped(std::string_view s) {
  std::vector<std::string> lines{""};
  std::size_t at = 0;
  while (at < s.size()) {
    const std::size_t space = s.find(' ', at);
    const std::string_view word = s.substr(at, space == std::string_view::npos ? std::string_view::npos : space - at);
    if (!lines.back().empty() && utf8_length(lines.back()) + 1 + utf8_length(word) > label_chars) lines.emplace_back();
    lines.back() += (lines.back().empty() ? "" : " ") + std::string(word);
    if (space == std::string_view::npos) break;
    at = space + 1;
  }
  return lines;
}

// The lanes of a body's rules: a lane for the rules of each clause and kind with findings, in
// the order the report gives its exceptions, then one for the rules with nothing to show.
struct rule_lane_plan {
  std::string name;
  rule_status status = rule_status::pass;  // the worst of its rules'
  std::vector<const rule_result*> rules;
};
std::vector<rule_lane_plan> lanes_of(const audit_report& report, const audited_body& body) {
  const rules_in_order ordered = exceptions_first(report.results_of(body));
  std::vector<rule_lane_plan> lanes;
  std::vector<const rule_result*> quiet;
  for (const rule_result* r : ordered.exceptions) {
    if (r->findings.empty()) {
      quiet.push_back(r);
      continue;
    }
    const std::string name = fmt::format("{} {}", r->statement->label, family_name(*r->statement));
    const auto same = std::find_if(lanes.begin(), lanes.end(), [&](const rule_lane_plan& l) { return l.name == name; });
    if (same != lanes.end()) same->rules.push_back(r);
    else lanes.push_back({name, r->status, {r}});
  }
  for (rule_lane_plan& l : lanes)
    if (l.rules.size() > 1) l.name += fmt::format(" ({} rules)", l.rules.size());
  for (const rule_result* r : ordered.met) quiet.push_back(r);
  if (!quiet.empty()) {
    const bool all_pass = std::all_of(quiet.begin(), quiet.end(), [](const rule_result* r) { return r->status == rule_status::pass; });
    lanes.push_back({fmt::format("{} {}", counted(static_cast<long>(quiet.size()), "rule", "rules"),
                                 all_pass ? "met throughout" : "met or not due"),
                     all_pass ? rule_status::pass : rule_status::not_due, quiet});
  }
  return lanes;
}

class drawing {
 public:
  drawing(const audit_window& w, std::string_view id) : window_(w), id_(id) {
    span_ = static_cast<double>(days_between(w.from, w.to) + 1);
  }

  // The left edge of a day, and its middle.
  double edge(date d) const {
    const double days = std::clamp(static_cast<double>(days_between(window_.from, d)), 0.0, span_);
    return label_width + days / span_ * plot_width;
  }
  double middle(date d) const { return edge(d) + 0.5 * plot_width / span_; }
  bool inside(date d) const { return window_.from <= d && d <= window_.to; }
  const audit_window& window() const { return window_; }
  const std::string& id() const { return id_; }

  std::string out;

 private:
  audit_window window_;
  std::string id_;
  double span_ = 1;
};

// Marks, each centred on (cx, cy), each with a tooltip.
std::string titled(std::string_view tooltip) { return fmt::format("<title>{}</title>", x(tooltip)); }

std::string circle(double cx, double cy, std::string_view cls, std::string_view tooltip) {
  return fmt::format("<circle class=\"{}\" cx=\"{}\" cy=\"{}\" r=\"5\">{}</circle>", cls, num(cx), num(cy), titled(tooltip));
}
// Cancelled: a circle crossed out; postponed: a half-filled circle.
std::string crossed_circle(double cx, double cy, std::string_view cls, std::string_view tooltip) {
  return fmt::format("<g class=\"{}\"><circle cx=\"{}\" cy=\"{}\" r=\"5\"/><path d=\"M{} {}l6 6m0 -6l-6 6\"/>{}</g>", cls,
                     num(cx), num(cy), num(cx - 3), num(cy - 3), titled(tooltip));
}
std::string half_circle(double cx, double cy, std::string_view cls, std::string_view tooltip) {
  return fmt::format("<g class=\"{}\"><circle cx=\"{}\" cy=\"{}\" r=\"5\"/><path class=\"tl-half\" d=\"M{} {}a5 5 0 0 0 0 10z\"/>{}</g>",
                     cls, num(cx), num(cy), num(cx), num(cy - 5), titled(tooltip));
}
std::string square(double cx, double cy, std::string_view cls, std::string_view tooltip) {
  return fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"9\" height=\"9\">{}</rect>", cls, num(cx - 4.5),
                     num(cy - 4.5), titled(tooltip));
}
std::string triangle(double cx, double cy, std::string_view cls, std::string_view tooltip) {
  return fmt::format("<path class=\"{}\" d=\"M{} {}l5.5 10h-11z\">{}</path>", cls, num(cx), num(cy - 5.5), titled(tooltip));
}
// A filled cross: a breach, as in the HTML badges.
std::string cross(double cx, double cy, std::string_view cls, std::string_view tooltip) {
  return fmt::format("<path class=\"{}\" d=\"M{} {}l2.4 -2.4l3.6 3.6l3.6 -3.6l2.4 2.4l-3.6 3.6l3.6 3.6l-2.4 2.4l-3.6 -3.6"
                     "l-3.6 3.6l-2.4 -2.4l3.6 -3.6z\">{}</path>",
                     cls, num(cx - 6), num(cy - 3.6), titled(tooltip));
}
std::string tick(double cx, double cy, std::string_view cls, std::string_view tooltip) {
  return fmt::format("<path class=\"{}\" d=\"M{} {}l1.6 -1.6l2.4 2.4l4.8 -5.2l1.4 1.4l-6.2 6.8z\">{}</path>", cls,
                     num(cx - 5), num(cy + 0.5), titled(tooltip));
}
std::string diamond(double cx, double cy, std::string_view cls, std::string_view tooltip) {
  return fmt::format("<path class=\"{}\" d=\"M{} {}l5.5 5.5l-5.5 5.5l-5.5 -5.5z\">{}</path>", cls, num(cx), num(cy - 5.5),
                     titled(tooltip));
}

std::string event_words(const timeline_event& e) {
  std::string words = fmt::format("{} {} {}", with_weekday(e.day), name(e.status), name(e.kind));
  if (!e.title.empty()) words += ": " + e.title;
  if (e.kind == event_kind::report && !e.to.empty()) words += fmt::format(" (to {})", e.to);
  if (e.published) words += fmt::format("; agenda published {}", *e.published);
  return words;
}

void axis(drawing& d, double bottom) {
  const audit_window& w = d.window();
  const int months = (w.to.year() - w.from.year()) * 12 + static_cast<int>(w.to.month()) - static_cast<int>(w.from.month()) + 1;
  date m = date::from(std::chrono::year{w.from.year()} / std::chrono::month{w.from.month()} / 1);
  for (; m <= w.to; m = m.plus_months(1)) {
    const date next = m.plus_months(1);
    const bool january = m.month() == 1;
    if (m > w.from)
      d.out += fmt::format("<line class=\"{}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", january ? "tl-year" : "tl-month",
                           num(d.edge(m)), january ? 4 : 18, num(d.edge(m)), num(bottom));
    const double left = d.edge(std::max(m, w.from)), right = d.edge(std::min(next, w.to.plus_days(1)));
    if (months <= 40 && right - left >= 26)
      d.out += fmt::format("<text class=\"tl-axis\" x=\"{}\" y=\"30\" text-anchor=\"middle\">{}</text>",
                           num((left + right) / 2), month_abbreviation(static_cast<int>(m.month())));
    if (january || m <= w.from)
      d.out += fmt::format("<text class=\"tl-axis tl-axis-year\" x=\"{}\" y=\"13\">{}</text>", num(left + 3), m.year());
  }
}

void lane_name(drawing& d, double y, std::string_view text, std::string_view tooltip, std::string_view cls = "tl-lane",
               double indent = 8) {
  const std::vector<std::string> lines = wrapped(text);
  std::string spans;
  const double first = y + 5 - 7.5 * static_cast<double>(lines.size() - 1);
  for (std::size_t i = 0; i < lines.size(); ++i)
    spans += fmt::format("<tspan x=\"{}\" y=\"{}\">{}</tspan>", num(indent), num(first + 15 * static_cast<double>(i)),
                         x(lines[i]));
  d.out += fmt::format("<text class=\"{}\">{}<title>{}</title></text>", cls, spans, x(tooltip));
  d.out += fmt::format("<line class=\"tl-baseline\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", num(label_width), num(y),
                       num(width - right_pad), num(y));
}

void events_lane(drawing& d, double y, const audited_body& body, event_kind kind) {
  for (const timeline_event& e : body.events) {
    if (e.kind != kind || !d.inside(e.day)) continue;
    const double cx = d.middle(e.day);
    const std::string words = event_words(e);
    const bool held = e.held;
    switch (kind) {
      case event_kind::meeting:
        if (held) d.out += circle(cx, y, "tl-held", words);
        else if (e.status == event_status::cancelled) d.out += crossed_circle(cx, y, "tl-cancelled", words);
        else if (e.status == event_status::postponed) d.out += half_circle(cx, y, "tl-postponed", words);
        else d.out += circle(cx, y, "tl-scheduled", words);
        break;
      case event_kind::session: d.out += square(cx, y, held ? "tl-session" : "tl-session tl-not-held", words); break;
      case event_kind::report: d.out += triangle(cx, y, held ? "tl-report" : "tl-report tl-not-held", words); break;
    }
  }
}

// One rule's marks in its lane, each numbered from `number` on (the list under the chart gives
// each number's date and clause); the numbers go in `numbers`, by day, to be written above the
// marks, several on one day as one label.
void rule_marks(drawing& d, double y, const rule_result& r, std::size_t& number,
                std::map<date, std::vector<std::size_t>>& numbers) {
  const audit_window& w = d.window();
  const double top = y - lane_height / 2 + 2, height = lane_height - 4;
  for (const finding& f : r.findings) {
    const std::string_view cls = name(f.status);
    const std::string words = fmt::format("{} {}: due {}: {}", r.statement->label, name(f.status), f.due, f.words());
    if (f.period_start && f.period_end) {
      const date a = std::max(*f.period_start, w.from), b = std::min(*f.period_end, w.to);
      d.out += fmt::format("<rect class=\"tl-period tl-{}\" fill=\"url(#{}-hatch-{})\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">"
                           "<title>{}</title></rect>",
                           cls, d.id(), cls, num(d.edge(a)), num(top), num(std::max(1.0, d.edge(b.plus_days(1)) - d.edge(a))),
                           num(height), x(words));
    } else if (f.status != finding_status::no_evidence) {
      // The breached interval: from the due date to the late evidence, or to the last day the rule
      // was judged (the window's end, or its version's last day).
      const date judged_to = judged_part(w, r.version).value_or(w).to;
      const date end = f.on && *f.on > f.due ? *f.on : (!f.on ? judged_to : f.due);
      if (end > f.due && end >= w.from && f.due <= w.to) {
        const date a = std::max(f.due, w.from), b = std::min(end, w.to);
        d.out += fmt::format("<rect class=\"tl-late tl-{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"6\"><title>{}</title></rect>",
                             cls, num(d.middle(a)), num(y - 3), num(std::max(1.0, d.middle(b) - d.middle(a))), x(words));
      }
    }
    const std::size_t k = number++;
    if (!d.inside(f.due)) continue;
    numbers[f.due].push_back(k);
    const double cx = d.middle(f.due);
    const std::string mark_class = fmt::format("tl-mark tl-{}", cls);
    if (f.status == finding_status::breach) d.out += cross(cx, y, mark_class, words);
    else if (f.status == finding_status::no_evidence) d.out += triangle(cx, y, mark_class, words);
    else if (f.status == finding_status::advisory) d.out += circle(cx, y, mark_class, words);
    else d.out += diamond(cx, y, mark_class, words);
  }
}

// The windows of the waivers of a lane's clause, under its marks: on the lanes of the rules
// they waive, and no other.
void waiver_windows(drawing& d, double y, std::string_view label, const audited_body& body) {
  const audit_window& w = d.window();
  const double top = y - lane_height / 2 + 2, height = lane_height - 4;
  for (const waiver_window& wv : body.waivers) {
    if (wv.label != label || wv.to < w.from || wv.from > w.to) continue;
    d.out += fmt::format("<rect class=\"tl-waiver\" fill=\"url(#{}-hatch-waived)\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">"
                         "<title>{}</title></rect>",
                         d.id(), num(d.edge(std::max(wv.from, w.from))), num(top),
                         num(std::max(1.0, d.edge(std::min(wv.to, w.to).plus_days(1)) - d.edge(std::max(wv.from, w.from)))),
                         num(height), x(fmt::format("waiver for clause {} from {} to {}: {}", wv.label, wv.from, wv.to, wv.reason)));
  }
}

// A version of the body's rules judges only its own days: the rest of the window is shaded
// over the rule lanes, and said in words.
void out_of_force(drawing& d, double top, double bottom, const std::optional<version_span>& version) {
  if (!version) return;
  const audit_window& w = d.window();
  const auto shade = [&](date a, date b, std::string_view words) {
    if (b < a) return;
    d.out += fmt::format("<rect class=\"tl-out-of-force\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}</title></rect>",
                         num(d.edge(a)), num(top), num(std::max(1.0, d.edge(b.plus_days(1)) - d.edge(a))), num(bottom - top),
                         x(words));
  };
  if (version->from && *version->from > w.from)
    shade(w.from, std::min(version->from->plus_days(-1), w.to), fmt::format("before {}: another version of the rules", *version->from));
  if (version->until && *version->until < w.to)
    shade(std::max(version->until->plus_days(1), w.from), w.to, fmt::format("after {}: another version of the rules", *version->until));
}

std::string hatch(std::string_view id, std::string_view what, std::string_view cls) {
  return fmt::format("<pattern id=\"{}-hatch-{}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                     "patternTransform=\"rotate(45)\"><rect class=\"{}-ground\" width=\"6\" height=\"6\"/>"
                     "<line class=\"{}-stroke\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern>",
                     id, what, cls, cls);
}

}  // namespace

std::string timeline_svg(const audit_report& report, const audited_body& body, std::string_view id) {
  drawing d(report.window, id);
  const std::vector<rule_lane_plan> rule_lanes = lanes_of(report, body);
  const double first_lane = axis_height + lane_height / 2 + 2;
  const double rules_top = first_lane + 3 * lane_height + 14;
  const double height = rules_top + static_cast<double>(rule_lanes.size()) * rule_lane_height + 4;

  std::size_t held = 0, other_meetings = 0, sessions = 0, reports = 0;
  for (const timeline_event& e : body.events) {
    if (e.kind == event_kind::meeting) (e.held ? held : other_meetings)++;
    else if (e.kind == event_kind::session) ++sessions;
    else ++reports;
  }
  const std::string title = fmt::format("Timeline of {} from {} to {}", body.name, report.window.from, report.window.to);
  const std::string summary = fmt::format(
      "{}, {} not held, {}, {} and {} lanes of rules", counted(static_cast<long>(held), "held meeting", "held meetings"),
      counted(static_cast<long>(other_meetings), "meeting", "meetings"), counted(static_cast<long>(sessions), "session", "sessions"),
      counted(static_cast<long>(reports), "report sent", "reports sent"), rule_lanes.size());

  d.out += fmt::format("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" "
                       "aria-labelledby=\"{}-title {}-desc\"><title id=\"{}-title\">{}</title><desc id=\"{}-desc\">{}</desc>",
                       num(width), num(height), id, id, id, x(title), id, x(summary));
  d.out += "<defs>" + hatch(id, "breach", "tl-hatch-breach") + hatch(id, "waived", "tl-hatch-waived") +
           hatch(id, "no-evidence", "tl-hatch-no-evidence") + hatch(id, "advisory", "tl-hatch-advisory") + "</defs>";
  d.out += fmt::format("<rect class=\"tl-rules-ground\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                       num(rules_top - rule_lane_height / 2), num(width), num(height - rules_top + rule_lane_height / 2));
  axis(d, height);

  const std::array<std::pair<event_kind, std::string_view>, 3> lanes{
      {{event_kind::meeting, "Meetings"}, {event_kind::session, "Sessions"}, {event_kind::report, "Reports sent"}}};
  for (std::size_t i = 0; i < lanes.size(); ++i) {
    const double y = first_lane + static_cast<double>(i) * lane_height;
    lane_name(d, y, lanes[i].second, lanes[i].second);
    events_lane(d, y, body, lanes[i].first);
  }
  const double lanes_top = rules_top - rule_lane_height / 2;
  out_of_force(d, lanes_top, lanes_top + static_cast<double>(rule_lanes.size()) * rule_lane_height, body.version);
  std::size_t number = 1;
  for (std::size_t i = 0; i < rule_lanes.size(); ++i) {
    const rule_lane_plan& lane = rule_lanes[i];
    const double y = rules_top + static_cast<double>(i) * rule_lane_height;
    // The lane's status as a shape before its name, as in the rule tables, so colour is not needed to read it.
    const std::string_view status = name(lane.status);
    const std::string shape_class = fmt::format("tl-status tl-status-{}", status);
    if (lane.status == rule_status::breach) d.out += cross(14, y, shape_class, status);
    else if (lane.status == rule_status::no_evidence) d.out += triangle(14, y, shape_class, status);
    else if (lane.status == rule_status::waived) d.out += diamond(14, y, shape_class, status);
    else if (lane.status == rule_status::advisory) d.out += circle(14, y, shape_class, status);
    else if (lane.status == rule_status::pass) d.out += tick(14, y, shape_class, status);
    else d.out += fmt::format("<rect class=\"{}\" x=\"9\" y=\"{}\" width=\"10\" height=\"3\"><title>{}</title></rect>",
                              shape_class, num(y - 1.5), status);
    std::string statements;
    for (const rule_result* r : lane.rules)
      statements += fmt::format("{}clause {} ({}): {}", statements.empty() ? "" : "; ", r->statement->label, name(r->status),
                                r->statement->text);
    lane_name(d, y, lane.name, statements, fmt::format("tl-lane tl-rule tl-rule-{}", status), 26);
    const bool quiet = lane.rules.front()->findings.empty();
    if (!quiet) waiver_windows(d, y, lane.rules.front()->statement->label, body);
    std::map<date, std::vector<std::size_t>> numbers;
    for (const rule_result* r : lane.rules) rule_marks(d, y, *r, number, numbers);
    for (const auto& [day, ks] : numbers) {
      std::string label;
      for (std::size_t k : ks) label += fmt::format("{}{}", label.empty() ? "" : ",", k);
      d.out += fmt::format("<text class=\"tl-number\" x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>", num(d.middle(day)),
                           num(y - 8), d.middle(day) > width - right_pad - 30 ? "end" : "middle", label);
    }
  }
  d.out += fmt::format("<rect class=\"tl-frame\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>", num(label_width), num(axis_height - 16),
                       num(plot_width), num(height - axis_height + 16));
  d.out += "</svg>";
  return d.out;
}

std::string timeline_marks_html(const audit_report& report, const audited_body& body) {
  std::string items;
  std::size_t number = 1;
  for (const rule_lane_plan& lane : lanes_of(report, body))
    for (const rule_result* r : lane.rules)
      for (const finding& f : r->findings)
        items += fmt::format("<li value=\"{}\"><b>{}</b> clause {} {}: {}</li>", number++, f.due, x(r->statement->label),
                             name(f.status), x(r->statement->text));
  return items.empty() ? std::string{} : "<ol class=\"marks\">" + items + "</ol>";
}

std::string timeline_legend_html(std::string_view id) {
  struct entry {
    std::string_view svg;
    std::string_view words;
  };
  static constexpr entry entries[] = {
      {"<circle class=\"tl-held\" cx=\"9\" cy=\"7\" r=\"5\"/>", "held meeting"},
      {"<g class=\"tl-cancelled\"><circle cx=\"9\" cy=\"7\" r=\"5\"/><path d=\"M6 4l6 6m0 -6l-6 6\"/></g>", "cancelled meeting"},
      {"<g class=\"tl-postponed\"><circle cx=\"9\" cy=\"7\" r=\"5\"/><path class=\"tl-half\" d=\"M9 2a5 5 0 0 0 0 10z\"/></g>",
       "postponed meeting"},
      {"<circle class=\"tl-scheduled\" cx=\"9\" cy=\"7\" r=\"5\"/>", "scheduled meeting"},
      {"<rect class=\"tl-session\" x=\"4.5\" y=\"2.5\" width=\"9\" height=\"9\"/>", "session"},
      {"<path class=\"tl-report\" d=\"M9 1.5l5.5 10h-11z\"/>", "report sent"},
      {"<path class=\"tl-mark tl-breach\" d=\"M4 4l2 -2l3 3l3 -3l2 2l-3 3l3 3l-2 2l-3 -3l-3 3l-2 -2l3 -3z\"/>", "due date of a breach"},
      {"<path class=\"tl-mark tl-no-evidence\" d=\"M9 1.5l5.5 10h-11z\"/>", "due date with no evidence"},
      {"<path class=\"tl-mark tl-waived\" d=\"M9 1.5l5.5 5.5l-5.5 5.5l-5.5 -5.5z\"/>", "due date of a waived breach"},
      {"<circle class=\"tl-mark tl-advisory\" cx=\"9\" cy=\"7\" r=\"5\"/>", "due date of advisory wording not met"},
      {"<rect class=\"tl-late tl-breach\" x=\"1\" y=\"4\" width=\"16\" height=\"6\"/>",
       "breached interval, from the due date to the late event or the window\u2019s end"},
      {"", "period with too few events"},
      {"", "waiver window"},
  };
  std::string out = "<ul class=\"legend\">";
  for (const entry& e : entries) {
    std::string svg(e.svg);
    // The hatched entries carry their own patterns, so the legend needs nothing from the timeline.
    if (svg.empty()) {
      const std::string_view what = e.words.starts_with("period") ? "breach" : "waived";
      svg = hatch(fmt::format("{}-legend", id), what, fmt::format("tl-hatch-{}", what));
      svg = fmt::format("<defs>{}</defs><rect class=\"tl-legend-box\" fill=\"url(#{}-legend-hatch-{})\" x=\"1\" y=\"1\" "
                        "width=\"16\" height=\"12\"/>",
                        svg, id, what);
    }
    out += fmt::format("<li><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 18 14\" width=\"18\" height=\"14\" "
                       "aria-hidden=\"true\">{}</svg>{}</li>",
                       svg, e.words);
  }
  return out + "</ul>";
}

}  // namespace remit
