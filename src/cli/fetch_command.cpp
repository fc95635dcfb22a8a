// remit fetch moderngov BASE_URL --committee ID --from F --to T --out DIR
#include <chrono>
#include <filesystem>
#include <iostream>
#include <tuple>

#include <unistd.h>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/usage.hpp"
#include "core/text.hpp"
#include "fetch/moderngov_fetch.hpp"

namespace remit::cli {

namespace {

struct fetch_options {
  std::string base_url;
  std::string committee;
  std::string from;
  std::string to;
  std::string dir;
  bool refresh = false;
  bool accept_partial = false;
  bool allow_other_hosts = false;
  double pause_seconds = 1.0;
  double timeout_seconds = 30.0;
  int attempts = 3;
};

std::chrono::milliseconds millis(double seconds) {
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0 + 0.5));
}

int run_fetch(const fetch_options& o) {
  fetch::moderngov_request request;
  request.base_url = o.base_url;
  request.committee = o.committee;
  request.dir = o.dir;
  request.refresh = o.refresh;
  request.accept_partial = o.accept_partial;
  request.allow_redirect_to_other_hosts = o.allow_other_hosts;
  for (const auto& [text, option, out] : {std::tuple{&o.from, "--from", &request.from}, std::tuple{&o.to, "--to", &request.to}}) {
    const auto d = parse_iso_date(*text);
    if (!d) {
      std::cerr << fmt::format("remit: error: {}: {}\n", option, explain_bad_iso_date(*text));
      return exit_bad_input;
    }
    *out = *d;
  }
  request.timings.pause = millis(o.pause_seconds);
  request.timings.read_timeout = millis(o.timeout_seconds);
  request.timings.response_timeout = millis(o.timeout_seconds);
  request.timings.connect_timeout = std::min(request.timings.read_timeout, std::chrono::milliseconds(10'000));
  request.timings.attempts = o.attempts;
  // Progress is for a person watching; a script's stderr gets only what went wrong.
  const bool terminal = isatty(STDERR_FILENO);
  if (terminal) request.progress = [](const std::string& line) { std::cerr << "\r\033[K" << line << std::flush; };

  const fetch::moderngov_result r = fetch::fetch_moderngov(request);
  if (terminal) std::cerr << "\r\033[K" << std::flush;
  // Messages quote what the server sent: its control characters are shown escaped.
  for (const std::string& m : r.messages) std::cerr << escape_controls(m) << '\n';
  if (!r.error.empty()) {
    std::cerr << "remit: error: " << escape_controls(r.error) << '\n';
    if (r.fetched > 0)
      std::cerr << fmt::format("remit: {} fetched before that {} kept; run the same command again to fetch the rest\n",
                               r.fetched == 1 ? std::string("the meeting") : fmt::format("the {} meetings", r.fetched),
                               r.fetched == 1 ? "is" : "are");
    return exit_bad_input;
  }
  std::cout << fmt::format("{} listed, {} from {} to {}: {} fetched, {} already stored\n",
                           counted(static_cast<long>(r.listed), "meeting", "meetings"), r.in_window, request.from,
                           request.to, r.fetched, r.already_stored);
  if (r.redirected > 0)
    std::cout << fmt::format("{} reached through a redirect: recorded in {}\n",
                             counted(static_cast<long>(r.redirected), "response was", "responses were"),
                             (std::filesystem::path(o.dir) / "redirects").string());
  // A second fetch into the same folder merges, never shrinks: what became of the meetings there.
  if (r.merged)
    std::cout << fmt::format("kept {} already in {}, added {}, updated {} ({} unchanged)\n",
                             counted(static_cast<long>(r.kept), "meeting", "meetings"), r.log_path, r.added, r.updated,
                             r.unchanged);
  std::cout << fmt::format("wrote {} ({})\n", r.log_path, counted(static_cast<long>(r.rows), "row", "rows"));
  return exit_clean;
}

}  // namespace

void add_fetch_command(CLI::App& app, int& status) {
  CLI::App* fetch = app.add_subcommand("fetch", "Fetch meeting records from a council's committee system.");
  fetch->require_subcommand(1);
  fetch->footer("Run 'remit fetch moderngov --help' for the ModernGov web service.");

  auto options = std::make_shared<fetch_options>();
  CLI::App* moderngov = fetch->add_subcommand(
      "moderngov", "Fetch a committee's meetings from a ModernGov web service (mgWebService.asmx) into a folder.");
  moderngov->footer(
      "Examples:\n"
      "  remit fetch moderngov https://democracy.example.gov.uk --committee 178 --from 2025-04-01 --to 2026-03-31 --out cpb\n"
      "  remit fetch moderngov https://democracy.example.gov.uk/mgWebService.asmx --committee 178 \\\n"
      "      --from 2025-04-01 --to 2026-03-31 --out cpb --refresh\n"
      "  remit check rules/board.remit --log cpb/meetings.csv --from 2025-04-01 --to 2026-03-31\n\n"
      "Calls GetMeetings for the committee, then GetMeeting for each meeting dated from --from to --to.\n"
      "Every response is kept under DIR/raw as evidence, and DIR/meetings.csv is the canonical log of the\n"
      "window's meetings, merged by meeting id with the meetings an earlier run wrote there: a meeting only\n"
      "there is kept, and one in both is taken from this run's response. Run it again to fetch only what is\n"
      "new. A file in DIR that remit would replace but did not write stops the fetch, untouched.\n"
      "Each file is written whole or not at all:\n"
      "after a fault, what was fetched before it is kept and the last meetings.csv is left as it was.\n"
      "Nothing is written outside DIR. A redirect is followed only on the same host (at most 5), unless\n"
      "--allow-redirect-to-other-hosts is given, and each one is recorded in DIR/redirects/. A server's\n"
      "Retry-After is waited up to 60 seconds; a longer one ends the fetch.\n"
      "Keep one DIR per committee. See docs/inputs.md, \"Fetching from ModernGov\".\n"
      "Exit status: 0 fetched, 2 bad usage, a network fault or a bad response.");
  moderngov->add_option("base_url", options->base_url,
                        "The folder that holds mgWebService.asmx (as in the council's lgsf base_url), or its full address")
      ->required()
      ->type_name("BASE_URL");
  moderngov->add_option("--committee", options->committee, "The committee's ModernGov id (CId in its page's address)")
      ->required()
      ->type_name("ID");
  moderngov->add_option("--from", options->from, "First meeting date to fetch, yyyy-mm-dd")
      ->required()
      ->check(iso_date())
      ->type_name("DATE");
  moderngov->add_option("--to", options->to, "Last meeting date to fetch, yyyy-mm-dd")
      ->required()
      ->check(iso_date())
      ->type_name("DATE");
  moderngov->add_option("--out", options->dir, "The folder to keep the responses and meetings.csv in (created if need be)")
      ->required()
      ->type_name("DIR");
  moderngov->add_flag("--refresh", options->refresh,
                      "Fetch again the stored meetings that are only confirmed (no minutes yet): they may have changed");
  moderngov->add_flag("--accept-partial", options->accept_partial,
                      "Write meetings.csv even if some meetings were rejected (they are still listed)");
  moderngov->add_flag("--allow-redirect-to-other-hosts", options->allow_other_hosts,
                      "Follow a redirect to a host other than BASE_URL's (refused without it); each is recorded in "
                      "DIR/redirects/");
  moderngov->add_option("--pause", options->pause_seconds, "Seconds between two requests, to spare the council's server, 0 to 60")
      ->check(seconds("--pause", 0.0, 60.0))
      ->capture_default_str()
      ->type_name("SECONDS");
  moderngov->add_option("--timeout", options->timeout_seconds,
                        "Seconds a whole response may take, from the request to its last byte (redirects included), "
                        "before it is given up on, 1 to 600")
      ->check(seconds("--timeout", 1.0, 600.0))
      ->capture_default_str()
      ->type_name("SECONDS");
  moderngov->add_option("--attempts", options->attempts,
                        "Attempts per request when the fault may pass (5xx, timeouts, resets), with a doubling pause, 1 to 10")
      ->check(whole_number("--attempts", 1, 10))
      ->capture_default_str()
      ->type_name("N");
  moderngov->callback([options, &status] { status = run_fetch(*options); });
}

}  // namespace remit::cli
