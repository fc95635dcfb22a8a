// remit import LOG... [-o FILE] [--accept-partial]: any log remit reads, as the canonical CSV.
#include <iostream>

#include <vector>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/outputs.hpp"
#include "core/output_file.hpp"
#include "core/text.hpp"
#include "inputs/csv_writer.hpp"
#include "inputs/reader.hpp"

namespace remit::cli {

namespace {

struct import_options {
  std::vector<std::string> logs;
  std::string output;
  bool accept_partial = false;
};

int run_import(const import_options& o) {
  if (!o.output.empty())
    if (const std::string clash = outputs_clash({o.output}, run_inputs({}, o.logs)); !clash.empty()) {
      std::cerr << "remit: error: " << clash << '\n';
      return exit_bad_input;
    }
  diagnostics diags;
  event_log log;
  read_log_files(o.logs, log, diags);
  if (!diags.empty()) {
    diags.render(std::cerr);
    std::cerr << fmt::format("remit: {} found; nothing was imported\n",
                             diags.size() == 1 ? std::string("1 error") : fmt::format("{} errors", diags.size()));
    return exit_bad_input;
  }
  for (const auto& f : log.files) {
    const std::string path = escape_controls(f.path);
    for (const auto& r : f.rejected) std::cerr << fmt::format("{}:{}: {}\n", path, r.line, escape_controls(r.reason));
    if (f.rows_rejected > f.rejected.size())
      std::cerr << fmt::format("{}: {} more rejected, not listed (the first {} are)\n", path,
                               f.rows_rejected - f.rejected.size(), f.rejected.size());
    for (const auto& n : f.notes)
      std::cerr << (n.line ? fmt::format("{}:{}: note: {}\n", path, n.line, escape_controls(n.text))
                           : fmt::format("{}: note: {}\n", path, escape_controls(n.text)));
  }
  // Membership and training are not events: the canonical log has no column for them. Say so,
  // rather than leave them out without a word.
  std::vector<std::size_t> people(log.files.size(), 0);
  for (const membership& m : log.memberships) ++people[m.source];
  for (const training_record& t : log.trainings) ++people[t.source];
  for (std::size_t i = 0; i < people.size(); ++i)
    if (people[i] > 0)
      std::cerr << fmt::format("{}: note: {} of membership or training not written: they are not events; pass the file "
                               "itself to --log\n",
                               log.files[i].path, people[i] == 1 ? std::string("1 row") : fmt::format("{} rows", people[i]));
  if (const std::size_t rejected = log.rows_rejected(); rejected > 0 && !o.accept_partial) {
    std::cerr << fmt::format("remit: {} rejected; fix them, or pass --accept-partial to import the rows that were read\n",
                             rejected == 1 ? std::string("1 log row was") : fmt::format("{} log rows were", rejected));
    return exit_bad_input;
  }
  const std::string csv = canonical_csv(log);
  if (o.output.empty()) {
    std::cout << csv;
    std::cout.flush();
    return exit_clean;
  }
  if (const std::string problem = write_file_atomically(o.output, csv); !problem.empty()) {
    std::cerr << "remit: error: " << problem << '\n';
    return exit_bad_input;
  }
  return exit_clean;
}

}  // namespace

void add_import_command(CLI::App& app, int& status) {
  auto options = std::make_shared<import_options>();
  CLI::App* import = app.add_subcommand("import", "Convert meeting logs of any format remit reads into its canonical CSV.");
  import->footer(
      "Examples:\n"
      "  remit import GetMeetings.xml GetMeeting-4967.xml -o meetings.csv\n"
      "  remit import meetings.jsonl > meetings.csv\n\n"
      "Logs may be CSV, JSON Lines, or ModernGov GetMeetings and GetMeeting responses; give a committee's\n"
      "GetMeetings response with its GetMeeting responses, and each meeting becomes one row with the\n"
      "committee's name. The CSV has every column of docs/inputs.md, attendees included, and reads back\n"
      "as the same events. Rows are grouped by body, then in date order.\n"
      "Exit status: 0 imported, 2 bad usage or logs (nothing written).");
  import->add_option("logs", options->logs, "Meeting logs to convert (docs/inputs.md); their events are merged")
      ->required()
      ->type_name("LOG");
  import->add_option("-o,--output", options->output, "Write the CSV to FILE (whole or not at all) instead of stdout")
      ->type_name("FILE");
  import->add_flag("--accept-partial", options->accept_partial,
                   "Write the rows that were read even if some were rejected (they are still listed)");
  import->callback([options, &status] { status = run_import(*options); });
}

}  // namespace remit::cli
