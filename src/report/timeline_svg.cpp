#include "report/timeline_svg.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "core/date.hpp"
#include "core/text.hpp"
#include "evaluate/evaluator.hpp"
#include "report/markup.hpp"

namespace remit {

namespace {

constexpr double width = 1000;        // viewBox units; the page scales the drawing to its width
constexpr double label_width = 200;   // the lane names on the left
constexpr double right_pad = 14;
constexpr double axis_height = 36;
constexpr double lane_height = 24;
constexpr double plot_width = width - label_width - right_pad;

std::string x(std::string_view s) { return escape_xml(s); }
std::string num(double v) { return fmt::format("{:.1f}", v); }

// A label cut to fit the lane names' column; the full text stays in the title.
std::string shortened(std::string_view s, std::size_t max_chars) {
  if (utf8_length(s) <= max_chars) return std::string(s);
  return std::string(utf8_prefix(s, max_chars - 1)) + "\u2026";
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
    if (months <= 40 && right - left >= 16)
      d.out += fmt::format("<text class=\"tl-axis\" x=\"{}\" y=\"30\" text-anchor=\"middle\">{}</text>",
                           num((left + right) / 2), month_abbreviation(static_cast<int>(m.month())));
    if (january || m <= w.from)
      d.out += fmt::format("<text class=\"tl-axis tl-axis-year\" x=\"{}\" y=\"13\">{}</text>", num(left + 3), m.year());
  }
}

void lane_name(drawing& d, double y, std::string_view text, std::string_view tooltip, std::string_view cls = "tl-lane",
               double indent = 8) {
  d.out += fmt::format("<text class=\"{}\" x=\"{}\" y=\"{}\">{}<title>{}</title></text>", cls, num(indent), num(y + 4),
                       x(shortened(text, 30)), x(tooltip));
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

void rule_lane(drawing& d, double y, const rule_result& r, const audited_body& body) {
  const audit_window& w = d.window();
  const double top = y - lane_height / 2 + 2, height = lane_height - 4;
  // Waiver windows first, so that findings are drawn over them.
  for (const waiver_window& wv : body.waivers) {
    if (wv.label != r.statement->label || wv.to < w.from || wv.from > w.to) continue;
    d.out += fmt::format("<rect class=\"tl-waiver\" fill=\"url(#{}-hatch-waived)\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">"
                         "<title>{}</title></rect>",
                         d.id(), num(d.edge(std::max(wv.from, w.from))), num(top),
                         num(std::max(1.0, d.edge(std::min(wv.to, w.to).plus_days(1)) - d.edge(std::max(wv.from, w.from)))),
                         num(height), x(fmt::format("waiver for clause {} from {} to {}: {}", wv.label, wv.from, wv.to, wv.reason)));
  }
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
    if (!d.inside(f.due)) continue;
    const double cx = d.middle(f.due);
    const std::string mark_class = fmt::format("tl-mark tl-{}", cls);
    if (f.status == finding_status::breach) d.out += cross(cx, y, mark_class, words);
    else if (f.status == finding_status::no_evidence) d.out += triangle(cx, y, mark_class, words);
    else if (f.status == finding_status::advisory) d.out += circle(cx, y, mark_class, words);
    else d.out += diamond(cx, y, mark_class, words);
  }
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
  const auto rules = report.results_of(body);
  const double first_lane = axis_height + lane_height / 2 + 2;
  const double rules_top = first_lane + 3 * lane_height + 6;
  const double height = rules_top + static_cast<double>(rules.size()) * lane_height + 4;

  std::size_t held = 0, other_meetings = 0, sessions = 0, reports = 0;
  for (const timeline_event& e : body.events) {
    if (e.kind == event_kind::meeting) (e.held ? held : other_meetings)++;
    else if (e.kind == event_kind::session) ++sessions;
    else ++reports;
  }
  const std::string title = fmt::format("Timeline of {} from {} to {}", body.name, report.window.from, report.window.to);
  const std::string summary = fmt::format(
      "{}, {} not held, {}, {} and {} lanes, one per rule", counted(static_cast<long>(held), "held meeting", "held meetings"),
      counted(static_cast<long>(other_meetings), "meeting", "meetings"), counted(static_cast<long>(sessions), "session", "sessions"),
      counted(static_cast<long>(reports), "report sent", "reports sent"), rules.size());

  d.out += fmt::format("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" "
                       "aria-labelledby=\"{}-title {}-desc\"><title id=\"{}-title\">{}</title><desc id=\"{}-desc\">{}</desc>",
                       num(width), num(height), id, id, id, x(title), id, x(summary));
  d.out += "<defs>" + hatch(id, "breach", "tl-hatch-breach") + hatch(id, "waived", "tl-hatch-waived") +
           hatch(id, "no-evidence", "tl-hatch-no-evidence") + hatch(id, "advisory", "tl-hatch-advisory") + "</defs>";
  d.out += fmt::format("<rect class=\"tl-rules-ground\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>", num(rules_top - lane_height / 2 + 2),
                       num(width), num(height - rules_top + lane_height / 2 - 2));
  axis(d, height);

  const std::array<std::pair<event_kind, std::string_view>, 3> lanes{
      {{event_kind::meeting, "Meetings"}, {event_kind::session, "Sessions"}, {event_kind::report, "Reports sent"}}};
  for (std::size_t i = 0; i < lanes.size(); ++i) {
    const double y = first_lane + static_cast<double>(i) * lane_height;
    lane_name(d, y, lanes[i].second, lanes[i].second);
    events_lane(d, y, body, lanes[i].first);
  }
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const rule_result& r = rules[i];
    const double y = rules_top + static_cast<double>(i) * lane_height;
    // The rule's status as a shape before its name, as in the rule tables, so colour is not needed to read it.
    const std::string_view status = name(r.status);
    const std::string shape_class = fmt::format("tl-status tl-status-{}", status);
    if (r.status == rule_status::breach) d.out += cross(14, y, shape_class, status);
    else if (r.status == rule_status::no_evidence) d.out += triangle(14, y, shape_class, status);
    else if (r.status == rule_status::waived) d.out += diamond(14, y, shape_class, status);
    else if (r.status == rule_status::advisory) d.out += circle(14, y, shape_class, status);
    else if (r.status == rule_status::pass) d.out += tick(14, y, shape_class, status);
    else d.out += fmt::format("<rect class=\"{}\" x=\"9\" y=\"{}\" width=\"10\" height=\"3\"><title>{}</title></rect>",
                              shape_class, num(y - 1.5), status);
    lane_name(d, y, fmt::format("{} {}", r.statement->label, r.statement->text),
              fmt::format("clause {} ({}): {}", r.statement->label, status, r.statement->text),
              fmt::format("tl-lane tl-rule tl-rule-{}", status), 26);
    rule_lane(d, y, r, body);
  }
  d.out += fmt::format("<rect class=\"tl-frame\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>", num(label_width), num(axis_height - 16),
                       num(plot_width), num(height - axis_height + 16));
  d.out += "</svg>";
  return d.out;
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
