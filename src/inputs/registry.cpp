#include <array>
#include <fmt/format.h>

#include "core/digest.hpp"
#include "core/limits.hpp"
#include "inputs/moderngov.hpp"
#include "inputs/reader.hpp"
#include "language/parser.hpp"

namespace remit {

std::span<const log_reader> log_readers() {
  // Most specific first: the CSV reader claims whatever no other reader does.
  static const std::array<log_reader, 4> readers{moderngov_log_reader, jsonl_log_reader, people_csv_reader,
                                                 csv_log_reader};
  return readers;
}

void read_log_file(const std::string& path, event_log& log, diagnostics& diags) {
  std::string why;
  const auto content = read_file(path, why);
  if (!content) {
    diags.error({path, 0, 0}, why);
    return;
  }
  if (log.files.size() >= UINT16_MAX) {
    diags.error({path, 0, 0}, fmt::format("too many log files: at most {} in one run", UINT16_MAX));
    return;
  }
  for (const log_reader& reader : log_readers()) {
    if (!reader.claims(path, *content)) continue;
    log.files.push_back({path, std::string(reader.name), 0, 0, {}});
    log.files.back().sha256 = sha256_hex(*content);
    // Row-per-line formats only: a ModernGov response may well be one long line.
    if (reader.name == "csv" || reader.name == "jsonl")
      if (const long_line l = first_line_over_limit(*content); l.line) {
        diags.error({path, l.line, 0}, fmt::format("the line is {} long ({})", limit_words(limit::line_length, l.length),
                                                   limit_advice(limit::line_length)));
        return;
      }
    reader.read(*content, log, log.files.back(), diags);
    return;
  }
  diags.error({path, 0, 0}, "not a log format remit reads");
}

void read_log_files(const std::vector<std::string>& paths, event_log& log, diagnostics& diags) {
  for (const std::string& path : paths) read_log_file(path, log, diags);
  moderngov::join_records(log, diags);
  join_attendance_rows(log);  // after the join: it may merge or drop events
}

}  // namespace remit
