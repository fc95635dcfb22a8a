// The streamed audit (evaluate/streamed_audit.hpp) against the batch one: on random rule files
// and logs, the same report in every format, byte for byte; and the cases it must hand back.
#include <algorithm>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/streamed_audit.hpp"
#include "inputs/reader.hpp"
#include "report/reporter.hpp"
#include "support.hpp"

using namespace remit;
using remit::test::d;

namespace {

// splitmix64: the same cases on every machine.
struct random_source {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  template <typename T>
  const T& pick(const std::vector<T>& from) {
    return from[static_cast<std::size_t>(below(static_cast<int>(from.size())))];
  }
};

const std::vector<std::string> statements{
    "meets every 2 months",
    "meets every 1 month with 7 days grace",
    "meets every 6 weeks",
    "meets every 40 days",
    "meets every 1 year",
    "meets bi-monthly",
    "meets half-yearly",
    "meets monthly",
    "meets quarterly",
    "meets annually",
    "meets at least 4 times a year",
    "meets twice a year",
    "meets at least 2 times a quarter",
    "agenda published at least 5 clear working days before each meeting",
    "agenda published at least 3 working days before each meeting",
    "agenda published at least 7 days before each meeting",
    "agenda published at least 2 clear days before each meeting",
    "meets quarterly, informal meetings count",
    "meets every 2 months, advisory",
    "agenda published at least 5 clear working days before each meeting, severity critical",
};
const std::vector<std::string> bodies{"Board", "Cabinet", "Corporate Parenting Board", "Audit Committee", "Scrutiny"};
const std::vector<std::string> councils{"", "Northshire", "Southshire"};

std::string random_rules(random_source& r) {
  std::string out;
  if (r.below(3) == 0) out += fmt::format("council \"{}\"\n", r.pick(std::vector<std::string>{"Northshire", "Southshire"}));
  if (r.below(3) == 0) out += "year starts 1 April\n";
  if (r.below(4) == 0) out += "calendar scotland\n";
  // Up to three blocks, each for a different body: every body, one the log names, or one it never does.
  std::vector<std::string> names{"*", "Nobody"};
  names.insert(names.end(), bodies.begin(), bodies.end());
  const int blocks = 1 + r.below(3);
  std::vector<std::string> labels;
  std::string settings = out;
  out.clear();
  for (int b = 0; b < blocks; ++b) {
    const std::string name = names[static_cast<std::size_t>(r.below(static_cast<int>(names.size())))];
    std::erase(names, name);
    out += name == "*" ? "body * {\n" : fmt::format("body \"{}\" {{\n", name);
    const int count = 1 + r.below(4);
    for (int s = 0; s < count; ++s) {
      labels.push_back(fmt::format("c{}-{}", b, s));
      out += fmt::format("  {} {}\n", labels.back(), r.pick(statements));
    }
    // A clause not checked in every first block, drawn on nothing, so the cases stay as they were.
    if (b == 0) out += "  c0-0 not checked \"no log holds it\"\n";
    out += "}\n";
  }
  if (r.below(3) == 0)
    settings += fmt::format("waive {} from 2024-03-01 to 2024-09-30 because \"the board was reconstituted\"\n",
                            r.pick(labels));
  return settings + out;
}

// Rows in date order for each body; bodies interleaved, as in a national log.
std::string random_log(random_source& r) {
  std::string out = "council,body,date,kind,status,published,ref\n";
  date day = d("2022-06-01");
  const std::vector<std::string> kinds{"meeting", "meeting", "meeting", "session", "report"};
  const std::vector<std::string> statuses{"held", "held", "held", "held", "cancelled", "postponed", "scheduled",
                                          "confirmed"};
  const int rows = r.below(120);
  for (int i = 0; i < rows; ++i) {
    day = day.plus_days(r.below(12));
    const std::string kind = r.pick(kinds);
    const std::string published = r.below(6) == 0 ? "" : to_iso(day.plus_days(-r.below(14)));
    // Body names as logs write them: now and then in another case or with more spaces.
    std::string body = r.pick(bodies);
    if (r.below(10) == 0) std::transform(body.begin(), body.end(), body.begin(), ::toupper);
    out += fmt::format("{},{},{},{},{},{},{}\n", r.pick(councils), body, day, kind, r.pick(statuses), published,
                       r.below(4) == 0 ? fmt::format("m{}", i) : "");
  }
  return out;
}

// Whether a log has two events of one body, kind and status on one day: rows that may repeat each
// other, which the streamed audit hands back to be judged whole (it keeps no titles to compare).
bool has_same_day_repeat(const std::string& csv) {
  std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);  // the header
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    if (!seen.insert({fold(cells.at(1)), cells.at(2), cells.at(3), cells.at(4)}).second) return true;
  }
  return false;
}

const std::vector<std::string_view> every_format{"json", "csv", "findings", "text", "markdown", "junit", "sarif", "html"};

std::string rendered(const audit_report& report, const std::vector<std::string_view>& formats) {
  std::string out;
  for (const std::string_view format : formats) {
    std::ostringstream text;
    find_reporter(format)->make({})->write(report, text);
    out += text.str();
  }
  return out;
}

struct both {
  std::string batch, streamed, batch_errors, streamed_errors;
  bool complete = false;
  std::string why_incomplete;  // what --engine stream says of the log, when not complete
};

both audit_both(const std::vector<ast::rule_file>& files, std::string_view csv, audit_window window,
               const std::vector<std::string_view>& formats = every_format) {
  both out;
  {
    event_log log = test::csv_log(csv);
    note_confirmed_events(log, window.to);
    diagnostics diags;
    const audit_report report = run_audit(files, log, window, diags, false);
    out.batch = rendered(report, formats);
    std::ostringstream errors;
    diags.render(errors);
    out.batch_errors = errors.str();
  }
  event_log log;
  streamed_audit audit(files, window);
  log.sink = &audit;
  diagnostics read_problems;
  log.files.push_back({"test.csv", "csv", 0, 0, {}});
  audit.read_and_judge([&] { csv_log_reader.read(csv, log, log.files.back(), read_problems); });
  REQUIRE(read_problems.empty());
  log.sink = nullptr;
  out.complete = audit.complete(log);
  if (!out.complete) {
    diagnostics why;
    audit.why_incomplete(log, why);
    std::ostringstream text;
    why.render(text);
    out.why_incomplete = text.str();
    return out;
  }
  diagnostics diags;
  out.streamed = rendered(audit.finish(log, diags), formats);
  std::ostringstream errors;
  diags.render(errors);
  out.streamed_errors = errors.str();
  return out;
}

}  // namespace

TEST_CASE("streamed audit: the batch audit's report, byte for byte, on 400 random rule files and logs", "[streamed]") {
  random_source r{20261123};
  int with_breaches = 0, handed_back = 0, stopped_early = 0;
  for (int n = 0; n < 400; ++n) {
    const std::string rules_text = random_rules(r);
    const std::string csv = random_log(r);
    const std::vector<ast::rule_file> files{test::rules(rules_text)};
    REQUIRE(streamed_audit::can_audit(files));
    const date from = d("2023-01-01").plus_days(r.below(200));
    const audit_window window{from, from.plus_days(100 + r.below(700))};
    const both result = audit_both(files, csv, window);
    INFO("case " << n << "\n--- rules\n" << rules_text << "--- log\n" << csv << "--- window " << to_iso(window.from)
                 << " to " << to_iso(window.to));
    if (!result.complete) {
      // Handed back only when rows may repeat each other; the batch audit then judges the log.
      CHECK(has_same_day_repeat(csv));
      ++handed_back;
      continue;
    }
    CHECK(result.streamed_errors == result.batch_errors);
    CHECK(result.streamed == result.batch);
    if (result.batch.find("\"status\": \"breach\"") != std::string::npos) ++with_breaches;
    if (result.batch.find("the logs' last event") != std::string::npos ||
        result.batch.find("the logs' first event") != std::string::npos)
      ++stopped_early;
  }
  // Logs that stop early or start late (text_parts.cpp, read_first) are among them.
  CHECK(stopped_early > 0);
  // The cases are worth comparing: most of them are streamed whole, and find something.
  CHECK(handed_back < 100);
  CHECK(with_breaches > 200);
}

TEST_CASE("streamed audit: a log of many batches, read on one thread and judged on another, gives the same report",
          "[streamed]") {
  // 200 bodies over 20 years: about 25,000 rows, several of the batches rows are handed over in.
  std::string csv = "council,body,date,status,published\n";
  for (date day = d("2005-01-03"); day <= d("2024-12-31"); day = day.plus_days(1))
    for (int b = 0; b < 200; ++b)
      if ((day.days * 7 + b * 13) % 59 == 0)
        csv += fmt::format("Council {},Body {:03},{},{},{}\n", b % 4, b, day, (day.days + b) % 11 ? "held" : "cancelled",
                           day.plus_days(-((day.days + b) % 12)));
  const std::vector<ast::rule_file> files{test::rules(R"(body * {
  1 meets every 2 months
  2 meets quarterly
  3 meets at least 6 times a year
  4 agenda published at least 5 clear working days before each meeting
})")};
  const both result = audit_both(files, csv, {d("2006-01-01"), d("2024-12-31")});
  REQUIRE(result.complete);
  CHECK(std::count(csv.begin(), csv.end(), '\n') > 20000);
  CHECK(result.batch.find("\"status\": \"breach\"") != std::string::npos);
  CHECK(result.streamed == result.batch);
}

TEST_CASE("streamed audit: 75,000 bodies, names of every length, as the batch audit judges them", "[streamed]") {
  // Every row looks its body up in a table that grows many times over as bodies arrive; once, at
  // 70,000 bodies, the table the streamed audit kept by hand crashed. Names of 1 to 60 bytes,
  // some not ASCII, in three councils: the pairs of body and council are 75,000.
  constexpr int body_count = 75'000;
  const auto name = [](int b) {
    std::string n = fmt::format("B{}", b);
    n.append(static_cast<std::size_t>(b * 7 % 53), b % 5 ? 'x' : '-');
    if (b % 11 == 0) n += "\xC3\xA9";  // é
    return n;
  };
  std::string csv = "council,body,date,status,published\n";
  for (date day = d("2024-01-01"); day <= d("2024-12-31"); day = day.plus_days(1))
    for (int b = day.days % 61; b < body_count; b += 61)
      if ((b / 61 + day.days) % 3 == 0)
        csv += fmt::format("Council {},{},{},held,{}\n", b % 3, name(b), day, day.plus_days(-(b % 9)));
  const std::vector<ast::rule_file> files{test::rules(R"(body * {
  1 meets every 2 months
  2 agenda published at least 5 clear working days before each meeting
})")};
  const both result = audit_both(files, csv, {d("2024-03-01"), d("2024-12-31")}, {"findings"});
  REQUIRE(result.complete);
  CHECK(result.streamed_errors == result.batch_errors);
  CHECK(result.streamed == result.batch);
  // Each body meets about every six months: a gap breach for every one, in the report by name.
  for (const int b : {0, 1, 11, 70'001, body_count - 1}) CHECK_THAT(result.streamed, Catch::Matchers::Contains(name(b)));
}

TEST_CASE("streamed audit: a working-day count outside the bank-holiday data is the batch audit's diagnostic",
          "[streamed]") {
  const std::vector<ast::rule_file> files{
      test::rules("body * {\n  n agenda published at least 5 clear working days before each meeting\n}\n")};
  const both result = audit_both(files, "body,date,published\nBoard,1990-03-01,1990-02-01\nBoard,1990-06-01,\n",
                                 {d("1990-01-01"), d("1990-12-31")});
  REQUIRE(result.complete);
  CHECK_FALSE(result.batch_errors.empty());
  CHECK(result.streamed_errors == result.batch_errors);
}

TEST_CASE("streamed audit: hands back a log whose body's events are out of date order", "[streamed]") {
  const std::vector<ast::rule_file> files{test::rules("body * {\n  g meets every 2 months\n}\n")};
  const audit_window window{d("2024-01-01"), d("2024-12-31")};
  // Bodies interleaved are fine; one body's own rows out of order are not.
  CHECK(audit_both(files, "body,date\nA,2024-01-10\nB,2024-01-05\nA,2024-03-01\nB,2024-02-01\n", window).complete);
  CHECK_FALSE(audit_both(files, "body,date\nA,2024-03-01\nB,2024-01-05\nA,2024-01-10\n", window).complete);
  // Names fold: two spellings of one body are one body, whose order counts.
  CHECK_FALSE(audit_both(files, "body,date\nA,2024-03-01\na,2024-01-10\n", window).complete);
}

TEST_CASE("streamed audit: stops reading at the first row out of date order", "[streamed]") {
  // The second row is out of order; 400,000 rows follow it, in 25 batches. auto reads the log
  // again for the batch engine, so parsing the rest here would be for nothing: the reader stops
  // once the batches that may wait for the judge (16 of 16,384 rows), the one being judged and
  // the one it fills are full, at the latest.
  std::string csv = "body,date\nA,2024-03-01\nA,2024-01-10\n";
  for (int i = 0; i < 400'000; ++i) csv += fmt::format("B{},2024-05-{:02}\n", i % 1000, 1 + i % 28);
  const std::vector<ast::rule_file> files{test::rules("body * {\n  g meets every 2 months\n}\n")};
  event_log log;
  streamed_audit audit(files, {d("2024-01-01"), d("2024-12-31")});
  log.sink = &audit;
  diagnostics problems;
  log.files.push_back({"test.csv", "csv", 0, 0, {}});
  audit.read_and_judge([&] { csv_log_reader.read(csv, log, log.files.back(), problems); });
  log.sink = nullptr;
  CHECK(problems.empty());
  CHECK_FALSE(audit.complete(log));
  CHECK(audit.stopped());
  CHECK(log.files.back().rows_read <= 18 * 16'384 + 1);
}

TEST_CASE("streamed audit: says which row was the first out of date order, and its body's date before it", "[streamed]") {
  const std::vector<ast::rule_file> files{test::rules("body * {\n  g meets every 2 months\n}\n")};
  const audit_window window{d("2024-01-01"), d("2024-12-31")};
  // Line 4 is the first row out of order (A, after its row of 2024-03-01); line 5 is out of order too.
  const both result =
      audit_both(files, "body,date\nA,2024-03-01\nB,2024-01-05\nA,2024-01-10\nB,2024-01-01\n", window);
  REQUIRE_FALSE(result.complete);
  CHECK(result.why_incomplete ==
        "test.csv:4: error: --engine stream needs each body's rows in date order: this row of \"A\" is dated "
        "2024-01-10, after one dated 2024-03-01; sort the log by date, or use --engine batch (or auto)\n");
  // A body's two meetings on one day may be one row repeated, which only the batch engine can tell.
  const both twice = audit_both(files, "body,date\nA,2024-03-01\nA,2024-03-01\n", window);
  REQUIRE_FALSE(twice.complete);
  CHECK(twice.why_incomplete.starts_with("test.csv:3: error: --engine stream cannot tell whether this row repeats "
                                         "another: \"A\" has two held meeting events on 2024-03-01"));
}

TEST_CASE("streamed audit: names each statement it does not judge", "[streamed]") {
  diagnostics judged;
  streamed_audit::why_not_judged({test::rules("body * {\n  g meets every 2 months\n}\n")}, judged);
  CHECK(judged.empty());
  diagnostics refused;
  streamed_audit::why_not_judged(
      {test::rules("body * {\n  g meets every 2 months\n  i each meeting has item \"Minutes\"\n  q quorum 3\n"
                   "  c chaired by \"Chair\"\n}\n")},
      refused);
  REQUIRE(refused.size() == 2);
  CHECK(refused.sorted()[0].message.starts_with("clause q: --engine stream does not judge this statement"));
  CHECK(refused.sorted()[1].where.line == 5);
}

TEST_CASE("streamed audit: only the statements it can judge in one pass", "[streamed]") {
  CHECK(streamed_audit::can_audit({test::rules("body * {\n  g meets every 2 months\n  n agenda published at least 5 "
                                               "days before each meeting\n  x not checked \"conduct\"\n}\n")}));
  // Every family but the people families, which judge records it does not read.
  CHECK(streamed_audit::can_audit({test::rules("body * {\n  i each meeting has item \"Minutes\"\n  r reports quarterly "
                                               "to \"Cabinet\"\n  p each meeting preceded by \"Briefing\" within 7 "
                                               "days\n  d receives \"Annual Report\" by 2025-03-31\n}\n")}));
  CHECK_FALSE(streamed_audit::can_audit({test::rules("body * {\n  q quorum 3\n}\n")}));
  CHECK_FALSE(streamed_audit::can_audit(
      {test::rules("body \"Board\" {\n  g meets monthly\n}\nbody \"Board\" from 2025-01-01 {\n  g meets quarterly\n}\n")}));
}

TEST_CASE("streamed audit: logs that stop early or start late, for the councils a file admits, as the batch audit says",
          "[streamed][stop-early]") {
  const std::vector<ast::rule_file> files{
      test::rules("council \"Kent\"\nbody \"Board\" {\n  1  meets every 2 months\n}\nbody * {\n  2  meets quarterly\n}\n")};
  REQUIRE(streamed_audit::can_audit(files));
  // Kent's Board stops on 2025-04-07; another council's rows of it go on, and are no record for Kent.
  const std::string csv = "body,date,council\nBoard,2025-01-06,Kent\nBoard,2025-04-07,Kent\nBoard,2025-06-02,Surrey\n"
                          "Board,2025-11-03,Surrey\nPanel,2025-07-01,Kent\nPanel,2026-01-05,Kent\n";
  const both result = audit_both(files, csv, {d("2025-01-01"), d("2025-12-31")});
  REQUIRE(result.complete);
  CHECK(result.streamed == result.batch);
  CHECK_THAT(result.batch, Catch::Matchers::Contains("the logs' last event for body \\\"Board\\\" is on 2025-04-07"));
  CHECK_THAT(result.batch, Catch::Matchers::Contains("the logs' first event for body \\\"Panel\\\" is on 2025-07-01"));
  CHECK_THAT(result.batch, !Catch::Matchers::Contains("the logs' last event for body \\\"Panel\\\""));
}
