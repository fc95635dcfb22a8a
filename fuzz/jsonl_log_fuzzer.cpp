// Fuzz target: any bytes as a JSON Lines meeting log, read and then audited by a rule of each
// family.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "audit_log.hpp"
#include "inputs/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  remit::event_log log;
  remit::diagnostics diags;
  log.files.push_back({"fuzz.jsonl", "jsonl", 0, 0, {}});
  remit::jsonl_log_reader.read(text, log, log.files.back(), diags);
  remit::fuzz::audit_log(log, diags);
  return 0;
}
