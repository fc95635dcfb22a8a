// Files of people in CSV (docs/inputs.md, "People"): attendance, membership or training, one
// kind per file, told apart from a meeting log by a `person` column in the header.
#include <algorithm>
#include <array>
#include <optional>

#include <fmt/format.h>

#include "core/text.hpp"
#include "inputs/csv_records.hpp"
#include "inputs/people_rows.hpp"
#include "inputs/reader.hpp"

namespace remit {

namespace {

enum class column { council, body, person, role, partner, date, from, to, attendance, training, party, type, voting };
constexpr std::array<std::string_view, 13> column_names{"council", "body",       "person",   "role",  "partner",
                                                        "date",    "from",       "to",       "attendance", "training",
                                                        "party",   "type",       "voting"};

bool claims_people(std::string_view, std::string_view content) {
  csv_records records(without_bom(content));
  const auto header = header_record(records);
  return header && std::any_of(header->fields.begin(), header->fields.end(),
                               [](const std::string& f) { return fold(f) == "person"; });
}

void read_people_csv(std::string_view text, event_log& log, log_file_summary& summary, diagnostics& diags) {
  const std::string& path = summary.path;
  csv_records records(without_bom(text));
  const auto header = header_record(records);
  if (!header) return;  // claimed only with a header

  std::array<std::optional<std::size_t>, column_names.size()> index;
  for (std::size_t i = 0; i < header->fields.size(); ++i) {
    const std::string name = fold(header->fields[i]);
    const auto it = std::find(column_names.begin(), column_names.end(), name);
    if (it == column_names.end()) continue;  // unknown columns are ignored
    auto& slot = index[static_cast<std::size_t>(it - column_names.begin())];
    if (slot) {
      diags.error({path, header->line, 0},
                  fmt::format("column '{}' appears twice in the header (columns {} and {})", name, *slot + 1, i + 1));
      return;
    }
    slot = i;
  }
  const auto has = [&](column c) { return index[static_cast<std::size_t>(c)].has_value(); };
  const people_kind kind = people_kind_of(has(column::attendance), has(column::training));
  summary.format = fmt::format("{} csv", name(kind));

  std::vector<column> required;
  switch (kind) {
    case people_kind::attendance: required = {column::body, column::date, column::person, column::attendance}; break;
    case people_kind::membership: required = {column::body, column::person, column::from}; break;
    case people_kind::training: required = {column::person, column::training, column::date}; break;
  }
  for (column c : required)
    if (!has(c)) {
      std::string names;
      for (column r : required)
        names += fmt::format("{}{}", names.empty() ? "" : r == required.back() ? " and " : ", ",
                             column_names[static_cast<std::size_t>(r)]);
      diags.error({path, header->line, 0},
                  fmt::format("the header has no '{}' column: {} {} file needs at least the columns {}",
                              column_names[static_cast<std::size_t>(c)], kind == people_kind::attendance ? "an" : "a",
                              name(kind), names));
      return;
    }

  csv_records::record r;
  while (records.next(r)) {
    if (blank_record(r)) continue;
    ++summary.rows_read;
    std::string reason = record_problem(r, header->fields.size());
    if (reason.empty()) {
      const auto cell = [&](column c) -> std::string_view {
        const auto& i = index[static_cast<std::size_t>(c)];
        return i ? std::string_view(r.fields[*i]) : std::string_view{};
      };
      const people_fields row{cell(column::council), cell(column::body),     cell(column::person), cell(column::role),
                              cell(column::partner), cell(column::date),     cell(column::from),   cell(column::to),
                              cell(column::attendance), cell(column::training), cell(column::party),
                              cell(column::type),    cell(column::voting)};
      reason = add_people_row(kind, row, static_cast<std::uint16_t>(log.files.size() - 1), r.line, log);
    }
    if (!reason.empty()) {
      summary.reject(r.line, std::move(reason));
      continue;
    }
    ++summary.rows_used;
  }
}

}  // namespace

const log_reader people_csv_reader{"csv", claims_people, read_people_csv};

}  // namespace remit
