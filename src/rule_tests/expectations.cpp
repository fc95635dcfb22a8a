// The `expected` file of a test case:
//
//   # comments and blank lines are ignored
//   body "Corporate Parenting Board"     (only needed when a label is in several bodies)
//   1.9    breach
//   2.4#3  pass                          (#N: the Nth statement with that label in the body)
#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "rule_tests/rule_tests.hpp"

namespace remit::rule_tests {

namespace {

std::optional<rule_status> status_named(std::string_view word) {
  for (rule_status s : {rule_status::breach, rule_status::no_evidence, rule_status::advisory, rule_status::waived,
                        rule_status::not_due, rule_status::pass})
    if (name(s) == word) return s;
  return std::nullopt;
}

// Words split at white space outside double quotes; a word that starts with '#' starts a comment
// ("2.4#3" is one word: the '#' inside it is not a comment).
std::vector<std::string_view> words_in(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (i < line.size()) {
    if (space(line[i])) {
      ++i;
      continue;
    }
    if (line[i] == '#') break;
    const std::size_t begin = i;
    bool quoted = false;
    for (; i < line.size() && (quoted || !space(line[i])); ++i) {
      if (line[i] == '\\' && quoted) ++i;
      else if (line[i] == '"') quoted = !quoted;
    }
    out.push_back(line.substr(begin, std::min(i, line.size()) - begin));
  }
  return out;
}

std::string unquoted(std::string_view quoted) {
  std::string out;
  for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
    if (quoted[i] == '\\' && i + 2 < quoted.size()) ++i;
    out += quoted[i];
  }
  return out;
}

}  // namespace

std::optional<std::vector<expectation>> read_expectations(std::string_view text, std::string& problem) {
  std::vector<expectation> out;
  std::optional<std::string> body;
  std::optional<date> in_force_on;
  std::uint32_t line_no = 0;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    ++line_no;
    const std::vector<std::string_view> words = words_in(line);
    const auto fail = [&](std::string why) {
      problem = fmt::format("expected:{}: {}", line_no, why);
      return std::nullopt;
    };
    if (words.empty()) continue;
    if (words[0] == "body") {
      if (words.size() != 2 || (words[1] != "*" && (words[1].size() < 2 || words[1].front() != '"' || words[1].back() != '"')))
        return fail("expected a quoted body name after 'body', as in body \"Corporate Parenting Board\"");
      body = words[1] == "*" ? std::optional<std::string>{} : std::optional(unquoted(words[1]));
      in_force_on.reset();
      continue;
    }
    if (words[0] == "in") {
      const auto day = words.size() == 4 && words[1] == "force" && words[2] == "on" ? parse_iso_date(words[3])
                                                                                     : std::nullopt;
      if (!day)
        return fail("expected 'in force on YYYY-MM-DD', to pick the version of the body's rules in force that day");
      in_force_on = day;
      continue;
    }
    if (words.size() != 2)
      return fail(fmt::format("expected a clause label and a status, as in '5.1 breach', got '{}'", line));
    expectation e{body, std::string(words[0]), 0, rule_status::pass, line_no, in_force_on};
    if (const std::size_t hash = e.label.find('#'); hash != std::string::npos) {
      const std::string_view n = std::string_view(e.label).substr(hash + 1);
      const auto [ptr, ec] = std::from_chars(n.data(), n.data() + n.size(), e.nth);
      if (ec != std::errc{} || ptr != n.data() + n.size() || e.nth < 1)
        return fail(fmt::format("expected a number from 1 after '#' in '{}', as in '2.4#3'", words[0]));
      e.label.resize(hash);
    }
    const auto status = status_named(words[1]);
    if (!status)
      return fail(fmt::format("unknown status '{}': expected pass, breach, no-evidence, advisory, waived or not-due", words[1]));
    e.status = *status;
    out.push_back(std::move(e));
  }
  if (out.empty()) {
    problem = "expected: lists no statement: write one line per statement, as in '5.1 breach'";
    return std::nullopt;
  }
  return out;
}

}  // namespace remit::rule_tests
