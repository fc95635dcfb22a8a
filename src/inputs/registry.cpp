#include <array>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>
#include <sys/stat.h>

#include <fmt/format.h>

#include "core/digest.hpp"
#include "core/files.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"
#include "inputs/moderngov.hpp"
#include "inputs/reader.hpp"
#include "inputs/scanned_file.hpp"

namespace remit {

std::span<const log_reader> log_readers() {
  // Most specific first: the CSV reader claims whatever no other reader does.
  static const std::array<log_reader, 5> readers{moderngov_log_reader, jsonl_log_reader, groups_csv_reader,
                                                 people_csv_reader, csv_log_reader};
  return readers;
}

namespace {

// Reads a file with a reader that streams, when the reader that claims the file's first bytes
// can. Returns false to have the file read whole instead (it is not a regular file, cannot be
// opened, or its start is all white space, which a prefix cannot tell apart from nothing).
bool stream_log_file(const std::string& path, event_log& log, diagnostics& diags, file_digests digests) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!file) return false;
  std::string prefix(std::size_t{1} << 16, '\0');
  prefix.resize(std::fread(prefix.data(), 1, prefix.size(), file.get()));
  if (trim(prefix).empty()) return false;
  if (const std::string problem = text_encoding_problem(prefix); !problem.empty()) {
    diags.error({path, 0, 0}, problem);
    return true;
  }
  for (const log_reader& reader : log_readers()) {
    if (!reader.claims(path, prefix)) continue;
    if (!reader.read_file) return false;
    const std::uint64_t most = limit_value(limit::file_size);
    const std::uint64_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > most) {
      diags.error({path, 0, 0}, fmt::format("the file is {} ({})", limit_words(limit::file_size, size),
                                            limit_advice(limit::file_size)));
      return true;
    }
    if (reader.read_in_parts && !log.sink && digests == file_digests::skipped && !ec && size >= read_in_parts_from) {
      log.files.push_back({path, std::string(reader.name), 0, 0, {}});
      diagnostics found;
      if (reader.read_in_parts(path, size, log, log.files.back(), found)) {
        diags.add(found);
        return true;
      }
      log.files.pop_back();
    }
    std::rewind(file.get());
    scanned_file scanned(file.release(), digests == file_digests::taken);
    log.files.push_back({path, std::string(reader.name), 0, 0, {}});
    // The reader's own complaints wait: a line over the limit cut the file short, and is then
    // the only thing to say about it, as when the file is read whole.
    diagnostics found;
    reader.read_file(scanned, log, log.files.back(), found);
    log.files.back().sha256 = scanned.sha256();
    if (const long_line over = scanned.line_over_limit(); over.line) {
      diags.error({path, over.line, 0}, fmt::format("the line is {} long ({})", limit_words(limit::line_length, over.length),
                                                    limit_advice(limit::line_length)));
      return true;
    }
    diags.add(found);
    if (scanned.read_error()) diags.error({path, 0, 0}, "could not be read to the end (an input/output error)");
    return true;
  }
  return false;
}

}  // namespace

void read_log_file(const std::string& path, event_log& log, diagnostics& diags, file_digests digests) {
  if (log.files.size() < UINT16_MAX && stream_log_file(path, log, diags, digests)) return;
  std::string why;
  const auto content = read_file(path, why);
  if (!content) {
    diags.error({path, 0, 0}, why);
    return;
  }
  if (log.files.size() >= UINT16_MAX) {
    diags.error({path, 0, 0}, fmt::format("too many log files: at most {} in one run", UINT16_MAX));
    return;
  }
  if (const std::string problem = text_encoding_problem(*content); !problem.empty()) {
    diags.error({path, 0, 0}, problem);
    return;
  }
  for (const log_reader& reader : log_readers()) {
    if (!reader.claims(path, *content)) continue;
    log.files.push_back({path, std::string(reader.name), 0, 0, {}});
    if (digests == file_digests::taken) log.files.back().sha256 = sha256_hex(*content);
    // Row-per-line formats only: a ModernGov response may well be one long line.
    if (reader.name == "csv" || reader.name == "jsonl")
      if (const long_line l = first_line_over_limit(*content); l.line) {
        diags.error({path, l.line, 0}, fmt::format("the line is {} long ({})", limit_words(limit::line_length, l.length),
                                                   limit_advice(limit::line_length)));
        return;
      }
    reader.read(*content, log, log.files.back(), diags);
    return;
  }
  diags.error({path, 0, 0}, "not a log format remit reads");
}

namespace {

// Whether two files hold the same bytes: read side by side, stopping at the first difference.
bool same_bytes(const std::string& a, const std::string& b) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> fa(std::fopen(a.c_str(), "rb"), std::fclose),
      fb(std::fopen(b.c_str(), "rb"), std::fclose);
  if (!fa || !fb) return false;
  std::vector<char> x(std::size_t{1} << 16), y(x.size());
  for (;;) {
    const std::size_t na = std::fread(x.data(), 1, x.size(), fa.get()), nb = std::fread(y.data(), 1, y.size(), fb.get());
    if (na != nb || std::memcmp(x.data(), y.data(), na) != 0) return false;
    if (na < x.size()) return true;
  }
}

// A log given twice, as one file under two names or as two copies, would count every meeting
// twice: a breach of "meets at least 6 times a year" could become a pass. Said as an error,
// naming both, before anything is read.
bool logs_given_twice(const std::vector<std::string>& paths, diagnostics& diags) {
  struct seen {
    const std::string* path;
    struct stat st;
  };
  std::vector<seen> files;
  bool twice = false;
  for (const std::string& path : paths) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    for (const seen& f : files) {
      if (f.st.st_dev == st.st_dev && f.st.st_ino == st.st_ino) {
        diags.error({path, 0, 0}, *f.path == path ? std::string("is given twice: give each log once")
                                                  : fmt::format("is {}, given again under another name: give each log once",
                                                                *f.path));
        twice = true;
      } else if (f.st.st_size == st.st_size && same_bytes(*f.path, path)) {
        diags.error({path, 0, 0}, fmt::format("holds the same bytes as {}: a log given twice would count every meeting "
                                              "twice; give each log once",
                                              *f.path));
        twice = true;
      }
    }
    files.push_back({&path, st});
  }
  return twice;
}

}  // namespace

void read_log_files(const std::vector<std::string>& paths, event_log& log, diagnostics& diags, file_digests digests) {
  if (logs_given_twice(paths, diags)) return;
  for (const std::string& path : paths) read_log_file(path, log, diags, digests);
  moderngov::join_records(log, diags);
  leave_out_other_councils(log);  // before the join: an attendance row of another council joins nothing
  schedule_confirmed_after_today(log);
  count_repeated_rows_once(log);
  // After the join: it may merge or drop events. A sink keeps no meetings to join to: the rows
  // are left waiting, for it to refuse (streamed_audit::complete), never rejected as unmatched.
  if (!log.sink) join_attendance_rows(log);
}

}  // namespace remit
