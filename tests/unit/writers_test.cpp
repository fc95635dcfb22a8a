// The writers that several outputs share: SARIF's file URIs and log (report/sarif.hpp), JUnit's
// elements (report/junit.hpp) and the JSON logs section (report/report_json.hpp).
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "report/junit.hpp"
#include "report/report_json.hpp"
#include "report/sarif.hpp"

using namespace remit;

TEST_CASE("sarif: relative paths stay relative, absolute ones become file: URIs, the rest percent-encoded", "[writers]") {
  CHECK(sarif::uri_of("rules/rotherham.remit") == "rules/rotherham.remit");
  CHECK(sarif::uri_of("/srv/audit/a b.remit") == "file:///srv/audit/a%20b.remit");
  CHECK(sarif::uri_of("caf\xC3\xA9#1.remit") == "caf%C3%A9%231.remit");
}

TEST_CASE("sarif: one run in a 2.1.0 log, bytes that are not UTF-8 replaced", "[writers]") {
  std::ostringstream out;
  sarif::write_log({{"results", nlohmann::ordered_json::array({{{"message", {{"text", "bad \xFF byte"}}}}})}}, out);
  const auto log = nlohmann::ordered_json::parse(out.str());
  CHECK(log["version"] == "2.1.0");
  CHECK(log["runs"].size() == 1);
  CHECK(log["runs"][0]["results"][0]["message"]["text"] == "bad \xEF\xBF\xBD byte");
  CHECK(out.str().back() == '\n');
}

TEST_CASE("junit: elements in order, escaped, a test case with nothing in it closed at once", "[writers]") {
  std::ostringstream out;
  junit::writer w(out, {{"name", "suite <all>"}, {"tests", "2"}});
  w.begin_suite({{"name", "Board & Panel"}});
  w.properties({{"log", "abc  logs/\"m\".csv"}});
  w.test_case({{"name", "1 meets monthly"}}, {});
  w.test_case({{"name", "2"}}, {{"failure", {{"message", "late"}}, std::string("due 2025-01-31\nbad \xFF")},
                                {"skipped", {{"message", "why"}}, std::nullopt}});
  w.end_suite();
  w.finish();
  CHECK(out.str() ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"suite &lt;all&gt;\" tests=\"2\">\n"
        "  <testsuite name=\"Board &amp; Panel\">\n"
        "    <properties>\n"
        "      <property name=\"log\" value=\"abc  logs/&quot;m&quot;.csv\"/>\n"
        "    </properties>\n"
        "    <testcase name=\"1 meets monthly\"/>\n"
        "    <testcase name=\"2\">\n"
        "      <failure message=\"late\">due 2025-01-31\nbad \xEF\xBF\xBD</failure>\n"
        "      <skipped message=\"why\"/>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n");
}

TEST_CASE("json: every log with its rejected rows, notes only when there are any", "[writers]") {
  log_file_summary with_rejects;
  with_rejects.path = "meetings.csv";
  with_rejects.format = "csv";
  with_rejects.rows_read = 3;
  with_rejects.rows_used = 2;
  with_rejects.reject(7, "missing body");
  const auto logs = logs_json({with_rejects});
  REQUIRE(logs.size() == 1);
  CHECK(logs[0]["rows_rejected"] == 1);
  CHECK(logs[0]["rejected"][0]["line"] == 7);
  CHECK(logs[0]["rejected"][0]["reason"] == "missing body");
  CHECK_FALSE(logs[0].contains("notes"));
}
