#include "report/manifest.hpp"

#include <ostream>

#include <fmt/format.h>

#include "calendar/calendar.hpp"
#include "core/digest.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"

namespace remit {

audit_manifest make_manifest(const std::vector<ast::rule_file>& files, const std::vector<log_file_summary>& logs,
                             bool accept_partial) {
  audit_manifest m;
  m.remit_version = REMIT_VERSION;
  // The rule file's text is kept verbatim as read, so its digest is that of the file.
  for (const ast::rule_file& f : files) m.rule_files.push_back({f.path, sha256_hex(f.text)});
  for (const log_file_summary& l : logs) m.logs.push_back({l.path, l.sha256});
  m.bank_holidays_sha256 = bank_holiday_data().sha256;
  m.bank_holidays_last_year = bank_holiday_data().last_year;
  m.accept_partial = accept_partial;
  for (const limit_info& l : limits())
    if (!limit_is_default(l.which)) m.limits.emplace_back(l.name, limit_value(l.which));
  return m;
}

std::string bank_holidays_words(const audit_manifest& m) {
  return fmt::format("gov.uk bank holidays to {}, sha256 {}", m.bank_holidays_last_year, m.bank_holidays_sha256);
}

void write_manifest_text(const audit_manifest& m, const audit_window& window, std::ostream& out) {
  if (m.remit_version.empty()) return;
  out << fmt::format("manifest: remit {}, window {} to {}{}{}{}; {}\n", m.remit_version, window.from, window.to,
                     m.today ? fmt::format(", today taken as {}", *m.today) : std::string{},
                     m.accept_partial ? ", rejected rows accepted" : "",
                     m.engine.empty() ? std::string{} : fmt::format(", {} engine", m.engine), bank_holidays_words(m));
  if (!m.limits.empty()) {
    out << "limits set:";
    for (const auto& [limit, value] : m.limits) out << fmt::format(" {}={}", limit, value);
    out << '\n';
  }
  // A path with a control character in it is shown escaped (core/text.hpp), as every text output does.
  for (const auto& f : m.rule_files) out << fmt::format("{}  {}\n", f.sha256, escape_controls(f.path));
  for (const auto& f : m.logs) out << fmt::format("{}  {}\n", f.sha256, escape_controls(f.path));
}

}  // namespace remit
