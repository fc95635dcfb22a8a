// The findings limit (core/limits.hpp): an audit that finds more findings than the limit is
// refused whole, with one error, by the batch and the streamed audit alike; one that finds exactly
// the limit's is reported.
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "core/limits.hpp"
#include "evaluate/streamed_audit.hpp"
#include "inputs/reader.hpp"
#include "support.hpp"

using namespace remit;
using remit::test::d;

namespace {

struct findings_limit {
  explicit findings_limit(std::uint64_t most) { set_limit(limit::findings, most); }
  ~findings_limit() { reset_limits(); }
};

struct outcome {
  std::size_t findings = 0;  // in the report
  std::size_t results = 0;
  std::string errors;
};

std::size_t findings_of(const audit_report& report) {
  std::size_t n = 0;
  for (const rule_result& r : report.results) n += r.findings.size();
  return n;
}

outcome batch(const std::vector<ast::rule_file>& files, std::string_view csv, audit_window window, unsigned threads = 1) {
  event_log log = test::csv_log(csv);
  diagnostics diags;
  const audit_report report = run_audit(files, log, window, diags, false, threads);
  std::ostringstream errors;
  diags.render(errors);
  return {findings_of(report), report.results.size(), errors.str()};
}

outcome streamed(const std::vector<ast::rule_file>& files, std::string_view csv, audit_window window) {
  event_log log;
  streamed_audit audit(files, window);
  log.sink = &audit;
  diagnostics problems;
  log.files.push_back({"test.csv", "csv", 0, 0, {}});
  audit.read_and_judge([&] { csv_log_reader.read(csv, log, log.files.back(), problems); });
  log.sink = nullptr;
  REQUIRE(problems.empty());
  REQUIRE(audit.complete(log));
  diagnostics diags;
  const audit_report report = audit.finish(log, diags);
  std::ostringstream errors;
  diags.render(errors);
  return {findings_of(report), report.results.size(), errors.str()};
}

// Three bodies that each met once, in January 2024: `meets monthly` finds the 11 months after it
// empty for each, 33 findings in all.
const char* const three_bodies = "body,date\nA,2024-01-10\nB,2024-01-11\nC,2024-01-12\n";
audit_window year_2024() { return {d("2024-01-01"), d("2024-12-31")}; }

}  // namespace

TEST_CASE("findings limit: exactly the limit's findings are reported, one more refuses the audit, batch and streamed",
          "[limits][findings-limit]") {
  const std::vector<ast::rule_file> files{test::rules("body * {\n  m meets monthly\n}\n")};
  {
    findings_limit most(33);
    for (const outcome& o : {batch(files, three_bodies, year_2024()), streamed(files, three_bodies, year_2024())}) {
      CHECK(o.errors.empty());
      CHECK(o.findings == 33);
    }
  }
  findings_limit most(32);
  for (const outcome& o : {batch(files, three_bodies, year_2024()), streamed(files, three_bodies, year_2024())}) {
    CHECK(o.errors ==
          "remit: error: the audit found more than 32 findings (the limit is 32: raise it with --limit findings=N, or "
          "audit a shorter window with --from and --to)\n");
    // Never a partial report: nothing of it is left to write.
    CHECK(o.results == 0);
    CHECK(o.findings == 0);
  }
}

TEST_CASE("findings limit: counts the findings of every family, on every thread", "[limits][findings-limit]") {
  // A rule the streamed audit does not judge: five meetings with no attendance recorded, one
  // no-evidence finding each.
  const std::vector<ast::rule_file> files{test::rules("body * {\n  q quorum 3\n}\n")};
  REQUIRE_FALSE(streamed_audit::can_audit(files));
  const char* const csv = "body,date\nA,2024-02-01\nA,2024-03-01\nA,2024-04-01\nA,2024-05-01\nA,2024-06-01\n";
  {
    findings_limit most(5);
    CHECK(batch(files, csv, year_2024()).findings == 5);
  }
  {
    findings_limit most(4);
    CHECK(batch(files, csv, year_2024()).results == 0);
  }
  // 200 bodies judged on two threads, 11 findings each: the count is the audit's, not a thread's.
  std::string many = "body,date\n";
  for (int b = 0; b < 200; ++b) many += fmt::format("Body {:03},2024-01-15\n", b);
  const std::vector<ast::rule_file> monthly{test::rules("body * {\n  m meets monthly\n}\n")};
  {
    findings_limit most(2200);
    CHECK(batch(monthly, many, year_2024(), 2).findings == 2200);
  }
  findings_limit most(2199);
  const outcome refused = batch(monthly, many, year_2024(), 2);
  CHECK(refused.results == 0);
  CHECK_THAT(refused.errors, Catch::Matchers::StartsWith("remit: error: the audit found more than 2199 findings"));
}

TEST_CASE("findings limit: a window that asks for millions of findings is refused at the limit, not at the end",
          "[limits][findings-limit]") {
  // 1,000 bodies that met once, on 2 January in the year 1, and `meets monthly` over the 2,025 years
  // since: 24 million findings, some gigabytes held whole. With a limit of 1,000 it stops at the
  // first body's: the one error, and nothing else built. (Without the limit, this test exhausts
  // memory.)
  std::string csv = "body,date\n";
  for (int b = 0; b < 1000; ++b) csv += fmt::format("Board {:04},0001-01-02\n", b);
  const std::vector<ast::rule_file> files{test::rules("body * {\n  m meets monthly\n}\n")};
  const audit_window since_year_1{d("0001-01-01"), d("2025-12-31")};
  findings_limit most(1000);
  for (const outcome& o : {batch(files, csv, since_year_1, 2), streamed(files, csv, since_year_1)}) {
    CHECK(o.results == 0);
    CHECK_THAT(o.errors, Catch::Matchers::StartsWith("remit: error: the audit found more than 1000 findings"));
  }
}
