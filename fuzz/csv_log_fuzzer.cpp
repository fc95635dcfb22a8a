// Fuzz target: any bytes as a CSV meeting log, read and then audited by a small rule file,
// so that whatever the reader accepts also goes through the evaluator; and read again from a
// file a few bytes at a time, which must give the same records.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "evaluate/evaluator.hpp"
#include "inputs/csv_records.hpp"
#include "inputs/reader.hpp"
#include "language/parser.hpp"

namespace {

const std::vector<remit::ast::rule_file>& rules() {
  static const std::vector<remit::ast::rule_file> files = [] {
    remit::diagnostics diags;
    std::vector<remit::ast::rule_file> out;
    out.push_back(*remit::parse_rule_file("fuzz.remit",
                                          "calendar none\n"
                                          "body * {\n"
                                          "  1 meets every 2 months with 3 days grace\n"
                                          "  2 meets at least 2 times a quarter\n"
                                          "  3 agenda published at least 5 clear working days before each meeting\n"
                                          "  4 each meeting has item matching \"plan|minutes\"\n"
                                          "  5 reports quarterly to \"Scrutiny\"\n"
                                          "  6 receives \"Annual\" by 2020-06-30\n"
                                          "  7 each meeting preceded by \"agenda\" within 14 days\n"
                                          "  8 meets jointly with \"young\" twice a year\n"
                                          "}\n",
                                          diags));
    return out;
  }();
  return files;
}

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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (size > 0) same_records_streamed(text);
  remit::event_log log;
  remit::diagnostics diags;
  log.files.push_back({"fuzz.csv", "csv", 0, 0, {}});
  remit::csv_log_reader.read(text, log, log.files.back(), diags);
  if (!diags.empty() || log.events.empty()) return 0;
  // A window around the events, as --from and --to would give, kept short enough to stay fast.
  remit::date first = log.events.front().day, last = first;
  for (const auto& e : log.events) first = std::min(first, e.day), last = std::max(last, e.day);
  if (remit::days_between(first, last) > 3660) last = first.plus_days(3660);
  remit::run_audit(rules(), log, {first, last}, diags);
  return 0;
}
