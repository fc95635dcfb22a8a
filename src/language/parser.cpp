#include "language/parser.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <sstream>

#include <fmt/format.h>

#include "core/date.hpp"
#include "core/files.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"
#include "grammar/error_messages.hpp"
#include "grammar/remit_grammar.hpp"

namespace remit {

namespace g = grammar;
namespace pegtl = tao::pegtl;

namespace {

// What the actions build, piece by piece, while one statement line is parsed.
struct pending_statement {
  ast::frequency how_often;
  ast::time_unit unit = ast::time_unit::month;
  ast::period_kind period = ast::period_kind::year;
  int count = 0;
  int grace = 0;
  bool jointly = false;
  bool clear = false;
  bool working = false;
  bool deadline = false;
  bool since_previous = false;
  bool on_the_day = false;
  bool recipient_is_regex = false;
  std::optional<std::string> absent_role;
  std::vector<std::size_t> else_at;  // chaired by ..., else ...: where each step's roles begin in `roles`
  bool else_any_member = false;      // chaired by ..., else any member
  int partners = 0;
  std::string first_string;   // training
  ast::title_match title;     // partner, item, preceding title, received item: "A" [or "B" ...] | matching "REGEX"
  std::optional<std::string> report_title;
  std::string recipient;
  bool recipient_seen = false;
  std::vector<std::string> also_to;  // reports ... to "A" and "B": the recipients after the first
  date deadline_day;
  source_location deadline_at;
  source_location pattern_at;
  std::vector<std::string> roles;  // people statements: the roles named, in order
  bool at_most = false;
  bool exactly = false;
  std::vector<ast::member_term> terms;  // kinds of member named, in order: `co-opted members`
  std::optional<std::string> party;     // members of party "P"
  std::optional<std::string> office;    // role "R" held by "OFFICE"
  std::optional<ast::member_term> quorum_term, including_term;  // quorum N KIND members including K KIND members
  std::optional<std::string> including_role;
  int including = 0;
  int percent = 100;
  std::optional<ast::rule> rule;
  std::string label;
  source_location label_at;
  std::string text;
  source_location rule_at;
  std::size_t rule_end = 0;  // the byte after the rule, where modifiers begin
  std::size_t rule_chars = 0;
  ast::modifiers modifiers;
  std::optional<std::string> not_checked_reason;  // LABEL not checked "REASON"
  source_location not_checked_at;
};

struct builder {
  std::string path;
  std::string_view text;
  diagnostics& diags;
  ast::rule_file file;
  ast::body* open_body = nullptr;
  std::size_t open_body_byte = 0;
  pending_statement st;

  // year starts D MONTH
  int year_day = 0;
  source_location year_day_at;
  // waive LABEL from D to D because "R"
  ast::waiver waiver;
  // which setting the line being parsed is
  ast::setting_kind setting = ast::setting_kind::council;

  template <typename ParseInput>
  source_location at(const ParseInput& in) const {
    return at_byte(in.byte());
  }
  template <typename ActionInput>
  source_location begin_of(const ActionInput& in) const {
    return at_byte(static_cast<std::size_t>(in.begin() - text.data()));
  }
  source_location at_byte(std::size_t byte) const {
    const std::size_t line_begin = text.rfind('\n', byte == 0 ? 0 : byte - 1);
    const std::size_t begin = (line_begin == std::string_view::npos || byte == 0) ? 0 : line_begin + 1;
    return {path, line_number(begin), locate_in_line(text, begin, byte).column};
  }
  // Lines are counted from the last position asked for, not from the start: a file of 100,000
  // lines asks for every one of them, and counting from the start each time would take minutes.
  std::uint32_t line_number(std::size_t line_begin) const {
    if (line_begin < counted_to) counted_to = 0, counted_lines = 1;
    counted_lines += static_cast<std::uint32_t>(
        std::count(text.begin() + static_cast<long>(counted_to), text.begin() + static_cast<long>(line_begin), '\n'));
    counted_to = line_begin;
    return counted_lines;
  }
  std::string line_of(std::size_t byte) const {
    const std::size_t line_begin = text.rfind('\n', byte == 0 ? 0 : byte - 1);
    const std::size_t begin = (line_begin == std::string_view::npos || byte == 0) ? 0 : line_begin + 1;
    return std::string(locate_in_line(text, begin, byte).line);
  }
  void error_at(std::size_t byte, std::string message) { diags.error(at_byte(byte), std::move(message), line_of(byte)); }
  // The first byte at or after `byte` that is not a space or a tab.
  std::size_t skip_blanks(std::size_t byte) const {
    while (byte < text.size() && (text[byte] == ' ' || text[byte] == '\t')) ++byte;
    return byte;
  }
  template <typename ActionInput>
  std::size_t byte_of(const ActionInput& in) const {
    return static_cast<std::size_t>(in.begin() - text.data());
  }

  // Comments are kept for the tools that rewrite or read a file's layout. A comment may be
  // matched twice while the grammar tries the alternatives of a line; it is kept once.
  void add_comment(std::size_t byte, std::string_view written) {
    if (!comment_bytes.empty() && comment_bytes.back() >= byte) return;
    comment_bytes.push_back(byte);
    const std::size_t line_begin = byte == 0 ? 0 : text.rfind('\n', byte - 1) + 1;
    std::string_view before = text.substr(line_begin, byte - line_begin);
    if (line_begin == 0 && before.starts_with("\xEF\xBB\xBF")) before.remove_prefix(3);
    const bool trailing = before.find_first_not_of(" \t") != std::string_view::npos;
    while (!written.empty() && (written.back() == ' ' || written.back() == '\t' || written.back() == '\r'))
      written.remove_suffix(1);
    file.comments.push_back({at_byte(byte), std::string(written), trailing});
  }
  std::vector<std::size_t> comment_bytes;
  // line_number's place: how far it has counted, and the line it reached.
  mutable std::size_t counted_to = 0;
  mutable std::uint32_t counted_lines = 1;

  template <typename ActionInput>
  void error(const ActionInput& in, std::string message) {
    error_at(static_cast<std::size_t>(in.begin() - text.data()), std::move(message));
  }

  ast::settings& settings_here() { return open_body ? open_body->overrides : file.defaults; }

  // Called by recover_line: the grammar insisted on something this line does not have.
  void on_syntax_error(const g::syntax_error& e) {
    std::size_t byte = e.byte;
    // Point at the offending word, not at the space before it.
    while (byte < text.size() && (text[byte] == ' ' || text[byte] == '\t')) ++byte;
    error_at(byte, fmt::format("{}, got {}", e.message, describe_token(byte)));
  }

  std::string describe_token(std::size_t byte) const {
    if (byte >= text.size()) return "the end of the file";
    if (text[byte] == '\n' || text[byte] == '\r') return "the end of the line";
    if (text[byte] == '#') return "a comment";
    std::size_t end = byte;
    const auto word_char = [](char c) { return c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '#'; };
    if (text[byte] == '"') {
      end = text.find_first_of("\"\n", byte + 1);
      end = (end == std::string_view::npos || text[end] == '\n') ? text.find('\n', byte) : end + 1;
      if (end == std::string_view::npos) end = text.size();
    } else {
      while (end < text.size() && word_char(text[end])) ++end;
    }
    std::string token(text.substr(byte, std::min<std::size_t>(end - byte, 40)));
    return fmt::format("'{}'", token);
  }
};

// Strips the quotes and resolves \" and \\.
template <typename ActionInput>
std::string unquote(const ActionInput& in) {
  const std::string_view s = in.string_view();
  std::string out;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == '\\' && i + 2 < s.size()) ++i;
    out.push_back(s[i]);
  }
  return out;
}

// one to twelve: a count written in words has the value of its place here, plus one.
constexpr std::array<std::string_view, 12> number_words{"one", "two",   "three", "four",   "five",  "six",
                                                        "seven", "eight", "nine",  "ten", "eleven", "twelve"};

// A positive whole number of sensible size, in digits or in words (one to twelve); anything else
// is reported where it stands.
template <typename ActionInput>
int positive(const ActionInput& in, builder& b, std::string_view what) {
  const std::string_view digits = trim(in.string_view());
  if (const auto word = std::find(number_words.begin(), number_words.end(), digits); word != number_words.end())
    return static_cast<int>(word - number_words.begin()) + 1;
  int value = 0;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  const std::size_t byte = static_cast<std::size_t>(digits.data() - b.text.data());
  if (ec != std::errc{} || ptr != digits.data() + digits.size() || value > 9999) {
    b.error_at(byte, fmt::format("{} {} is out of range: it must be from 1 to 9999", what, digits));
    return 1;
  }
  if (value == 0) {
    b.error_at(byte, fmt::format("{} must be at least 1, got 0", what));
    return 1;
  }
  return value;
}

template <typename ActionInput>
std::optional<date> iso_date_in(const ActionInput& in, builder& b) {
  const std::string_view t = trim(in.string_view());
  const auto d = parse_iso_date(t);
  if (!d) b.error_at(static_cast<std::size_t>(t.data() - b.text.data()), explain_bad_iso_date(t));
  return d;
}

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

#define REMIT_ACTION(rule) \
  template <>              \
  struct action<g::rule>

// ---- frequencies ----
REMIT_ACTION(every_count) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.count = positive(in, b, "the interval"); }
};
REMIT_ACTION(unit_days) { static void apply0(builder& b) { b.st.unit = ast::time_unit::day; } };
REMIT_ACTION(unit_weeks) { static void apply0(builder& b) { b.st.unit = ast::time_unit::week; } };
REMIT_ACTION(unit_months) { static void apply0(builder& b) { b.st.unit = ast::time_unit::month; } };
REMIT_ACTION(unit_years) { static void apply0(builder& b) { b.st.unit = ast::time_unit::year; } };
REMIT_ACTION(grace_count) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.grace = positive(in, b, "the grace"); }
};
REMIT_ACTION(every_freq) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.how_often = ast::gap_frequency{b.st.count, b.st.unit, b.st.grace, b.begin_of(in)};
  }
};
REMIT_ACTION(weekly_count) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.count = positive(in, b, "the interval"); }
};
REMIT_ACTION(weekly_freq) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.how_often = ast::gap_frequency{b.st.count, ast::time_unit::week, 0, b.begin_of(in)};
  }
};
REMIT_ACTION(least_count) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.count = positive(in, b, "the number of times"); }
};
REMIT_ACTION(per_year) { static void apply0(builder& b) { b.st.period = ast::period_kind::year; } };
REMIT_ACTION(per_quarter) { static void apply0(builder& b) { b.st.period = ast::period_kind::quarter; } };
REMIT_ACTION(per_month) { static void apply0(builder& b) { b.st.period = ast::period_kind::month; } };
REMIT_ACTION(per_half_year) { static void apply0(builder& b) { b.st.period = ast::period_kind::half_year; } };
REMIT_ACTION(once_word) { static void apply0(builder& b) { b.st.count = 1; } };
REMIT_ACTION(twice_word) { static void apply0(builder& b) { b.st.count = 2; } };
REMIT_ACTION(times_count) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.count = positive(in, b, "the number of times"); }
};
REMIT_ACTION(times_freq) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.how_often = ast::count_frequency{b.st.count, b.st.period, b.begin_of(in)};
  }
};
REMIT_ACTION(often_freq) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.how_often = ast::count_frequency{b.st.count, b.st.period, b.begin_of(in)};
  }
};
REMIT_ACTION(exactly_count) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.count = positive(in, b, "the number of times"); }
};
REMIT_ACTION(exactly_freq) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.how_often = ast::count_frequency{b.st.count, b.st.period, b.begin_of(in), true};
  }
};
REMIT_ACTION(least_freq) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.how_often = ast::count_frequency{b.st.count, b.st.period, b.begin_of(in)};
  }
};
// "bi-monthly" and "six-monthly" are periods, not gaps: a council that meets "on a bi-monthly
// basis" meets in alternate months, 56 to 63 days apart (SPEC §1, amended 2026-12-07).
REMIT_ACTION(bi_monthly) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.how_often = ast::coverage_frequency{ast::period_kind::two_months, b.begin_of(in)};
  }
};
REMIT_ACTION(six_monthly) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.how_often = ast::coverage_frequency{ast::period_kind::half_year, b.begin_of(in)};
  }
};
REMIT_ACTION(monthly) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.how_often = ast::coverage_frequency{ast::period_kind::month, b.begin_of(in)};
  }
};
REMIT_ACTION(quarterly) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.how_often = ast::coverage_frequency{ast::period_kind::quarter, b.begin_of(in)};
  }
};
REMIT_ACTION(half_yearly) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.how_often = ast::coverage_frequency{ast::period_kind::half_year, b.begin_of(in)};
  }
};
REMIT_ACTION(annually) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.how_often = ast::coverage_frequency{ast::period_kind::year, b.begin_of(in)};
  }
};
REMIT_ACTION(yearly) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.how_often = ast::coverage_frequency{ast::period_kind::year, b.begin_of(in)};
  }
};

// ---- statements ----
REMIT_ACTION(label) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st = pending_statement{};
    b.st.label = in.string();
    b.st.label_at = b.begin_of(in);
  }
};
REMIT_ACTION(title_phrase) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.title.phrases.push_back(unquote(in)); }
};
REMIT_ACTION(title_pattern) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.title = ast::title_match{{unquote(in)}, true};
    b.st.pattern_at = b.begin_of(in);
  }
};
REMIT_ACTION(meets_jointly) { static void apply0(builder& b) { b.st.jointly = true; } };
REMIT_ACTION(meets_statement) {
  static void apply0(builder& b) {
    if (b.st.jointly)
      b.st.rule = ast::meets_jointly{b.st.title, b.st.how_often};
    else
      b.st.rule = ast::meets{b.st.how_often};
  }
};
REMIT_ACTION(notice_clear) { static void apply0(builder& b) { b.st.clear = true; } };
REMIT_ACTION(notice_working) { static void apply0(builder& b) { b.st.working = true; } };
REMIT_ACTION(notice_count) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.count = positive(in, b, "the notice"); }
};
REMIT_ACTION(agenda_statement) {
  static void apply0(builder& b) { b.st.rule = ast::notice{b.st.count, b.st.working, b.st.clear}; }
};
REMIT_ACTION(has_item) { static void apply0(builder& b) { b.st.rule = ast::has_item{b.st.title}; } };
REMIT_ACTION(has_a_title) { static void apply0(builder& b) { b.st.rule = ast::has_title{}; } };
REMIT_ACTION(has_own_title) { static void apply0(builder& b) { b.st.rule = ast::has_title{b.st.title}; } };
REMIT_ACTION(preceded_count) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.count = positive(in, b, "the number of days"); }
};
REMIT_ACTION(preceded_since) { static void apply0(builder& b) { b.st.since_previous = true; } };
REMIT_ACTION(preceded_on_day) { static void apply0(builder& b) { b.st.on_the_day = true; } };
REMIT_ACTION(preceded_by) {
  static void apply0(builder& b) {
    const bool by_days = !b.st.since_previous && !b.st.on_the_day;
    b.st.rule = ast::preceded_by{b.st.title, by_days ? b.st.count : 0, b.st.since_previous, b.st.on_the_day};
  }
};
REMIT_ACTION(report_title) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.report_title = unquote(in); }
};
REMIT_ACTION(recipient_name) {
  template <typename In> static void apply(const In& in, builder& b) {
    if (!b.st.recipient_seen) b.st.recipient = unquote(in), b.st.recipient_seen = true;
    else b.st.also_to.push_back(unquote(in));
  }
};
REMIT_ACTION(recipient_regex) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.recipient = unquote(in);
    b.st.recipient_is_regex = true;
    b.st.pattern_at = b.begin_of(in);
  }
};
REMIT_ACTION(reports_statement) {
  static void apply0(builder& b) {
    b.st.rule = ast::reports{b.st.report_title, b.st.how_often, b.st.recipient, b.st.recipient_is_regex};
  }
};
REMIT_ACTION(deadline_date) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.deadline = true;
    b.st.deadline_day = iso_date_in(in, b).value_or(date{});
    b.st.deadline_at = b.begin_of(in);
  }
};
REMIT_ACTION(receives_statement) {
  static void apply0(builder& b) {
    if (b.st.deadline)
      b.st.rule = ast::receives_by{b.st.title, b.st.deadline_day, b.st.deadline_at};
    else
      b.st.rule = ast::receives{b.st.title, b.st.how_often};
  }
};
// approves: receives, with the item's outcome asked of it.
REMIT_ACTION(approves_statement) {
  static void apply0(builder& b) {
    if (b.st.deadline)
      b.st.rule = ast::receives_by{b.st.title, b.st.deadline_day, b.st.deadline_at, true};
    else
      b.st.rule = ast::receives{b.st.title, b.st.how_often, true};
  }
};
// ---- people ----
REMIT_ACTION(first_meeting_statement) {
  static void apply0(builder& b) { b.st.rule = ast::first_meeting_item{b.st.title}; }
};
REMIT_ACTION(role_name) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.roles.push_back(unquote(in)); }
};
REMIT_ACTION(partners_count) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.partners = positive(in, b, "the number of partners"); }
};
REMIT_ACTION(attended_by) {
  static void apply0(builder& b) { b.st.rule = ast::attended_by{b.st.roles, b.st.partners, false}; }
};
REMIT_ACTION(invites) {
  static void apply0(builder& b) { b.st.rule = ast::attended_by{b.st.roles, 0, true}; }
};
REMIT_ACTION(rate_count) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.percent = positive(in, b, "the percentage");
    if (b.st.percent > 100) {
      b.error(in, fmt::format("the percentage {} is out of range: it must be from 1 to 100", b.st.percent));
      b.st.percent = 100;
    }
  }
};
REMIT_ACTION(attends_every) { static void apply0(builder& b) { b.st.percent = 100; } };
REMIT_ACTION(attends_statement) {
  static void apply0(builder& b) { b.st.rule = ast::attendance_rate{b.st.percent, b.st.period, b.st.roles}; }
};
REMIT_ACTION(training_name) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.first_string = unquote(in); }
};
REMIT_ACTION(trained_count) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.count = positive(in, b, "the period"); }
};
REMIT_ACTION(trained_statement) {
  static void apply0(builder& b) { b.st.rule = ast::trained_within{b.st.first_string, b.st.count, b.st.unit}; }
};
REMIT_ACTION(quorum_count) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.count = positive(in, b, "the quorum"); }
};
REMIT_ACTION(term_elected) { static void apply0(builder& b) { b.st.terms.push_back(ast::member_term::elected); } };
REMIT_ACTION(term_co_opted) { static void apply0(builder& b) { b.st.terms.push_back(ast::member_term::co_opted); } };
REMIT_ACTION(term_voting) { static void apply0(builder& b) { b.st.terms.push_back(ast::member_term::voting); } };
REMIT_ACTION(quorum_kind) { static void apply0(builder& b) { b.st.quorum_term = b.st.terms.back(); } };
REMIT_ACTION(including_count) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.including = positive(in, b, "the number included"); }
};
REMIT_ACTION(including_role) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.including_role = unquote(in); }
};
REMIT_ACTION(including_kind) { static void apply0(builder& b) { b.st.including_term = b.st.terms.back(); } };
REMIT_ACTION(quorum_statement) {
  static void apply0(builder& b) {
    ast::quorum q;
    q.members = b.st.count;
    q.term = b.st.quorum_term;
    q.including = b.st.including;
    q.including_role = b.st.including_role;
    q.including_term = b.st.including_term;
    b.st.rule = q;
  }
};
REMIT_ACTION(absent_role) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.absent_role = unquote(in); }
};
REMIT_ACTION(else_word) {
  static void apply0(builder& b) { b.st.else_at.push_back(b.st.roles.size()); }
};
REMIT_ACTION(else_any_member) { static void apply0(builder& b) { b.st.else_any_member = true; } };
REMIT_ACTION(chaired_statement) {
  static void apply0(builder& b) {
    ast::chaired_by c;
    const std::vector<std::string>& roles = b.st.roles;
    const std::size_t first_end = b.st.else_at.empty() ? roles.size() : b.st.else_at.front();
    c.roles.assign(roles.begin(), roles.begin() + static_cast<std::ptrdiff_t>(first_end));
    c.only_when_absent = b.st.absent_role;
    for (std::size_t i = 0; i < b.st.else_at.size(); ++i) {
      const std::size_t from = b.st.else_at[i], to = i + 1 < b.st.else_at.size() ? b.st.else_at[i + 1] : roles.size();
      if (from == to) continue;  // else any member
      c.stand_ins.emplace_back(roles.begin() + static_cast<std::ptrdiff_t>(from), roles.begin() + static_cast<std::ptrdiff_t>(to));
    }
    c.else_any_member = b.st.else_any_member;
    b.st.rule = c;
  }
};
REMIT_ACTION(parties_count) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.count = positive(in, b, "the number of parties"); }
};
REMIT_ACTION(balance_statement) { static void apply0(builder& b) { b.st.rule = ast::political_balance{}; } };
REMIT_ACTION(party_rule) { static void apply0(builder& b) { b.st.rule = ast::party_spread{b.st.count, b.st.roles}; } };
REMIT_ACTION(has_member_rule) { static void apply0(builder& b) { b.st.rule = ast::has_member{b.st.roles}; } };
REMIT_ACTION(size_at_most) { static void apply0(builder& b) { b.st.at_most = true; } };
REMIT_ACTION(size_at_least) { static void apply0(builder& b) { b.st.at_most = false; } };
REMIT_ACTION(size_exactly) { static void apply0(builder& b) { b.st.exactly = true; } };
REMIT_ACTION(size_party_name) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.party = unquote(in); }
};
REMIT_ACTION(size_count) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.count = positive(in, b, "the number of members"); }
};
REMIT_ACTION(has_size) {
  static void apply0(builder& b) {
    ast::membership_size size;
    size.at_most = b.st.at_most;
    size.members = b.st.count;
    if (!b.st.roles.empty()) size.role = b.st.roles.front();
    size.exactly = b.st.exactly;
    if (!b.st.terms.empty()) size.term = b.st.terms.front();
    size.party = b.st.party;
    b.st.rule = size;
  }
};
REMIT_ACTION(rotates_statement) {
  static void apply0(builder& b) { b.st.rule = ast::rotates{b.st.roles.empty() ? std::string{} : b.st.roles.front()}; }
};
REMIT_ACTION(held_office) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.office = unquote(in); }
};
REMIT_ACTION(held_by_statement) {
  static void apply0(builder& b) {
    b.st.rule = ast::role_held_by{b.st.roles.empty() ? std::string{} : b.st.roles.front(), b.st.office};
  }
};

REMIT_ACTION(statement_rule) {
  template <typename In> static void apply(const In& in, builder& b) {
    const std::string_view written = trim(in.string_view());
    b.st.rule_at = b.at_byte(static_cast<std::size_t>(written.data() - b.text.data()));
    b.st.rule_end = static_cast<std::size_t>(written.data() + written.size() - b.text.data());
  }
};
// ---- modifiers ----
REMIT_ACTION(advisory_quote) {
  template <typename In> static void apply(const In& in, builder& b) { b.st.modifiers.quote = unquote(in); }
};
REMIT_ACTION(severity_minor) { static void apply0(builder& b) { b.st.modifiers.severity = ast::severity::minor; } };
REMIT_ACTION(severity_major) { static void apply0(builder& b) { b.st.modifiers.severity = ast::severity::major; } };
REMIT_ACTION(severity_critical) {
  static void apply0(builder& b) { b.st.modifiers.severity = ast::severity::critical; }
};
REMIT_ACTION(advisory_modifier) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.modifiers.advisory = true;
    b.st.modifiers.written.push_back({ast::modifier_kind::advisory, b.begin_of(in), std::string(trim(in.string_view()))});
  }
};
REMIT_ACTION(severity_modifier) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.modifiers.written.push_back({ast::modifier_kind::severity, b.begin_of(in), std::string(trim(in.string_view()))});
  }
};
REMIT_ACTION(informal_modifier) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.modifiers.informal_meetings_count = true;
    b.st.modifiers.written.push_back(
        {ast::modifier_kind::informal_meetings, b.begin_of(in), std::string(trim(in.string_view()))});
  }
};
REMIT_ACTION(statement_written) {
  template <typename In> static void apply(const In& in, builder& b) {
    const std::string_view written = trim(in.string_view());
    b.st.text = std::string(written);
    b.st.rule_chars = b.st.rule_end - static_cast<std::size_t>(written.data() - b.text.data());
  }
};
REMIT_ACTION(not_checked_reason) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.st.not_checked_reason = unquote(in);
    b.st.not_checked_at = b.begin_of(in);
  }
};
REMIT_ACTION(statement) {
  static void apply0(builder& b) {
    if (b.open_body && b.st.not_checked_reason) {
      b.open_body->not_checked.push_back({b.st.label_at, b.st.label, *b.st.not_checked_reason, b.st.not_checked_at});
      return;
    }
    if (!b.open_body || !b.st.rule) return;
    b.open_body->statements.push_back({b.st.label_at, b.st.rule_at, b.st.label, b.st.text, *b.st.rule,
                                       b.st.pattern_at, b.st.modifiers, b.st.rule_chars});
    // reports ... to "A" and "B" and "C": one statement per recipient, each with the clause's label
    // and the statement as written, so each recipient has its own result (docs/language.md).
    if (std::holds_alternative<ast::reports>(*b.st.rule))
      for (const std::string& to : b.st.also_to) {
        ast::statement one = b.open_body->statements.back();
        std::get<ast::reports>(one.what).recipient = to;
        b.open_body->statements.push_back(std::move(one));
      }
  }
};

// ---- layout ----
REMIT_ACTION(comment) {
  template <typename In> static void apply(const In& in, builder& b) { b.add_comment(b.byte_of(in), in.string_view()); }
};

// ---- settings ----
REMIT_ACTION(kw_council) { static void apply0(builder& b) { b.setting = ast::setting_kind::council; } };
REMIT_ACTION(kw_calendar) { static void apply0(builder& b) { b.setting = ast::setting_kind::calendar; } };
REMIT_ACTION(kw_year) { static void apply0(builder& b) { b.setting = ast::setting_kind::year_start; } };
REMIT_ACTION(setting) {
  template <typename In> static void apply(const In& in, builder& b) {
    if (!b.open_body && !b.file.bodies.empty())
      b.error(in, "file settings come before the first body; to change a setting for one body, put it inside that body");
    b.settings_here().written.push_back({b.setting, b.at_byte(b.skip_blanks(b.byte_of(in)))});
  }
};
REMIT_ACTION(council_name) {
  template <typename In> static void apply(const In& in, builder& b) { b.settings_here().council = unquote(in); }
};
REMIT_ACTION(calendar_name) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.settings_here().calendar = parse_division(trim(in.string_view()));
  }
};
REMIT_ACTION(year_start_day) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.year_day = positive(in, b, "the day");
    b.year_day_at = b.begin_of(in);
  }
};
REMIT_ACTION(month_name) {
  template <typename In> static void apply(const In& in, builder& b) {
    static constexpr std::array<unsigned, 12> days_in{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int named = month_named(fold(in.string_view()));
    if (named == 0) {
      b.error(in, fmt::format("unknown month '{}': expected a month name such as 'April'", in.string_view()));
      return;
    }
    const auto m = static_cast<std::size_t>(named - 1);
    const std::size_t day_byte = static_cast<std::size_t>(in.begin() - b.text.data());
    if (static_cast<unsigned>(b.year_day) > days_in[m]) {
      b.diags.error(b.year_day_at, fmt::format("there is no {} {}: a year starts on the 1st of a month, as in 'year starts 1 {}'",
                                               b.year_day, in.string_view(), in.string_view()),
                    b.line_of(day_byte));
      return;
    }
    if (b.year_day != 1) {
      b.diags.error(b.year_day_at, fmt::format("a year must start on the 1st of a month, got {}: write 'year starts 1 {}'",
                                               b.year_day, in.string_view()),
                    b.line_of(day_byte));
      return;
    }
    b.settings_here().year_start_month = static_cast<int>(m) + 1;
    b.settings_here().year_start_at = b.year_day_at;
  }
};
REMIT_ACTION(kw_waive) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.waiver = ast::waiver{};
    b.waiver.where = b.begin_of(in);
    b.setting = ast::setting_kind::waiver;
  }
};
REMIT_ACTION(waiver_label) {
  template <typename In> static void apply(const In& in, builder& b) { b.waiver.label = in.string(); }
};
REMIT_ACTION(waiver_from) {
  template <typename In> static void apply(const In& in, builder& b) { b.waiver.from = iso_date_in(in, b).value_or(date{}); }
};
REMIT_ACTION(waiver_to) {
  template <typename In> static void apply(const In& in, builder& b) {
    const auto to = iso_date_in(in, b);
    b.waiver.to = to.value_or(date{});
    if (to && b.waiver.to < b.waiver.from)
      b.error(in, fmt::format("the waiver ends on {} before it starts on {}", b.waiver.to, b.waiver.from));
  }
};
REMIT_ACTION(waiver_reason) {
  template <typename In> static void apply(const In& in, builder& b) { b.waiver.reason = unquote(in); }
};
REMIT_ACTION(waiver_setting) {
  static void apply0(builder& b) { (b.open_body ? b.open_body->waivers : b.file.waivers).push_back(b.waiver); }
};

// ---- structure ----
REMIT_ACTION(body_keyword) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.file.bodies.push_back(ast::body{});
    b.open_body = &b.file.bodies.back();
    b.open_body->where = b.begin_of(in);
    b.open_body_byte = static_cast<std::size_t>(in.begin() - b.text.data());
  }
};
REMIT_ACTION(body_wildcard) { static void apply0(builder& b) { b.open_body->every_body = true; } };
REMIT_ACTION(body_name) {
  template <typename In> static void apply(const In& in, builder& b) { b.open_body->name = unquote(in); }
};
REMIT_ACTION(also_name) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.open_body->also.push_back(unquote(in));
    b.open_body->also_at.push_back(b.begin_of(in));
  }
};
REMIT_ACTION(version_date) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.open_body->in_force_from = iso_date_in(in, b);
    b.open_body->in_force_at = b.begin_of(in);
  }
};
REMIT_ACTION(body_close) {
  template <typename In> static void apply(const In& in, builder& b) {
    b.open_body->close_at = b.at_byte(b.skip_blanks(b.byte_of(in)));
    b.open_body = nullptr;
  }
};
REMIT_ACTION(body_unclosed) {
  template <typename In> static void apply(const In& in, builder& b) {
    const ast::body& open = *b.open_body;
    b.diags.error(open.where,
                  fmt::format("body {} is never closed: expected '}}' before the end of the file",
                              open.every_body ? "*" : fmt::format("\"{}\"", open.name)),
                  b.line_of(b.open_body_byte));
    b.open_body = nullptr;
    (void)in;
  }
};

#undef REMIT_ACTION

// The lines that hold nothing but spaces and tabs (a line cannot hold a string that spans it).
std::vector<std::uint32_t> blank_lines_of(std::string_view text) {
  std::vector<std::uint32_t> out;
  std::uint32_t line = 1;
  for (std::size_t begin = 0; begin <= text.size(); ++line) {
    std::size_t end = text.find('\n', begin);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    std::string_view content = text.substr(begin, end - begin);
    if (line == 1 && content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
    if (content.find_first_not_of(" \t\r") == std::string_view::npos && !(last && content.empty())) out.push_back(line);
    if (last) break;
    begin = end + 1;
  }
  return out;
}

}  // namespace

std::optional<ast::rule_file> parse_rule_file(std::string path, std::string_view text, diagnostics& diags) {
  diagnostics local;
  builder b{path, text, local, {}, nullptr, 0, {}, 0, {}, {}, ast::setting_kind::council, {}};
  b.file.path = path;
  b.file.text = std::string(text);
  pegtl::memory_input<pegtl::tracking_mode::eager, pegtl::eol::lf_crlf> in(text.data(), text.size(), path);
  try {
    pegtl::parse<g::file, action, g::control>(in, b);
  } catch (const g::syntax_error& e) {
    b.on_syntax_error(e);  // outside any line: the file as a whole
  }
  if (!valid_utf8(text)) local.error({path, 1, 0}, "the file is not valid UTF-8");
  b.file.blank_lines = blank_lines_of(text);
  const bool ok = local.empty();
  diags.add(local);
  if (!ok) return std::nullopt;
  return std::move(b.file);
}

std::optional<ast::rule_file> load_rule_file(const std::string& path, diagnostics& diags) {
  std::string why;
  const auto text = read_file(path, why);
  if (!text) {
    diags.error({path, 0, 0}, why);
    return std::nullopt;
  }
  if (const std::string problem = text_encoding_problem(*text); !problem.empty()) {
    diags.error({path, 0, 0}, problem);
    return std::nullopt;
  }
  if (const long_line l = first_line_over_limit(*text); l.line) {
    diags.error({path, l.line, 0}, fmt::format("the line is {} long ({})", limit_words(limit::line_length, l.length),
                                               limit_advice(limit::line_length)));
    return std::nullopt;
  }
  auto file = parse_rule_file(path, *text, diags);
  if (!file) return file;
  std::size_t statements = 0;
  for (const ast::body& b : file->bodies) statements += b.statements.size() + b.not_checked.size();
  if (statements > limit_value(limit::rules)) {
    diags.error({path, 0, 0}, fmt::format("the rule file has {} statements ({})", statements, limit_advice(limit::rules)));
    return std::nullopt;
  }
  return file;
}

}  // namespace remit
