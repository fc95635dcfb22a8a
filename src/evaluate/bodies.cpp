#include "evaluate/bodies.hpp"

#include <algorithm>
#include <sstream>
#include <tuple>

#include <range/v3/algorithm/minmax.hpp>
#include <range/v3/range/conversion.hpp>
#include <range/v3/range/primitives.hpp>
#include <range/v3/view/filter.hpp>
#include <range/v3/view/transform.hpp>

#include "core/text.hpp"

namespace remit {

namespace {

// Rows that name no council belong to every file; rows that name one, only to that council's files.
bool council_admits(const event_log& log, const event& e, const std::optional<std::string>& folded_council) {
  return !folded_council || e.council == 0 || log.strings.folded(e.council) == *folded_council;
}

std::optional<std::string> folded_council(const ast::resolved_settings& s) {
  return s.council ? std::optional(fold(*s.council)) : std::nullopt;
}

// The events of a matched body that its block's council admits, in date order.
auto admitted_events(const event_log& log, const body_match& m) {
  namespace views = ranges::views;
  return m.events->events | views::transform([&log](std::uint32_t i) -> const event& { return log.events[i]; }) |
         views::filter([&log, council = folded_council(m.settings)](const event& e) { return council_admits(log, e, council); });
}

// A renamed body's events under each of its names, as one body's: in date order, ties in log
// order, as event_log::by_body orders each name's.
event_log::body_events merged(const event_log& log, const std::vector<const event_log::body_events*>& names) {
  event_log::body_events out{names.front()->folded_name, names.front()->display_name, {}};
  for (const auto* b : names) out.events.insert(out.events.end(), b->events.begin(), b->events.end());
  std::sort(out.events.begin(), out.events.end(), [&](std::uint32_t a, std::uint32_t c) {
    const event &x = log.events[a], &y = log.events[c];
    return std::tie(x.day, x.source, x.line) < std::tie(y.day, y.source, y.line);
  });
  return out;
}

}  // namespace

body_matches match_bodies(const std::vector<ast::rule_file>& files, const event_log& log) {
  body_matches out;
  out.log_bodies = log.by_body();
  const auto& bodies = out.log_bodies;
  std::vector<bool> audited(bodies.size(), false);
  for (const ast::rule_file& file : files) {
    for (const ast::body& block : file.bodies) {
      const ast::resolved_settings settings = ast::resolve(file, block);
      const std::optional<std::string> council = folded_council(settings);
      if (block.every_body) {
        for (std::size_t i = 0; i < bodies.size(); ++i) {
          const auto& b = bodies[i];
          const bool admitted = std::any_of(b.events.begin(), b.events.end(),
                                            [&](std::uint32_t e) { return council_admits(log, log.events[e], council); });
          if (!admitted) continue;
          audited[i] = true;
          out.matches.push_back({&file, &block, settings, &b, std::string(log.strings.text(b.display_name)), {b.folded_name}});
        }
        continue;
      }
      std::vector<std::string> names = ast::folded_names(file, block);
      std::vector<const event_log::body_events*> found;
      for (const std::string& folded : names) {
        const auto it = std::lower_bound(bodies.begin(), bodies.end(), folded,
                                         [](const auto& b, const std::string& n) { return b.folded_name < n; });
        if (it == bodies.end() || it->folded_name != folded) continue;
        audited[static_cast<std::size_t>(it - bodies.begin())] = true;
        found.push_back(&*it);
      }
      out.matches.push_back({&file, &block, settings, found.size() == 1 ? found.front() : nullptr, block.name, std::move(names)});
      if (found.size() > 1) out.matches.back().events = &out.renamed_bodies.emplace_back(merged(log, found));
      // Events of the body that only other councils' rows record are no record of it for this file.
      if (!record_span_of(log, out.matches.back()) &&
          std::find(out.bodies_without_events.begin(), out.bodies_without_events.end(), block.name) ==
              out.bodies_without_events.end())
        out.bodies_without_events.push_back(block.name);
    }
  }
  for (std::size_t i = 0; i < bodies.size(); ++i)
    if (!audited[i]) out.unaudited_bodies.emplace_back(log.strings.text(bodies[i].display_name));
  return out;
}

admitted_councils councils_of(const std::vector<ast::rule_file>& files) {
  std::vector<std::string> names;
  for (const ast::rule_file& file : files)
    for (const ast::body& block : file.bodies) {
      const ast::resolved_settings settings = ast::resolve(file, block);
      if (!settings.council) return admitted_councils{};
      names.push_back(*settings.council);
    }
  return admitted_councils{std::move(names)};
}

std::optional<record_span> record_span_of(const event_log& log, const body_match& m) {
  if (!m.events) return std::nullopt;
  auto days = admitted_events(log, m) | ranges::views::transform(&event::day);
  if (ranges::empty(days)) return std::nullopt;
  const auto [first, last] = ranges::minmax(days);
  return record_span{first, last};
}

std::vector<const event*> events_of(const event_log& log, const body_match& m, date up_to) {
  if (!m.events) return {};
  // In a log in no order a body's events lie far apart in the table, a cache miss each: each is
  // fetched a few events before its turn, so that the misses overlap rather than wait in turn.
  const std::vector<std::uint32_t>& index = m.events->events;
  const std::optional<std::string> council = folded_council(m.settings);
  std::vector<const event*> out;
  out.reserve(index.size());
  constexpr std::size_t ahead = 8;
  for (std::size_t k = 0; k < index.size(); ++k) {
    if (k + ahead < index.size()) __builtin_prefetch(&log.events[index[k + ahead]]);
    const event& e = log.events[index[k]];
    if (e.day <= up_to && council_admits(log, e, council)) out.push_back(&e);
  }
  return out;
}

std::string line_of(const ast::rule_file& file, std::uint32_t line) {
  std::istringstream in(file.text);
  std::string text;
  for (std::uint32_t i = 0; i < line && std::getline(in, text); ++i) {
  }
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

}  // namespace remit
