// Control characters from the input are shown escaped in every text output and diagnostic
// (core/text.hpp, escape_controls), so that a hostile log or rule file cannot move the cursor,
// recolour or retitle a terminal, or forge a line of a report.
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "core/diagnostic.hpp"
#include "core/text.hpp"
#include "report/reporter.hpp"
#include "support.hpp"

using namespace remit;
using remit::test::audit;

namespace {

// The bytes of `text` a terminal would act on: C0 controls but tab and line feed, DEL, and C1.
std::string controls_in(const std::string& text) {
  std::string found;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) found += text[i];
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) found += text.substr(i, 2);
  }
  return found;
}

}  // namespace

TEST_CASE("escape: every control character but tab is shown by its code in hex, and other text is unchanged", "[escape]") {
  CHECK(escape_controls("Corporate Parenting Board") == "Corporate Parenting Board");
  CHECK(escape_controls("Comité d’audit — ünïcode, \\x1b and a tab\there") == "Comité d’audit — ünïcode, \\x1b and a tab\there");
  CHECK(escape_controls("") == "");
  CHECK(escape_controls("\x1b[2J\x1b]0;title\x07") == "\\x1b[2J\\x1b]0;title\\x07");
  CHECK(escape_controls(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(escape_controls("line\nfeed\rreturn\x08") == "line\\x0afeed\\x0dreturn\\x08");
  CHECK(escape_controls("del\x7f") == "del\\x7f");
  CHECK(escape_controls("csi\xc2\x9b" "31m") == "csi\\xc2\\x9b31m");  // U+009B, the C1 CSI
  CHECK(escape_controls("nbsp\xc2\xa0kept") == "nbsp\xc2\xa0kept");   // U+00A0 is not a control
  CHECK(escape_controls("bad \x9b byte") == "bad \\x9b byte");          // not UTF-8
  CHECK(escape_controls_but_line_feeds("one\x1b\ntwo\n") == "one\\x1b\ntwo\n");
}

TEST_CASE("escape: a diagnostic's file, message and line, with the caret under the column as shown", "[escape]") {
  // The caret is at column 8, the 'e' after the escape character: as shown, 4 more columns along.
  const std::string shown =
      render(diagnostic{{"b\x07.remit", 2, 8}, "got '\x1b[31mevry'", "  1  m\x1b" "evry\t2 months"});
  CHECK(shown ==
        "b\\x07.remit:2:8: error: got '\\x1b[31mevry'\n"
        "  1  m\\x1bevry\t2 months\n"
        "          ^\n");
  // A tab before the column is copied, as it always was.
  CHECK(render(diagnostic{{"f.remit", 1, 4}, "bad", "\ta\x1b" "b"}) == "f.remit:1:4: error: bad\n\ta\\x1bb\n\t     ^\n");
  // Without control characters nothing changes.
  CHECK(render(diagnostic{{"f.remit", 1, 3}, "bad", "abcd"}) == "f.remit:1:3: error: bad\nabcd\n  ^\n");
}

TEST_CASE("escape: the text report shows names, statements and findings from the input escaped", "[escape]") {
  const auto r = audit("body \"Board\x1b[2J\" {\n5.1 meets every 2 months\n}\n",
                       "body,date,status,title\n\"Board\x1b[2J\",2024-01-10,held,\"Agenda\x1b]0;pwned\x07\"\n", "2024-01-01",
                       "2024-12-31");
  for (const bool colour : {false, true}) {
    INFO(colour);
    std::ostringstream out;
    make_text_reporter({.color = colour})->write(r.report, out);
    const std::string text = out.str();
    CHECK_THAT(text, Catch::Matchers::Contains("Board\\x1b[2J"));
    CHECK(text.find("\x1b[2J") == std::string::npos);
    // With colour, remit's own codes are the only control characters.
    if (!colour) CHECK(controls_in(text).empty());
  }
}
