// remit fmt: the canonical layout, and the two promises it makes on every rule file of the
// repository and every statement form of the grammar table: formatting twice changes nothing
// more, and the formatted file means what the original meant, with every comment kept.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "fixture_files.hpp"
#include "grammar_rows.hpp"
#include "language/formatter.hpp"
#include "language/meaning.hpp"
#include "language/parser.hpp"
#include "support.hpp"

using namespace remit;

namespace {

ast::rule_file parsed(std::string_view text) {
  diagnostics diags;
  auto file = parse_rule_file("test.remit", text, diags);
  std::ostringstream out;
  diags.render(out);
  INFO(out.str());
  REQUIRE(file.has_value());
  return std::move(*file);
}

std::string formatted(std::string_view text) { return format_rule_file(parsed(text)); }

std::vector<std::string> comments_of(const ast::rule_file& f) {
  std::vector<std::string> out;
  for (const ast::comment& c : f.comments) out.push_back(c.text);
  std::sort(out.begin(), out.end());
  return out;
}

// Both promises, for one text.
void check_canonical(std::string_view text) {
  const ast::rule_file original = parsed(text);
  const std::string once = format_rule_file(original);
  INFO("formatted:\n" << once);
  const ast::rule_file again = parsed(once);
  CHECK(format_rule_file(again) == once);
  CHECK(meaning_of(again) == meaning_of(original));
  CHECK(comments_of(again) == comments_of(original));
}

std::string read(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

std::vector<std::filesystem::path> rule_files_under(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".remit") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("the parser keeps comments, blank lines and where each setting and brace was written", "[formatter]") {
  const ast::rule_file f = parsed(
      "# heading\n"
      "\n"
      "calendar none   # no bank holidays\n"
      "council \"X # not a comment\"\n"
      "body \"B\" {\n"
      "  # about 5.1\n"
      "  5.1 meets quarterly # \"quoted\"\n"
      "  council \"Y\"\n"
      "\n"
      "}  # end\n");
  REQUIRE(f.comments.size() == 5);
  CHECK(f.comments[0].text == "# heading");
  CHECK_FALSE(f.comments[0].trailing);
  CHECK(f.comments[1].text == "# no bank holidays");
  CHECK(f.comments[1].trailing);
  CHECK(f.comments[1].where.line == 3);
  CHECK(f.comments[1].where.column == 17);
  CHECK(f.comments[2].text == "# about 5.1");
  CHECK(f.comments[3].text == "# \"quoted\"");
  CHECK(f.comments[3].trailing);
  CHECK(f.comments[4].text == "# end");
  CHECK(f.blank_lines == std::vector<std::uint32_t>{2, 9});
  REQUIRE(f.defaults.written.size() == 2);
  CHECK(f.defaults.written[0].kind == ast::setting_kind::calendar);
  CHECK(f.defaults.written[0].where.line == 3);
  CHECK(f.defaults.written[1].kind == ast::setting_kind::council);
  REQUIRE(f.bodies.size() == 1);
  REQUIRE(f.bodies[0].overrides.written.size() == 1);
  CHECK(f.bodies[0].overrides.written[0].where.line == 8);
  CHECK(f.bodies[0].overrides.written[0].where.column == 3);
  CHECK(f.bodies[0].close_at.line == 10);
  CHECK(f.bodies[0].close_at.column == 1);
}

TEST_CASE("words are split as the grammar reads them", "[formatter]") {
  CHECK(words_of("  meets   every\t2 months  # note") == std::vector<std::string_view>{"meets", "every", "2", "months"});
  CHECK(words_of("has item \"a  b # c \\\" d\"  # x") == std::vector<std::string_view>{"has", "item", "\"a  b # c \\\" d\""});
  CHECK(words_of("# all comment").empty());
}

TEST_CASE("the canonical layout", "[formatter]") {
  SECTION("settings in their order, one space between words, labels lined up, comments kept") {
    const std::string messy =
        "# Rutland ToR\n"
        "# (a heading: it stays at the top)\n"
        "\n"
        "\n"
        "waive   5.1 from 2024-05-22 to 2024-07-04   because \"pre-election  period\"\n"
        "# the council's name as the logs spell it\n"
        "council   \"Rutland County Council\"\n"
        "year starts 01 april      # municipal year\n"
        "calendar england-and-wales    # bank holidays\n"
        "body \"Corporate Parenting Board\"{   # opens\n"
        "\n"
        "      # 1.9 meets quarterly\n"
        "  1.9   meets     quarterly\n"
        "\t2.4(a)\treceives \"Work  Programme\"   annually   # two spaces inside the quotes stay\n"
        "  calendar none\n"
        "\n"
        "\n"
        "  5.1 meets every 2 months with 7 days grace\n"
        "\n"
        "}\n"
        "body * {\n"
        "s100B agenda published at least 5 clear working days before each meeting\n"
        "}\n"
        "# the end\n";
    CHECK(formatted(messy) ==
          "# Rutland ToR\n"
          "# (a heading: it stays at the top)\n"
          "\n"
          "# the council's name as the logs spell it\n"
          "council \"Rutland County Council\"\n"
          "calendar england-and-wales  # bank holidays\n"
          "year starts 1 April         # municipal year\n"
          "waive 5.1 from 2024-05-22 to 2024-07-04 because \"pre-election  period\"\n"
          "\n"
          "body \"Corporate Parenting Board\" {  # opens\n"
          "  calendar none\n"
          "  # 1.9 meets quarterly\n"
          "  1.9     meets quarterly\n"
          "  2.4(a)  receives \"Work  Programme\" annually  # two spaces inside the quotes stay\n"
          "\n"
          "  5.1     meets every 2 months with 7 days grace\n"
          "}\n"
          "\n"
          "body * {\n"
          "  s100B  agenda published at least 5 clear working days before each meeting\n"
          "}\n"
          "\n"
          "# the end\n");
    check_canonical(messy);
  }
  SECTION("comments right under a line and followed by a blank line are its footnote, and move with it") {
    const std::string footnotes =
        "year starts 1 April\n"
        "# the municipal year\n"
        "\n"
        "council \"X\"\n"
        "body \"B\" {\n"
        "  1  meets monthly\n"
        "  # a footnote to 1\n"
        "\n"
        "  2  meets quarterly\n"
        "}\n";
    CHECK(formatted(footnotes) ==
          "council \"X\"\n"
          "year starts 1 April\n"
          "# the municipal year\n"
          "\n"
          "body \"B\" {\n"
          "  1  meets monthly\n"
          "  # a footnote to 1\n"
          "\n"
          "  2  meets quarterly\n"
          "}\n");
    check_canonical(footnotes);
  }
  SECTION("a setting written twice keeps both lines in their order, so the last still wins") {
    const std::string twice = "council \"A\"\ncalendar none\ncouncil \"B\"\nbody \"X\" {\n  1 meets monthly\n}\n";
    CHECK(formatted(twice) == "council \"A\"\ncouncil \"B\"\ncalendar none\n\nbody \"X\" {\n  1  meets monthly\n}\n");
    check_canonical(twice);
  }
  SECTION("a byte order mark and CRLF line ends are dropped; a missing last line end is added") {
    CHECK(formatted("\xEF\xBB\xBF# h\r\ncouncil \"X\"\r\nbody \"B\" {\r\n  5.1 meets quarterly\r\n}  # closes") ==
          "# h\ncouncil \"X\"\n\nbody \"B\" {\n  5.1  meets quarterly\n}  # closes\n");
  }
  SECTION("names are written back with their escapes") {
    const std::string escaped = "body \"Say \\\"hi\\\" \\\\ bye\" {\n  1 meets monthly\n}\n";
    CHECK(formatted(escaped) == escaped.substr(0, escaped.find('\n') + 1) + "  1  meets monthly\n}\n");
    check_canonical(escaped);
  }
  SECTION("a formatted file is left byte for byte as it is") {
    const std::string canonical =
        "council \"X\"\n"
        "\n"
        "body \"B\" {\n"
        "  # a\n"
        "  5.1  meets quarterly  # b\n"
        "  6    meets monthly    # c\n"
        "}\n";
    CHECK(formatted(canonical) == canonical);
  }
}

TEST_CASE("counts keep the spelling their author gave them, in words or in digits", "[formatter]") {
  // docs/language.md, "Numbers": remit fmt changes only the spaces; "four" stays "four", "4" stays "4".
  CHECK(formatted("body \"B\" {\n"
                  "  3.1   meets   four  times a year\n"
                  "  3.2 meets at least 4 times a year\n"
                  "  q quorum three\tmembers\n"
                  "  7 has at least two \"Co-opted\" members\n"
                  "  5.1 meets once a year\n"
                  "}\n") ==
        "body \"B\" {\n"
        "  3.1  meets four times a year\n"
        "  3.2  meets at least 4 times a year\n"
        "  q    quorum three members\n"
        "  7    has at least two \"Co-opted\" members\n"
        "  5.1  meets once a year\n"
        "}\n");
}

TEST_CASE("every rule file in the repository keeps its meaning and its comments, and formats to itself", "[formatter]") {
  const std::filesystem::path root = test::source_root();
  std::vector<std::filesystem::path> files = rule_files_under(root / "rules");
  for (const auto& p : rule_files_under(root / "tests")) {
    diagnostics diags;
    // Error cases hold rule files that must not parse; the rest must format.
    if (parse_rule_file(p.string(), read(p), diags)) files.push_back(p);
  }
  REQUIRE(files.size() >= 6);
  for (const auto& p : files) {
    INFO(p.string());
    check_canonical(read(p));
  }
}

TEST_CASE("every statement form of the grammar table keeps its meaning and formats to itself", "[formatter]") {
  for (const char* statement : test::accepted_statements) {
    INFO(statement);
    check_canonical(std::string("body \"Corporate Parenting Board\" {\n  ") + statement + "\n}\n");
    check_canonical(std::string("council \"C\"\nbody * {  # every body\n") + statement + "  # trailing\n  # closing\n}\n");
  }
}
