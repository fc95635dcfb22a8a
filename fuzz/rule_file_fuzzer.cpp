// Fuzz target: any bytes as a rule file. Parsing and checking may reject them, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/diagnostic.hpp"
#include "language/checker.hpp"
#include "language/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  remit::diagnostics diags;
  if (auto file = remit::parse_rule_file("fuzz.remit", text, diags)) remit::check_rule_file(*file, diags);
  (void)diags.sorted();
  return 0;
}
