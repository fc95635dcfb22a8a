// ModernGov's web service (mgWebService.asmx) as a meeting log: its GetMeetings response (a
// committee's meetings) and GetMeeting response (one meeting in full), mapped to events as
// docs/inputs.md ("ModernGov XML") says. Shared by the reader and by `remit fetch`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/diagnostic.hpp"
#include "inputs/event_log.hpp"

namespace remit::moderngov {

// The format a log file is reported as, by the response it holds.
inline constexpr std::string_view getmeetings_format = "moderngov-getmeetings";
inline constexpr std::string_view getmeeting_format = "moderngov-getmeeting";

// ModernGov writes dates as dd/mm/yyyy.
std::optional<date> parse_date(std::string_view text);
std::string explain_bad_date(std::string_view text);
std::string format_date(date d);

// Several responses can describe one meeting: the GetMeetings listing of its committee and
// its own GetMeeting response, or the same response read twice. Keeps one event per meeting
// id: the GetMeeting one, named after the listing's committee. A GetMeeting response whose
// committee is known from nowhere is rejected; responses that describe one meeting in two
// different ways are an error, since remit cannot tell which is true.
void join_records(event_log& log, diagnostics& diags);

}  // namespace remit::moderngov
