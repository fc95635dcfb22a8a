// A council's political groups in CSV (docs/inputs.md, "Political groups"): each group's seats
// on the council from one date to another, told apart from a meeting log or a file of people by
// the columns `group` and `seats` in its header.
#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "core/text.hpp"
#include "inputs/csv_records.hpp"
#include "inputs/reader.hpp"

namespace remit {

namespace {

enum class column { council, group, seats, from, to };
constexpr std::array<std::string_view, 5> column_names{"council", "group", "seats", "from", "to"};

bool claims_groups(std::string_view, std::string_view content) {
  csv_records records(without_bom(content));
  const auto header = header_record(records);
  if (!header) return false;
  const auto has = [&](std::string_view name) {
    return std::any_of(header->fields.begin(), header->fields.end(), [&](const std::string& f) { return fold(f) == name; });
  };
  return has("group") && has("seats");
}

// Why a row cannot be read, or "" with `out` filled.
std::string group_row(std::string_view council, std::string_view group, std::string_view seats, std::string_view from,
                      std::string_view to, political_group& out, event_log& log) {
  group = trim(group), seats = trim(seats), from = trim(from), to = trim(to);
  if (group.empty()) return "missing group";
  if (seats.empty()) return fmt::format("missing seats for group '{}'", group);
  std::uint32_t n = 0;
  const auto [end, error] = std::from_chars(seats.data(), seats.data() + seats.size(), n);
  if (error != std::errc{} || end != seats.data() + seats.size())
    return fmt::format("seats '{}' for group '{}': expected a whole number of seats, as in 12", seats, group);
  if (from.empty()) return fmt::format("missing from: the date from which group '{}' held {} seats", group, n);
  const auto first = parse_log_date(from);
  if (!first) return fmt::format("from: {}", explain_bad_log_date(from));
  out.to = no_date;
  if (!to.empty()) {
    const auto last = parse_log_date(to);
    if (!last) return fmt::format("to: {}", explain_bad_log_date(to));
    if (*last < *first) return fmt::format("to: {} is before from: {}", *last, *first);
    out.to = *last;
  }
  out.from = *first;
  out.seats = n;
  out.group = log.strings.intern(group);
  out.council = log.strings.intern(trim(council));
  return {};
}

void read_groups_csv(std::string_view text, event_log& log, log_file_summary& summary, diagnostics& diags) {
  const std::string& path = summary.path;
  csv_records records(without_bom(text));
  const auto header = header_record(records);
  if (!header) return;  // claimed only with a header
  summary.format = "political groups csv";

  std::array<std::optional<std::size_t>, column_names.size()> index;
  for (std::size_t i = 0; i < header->fields.size(); ++i) {
    const auto it = std::find(column_names.begin(), column_names.end(), fold(header->fields[i]));
    if (it == column_names.end()) continue;
    auto& slot = index[static_cast<std::size_t>(it - column_names.begin())];
    if (slot) {
      diags.error({path, header->line, 0}, fmt::format("column '{}' appears twice in the header (columns {} and {})", *it,
                                                       *slot + 1, i + 1));
      return;
    }
    slot = i;
  }
  if (!index[static_cast<std::size_t>(column::from)]) {
    diags.error({path, header->line, 0},
                "the header has no 'from' column: a political groups file needs at least the columns group, seats and from");
    return;
  }

  csv_records::record r;
  while (records.next(r)) {
    if (blank_record(r)) continue;
    ++summary.rows_read;
    std::string reason = record_problem(r, header->fields.size());
    political_group g;
    if (reason.empty()) {
      const auto cell = [&](column c) -> std::string_view {
        const auto& i = index[static_cast<std::size_t>(c)];
        return i ? std::string_view(r.fields[*i]) : std::string_view{};
      };
      reason = group_row(cell(column::council), cell(column::group), cell(column::seats), cell(column::from),
                         cell(column::to), g, log);
    }
    if (!reason.empty()) {
      summary.reject(r.line, std::move(reason));
      continue;
    }
    g.source = static_cast<std::uint16_t>(log.files.size() - 1);
    g.line = r.line;
    log.groups.push_back(g);
    ++summary.rows_used;
  }
}

}  // namespace

const log_reader groups_csv_reader{"csv", claims_groups, read_groups_csv};

}  // namespace remit
