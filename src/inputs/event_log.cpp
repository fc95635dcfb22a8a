#include "inputs/event_log.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace remit {

std::string_view name(event_kind k) {
  switch (k) {
    case event_kind::meeting: return "meeting";
    case event_kind::session: return "session";
    case event_kind::report: return "report";
  }
  return "meeting";
}

std::string_view name(event_status s) {
  switch (s) {
    case event_status::held: return "held";
    case event_status::cancelled: return "cancelled";
    case event_status::postponed: return "postponed";
    case event_status::scheduled: return "scheduled";
  }
  return "held";
}

std::size_t event_log::rows_rejected() const {
  std::size_t n = 0;
  for (const auto& f : files) n += f.rejected.size();
  return n;
}

std::vector<event_log::body_events> event_log::by_body() const {
  std::map<std::string_view, std::size_t> index;
  std::vector<body_events> out;
  for (std::uint32_t i = 0; i < events.size(); ++i) {
    const std::string_view folded = strings.folded(events[i].body);
    auto [it, fresh] = index.emplace(folded, out.size());
    if (fresh) out.push_back({std::string(folded), events[i].body, {}});
    body_events& b = out[it->second];
    b.events.push_back(i);
    // Of several spellings, show the first in byte order, so row order never changes the report.
    if (strings.text(events[i].body) < strings.text(b.display_name)) b.display_name = events[i].body;
  }
  // One sort per body; ties keep log order (file, then line), so output never depends on hashing.
  for (auto& b : out)
    std::stable_sort(b.events.begin(), b.events.end(), [&](std::uint32_t a, std::uint32_t c) {
      return std::tie(events[a].day, events[a].source, events[a].line) <
             std::tie(events[c].day, events[c].source, events[c].line);
    });
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.folded_name < b.folded_name; });
  return out;
}

}  // namespace remit
