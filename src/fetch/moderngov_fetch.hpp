// `remit fetch moderngov`: a committee's meetings from a council's mgWebService.asmx, kept as
// evidence and turned into the canonical log (docs/inputs.md, "Fetching from ModernGov").
//
//   DIR/raw/GetMeetings-<committee>-<from>-<to>.xml   the listing, fetched on every run
//   DIR/raw/GetMeeting-<id>.xml                      each meeting in the window, fetched once
//   DIR/meetings.csv                                 the canonical log of those meetings, merged by
//                                                    meeting id with the meetings earlier runs wrote
//   DIR/redirects/<response file>.txt                how a response was reached, when a redirect led to it
//
// Every file is written whole or not at all, so a run that fails part way leaves DIR as the
// last good run left it, plus every response it fetched before the fault. Nothing is written
// outside DIR: file names are made only of the committee id, the dates and meeting ids that are
// numbers, and a file whose path resolves outside DIR (through a symbolic link) is not written.
// A file this run would replace that is not one remit fetch wrote stops the run, untouched.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "fetch/http_client.hpp"

namespace remit::fetch {

struct moderngov_request {
  std::string base_url;   // the folder that holds mgWebService.asmx, or its full address
  std::string committee;  // ModernGov's committee id (lCommitteeId)
  date from;
  date to;
  std::string dir;
  bool refresh = false;         // fetch again stored meetings that are still only confirmed
  bool accept_partial = false;  // write meetings.csv even if some meetings were rejected
  bool allow_redirect_to_other_hosts = false;  // follow a redirect away from the host of base_url
  http_timings timings = {};
  name_resolver resolve = resolve_with_system;
  std::function<void(const std::string&)> progress = {};  // one line at a time, for a terminal
};

struct moderngov_result {
  std::string error;                  // empty: the fetch succeeded
  std::vector<std::string> messages;  // rejected rows and notes, as FILE:LINE: text
  std::size_t listed = 0;             // meetings in the GetMeetings response
  std::size_t in_window = 0;          // of those, dated from `from` to `to`
  std::size_t fetched = 0;            // GetMeeting responses fetched by this run
  std::size_t already_stored = 0;     // GetMeeting responses kept from earlier runs
  std::size_t rows = 0;               // rows written to meetings.csv
  bool merged = false;  // meetings.csv was there, and this run's meetings were merged into it
  // Of those, merged by meeting id with the meetings.csv an earlier run wrote (docs/inputs.md):
  std::size_t kept = 0;       // meetings there and not in this run's responses, kept as they were
  std::size_t added = 0;      // meetings of this run not there before
  std::size_t updated = 0;    // meetings in both, changed: this run's response wins
  std::size_t unchanged = 0;  // meetings in both, the same
  std::size_t redirected = 0;         // responses of this run reached through a redirect (each recorded)
  std::string log_path;               // DIR/meetings.csv, once written
};

moderngov_result fetch_moderngov(const moderngov_request& request);

std::string getmeetings_file_name(const std::string& committee, date from, date to);
std::string getmeeting_file_name(const std::string& meeting_id);

// Whether a meeting id can name a file: 1 to 20 digits, as ModernGov's are.
bool plain_meeting_id(std::string_view id);

}  // namespace remit::fetch
