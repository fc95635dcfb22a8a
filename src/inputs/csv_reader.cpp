// The meeting log CSV of docs/inputs.md: RFC 4180, UTF-8, a header row, columns in any order.
//
// Written by hand rather than with Debian's fast-cpp-csv-parser (libfccp-dev): that one
// fixes the column count at compile time, has no line breaks inside quoted fields, and
// stops at the first bad row, where remit must report every bad row and use the rest.
#include <algorithm>
#include <array>
#include <optional>

#include <fmt/format.h>

#include "inputs/reader.hpp"

namespace remit {

namespace {

// Splits the text into records, field by field, keeping each record's first line number.
class csv_records {
 public:
  explicit csv_records(std::string_view text) : text_(text) {}

  struct record {
    std::uint32_t line = 0;
    std::vector<std::string> fields;
    std::string problem;  // non-empty: the record cannot be read as it stands
  };

  bool next(record& r) {
    if (pos_ >= text_.size()) return false;
    r.line = line_;
    r.fields.clear();
    r.problem.clear();
    std::string field;
    std::uint32_t quote_line = 0;
    while (true) {
      field.clear();
      if (pos_ < text_.size() && text_[pos_] == '"') {
        quote_line = line_;
        ++pos_;
        bool closed = false;
        while (pos_ < text_.size()) {
          const char c = text_[pos_++];
          if (c == '"') {
            if (pos_ < text_.size() && text_[pos_] == '"') {
              field.push_back('"');
              ++pos_;
            } else {
              closed = true;
              break;
            }
          } else {
            if (c == '\n') ++line_;
            field.push_back(c);
          }
        }
        if (!closed) {
          r.problem = fmt::format("a quoted field opened on line {} is never closed", quote_line);
          r.fields.push_back(std::move(field));
          return true;
        }
        // After a closing quote only a separator or the end of the record may follow.
        if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
          if (r.problem.empty())
            r.problem = fmt::format("unexpected text after the closing quote of field {}", r.fields.size() + 1);
          while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n') field.push_back(text_[pos_++]);
        }
      } else {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n') ++pos_;
        std::string_view raw = text_.substr(start, pos_ - start);
        if (!raw.empty() && raw.back() == '\r' && (pos_ >= text_.size() || text_[pos_] == '\n')) raw.remove_suffix(1);
        field.assign(raw);
      }
      r.fields.push_back(std::move(field));
      if (pos_ >= text_.size()) return true;
      const char c = text_[pos_++];
      if (c == ',') continue;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      if (c == '\n' || c == '\r') {
        ++line_;
        return true;
      }
    }
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
};

enum class column { body, date, kind, status, title, to, published, items, council };
constexpr std::array<std::string_view, 9> column_names{"body", "date",      "kind",  "status", "title",
                                                       "to",   "published", "items", "council"};

struct column_map {
  std::array<std::optional<std::size_t>, column_names.size()> index;
  const std::string& get(const std::vector<std::string>& fields, column c) const {
    static const std::string empty;
    const auto& i = index[static_cast<std::size_t>(c)];
    return i ? fields[*i] : empty;
  }
};

std::optional<event_kind> parse_kind(std::string_view s) {
  if (s.empty() || s == "meeting") return event_kind::meeting;
  if (s == "session") return event_kind::session;
  if (s == "report") return event_kind::report;
  return std::nullopt;
}

std::optional<event_status> parse_status(std::string_view s) {
  if (s.empty() || s == "held") return event_status::held;
  if (s == "cancelled") return event_status::cancelled;
  if (s == "postponed") return event_status::postponed;
  if (s == "scheduled") return event_status::scheduled;
  return std::nullopt;
}

// Turns one row into an event, or says why it cannot.
std::string read_row(const std::vector<std::string>& fields, const column_map& cols, event_log& log, event& e) {
  const std::string_view body = trim(cols.get(fields, column::body));
  if (body.empty()) return "missing body";

  const std::string_view day = trim(cols.get(fields, column::date));
  if (day.empty()) return "missing date";
  const auto d = parse_iso_date(day);
  if (!d) return "date: " + explain_bad_iso_date(day);
  e.day = *d;

  const std::string kind = fold(cols.get(fields, column::kind));
  const auto k = parse_kind(kind);
  if (!k) return fmt::format("unknown kind '{}': expected meeting, session or report", trim(cols.get(fields, column::kind)));
  e.kind = *k;

  const std::string status = fold(cols.get(fields, column::status));
  const auto s = parse_status(status);
  if (!s)
    return fmt::format("unknown status '{}': expected held, cancelled, postponed or scheduled",
                       trim(cols.get(fields, column::status)));
  e.status = *s;

  const std::string_view published = trim(cols.get(fields, column::published));
  if (!published.empty()) {
    const auto p = parse_iso_date(published);
    if (!p) return "published: " + explain_bad_iso_date(published);
    e.published = *p;
  }

  const std::string_view to = trim(cols.get(fields, column::to));
  if (e.kind == event_kind::report && to.empty()) return "a report needs 'to': the body it went to";

  e.body = log.strings.intern(body);
  e.council = log.strings.intern(trim(cols.get(fields, column::council)));
  e.title = log.strings.intern(trim(cols.get(fields, column::title)));
  e.to = log.strings.intern(to);

  e.items_first = static_cast<std::uint32_t>(log.items.size());
  std::string_view items = cols.get(fields, column::items);
  while (!items.empty()) {
    const std::size_t semi = items.find(';');
    const std::string_view item = trim(items.substr(0, semi));
    if (!item.empty()) log.items.push_back(log.strings.intern(item));
    items = semi == std::string_view::npos ? std::string_view{} : items.substr(semi + 1);
  }
  e.items_count = static_cast<std::uint32_t>(log.items.size() - e.items_first);
  return {};
}

bool blank(const csv_records::record& r) { return r.fields.size() == 1 && trim(r.fields[0]).empty() && r.problem.empty(); }

void read_csv(std::string_view text, event_log& log, log_file_summary& summary, diagnostics& diags) {
  const std::string& path = summary.path;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // Excel's UTF-8 mark
  if (trim(text).empty()) {
    diags.error({path, 0, 0}, "the file is empty: expected a header row naming at least the columns body and date");
    return;
  }
  csv_records records(text);
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

  csv_records::record r;
  while (records.next(r)) {
    if (blank(r)) continue;
    ++summary.rows_read;
    std::string reason = r.problem;
    if (reason.empty() && r.fields.size() != header.fields.size())
      reason = fmt::format("the row has {} fields but the header has {}", r.fields.size(), header.fields.size());
    if (reason.empty())
      for (const auto& f : r.fields)
        if (!valid_utf8(f) || f.find('\0') != std::string::npos) {
          reason = "the row is not valid UTF-8 text";
          break;
        }
    event e;
    e.source = static_cast<std::uint16_t>(log.files.size() - 1);
    e.line = r.line;
    if (reason.empty()) reason = read_row(r.fields, cols, log, e);
    if (!reason.empty()) {
      summary.rejected.push_back({r.line, std::move(reason)});
      continue;
    }
    log.events.push_back(e);
    ++summary.rows_used;
  }
}

bool claims_anything(std::string_view, std::string_view) { return true; }

}  // namespace

const log_reader csv_log_reader{"csv", claims_anything, read_csv};

}  // namespace remit
