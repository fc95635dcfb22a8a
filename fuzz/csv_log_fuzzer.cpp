// Fuzz target: any bytes as a CSV meeting log, read and then audited by a rule of each family;
// read again from a file a few bytes at a time, which must give the same records; and audited
// as it is read (the streamed audit), which must give the batch audit's report.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <sstream>

#include "audit_log.hpp"
#include "evaluate/streamed_audit.hpp"
#include "inputs/csv_records.hpp"
#include "inputs/reader.hpp"
#include "report/reporter.hpp"

namespace {

// A file read a few bytes at a time must give exactly the records of the same text in memory:
// records that run over the end of the buffer are where a streaming reader goes wrong.
void same_records_streamed(std::string_view text) {
  std::FILE* file = fmemopen(const_cast<char*>(text.data()), text.size(), "rb");
  if (!file) return;
  const std::size_t chunk = 1 + text.size() % 7;
  remit::csv_records whole(text), streamed(file, chunk);
  remit::csv_records::record a, b;
  while (true) {
    const bool more = whole.next(a);
    if (more != streamed.next(b)) std::abort();
    if (!more) break;
    if (a.line != b.line || a.fields != b.fields || a.problem != b.problem) std::abort();
  }
  std::fclose(file);
}

// The streamed audit must give the batch audit's report, or hand the log back (a body's rows out
// of date order): the rules it can judge, over the window audit_log uses.
void same_report_streamed(std::string_view text) {
  static const std::vector<remit::ast::rule_file> files =
      remit::fuzz::rules_of("calendar none\n"
                            "body * {\n"
                            "  1 meets every 2 months with 3 days grace\n"
                            "  2 meets at least 2 times a quarter\n"
                            "  3 agenda published at least 5 clear working days before each meeting\n"
                            "  4 meets monthly, informal meetings count\n"
                            "}\n");
  const auto rendered = [](const remit::audit_report& report, const remit::diagnostics& diags) {
    std::ostringstream out;
    remit::make_json_reporter({})->write(report, out);
    diags.render(out);
    return out.str();
  };
  remit::event_log log;
  remit::diagnostics read;
  log.files.push_back({"fuzz.csv", "csv", 0, 0, {}});
  remit::csv_log_reader.read(text, log, log.files.back(), read);
  if (!read.empty() || log.events.empty()) return;
  remit::date first = log.events.front().day, last = first;
  for (const auto& e : log.events) first = std::min(first, e.day), last = std::max(last, e.day);
  if (remit::days_between(first, last) > 3660) last = first.plus_days(3660);
  const remit::audit_window window{first, last};
  remit::note_confirmed_events(log, last);
  remit::diagnostics batch_diags;
  const std::string batch = rendered(remit::run_audit(files, log, window, batch_diags, false), batch_diags);

  remit::event_log streamed_log;
  remit::streamed_audit audit(files, window);
  streamed_log.sink = &audit;
  streamed_log.files.push_back({"fuzz.csv", "csv", 0, 0, {}});
  audit.read_and_judge([&] { remit::csv_log_reader.read(text, streamed_log, streamed_log.files.back(), read); });
  streamed_log.sink = nullptr;
  if (!audit.complete(streamed_log)) return;
  remit::diagnostics streamed_diags;
  if (rendered(audit.finish(streamed_log, streamed_diags), streamed_diags) != batch) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (size > 0) same_records_streamed(text);
  remit::event_log log;
  remit::diagnostics diags;
  log.files.push_back({"fuzz.csv", "csv", 0, 0, {}});
  remit::csv_log_reader.read(text, log, log.files.back(), diags);
  remit::fuzz::audit_log(log, diags);
  if (size > 0) same_report_streamed(text);
  return 0;
}
