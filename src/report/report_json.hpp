// The parts that the JSON outputs of `remit check` and `remit due` share, written once so that
// both say them in the same words: the logs read, and the manifest.
#pragma once

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "evaluate/findings.hpp"

namespace remit {

nlohmann::ordered_json date_or_null(const std::optional<date>& d);

// Each log read: its format, rows read, used and rejected (each rejected row with its line and
// reason), and its notes when it has any.
nlohmann::ordered_json logs_json(const std::vector<log_file_summary>& logs);

// The clauses not checked, one object per clause and body audited (`body *` lists it under each
// body): council, body, clause, reason, file and line (docs/report.schema.json, "not_checked").
nlohmann::ordered_json not_checked_json(const audit_report& report);

// The manifest (report/manifest.hpp) as `remit verify` reads it back; `window` is the audit's, or
// for `remit due` the days looked at, from "as of" to the horizon's end.
nlohmann::ordered_json manifest_json(const audit_manifest& m, const audit_window& window);

}  // namespace remit
