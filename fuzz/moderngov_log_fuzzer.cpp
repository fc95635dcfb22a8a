// Fuzz target: any bytes as ModernGov web-service responses, read, joined and then audited by a
// rule of each family. A line "<!--next response-->" splits the input into two files, so that
// a GetMeetings listing and a GetMeeting response of the same meeting are joined as they are
// when both are given with --log.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "audit_log.hpp"
#include "inputs/moderngov.hpp"
#include "inputs/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view next = "<!--next response-->";
  remit::event_log log;
  remit::diagnostics diags;
  for (int file = 0; file < 2 && !text.empty(); ++file) {
    const std::size_t at = text.find(next);
    const std::string_view response = text.substr(0, at);
    text = at == std::string_view::npos ? std::string_view{} : text.substr(at + next.size());
    log.files.push_back({file == 0 ? "fuzz-1.xml" : "fuzz-2.xml", "moderngov", 0, 0, {}});
    remit::moderngov_log_reader.read(response, log, log.files.back(), diags);
  }
  remit::moderngov::join_records(log, diags);
  remit::fuzz::audit_log(log, diags);
  return 0;
}
