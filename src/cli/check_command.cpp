// remit check RULES... --log LOG... [--from F] [--to T] [--format FORMAT[=FILE]]... [-o FILE]
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>

#include <unistd.h>

#include <fmt/format.h>

#include "cli/audit_options.hpp"
#include "cli/clock.hpp"
#include "cli/commands.hpp"
#include "cli/usage.hpp"
#include "cli/outputs.hpp"
#include "core/parallel.hpp"
#include "core/progress.hpp"
#include "report/reporter.hpp"
#include "session/audit_session.hpp"

namespace remit::cli {

namespace {

struct check_options {
  std::vector<std::string> rules;
  std::vector<std::string> logs;
  std::string from;
  std::string to;
  std::vector<std::string> formats;  // FORMAT or FORMAT=FILE (cli/outputs.hpp); none: text
  std::string output;
  std::string color = "auto";
  std::string engine = "auto";
  bool accept_partial = false;
};

bool use_colour(const check_options& o) {
  if (o.color == "always") return true;
  if (o.color == "never" || !o.output.empty()) return false;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return (!no_color || !*no_color) && isatty(STDOUT_FILENO) && !(term && std::string_view(term) == "dumb");
}

constexpr command_words check_words{"audited", "audit the rows that were read"};

// While a check reads and judges, a person at a terminal sees how far it has got: a line on
// stderr, after a second, of the rows read and bodies judged. What the session says meanwhile is
// held back and said once the line is wiped, so that the two never share a line. Off a terminal
// (a script, a test, a pipe) nothing is drawn and nothing held: stderr is as it always was.
class watched_run {
 public:
  watched_run() {
    const char* term = std::getenv("TERM");
    if (!isatty(STDERR_FILENO) || (term && std::string_view(term) == "dumb")) return;
    line_.emplace(
        std::cerr,
        [] {
          // The bodies once judging has begun: streamed, they are judged as the rows come and
          // counted at the end.
          const std::uint64_t bodies = progress().bodies_judged.load(std::memory_order_relaxed);
          return fmt::format("remit check: {} rows read{}", grouped(progress().rows_read.load(std::memory_order_relaxed)),
                             bodies ? fmt::format(", {} bodies judged", grouped(bodies)) : std::string{});
        },
        std::chrono::seconds(1), std::chrono::milliseconds(250));
  }
  watched_run(const watched_run&) = delete;
  watched_run& operator=(const watched_run&) = delete;
  ~watched_run() { done(); }
  // Where to say things while the line may be drawn.
  std::ostream& err() { return line_ ? held_ : std::cerr; }
  // The line wiped, and what was held said.
  void done() {
    if (!line_) return;
    line_.reset();
    std::cerr << held_.str() << std::flush;
    held_.str({});
  }

 private:
  std::optional<progress_line> line_;
  std::ostringstream held_;
};

int run_check(const check_options& o) {
  std::string problem;
  const std::vector<output_target> targets = plan_outputs(o.formats, o.output, "text", problem);
  if (targets.empty()) {
    say_usage_error("remit check", problem);
    return exit_bad_input;
  }
  for (const output_target& t : targets)
    if (const reporter_entry* r = find_reporter(t.format); r && r->binary && t.path.empty()) {
      say_usage_error("remit check", fmt::format("--format {0} writes a workbook, which is not text: give it a file, as "
                                                 "in --format {0}=audit.xlsx",
                                                 t.format));
      return exit_bad_input;
    }
  if (const std::string clash = outputs_clash(targets, run_inputs(o.rules, o.logs)); !clash.empty()) {
    std::cerr << "remit: error: " << clash << '\n';
    return exit_bad_input;
  }
  // "Today" is read once, here. With --from given the window is known before the logs are read,
  // and they can be audited as they are read, unless the HTML report is to draw every event.
  const std::string to = o.to.empty() ? to_iso(today()) : o.to;
  // A window that runs past today: a confirmed meeting after today has not happened, and the
  // report says first that what it says of those days is a forecast.
  std::optional<date> runs_past;
  if (const auto end = parse_iso_date(to); end && *end > today()) runs_past = today();
  const bool html = std::any_of(targets.begin(), targets.end(), [](const output_target& t) { return t.format == "html"; });
  const engine_choice engine = engine_option(o.engine).value_or(engine_choice::automatic);
  if (engine == engine_choice::stream && (o.from.empty() || html)) {
    say_usage_error("remit check", o.from.empty() ? "--engine stream needs --from: the window must be known before the "
                                                    "logs are read"
                                                  : "--engine stream cannot make the HTML report, whose timelines draw "
                                                    "every event: use --engine batch (or auto)");
    return exit_bad_input;
  }
  std::optional<audit_window> known;
  if (!o.from.empty() && !html) {
    std::ostringstream unused;  // said again below, in order, if the window is wrong
    known = resolve_window(o.from, to, event_log{}, unused);
  }
  // The logs are digested only for a report that shows their digests: hashing is a second pass over
  // every byte, and --format findings alone (a national sweep) needs none.
  const bool manifest = std::any_of(targets.begin(), targets.end(),
                                    [](const output_target& t) { return find_reporter(t.format)->shows_manifest; });
  watched_run watched;
  auto session = audit_session::read({.rules = o.rules,
                                      .logs = o.logs,
                                      .accept_partial = o.accept_partial,
                                      .stream_window = known,
                                      .engine = engine,
                                      .digests = manifest ? file_digests::taken : file_digests::skipped,
                                      .runs_past_today = runs_past},
                                     check_words, watched.err());
  if (!session) return exit_bad_input;
  const auto window = known ? known : resolve_window(o.from, to, session->log(), watched.err());
  if (!window) return exit_bad_input;
  const std::optional<audit_report> audited = session->audit(*window, html, core_count());
  watched.done();
  if (!audited) return exit_bad_input;
  const audit_report& report = *audited;
  // A page of hundreds of bodies' timelines is slow to open and to print, and no one reads it
  // through: a sweep writes a page per council instead. Said, not refused: the report is written.
  constexpr std::size_t html_bodies_warned = 300;
  if (html && report.bodies.size() > html_bodies_warned)
    std::cerr << fmt::format("remit: warning: the HTML report will hold {} bodies, more than {}: a page that large is "
                             "slow to open and to print; 'remit sweep --out DIR' writes a page for each council\n",
                             grouped(report.bodies.size()), html_bodies_warned);

  const auto render = [&](const output_target& t, std::ostream& out) {
    find_reporter(t.format)->make(report_options{t.path.empty() && use_colour(o)})->write(report, out);
  };
  if (const std::string problem = write_outputs(targets, render, std::cout); !problem.empty()) {
    std::cerr << "remit: error: " << problem << '\n';
    return exit_bad_input;
  }
  return report.any_breach() ? exit_breach : exit_clean;
}

}  // namespace

void add_check_command(CLI::App& app, int& status) {
  auto options = std::make_shared<check_options>();
  CLI::App* check = app.add_subcommand("check", "Audit meeting logs against rule files and report every breach.");
  check->footer(
      "Examples:\n"
      "  remit check rules/rutland.remit --from 2024-04-01 --to 2026-03-31 \\\n"
      "    --log corpora/rutland/meetings.csv --log corpora/rutland/attendance.csv \\\n"
      "    --log corpora/rutland/membership.csv --log corpora/rutland/training.jsonl\n"
      "  remit check council.remit --log 2024.csv --log 2025.csv --format json -o audit.json\n"
      "  remit check council.remit --log meetings.csv --format text --format html=audit.html --format json=audit.json\n\n"
      "The window is inclusive; evaluation is as of --to, and events after it are ignored.\n"
      "Exit status: 0 no breach, 1 at least one breach, 2 bad usage, rules or logs.\n"
      "See docs/guide.md for a walk-through and docs/language.md for the rule language.");
  check->add_option("rules", options->rules, "Rule files (*.remit) to check against (docs/language.md)")
      ->required()
      ->type_name("RULES");
  check->add_option("--log", options->logs,
                    "A meeting log: CSV, JSON Lines, or ModernGov GetMeetings/GetMeeting XML, or a file of attendance, "
                    "membership or training (docs/inputs.md); repeat --log for several, their events are merged")
      ->required()
      ->type_name("LOG");
  check->add_option("--from", options->from,
                    "First day of the audit window, yyyy-mm-dd (default: the earliest event). Given, a log in "
                    "date order can be audited as it is read, in less memory (--engine)")
      ->check(iso_date())
      ->type_name("DATE");
  check->add_option("--to", options->to, "Last day of the audit window, yyyy-mm-dd (default: today)")
      ->check(iso_date())
      ->type_name("DATE");
  std::vector<std::string> formats;
  std::string format_help = "Report format:";
  for (const reporter_entry& r : reporters()) {
    formats.emplace_back(r.name);
    format_help += fmt::format("\n  {}: {}", r.name, r.description);
  }
  format_help +=
      "\nRepeat --format for several reports from one run: NAME goes to stdout (at most one), NAME=FILE to FILE, "
      "written whole or not at all (default: text to stdout)";
  check->add_option("--format", options->formats, format_help)
      ->check(format_names(formats))
      ->allow_extra_args(false)
      ->type_name("FORMAT[=FILE]");
  check->add_option("-o,--output", options->output,
                    "Write the report that would go to stdout to FILE instead (whole or not at all)")
      ->type_name("FILE");
  check->add_option("--engine", options->engine,
                    "How the logs are audited:\n"
                    "  batch: read whole into memory, then judged; any log, any statement\n"
                    "  stream: judged row by row as they are read, keeping only each body's state; needs --from, "
                    "no people statements, and each body's rows in date order (else an error "
                    "naming the first row out of order)\n"
                    "  auto: stream when --from is given, no HTML report is asked for, every statement is one stream "
                    "judges and every log is a regular file; else batch. Decided before reading: a regular file "
                    "found out of date order is read again for batch; standard input or a pipe is never read "
                    "twice\n"
                    "The report is the same either way; its manifest names the engine (docs/inputs.md, \"Large logs\")")
      ->check(one_of({"auto", "batch", "stream"}))
      ->capture_default_str()
      ->type_name("ENGINE");
  check->add_flag("--accept-partial", options->accept_partial,
                  "Audit the rows that were read even if some were rejected (they are still listed)");
  check->add_option("--color", options->color, "Colour the text report: auto (a terminal, unless NO_COLOR is set), always, never")
      ->check(one_of({"auto", "always", "never"}))
      ->capture_default_str()
      ->type_name("WHEN");
  check->callback([options, &status] { status = run_check(*options); });
}

}  // namespace remit::cli
