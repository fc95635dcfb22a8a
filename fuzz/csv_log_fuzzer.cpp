// Fuzz target: any bytes as a CSV meeting log, read and then audited by a rule of each family;
// and read again from a file a few bytes at a time, which must give the same records.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "audit_log.hpp"
#include "inputs/csv_records.hpp"
#include "inputs/reader.hpp"

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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (size > 0) same_records_streamed(text);
  remit::event_log log;
  remit::diagnostics diags;
  log.files.push_back({"fuzz.csv", "csv", 0, 0, {}});
  remit::csv_log_reader.read(text, log, log.files.back(), diags);
  remit::fuzz::audit_log(log, diags);
  return 0;
}
