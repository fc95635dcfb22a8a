// Fuzz target: any bytes as the files of people (attendance, membership or training CSV) beside
// a small meeting log, read, joined to the meetings and audited by every people statement. The
// input is split at a line `--next file--`, so one input can hold several files of people.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "audit_log.hpp"
#include "core/date.hpp"
#include "evaluate/evaluator.hpp"
#include "inputs/reader.hpp"
#include "language/parser.hpp"

namespace {

const std::vector<remit::ast::rule_file>& people_rules() {
  static const std::vector<remit::ast::rule_file> files =
      remit::fuzz::rules_of("calendar none\n"
                            "body * {\n"
                            "  1 quorum 3 members\n"
                            "  2 chaired by \"Chair\" or \"Vice-Chair\"\n"
                            "  3 each meeting attended by \"Young Person\"\n"
                            "  4 has member \"Virtual Head Teacher\"\n"
                            "  5 has at most 10 members\n"
                            "  6 has at least 2 \"Councillor\" members\n"
                            "  7 each member attends at least 75% of meetings each quarter\n"
                            "  8 each member trained in \"Corporate Parenting\" within 6 months of joining\n"
                            "  9 role \"Vice-Chair\" rotates between partners annually\n"
                            "}\n");
  return files;
}

// Meetings for the people to join: a body with a meeting a month through 2025.
constexpr std::string_view meetings =
    "body,date\n"
    "Board,2025-01-15\nBoard,2025-02-15\nBoard,2025-03-15\nBoard,2025-04-15\nBoard,2025-05-15\n"
    "Board,2025-06-15\nBoard,2025-07-15\nBoard,2025-08-15\nBoard,2025-09-15\nBoard,2025-10-15\n"
    "Board,2025-11-15\nBoard,2025-12-15\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  remit::event_log log;
  remit::diagnostics diags;
  log.files.push_back({"meetings.csv", "csv", 0, 0, {}});
  remit::csv_log_reader.read(meetings, log, log.files.back(), diags);
  constexpr std::string_view next_file = "\n--next file--\n";
  while (true) {
    const std::size_t cut = text.find(next_file);
    const std::string_view file = text.substr(0, cut);
    log.files.push_back({"people.csv", "csv", 0, 0, {}});
    remit::people_csv_reader.read(file, log, log.files.back(), diags);
    if (cut == std::string_view::npos) break;
    text.remove_prefix(cut + next_file.size());
  }
  remit::join_attendance_rows(log);
  if (diags.empty()) run_audit(people_rules(), log, {*remit::parse_iso_date("2025-01-01"), *remit::parse_iso_date("2025-12-31")}, diags);
  return 0;
}
