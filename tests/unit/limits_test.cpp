// Resource limits: --limit NAME=VALUE, how limits are quoted, the long-line scan, the cap on
// printed errors and the window shown of a line too long to read.
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "core/diagnostic.hpp"
#include "core/limits.hpp"

using namespace remit;

namespace {
// Every test leaves the limits as it found them: they are one set per run.
struct default_limits {
  default_limits() { reset_limits(); }
  ~default_limits() { reset_limits(); }
};
}  // namespace

TEST_CASE("limits: the defaults, and NAME=VALUE with K, M and G", "[limits]") {
  default_limits guard;
  CHECK(limit_value(limit::file_size) == 1073741824);
  CHECK(limit_value(limit::line_length) == 16777216);
  CHECK(limit_value(limit::rules) == 10000);
  CHECK(limit_value(limit::errors) == 100);
  CHECK(limit_value(limit::findings) == 1000000);
  CHECK(set_limit("file-size=2G").empty());
  CHECK(limit_value(limit::file_size) == 2147483648);
  CHECK_FALSE(limit_is_default(limit::file_size));
  CHECK(set_limit("line-length=64k").empty());
  CHECK(limit_value(limit::line_length) == 65536);
  CHECK(set_limit("line-length=3M").empty());
  CHECK(limit_value(limit::line_length) == 3145728);
  CHECK(set_limit("rules=5").empty());
  CHECK(limit_value(limit::rules) == 5);
  reset_limits();
  CHECK(limit_is_default(limit::rules));
}

TEST_CASE("limits: what is not a limit, or not a value, says why", "[limits]") {
  default_limits guard;
  CHECK(set_limit("memory=2G") == "unknown limit 'memory': expected one of file-size, line-length, rules, errors, findings");
  CHECK(set_limit("rules") == "'rules': expected NAME=VALUE, NAME one of file-size, line-length, rules, errors, findings");
  CHECK(set_limit("rules=0") == "rules: '0' is not a whole number above 0");
  CHECK(set_limit("rules=5K") == "rules: '5K' is not a whole number above 0");  // a count takes no unit
  CHECK(set_limit("file-size=-1") == "file-size: '-1' is not a size: a whole number of bytes above 0, which a K, M or G may follow");
  CHECK(set_limit("file-size=99999999999999G") == "file-size: '99999999999999G' is too large");
  // Too large to hold: said so, never echoed (it may have hundreds of digits); other text is cut.
  CHECK(set_limit("rules=" + std::string(300, '9')) == "rules: the number is too large");
  CHECK(set_limit("rules=" + std::string(300, 'x')) == "rules: '" + std::string(32, 'x') + "...' is not a whole number above 0");
  CHECK(set_limit("file_size=2G") ==
        "unknown limit 'file_size' (did you mean 'file-size'?): expected one of file-size, line-length, rules, errors, findings");
  CHECK(set_limit("rulse=3") ==
        "unknown limit 'rulse' (did you mean 'rules'?): expected one of file-size, line-length, rules, errors, findings");
  CHECK(limit_is_default(limit::file_size));
  CHECK(limit_is_default(limit::rules));
}

TEST_CASE("limits: sizes are quoted in whole units where they are whole", "[limits]") {
  CHECK(limit_words(limit::file_size, 1073741824) == "1 GiB");
  CHECK(limit_words(limit::file_size, 1610612736) == "1.5 GiB");
  CHECK(limit_words(limit::line_length, 1024) == "1 KiB");
  CHECK(limit_words(limit::line_length, 1100) == "1.1 KiB");
  CHECK(limit_words(limit::line_length, 99) == "99 bytes");
  CHECK(limit_words(limit::rules, 10000) == "10000");
}

TEST_CASE("limits: the first line longer than the line-length limit, by its number", "[limits]") {
  default_limits guard;
  REQUIRE(set_limit("line-length=4").empty());
  CHECK(first_line_over_limit("ab\ncdef\ng").line == 0);  // 4 bytes is within the limit
  const long_line l = first_line_over_limit("ab\ncdef\nghijk\nlmnopqrstu");
  CHECK(l.line == 3);
  CHECK(l.length == 5);
  CHECK(first_line_over_limit("abcdefg").line == 1);  // no line end at all
}

TEST_CASE("limits: past the errors limit, the rest are counted, not printed", "[limits]") {
  default_limits guard;
  REQUIRE(set_limit("errors=2").empty());
  diagnostics d;
  for (std::uint32_t line = 5; line > 0; --line) d.error({"f.remit", line, 0}, "bad");
  std::ostringstream out;
  d.render(out);
  CHECK(out.str() ==
        "f.remit:1: error: bad\nf.remit:2: error: bad\n... and 3 more errors (the limit is 2: raise it with --limit errors=N)\n");
}

TEST_CASE("diagnostics: a line too long to read is shown around its caret", "[limits]") {
  const std::string line = std::string(200, 'a') + "X" + std::string(200, 'b');
  const std::string shown = render(diagnostic{{"f.remit", 1, 201}, "bad", line});
  const std::string expected_line = "..." + std::string(60, 'a') + "X" + std::string(60, 'b') + "...";
  CHECK(shown == "f.remit:1:201: error: bad\n" + expected_line + "\n" + std::string(63, ' ') + "^\n");
  // A short line is shown whole, as before.
  CHECK(render(diagnostic{{"f.remit", 1, 3}, "bad", "abcd"}) == "f.remit:1:3: error: bad\nabcd\n  ^\n");
}

TEST_CASE("diagnostics: the part of a long line shown holds whole characters", "[limits]") {
  // 60 bytes either side of the caret's byte fall inside an em dash (3 bytes) at each end: the
  // part shown widens to take each dash whole.
  const std::string dash = "\xE2\x80\x94";
  const std::string line = std::string(239, 'a') + dash + std::string(58, 'a') + "X" + std::string(59, 'b') + dash +
                           std::string(200, 'b');
  const std::string shown = render(diagnostic{{"f.remit", 1, 299}, "bad", line});
  const std::string expected_line = "..." + dash + std::string(58, 'a') + "X" + std::string(59, 'b') + dash + "...";
  CHECK(shown == "f.remit:1:299: error: bad\n" + expected_line + "\n" + std::string(62, ' ') + "^\n");
}

TEST_CASE("limits: the findings limit's advice says what else can be done", "[limits]") {
  default_limits guard;
  CHECK(limit_advice(limit::findings) ==
        "the limit is 1000000: raise it with --limit findings=N, or audit a shorter window with --from and --to");
  CHECK(limit_advice(limit::rules) == "the limit is 10000: raise it with --limit rules=N");
}
