// The options every command that audits reads the same way: --engine, dates, and the window of
// --from and --to. The audit itself is session/audit_session.hpp.
#pragma once

#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "inputs/event_log.hpp"
#include "session/audit_session.hpp"

namespace remit::cli {

// --engine's word: auto, batch or stream.
std::optional<engine_choice> engine_option(std::string_view word);

// A yyyy-mm-dd option; says why on `err` when it is not a date.
std::optional<date> date_option(const std::string& text, std::string_view option, std::ostream& err = std::cerr);

// --from and --to as check and explain take them: --to defaults to today (the one place the
// clock is read), --from to the earliest event. Says why on `err` when they cannot be used.
std::optional<audit_window> resolve_window(const std::string& from, const std::string& to, const event_log& log,
                                           std::ostream& err = std::cerr);

}  // namespace remit::cli
