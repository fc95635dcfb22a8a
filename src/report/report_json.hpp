// The parts that the JSON outputs of `remit check` and `remit due` share, written once so that
// both say them in the same words: the logs read, and the manifest.
#pragma once

#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "evaluate/findings.hpp"

namespace remit {

nlohmann::ordered_json date_or_null(const std::optional<date>& d);

// Writes a JSON document to a stream as it goes, byte for byte as nlohmann's dump(2) of the whole
// document would (invalid UTF-8 replaced), so that a report of millions of findings is never held
// whole: the structure is opened and closed here, and each value in it (a finding, a log) is
// dumped on its own, at its depth.
class json_writer {
 public:
  explicit json_writer(std::ostream& out) : out_(out) {}
  // Opens an object or an array: the document, the next element of the array open, or the member
  // `key` of the object open.
  void open_object(const char* key = nullptr) { open('{', '}', key); }
  void open_array(const char* key = nullptr) { open('[', ']', key); }
  // Closes what was opened last; the document, when it is closed, ends with a line end.
  void close();
  // A whole value, in the same places.
  void value(const nlohmann::ordered_json& v, const char* key = nullptr);

 private:
  void open(char opening, char closing, const char* key);
  void next(const char* key);  // what goes before a member or element: a comma, a line end, indent, key
  struct level {
    char closing;
    bool empty = true;
  };
  std::ostream& out_;
  std::vector<level> open_;
};

// One log read: its format, rows read, used and rejected (each rejected row with its line and
// reason), and its notes when it has any.
nlohmann::ordered_json log_json(const log_file_summary& log);

// Each log read, as log_json.
nlohmann::ordered_json logs_json(const std::vector<log_file_summary>& logs);

// The clauses not checked, one object per clause and body audited (`body *` lists it under each
// body): council, body, clause, reason, file and line (docs/report.schema.json, "not_checked").
nlohmann::ordered_json not_checked_json(const audit_report& report);

// The manifest (report/manifest.hpp) as `remit verify` reads it back; `window` is the audit's, or
// for `remit due` the days looked at, from "as of" to the horizon's end.
nlohmann::ordered_json manifest_json(const audit_manifest& m, const audit_window& window);

}  // namespace remit
