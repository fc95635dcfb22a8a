// A report's manifest read back (the manifest written is report/manifest.hpp): what `remit verify`
// runs again. A report is an input like any other: one that gives a key twice, or a manifest no
// run of remit could have written, is refused with the reason.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "core/limits.hpp"
#include "evaluate/findings.hpp"

namespace remit {

// A file the manifest names, with the digest it had when the report was made.
struct named_file {
  std::string path;
  std::string sha256;
  bool rule_file = false;
};

// The manifest as the report gives it, or why it is not one remit wrote.
struct recorded_manifest {
  std::string remit_version;
  audit_window window{};
  std::vector<named_file> files;
  std::string bank_holidays_sha256;
  bool accept_partial = false;
  std::vector<std::pair<const limit_info*, std::uint64_t>> limits;  // as the audit set them
  std::optional<date> today;  // when the window ran past the day the report was made
};

// The report as JSON, or why not ("" when it is): a key given twice in one object is refused.
std::string parse_report(const std::string& text, nlohmann::ordered_json& out);

// The report's manifest, or why it is not one remit wrote ("" when it is).
std::string read_manifest(const nlohmann::ordered_json& report, recorded_manifest& out);

}  // namespace remit
