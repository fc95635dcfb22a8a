// JUnit XML, which CI systems read: the writer that remit's two JUnit outputs share, the audit's
// (report/junit_reporter.cpp) and the rule tests' (rule_tests/report.cpp). Every attribute value
// and text is escaped (report/markup.hpp), and nothing is timed, so the same inputs give the same bytes.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace remit::junit {

// Attributes in the order written: name, then the value as it reads (escaped when written).
using attributes = std::vector<std::pair<std::string_view, std::string>>;

// An element inside a test case: <failure message="...">text</failure>, or with no text <skipped .../>.
struct outcome {
  std::string_view tag;
  attributes attrs;
  std::optional<std::string> text;
};

class writer {
 public:
  // Writes the XML declaration and opens <testsuites>.
  writer(std::ostream& out, const attributes& suites);
  void begin_suite(const attributes& suite);
  // <properties>, one <property name value/> each.
  void properties(const attributes& properties);
  // A <testcase>, closed at once when nothing happened in it.
  void test_case(const attributes& test, const std::vector<outcome>& inside);
  void end_suite();
  // Closes <testsuites>.
  void finish();

 private:
  std::ostream& out_;
};

}  // namespace remit::junit
