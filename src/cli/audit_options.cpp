#include "cli/audit_options.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cli/clock.hpp"

namespace remit::cli {

std::optional<engine_choice> engine_option(std::string_view word) {
  if (word == "auto") return engine_choice::automatic;
  if (word == "batch") return engine_choice::batch;
  if (word == "stream") return engine_choice::stream;
  return std::nullopt;
}

std::optional<date> date_option(const std::string& text, std::string_view option, std::ostream& err) {
  const auto d = parse_iso_date(text);
  if (!d) err << fmt::format("remit: error: {}: {}\n", option, explain_bad_iso_date(text));
  return d;
}

std::optional<audit_window> resolve_window(const std::string& from, const std::string& to, const event_log& log,
                                           std::ostream& err) {
  audit_window window{};
  if (to.empty()) {
    window.to = today();
  } else if (const auto d = date_option(to, "--to", err)) {
    window.to = *d;
  } else {
    return std::nullopt;
  }
  if (!from.empty()) {
    const auto d = date_option(from, "--from", err);
    if (!d) return std::nullopt;
    window.from = *d;
  } else if (log.events.empty()) {
    err << "remit: error: the logs hold no events, so --from has no default: pass --from\n";
    return std::nullopt;
  } else {
    window.from = std::min_element(log.events.begin(), log.events.end(),
                                   [](const event& a, const event& b) { return a.day < b.day; })
                      ->day;
  }
  if (window.to < window.from) {
    err << fmt::format("remit: error: the audit window ends on {} before it starts on {}\n", window.to, window.from);
    return std::nullopt;
  }
  return window;
}

}  // namespace remit::cli
