// Which councils' rows an audit uses (docs/inputs.md, "Rows of other councils"). A row that names
// a council other than the rule files' is not evidence for them: it is left out, counted, and
// reported with its reason, so that a council spelt two ways is seen, not silently dropped.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace remit {

class event_log;
struct log_file_summary;

class admitted_councils {
 public:
  admitted_councils() = default;  // every council: some rule file names none
  // The councils as the rule files write them; none: every council.
  explicit admitted_councils(std::vector<std::string> names);

  bool every() const { return names_.empty(); }
  // A row's council cell, trimmed: a row that names none belongs to every council.
  bool admits(std::string_view council) const;
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
  std::vector<std::string> folded_;
};

// The rows of one file that named one other council, as they were read.
struct other_council_rows {
  std::size_t rows = 0;
  std::vector<std::uint32_t> lines;  // the first few
};

// Rows read and left out, per file and council, while the logs are read.
class left_out_tally {
 public:
  void add(std::uint16_t source, std::string_view council, std::uint32_t line);
  // Writes each file's `left_out` and `rows_left_out`, takes those rows from its `rows_used`,
  // and empties the tally.
  void settle(std::vector<log_file_summary>& files, const admitted_councils& councils);

 private:
  std::vector<std::map<std::string, other_council_rows, std::less<>>> by_file_;
};

// Removes from the log every row, of every kind, whose council the log's `councils` do not
// admit, into its `left_out` tally. Called once every file is read, before rows are joined.
void leave_out_other_councils(event_log& log);

// Why a council's name is not the rule file's, when it looks like it was meant to be: one edit
// away, the same when folded, or a look-alike letter of another script. Empty when it does not.
std::string near_miss(std::string_view council, std::string_view wanted);

}  // namespace remit
