// The JSON report is written as it is made (report/report_json.hpp, json_writer): byte for byte
// what nlohmann's dump of the whole document gives, yet never the whole document at once.
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/report_json.hpp"
#include "report/reporter.hpp"
#include "support.hpp"

using namespace remit;
using json = nlohmann::ordered_json;

namespace {

// Writes `v` through the writer, opening every object and array (down to `depth` levels) and
// dumping what is below whole, as the JSON report does.
void write_through(json_writer& w, const json& v, int depth, const char* key = nullptr) {
  if (depth == 0 || !v.is_structured()) {
    w.value(v, key);
    return;
  }
  if (v.is_object()) {
    w.open_object(key);
    for (const auto& [k, member] : v.items()) write_through(w, member, depth - 1, k.c_str());
  } else {
    w.open_array(key);
    for (const json& element : v) write_through(w, element, depth - 1);
  }
  w.close();
}

}  // namespace

TEST_CASE("JSON writer: nlohmann's dump(2) of the whole document, byte for byte, at any depth", "[json-writer]") {
  const json doc = json::parse(R"({
    "from": "2024-01-01", "empty_array": [], "empty_object": {}, "null": null, "n": 3, "x": -1.5, "yes": true,
    "nested": [[], {}, [1, [2, {"a": []}]], {"b": {"c": [{}]}}],
    "text": "quotes \" and \\ and a line\nend, é, \u0001",
    "results": [{"council": null, "findings": [{"status": "breach", "people": ["A", "B"]}, {"status": "pass"}]}]
  })");
  const std::string whole = doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  for (int depth = 0; depth < 6; ++depth) {
    std::ostringstream out;
    json_writer w(out);
    write_through(w, doc, depth);
    CHECK(out.str() == whole);
  }
  // Invalid UTF-8 is replaced as the whole document's dump replaces it.
  const json bad = {{"message", std::string("caf\xc3 \xff")}, {"list", json::array({std::string("\xfe")})}};
  std::ostringstream out;
  json_writer w(out);
  write_through(w, bad, 2);
  CHECK(out.str() == bad.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

namespace {

// The words of each finding, and how much of the report had been written when they were asked for.
class recording_words final : public finding_writer {
 public:
  explicit recording_words(const std::ostringstream& out) : out_(out) {}
  std::string words(const finding& f) const override {
    written_before.push_back(out_.str());
    return fmt::format("the meeting due by {} was late", f.due);
  }
  mutable std::vector<std::string> written_before;

 private:
  const std::ostringstream& out_;
};

}  // namespace

TEST_CASE("JSON report: each finding is written out before the next one is made", "[json-writer]") {
  // A rule with 1,000 findings whose words are written on demand, as a streamed audit's are.
  test::audit_result audited = test::audit("body \"Board\" {\n  g meets every 2 months\n}\n", "body,date\nBoard,2024-01-10\n",
                                          "2024-01-01", "2024-12-31");
  audit_report& report = audited.report;
  REQUIRE(report.results.size() == 1);
  std::ostringstream out;
  auto words = std::make_shared<recording_words>(out);
  std::vector<compact_finding> findings(1000);
  for (std::size_t i = 0; i < findings.size(); ++i) findings[i].due = test::d("2024-01-01").plus_days(static_cast<long>(i));
  report.results[0].findings = finding_list(std::move(findings), words);

  find_reporter("json")->make({})->write(report, out);
  REQUIRE(words->written_before.size() == 1000);
  // When each finding's words are asked for, the finding before it is already in the output, and
  // nothing after it: the writer holds one finding at a time, not the document.
  for (std::size_t i = 1; i < 1000; ++i) {
    const std::string& before = words->written_before[i];
    INFO("finding " << i);
    CHECK_THAT(before, Catch::Matchers::EndsWith(fmt::format("\"message\": \"the meeting due by {} was late\"\n        }}",
                                                             test::d("2024-01-01").plus_days(static_cast<long>(i) - 1))));
  }
  // And the document is still the one nlohmann writes of it whole.
  CHECK(json::parse(out.str()).dump(2, ' ', false, json::error_handler_t::replace) + "\n" == out.str());
}
