// Input formats. Each reader turns one file's bytes into events; a new format is one
// new file plus one line in inputs/registry.cpp.
#pragma once

#include <cstdint>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "inputs/event_log.hpp"

namespace remit {

class scanned_file;

struct log_reader {
  std::string_view name;
  // Whether this reader claims a file, from its name and first bytes.
  bool (*claims)(std::string_view path, std::string_view content);
  // Appends the file's events to the log and fills its summary. Problems with the file
  // as a whole (no header, a missing column) go to `diags`; bad rows to summary.rejected.
  void (*read)(std::string_view content, event_log& log, log_file_summary& summary, diagnostics& diags);
  // The same from an open file, read a bounded chunk at a time, for formats that can: a log of
  // millions of rows is then never held in memory whole. Null: the file is read whole for `read`.
  void (*read_file)(scanned_file& file, event_log& log, log_file_summary& summary, diagnostics& diags) = nullptr;
  // The same from a regular file of `size` bytes, read in parts side by side on several cores,
  // for events read into the log and no digest. False, the log as it was, when it cannot be (the
  // file is then read with read_file). Null: never.
  bool (*read_in_parts)(const std::string& path, std::uint64_t size, event_log& log, log_file_summary& summary,
                        diagnostics& diags) = nullptr;
};

// A file this large or larger is read in parts side by side, when its reader can (log_reader::
// read_in_parts): below it, starting a thread costs more than it saves. Tests lower it.
inline std::uint64_t read_in_parts_from = std::uint64_t{32} << 20;

std::span<const log_reader> log_readers();

// Whether each file's SHA-256 is taken as it is read (log_file_summary::sha256), for the
// manifest of a report. A command whose reports carry none skips it: on a large log it is a
// third of the work of reading.
enum class file_digests { taken, skipped };

// Reads one log file with the first reader that claims it.
void read_log_file(const std::string& path, event_log& log, diagnostics& diags,
                   file_digests digests = file_digests::taken);

// Reads every log file, then joins the records that several files hold of one meeting
// (moderngov::join_records). What a command should call: read_log_file alone leaves a
// GetMeeting response without its committee.
void read_log_files(const std::vector<std::string>& paths, event_log& log, diagnostics& diags,
                    file_digests digests = file_digests::taken);

// Readers, each in its own file.
extern const log_reader moderngov_log_reader;
extern const log_reader jsonl_log_reader;
extern const log_reader groups_csv_reader;  // a council's political groups
extern const log_reader people_csv_reader;  // attendance, membership, training
extern const log_reader csv_log_reader;

}  // namespace remit
