#include "report/text_parts.hpp"

#include <ostream>

#include <fmt/format.h>

#include "core/text.hpp"

namespace remit {

void write_logs_text(const std::vector<log_file_summary>& logs, std::ostream& out) {
  for (const log_file_summary& f : logs) {
    out << fmt::format("log {}: {} read, {} used, {} rejected{}\n", f.path,
                       counted(static_cast<long>(f.rows_read), "row", "rows"), f.rows_used, f.rejected.size(),
                       f.notes.empty() ? std::string{} : ", " + counted(static_cast<long>(f.notes.size()), "note", "notes"));
    for (const rejected_row& r : f.rejected) out << fmt::format("  {}:{}: {}\n", f.path, r.line, r.reason);
    for (const log_note& n : f.notes)
      out << (n.line ? fmt::format("  {}:{}: note: {}\n", f.path, n.line, n.text)
                     : fmt::format("  {}: note: {}\n", f.path, n.text));
  }
}

}  // namespace remit
