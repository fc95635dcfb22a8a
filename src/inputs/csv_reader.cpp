// The meeting log CSV of docs/inputs.md: RFC 4180, UTF-8, a header row, columns in any order.
//
// Written by hand rather than with Debian's fast-cpp-csv-parser (libfccp-dev): that one
// fixes the column count at compile time, has no line breaks inside quoted fields, and
// stops at the first bad row, where remit must report every bad row and use the rest.
#include <algorithm>
#include <array>
#include <cstring>
#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "core/progress.hpp"
#include "inputs/csv_records.hpp"
#include "inputs/event_fields.hpp"
#include "inputs/reader.hpp"

namespace remit {

namespace {

enum class column { body, date, kind, status, title, to, published, items, council, ref, attendees, time };
constexpr std::array<std::string_view, 12> column_names{"body",  "date",    "kind", "status",    "title", "to",
                                                        "published", "items", "council", "ref", "attendees", "time"};

struct column_map {
  std::array<std::optional<std::size_t>, column_names.size()> index;
  std::string_view get(const std::vector<std::string_view>& fields, column c) const {
    const auto& i = index[static_cast<std::size_t>(c)];
    return i ? fields[*i] : std::string_view{};
  }
};

// The row's cells, by column. `row` is reused from row to row, so that its lists keep their memory.
// Items are split only for the event table, or for an event sink that reads them.
void fields_of(const std::vector<std::string_view>& fields, const column_map& cols, event_fields& row, bool items) {
  row.body = cols.get(fields, column::body);
  row.date = cols.get(fields, column::date);
  row.kind = cols.get(fields, column::kind);
  row.status = cols.get(fields, column::status);
  row.title = cols.get(fields, column::title);
  row.to = cols.get(fields, column::to);
  row.published = cols.get(fields, column::published);
  row.time = cols.get(fields, column::time);
  row.council = cols.get(fields, column::council);
  row.ref = cols.get(fields, column::ref);
  if (items) split_items(cols.get(fields, column::items), row.items);
  row.attendees.clear();
  // Most logs record no attendance: their rows make no call (at ten million rows, a call shows).
  const std::string_view attendees = cols.get(fields, column::attendees);
  if (attendees.empty()) row.attendees_problem.clear();
  else row.attendees_problem = parse_attendees(attendees, row.attendees);
}

bool blank(const csv_records::record& r) { return r.fields.size() == 1 && trim(r.fields[0]).empty() && r.problem.empty(); }
bool blank(const csv_records::record_view& r) {
  return r.fields.size() == 1 && trim(r.fields[0]).empty() && r.problem.empty();
}

// Whether bytes are UTF-8 text without NUL; ASCII, most logs, is checked eight bytes at a time.
bool utf8_text(std::string_view s) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    // A byte with its top bit set, or a zero byte (the classic has-zero-byte test).
    if ((word & 0x8080808080808080ULL) || ((word - 0x0101010101010101ULL) & ~word & 0x8080808080808080ULL)) break;
  }
  if (i == s.size()) return true;
  const std::string_view tail = s.substr(i);
  return valid_utf8(tail) && tail.find('\0') == std::string_view::npos;
}

// The header's columns, and how many fields it has.
struct header_columns {
  column_map cols;
  std::size_t fields = 0;
  std::vector<std::string> names;  // as written
  std::vector<std::string> unread;  // the columns no reader of a meetings log uses, as written
  std::uint32_t line = 0;           // of the header
};

// "columns not read: Notes, Venue", once, on the header's line: a misnamed column ("Agenda
// Published") is noticed, not silently ignored.
void note_unread_columns(const header_columns& header, log_file_summary& summary) {
  if (header.unread.empty()) return;
  constexpr std::size_t listed = 12;  // a header of a hundred thousand columns says so in a line
  std::string names;
  for (std::size_t i = 0; i < std::min(listed, header.unread.size()); ++i)
    names += (names.empty() ? "" : ", ") + header.unread[i];
  if (header.unread.size() > listed) names += fmt::format(" and {} more", header.unread.size() - listed);
  summary.notes.push_back({header.line, fmt::format("{} not read: {} (the columns remit reads are listed in "
                                                    "docs/inputs.md; a misspelt one is not read)",
                                                    header.unread.size() == 1 ? "column" : "columns", names)});
}

// Reads the header row; none, with the problem in `diags`, when it will not do.
std::optional<header_columns> read_header(csv_records& records, const std::string& path, diagnostics& diags) {
  std::string_view start = records.rest();
  if (start.starts_with("\xEF\xBB\xBF")) {  // Excel's UTF-8 mark
    records.skip(3);
    start = records.rest();
  }
  if (trim(start).empty()) {
    diags.error({path, 0, 0}, "the file is empty: expected a header row naming at least the columns body and date");
    return std::nullopt;
  }
  csv_records::record header;
  do {
    if (!records.next(header)) return std::nullopt;
  } while (blank(header));

  header_columns out;
  out.fields = header.fields.size();
  out.names = header.fields;
  out.line = header.line;
  column_map& cols = out.cols;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = fold(header.fields[i]);
    const auto it = std::find(column_names.begin(), column_names.end(), name);
    if (it == column_names.end()) {  // not read, and said so once
      if (!trim(header.fields[i]).empty()) out.unread.emplace_back(trim(header.fields[i]));
      continue;
    }
    auto& slot = cols.index[static_cast<std::size_t>(it - column_names.begin())];
    if (slot) {
      diags.error({path, header.line, 0},
                  fmt::format("column '{}' appears twice in the header (columns {} and {})", name, *slot + 1, i + 1));
      return std::nullopt;
    }
    slot = i;
  }
  for (column required : {column::body, column::date})
    if (!cols.index[static_cast<std::size_t>(required)]) {
      diags.error({path, header.line, 0},
                  fmt::format("the header has no '{}' column: a log needs at least the columns body and date",
                              column_names[static_cast<std::size_t>(required)]));
      return std::nullopt;
    }
  return out;
}

// Reads the rows after the header into the log, as events of file `source`.
void read_rows(csv_records& records, const header_columns& header, event_log& log, log_file_summary& summary,
               std::uint16_t source) {
  csv_records::record_view r;
  event_fields row;
  const column_map& cols = header.cols;
  progress_tally read(progress().rows_read);
  while (records.next(r)) {
    if (log.sink && log.sink->stopped()) return;
    if (blank(r)) continue;
    ++summary.rows_read;
    read.add_one();
    std::string reason = r.problem;
    if (reason.empty() && r.fields.size() != header.fields)
      reason = fmt::format("the row has {} fields but the header has {}", r.fields.size(), header.fields);
    if (reason.empty() && !r.plain && r.raw.find('\0') != std::string_view::npos)
      for (std::size_t i = 0; i < r.fields.size() && reason.empty(); ++i)
        if (r.fields[i].find('\0') != std::string_view::npos)
          reason = fmt::format("{}: the field holds a NUL byte (column {}), which is never part of text",
                               i < header.names.size() ? header.names[i] : std::string("a field"), i + 1);
    // The fields are the record's bytes less ASCII separators and quotes, so the record is valid
    // UTF-8 exactly when every field is.
    if (reason.empty() && !r.plain && !utf8_text(r.raw)) reason = not_utf8_words("the row", r.raw);
    if (reason.empty()) {
      fields_of(r.fields, cols, row, log.sink == nullptr || log.sink->wants_words());
      reason = add_event(row, source, r.line, log);
    }
    if (!reason.empty()) {
      summary.reject(r.line, std::move(reason));
      continue;
    }
    ++summary.rows_used;
  }
}

void read_records(csv_records& records, event_log& log, log_file_summary& summary, diagnostics& diags) {
  const std::optional<header_columns> header = read_header(records, summary.path, diags);
  if (!header) return;
  note_unread_columns(*header, summary);
  read_rows(records, *header, log, summary, static_cast<std::uint16_t>(log.files.size() - 1));
}

void read_csv(std::string_view text, event_log& log, log_file_summary& summary, diagnostics& diags) {
  csv_records records(text);
  read_records(records, log, summary, diags);
}

// A file on disk, through a bounded buffer: a national log is never held whole.
void read_csv_file(scanned_file& file, event_log& log, log_file_summary& summary, diagnostics& diags) {
  csv_records records(file);
  read_records(records, log, summary, diags);
}

// Where the second part of a file starts: just after the first line feed from its middle on.
// None when there is none before the end.
std::optional<std::uint64_t> second_part_start(std::FILE* file, std::uint64_t size) {
  std::vector<char> bytes(std::size_t{1} << 20);
  for (std::uint64_t at = size / 2; at < size;) {
    if (std::fseek(file, static_cast<long>(at), SEEK_SET) != 0) return std::nullopt;
    const std::size_t got = std::fread(bytes.data(), 1, bytes.size(), file);
    if (got == 0) return std::nullopt;
    if (const void* feed = std::memchr(bytes.data(), '\n', got)) {
      const std::uint64_t start = at + static_cast<std::uint64_t>(static_cast<const char*>(feed) - bytes.data()) + 1;
      if (start >= size) return std::nullopt;
      return start;
    }
    at += got;
  }
  return std::nullopt;
}

// Adds what a part of a file read into `part` (its own log) to `log`, after what is there: its
// strings interned in the log's pool, its lines moved down by `lines_before`.
void append_part(event_log& part, std::uint32_t lines_before, std::uint16_t source, event_log& log,
                 log_file_summary& summary) {
  std::vector<string_pool::id> id(part.strings.size(), 0);
  for (string_pool::id i = 1; i < id.size(); ++i) id[i] = log.strings.intern(part.strings.text(i));
  const auto items_before = static_cast<std::uint32_t>(log.items.size());
  for (std::size_t k = 0; k < part.items.size(); ++k) {
    log.record_outcome(log.items.size(), part.outcome_of_item(k));
    log.items.push_back(id[part.items[k]]);
  }
  const auto events_before = static_cast<std::uint32_t>(log.events.size());
  log.events.reserve(log.events.size() + part.events.size());  // room made before reading, unless the rows were longer
  for (event e : part.events) {
    e.body = id[e.body];
    e.council = id[e.council];
    e.title = id[e.title];
    e.to = id[e.to];
    e.ref = id[e.ref];
    e.items_first += items_before;
    e.source = source;
    e.line += lines_before;
    log.events.push_back(e);
  }
  for (attendance a : part.attendances) {
    a.event += events_before;
    a.person = id[a.person];
    a.role = id[a.role];
    log.attendances.push_back(a);
  }
  const log_file_summary& read = part.files.front();
  summary.rows_read += read.rows_read;
  summary.rows_used += read.rows_used;
  for (const rejected_row& r : read.rejected) summary.reject(r.line + lines_before, r.reason);
  summary.rows_rejected += read.rows_rejected - read.rejected.size();
}

// A large regular file in two parts, read side by side on two cores (the second on a thread of
// its own, into a log of its own, appended after the first's): the log and summary are as one
// reading gives. Only for events read into the log, undigested (a digest is of the bytes in
// order). False, the log as it was, when the parts cannot be read so: the second part would start
// inside a quoted field, a line is over the limit, or the file could not be read (the caller then
// reads it in one part, and says what is wrong).
bool read_csv_in_two(const std::string& path, std::uint64_t size, event_log& log, log_file_summary& summary,
                     diagnostics& diags) {
  using file_ptr = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;
  file_ptr first(std::fopen(path.c_str(), "rb"), std::fclose), second(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!first || !second) return false;
  // Rows a byte, from the file's first megabyte: room for each part's events is made before it
  // is read, as a table grown by doubling holds its old copy beside the new one while it copies,
  // and one appended to another would copy both. (Room not filled is never touched, so costs no
  // memory: the estimate errs high.)
  std::vector<char> start(static_cast<std::size_t>(std::min<std::uint64_t>(size, std::uint64_t{1} << 20)));
  const std::size_t sampled = std::fread(start.data(), 1, start.size(), second.get());
  const auto rows_in = [&, lines = std::count(start.begin(), start.begin() + static_cast<std::ptrdiff_t>(sampled), '\n')](
                           std::uint64_t bytes) {
    return sampled == 0 ? std::size_t{0}
                        : static_cast<std::size_t>(static_cast<double>(bytes) * static_cast<double>(lines) * 1.25 /
                                                   static_cast<double>(sampled));
  };
  const std::optional<std::uint64_t> middle = second_part_start(second.get(), size);
  if (!middle || std::fseek(second.get(), static_cast<long>(*middle), SEEK_SET) != 0) return false;
  const std::size_t events = log.events.size(), items = log.items.size(), attendances = log.attendances.size();
  const auto source = static_cast<std::uint16_t>(log.files.size() - 1);
  scanned_file first_file(first.release(), false);
  csv_records first_part(first_file, csv_records::up_to{*middle});
  diagnostics header_problems;
  const std::optional<header_columns> header = read_header(first_part, path, header_problems);
  if (!header) {
    diags.add(header_problems);
    return true;
  }
  note_unread_columns(*header, log.files.back());
  log.events.reserve(log.events.size() + rows_in(size));
  event_log part;
  part.files.push_back({path, "csv", 0, 0, {}});
  part.events.reserve(rows_in(size - *middle));
  scanned_file second_file(second.release(), false);
  std::exception_ptr failed;
  std::thread second_reader([&] {
    try {
      csv_records records(second_file);
      read_rows(records, *header, part, part.files.front(), 0);
    } catch (...) {
      failed = std::current_exception();
    }
  });
  std::exception_ptr first_failed;
  try {
    read_rows(first_part, *header, log, summary, source);
  } catch (...) {
    first_failed = std::current_exception();
  }
  second_reader.join();
  if (first_failed) std::rethrow_exception(first_failed);
  if (failed) std::rethrow_exception(failed);
  if (first_part.ended_inside_quotes() || first_file.line_over_limit().line || second_file.line_over_limit().line ||
      first_file.read_error() || second_file.read_error()) {
    log.events.resize(events);
    log.cut_items(items);
    log.attendances.resize(attendances);
    summary = log_file_summary{summary.path, summary.format, 0, 0, {}};
    return false;
  }
  append_part(part, first_part.next_line() - 1, source, log, summary);
  return true;
}

bool claims_anything(std::string_view, std::string_view) { return true; }

}  // namespace

const log_reader csv_log_reader{"csv", claims_anything, read_csv, read_csv_file, read_csv_in_two};

}  // namespace remit
