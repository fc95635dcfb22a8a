// The meeting log CSV of docs/inputs.md: RFC 4180, UTF-8, a header row, columns in any order.
//
// Written by hand rather than with Debian's fast-cpp-csv-parser (libfccp-dev): that one
// fixes the column count at compile time, has no line breaks inside quoted fields, and
// stops at the first bad row, where remit must report every bad row and use the rest.
#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

#include <fmt/format.h>

#include "inputs/csv_records.hpp"
#include "inputs/event_fields.hpp"
#include "inputs/reader.hpp"

namespace remit {

namespace {

enum class column { body, date, kind, status, title, to, published, items, council, ref, attendees };
constexpr std::array<std::string_view, 11> column_names{"body", "date",      "kind",  "status",  "title", "to",
                                                        "published", "items", "council", "ref", "attendees"};

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

void read_records(csv_records& records, event_log& log, log_file_summary& summary, diagnostics& diags) {
  const std::string& path = summary.path;
  std::string_view start = records.rest();
  if (start.starts_with("\xEF\xBB\xBF")) {  // Excel's UTF-8 mark
    records.skip(3);
    start = records.rest();
  }
  if (trim(start).empty()) {
    diags.error({path, 0, 0}, "the file is empty: expected a header row naming at least the columns body and date");
    return;
  }
  csv_records::record header;
  do {
    if (!records.next(header)) return;
  } while (blank(header));

  column_map cols;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = fold(header.fields[i]);
    const auto it = std::find(column_names.begin(), column_names.end(), name);
    if (it == column_names.end()) continue;  // unknown columns are ignored
    auto& slot = cols.index[static_cast<std::size_t>(it - column_names.begin())];
    if (slot) {
      diags.error({path, header.line, 0},
                  fmt::format("column '{}' appears twice in the header (columns {} and {})", name, *slot + 1, i + 1));
      return;
    }
    slot = i;
  }
  for (column required : {column::body, column::date})
    if (!cols.index[static_cast<std::size_t>(required)]) {
      diags.error({path, header.line, 0},
                  fmt::format("the header has no '{}' column: a log needs at least the columns body and date",
                              column_names[static_cast<std::size_t>(required)]));
      return;
    }

  csv_records::record_view r;
  event_fields row;
  const auto source = static_cast<std::uint16_t>(log.files.size() - 1);
  while (records.next(r)) {
    if (log.sink && log.sink->stopped()) return;
    if (blank(r)) continue;
    ++summary.rows_read;
    std::string reason = r.problem;
    if (reason.empty() && r.fields.size() != header.fields.size())
      reason = fmt::format("the row has {} fields but the header has {}", r.fields.size(), header.fields.size());
    if (reason.empty() && !r.plain && r.raw.find('\0') != std::string_view::npos)
      for (std::size_t i = 0; i < r.fields.size() && reason.empty(); ++i)
        if (r.fields[i].find('\0') != std::string_view::npos)
          reason = fmt::format("{}: the field holds a NUL byte (column {}), which is never part of text",
                               i < header.fields.size() ? header.fields[i] : std::string("a field"), i + 1);
    // The fields are the record's bytes less ASCII separators and quotes, so the record is valid
    // UTF-8 exactly when every field is.
    if (reason.empty() && !r.plain && !utf8_text(r.raw)) reason = "the row is not valid UTF-8 text";
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

void read_csv(std::string_view text, event_log& log, log_file_summary& summary, diagnostics& diags) {
  csv_records records(text);
  read_records(records, log, summary, diags);
}

// A file on disk, through a bounded buffer: a national log is never held whole.
void read_csv_file(scanned_file& file, event_log& log, log_file_summary& summary, diagnostics& diags) {
  csv_records records(file);
  read_records(records, log, summary, diags);
}

bool claims_anything(std::string_view, std::string_view) { return true; }

}  // namespace

const log_reader csv_log_reader{"csv", claims_anything, read_csv, read_csv_file};

}  // namespace remit
