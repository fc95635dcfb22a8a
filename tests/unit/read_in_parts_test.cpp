// A large CSV log read in two parts side by side (log_reader::read_in_parts): every row, line
// number, rejected row and name as one reading gives them, or, when the second part would start
// inside a quoted field, nothing read, for the caller to read the file in one part.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include "inputs/reader.hpp"
#include "support.hpp"

using namespace remit;
using remit::test::d;

namespace {

struct file_on_disk {
  std::string path;
  explicit file_on_disk(const std::string& content) {
    path = (std::filesystem::temp_directory_path() / fmt::format("remit-parts-test-{}.csv", ::getpid())).string();
    std::ofstream(path, std::ios::binary) << content;
  }
  ~file_on_disk() { std::filesystem::remove(path); }
};

// About 6 MB of rows, with quoted fields, line feeds inside quotes, items, attendees, rows that
// cannot be read and blank lines here and there; `middle` (when not empty) is written where the
// file's middle falls.
std::string rows(const std::string& middle = {}) {
  std::string csv = "council,body,date,kind,status,title,published,items,attendees\n";
  bool placed = middle.empty();
  for (int i = 0; csv.size() < (std::size_t{6} << 20); ++i) {
    if (!placed && csv.size() + middle.size() / 2 >= (std::size_t{6} << 20) / 2) {
      csv += middle;
      placed = true;
    }
    const date day = d("2010-01-04").plus_days(i / 50);
    if (i % 997 == 0)
      csv += fmt::format("Council {},Body {},{},meeting,held,\"A title, with a comma\nand a line feed\",,,\n", i % 7, i % 500, day);
    else if (i % 1009 == 0)
      csv += fmt::format("Council {},Body {},2026-02-30,meeting,held,,,,\n", i % 7, i % 500);
    else if (i % 1013 == 0)
      csv += "\n";
    else
      csv += fmt::format("Council {},Body {},{},{},{},Title {},{},Minutes;Item {},{}\n", i % 7, i % 500, day,
                         i % 13 ? "meeting" : "session", i % 17 ? "held" : "cancelled", i % 31, day.plus_days(-(i % 15)),
                         i % 41, i % 19 ? "" : "Cllr A (present); Cllr B (apologies)");
  }
  return csv;
}

// The log and summary of reading `csv` in one part, from memory.
event_log in_one_part(const std::string& csv) {
  event_log log;
  diagnostics diags;
  log.files.push_back({"test.csv", "csv", 0, 0, {}});
  csv_log_reader.read(csv, log, log.files.back(), diags);
  REQUIRE(diags.empty());
  return log;
}

void check_same(const event_log& parts, const event_log& one) {
  REQUIRE(parts.files.size() == 1);
  const log_file_summary &a = parts.files[0], &b = one.files[0];
  CHECK(a.rows_read == b.rows_read);
  CHECK(a.rows_used == b.rows_used);
  CHECK(a.rows_rejected == b.rows_rejected);
  REQUIRE(a.rejected.size() == b.rejected.size());
  CHECK(a.rejected.size() > 5);
  for (std::size_t i = 0; i < a.rejected.size(); ++i) {
    CHECK(a.rejected[i].line == b.rejected[i].line);
    CHECK(a.rejected[i].reason == b.rejected[i].reason);
  }
  REQUIRE(parts.events.size() == one.events.size());
  const auto text = [](const event_log& log, string_pool::id id) { return log.strings.text(id); };
  for (std::size_t i = 0; i < parts.events.size(); ++i) {
    const event &x = parts.events[i], &y = one.events[i];
    bool same = x.day == y.day && x.published == y.published && x.kind == y.kind && x.status == y.status &&
                x.line == y.line && x.source == y.source && text(parts, x.body) == text(one, y.body) &&
                text(parts, x.council) == text(one, y.council) && text(parts, x.title) == text(one, y.title) &&
                x.items_count == y.items_count;
    for (std::uint32_t k = 0; same && k < x.items_count; ++k)
      same = text(parts, parts.items_of(x)[k]) == text(one, one.items_of(y)[k]);
    if (!same) FAIL("event " << i << " (line " << y.line << ") differs when read in two parts");
  }
  REQUIRE(parts.attendances.size() == one.attendances.size());
  CHECK(!parts.attendances.empty());
  for (std::size_t i = 0; i < parts.attendances.size(); ++i) {
    const attendance &x = parts.attendances[i], &y = one.attendances[i];
    if (x.event != y.event || x.status != y.status || text(parts, x.person) != text(one, y.person))
      FAIL("attendance " << i << " differs when read in two parts");
  }
}

}  // namespace

TEST_CASE("a log read in two parts side by side: every row, line and name as read in one", "[csv][file][threads]") {
  const std::string csv = rows();
  const file_on_disk file(csv);
  event_log log;
  log.files.push_back({file.path, "csv", 0, 0, {}});
  diagnostics diags;
  REQUIRE(csv_log_reader.read_in_parts(file.path, csv.size(), log, log.files.back(), diags));
  CHECK(diags.empty());
  check_same(log, in_one_part(csv));
}

TEST_CASE("a log whose middle is inside a quoted field is not read in two parts, and is read whole as before",
          "[csv][file][threads]") {
  // A title of 4,000 lines: the line feed after the middle of the file is inside it.
  std::string title = "Council 1,Body 1,2020-01-01,meeting,held,\"";
  for (int i = 0; i < 4000; ++i) title += fmt::format("line {}\n", i);
  title += "\",,,\n";
  const std::string csv = rows(title);
  const file_on_disk file(csv);
  event_log log;
  log.files.push_back({file.path, "csv", 0, 0, {}});
  diagnostics diags;
  CHECK_FALSE(csv_log_reader.read_in_parts(file.path, csv.size(), log, log.files.back(), diags));
  CHECK(diags.empty());
  CHECK(log.events.empty());
  CHECK(log.files.back().rows_read == 0);
  // read_log_file then reads it in one part: the same rows.
  const std::uint64_t before = read_in_parts_from;
  read_in_parts_from = 0;
  event_log read;
  read_log_file(file.path, read, diags, file_digests::skipped);
  read_in_parts_from = before;
  CHECK(diags.empty());
  const event_log one = in_one_part(csv);
  check_same(read, one);
  CHECK(std::any_of(one.events.begin(), one.events.end(),
                    [&](const event& e) { return one.strings.text(e.title).starts_with("line 0\nline 1\n"); }));
}

TEST_CASE("read_log_file reads a large log in two parts only without its digest, and gives the same log either way",
          "[csv][file][threads]") {
  const std::string csv = rows();
  const file_on_disk file(csv);
  const std::uint64_t before = read_in_parts_from;
  read_in_parts_from = 0;
  event_log parts, digested;
  diagnostics diags;
  read_log_file(file.path, parts, diags, file_digests::skipped);
  read_log_file(file.path, digested, diags, file_digests::taken);
  read_in_parts_from = before;
  CHECK(diags.empty());
  CHECK(parts.files[0].sha256.empty());
  CHECK_FALSE(digested.files[0].sha256.empty());
  check_same(parts, in_one_part(csv));
  check_same(digested, in_one_part(csv));
}
