// Escaping for the report formats (report/markup.hpp) and the text layer of iCalendar
// (report/icalendar.hpp): text from the input must never become markup, and the files must stay
// well-formed whatever bytes the input holds.
#include <string>

#include <catch2/catch.hpp>

#include "report/icalendar.hpp"
#include "report/markup.hpp"

using namespace remit;

TEST_CASE("escape_xml: markup characters become references, in text and in attributes", "[markup]") {
  CHECK(escape_xml("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  CHECK(escape_xml("\" onmouseover=\"x") == "&quot; onmouseover=&quot;x");
  CHECK(escape_xml("Children & Young People") == "Children &amp; Young People");
  CHECK(escape_xml("&amp;") == "&amp;amp;");
  CHECK(escape_xml("]]> <!-- -->") == "]]&gt; &lt;!-- --&gt;");
}

TEST_CASE("escape_xml: characters XML forbids and bytes that are not UTF-8 become U+FFFD", "[markup]") {
  CHECK(escape_xml("a\x01" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(escape_xml("tab\tline\ncr\r") == "tab\tline\ncr\r");
  CHECK(escape_xml("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x93\x85") == "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x93\x85");
  CHECK(escape_xml("bad \xC3 end") == "bad \xEF\xBF\xBD end");         // a lead byte with no continuation
  CHECK(escape_xml("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");          // an overlong '/'
  CHECK(escape_xml("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  CHECK(escape_xml("\xEF\xBF\xBE") == "\xEF\xBF\xBD");                  // U+FFFE
}

TEST_CASE("escape_markdown: what could start markup is escaped, plain text stays readable", "[markup]") {
  CHECK(escape_markdown("<b>bold</b>") == "\\<b\\>bold\\</b\\>");
  CHECK(escape_markdown("a | b") == "a \\| b");
  CHECK(escape_markdown("*x* _y_ `z` [l](javascript:x) #1 ~s~ \\") ==
        "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](javascript:x) \\#1 \\~s\\~ \\\\");
  CHECK(escape_markdown("Children & Young People") == "Children & Young People");
  CHECK(escape_markdown("&amp; &#60;") == "\\&amp; \\&\\#60;");
  CHECK(escape_markdown("two\nlines\r\n") == "two lines  ");
}

TEST_CASE("valid_utf8_text: keeps UTF-8, replaces what is not", "[markup]") {
  CHECK(valid_utf8_text("ok \xE2\x80\x94") == "ok \xE2\x80\x94");
  CHECK(valid_utf8_text("\xFF") == "\xEF\xBF\xBD");
}

TEST_CASE("ical_text: backslash, semicolon, comma and line ends escaped (RFC 5545 3.3.11)", "[icalendar]") {
  CHECK(ical_text("a,b;c\\d") == "a\\,b\\;c\\\\d");
  CHECK(ical_text("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
  CHECK(ical_text("bell\x07") == "bell ");
  CHECK(ical_text("\"quoted\": fine") == "\"quoted\": fine");
}

TEST_CASE("append_content_line: folded at 75 octets, CRLF, never inside a character or an escape", "[icalendar]") {
  std::string out;
  append_content_line(out, "SUMMARY:short");
  CHECK(out == "SUMMARY:short\r\n");

  out.clear();
  const std::string long_line = "DESCRIPTION:" + std::string(200, 'x');
  append_content_line(out, long_line);
  std::string unfolded;
  std::size_t start = 0;
  int lines = 0;
  while (start < out.size()) {
    const std::size_t end = out.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    const std::string line = out.substr(start, end - start);
    CHECK(line.size() <= 75);
    unfolded += lines == 0 ? line : line.substr(1);
    if (lines > 0) CHECK(line[0] == ' ');
    ++lines;
    start = end + 2;
  }
  CHECK(unfolded == long_line);
  CHECK(lines == 3);  // 75 + (1 + 74) + (1 + 63)

  // A three-octet character that would straddle octet 75 moves whole to the next line.
  out.clear();
  append_content_line(out, "X:" + std::string(72, 'a') + "\xE2\x80\x94" + "b");
  CHECK(out == "X:" + std::string(72, 'a') + "\r\n \xE2\x80\x94" + "b\r\n");

  // So does an escape that would straddle it.
  out.clear();
  append_content_line(out, "X:" + std::string(72, 'a') + "\\,b");
  CHECK(out == "X:" + std::string(72, 'a') + "\r\n \\,b\r\n");
}

TEST_CASE("ical_date: yyyymmdd", "[icalendar]") { CHECK(ical_date("2026-04-08") == "20260408"); }
