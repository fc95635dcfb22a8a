// What a rule file author reads when a line does not parse: one sentence per place
// where the grammar insists on something. The parser appends ", got '...'".
#pragma once

#include "remit_grammar.hpp"

namespace remit::grammar {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

#define REMIT_ERROR(rule, text) \
  template <>                   \
  inline constexpr const char* error_message<rule> = text

#define REMIT_FREQUENCIES                                                                                     \
  "'every N months', 'at N weekly intervals', 'at least K times a year', 'twice a year', 'bi-monthly', " \
  "'monthly', 'quarterly', 'half-yearly', 'six-monthly', 'annually' or 'yearly'"

// literals
REMIT_ERROR(once_or_twice_not_a_count,
            "expected a number: 'once' and 'twice' say how often, before 'a year', 'a quarter', 'a month' or 'a "
            "half-year' (as in 'meets twice a year'); a number here is written '1' or 'one', '2' or 'two'");
REMIT_ERROR(escaped, "expected '\"' or '\\' after '\\' in a string");
REMIT_ERROR(closing_quote, "unterminated string: expected '\"' before the end of the line");

// frequencies
REMIT_ERROR(every_count, "expected a number after 'every', as in 'every 2 months'");
REMIT_ERROR(every_unit, "expected 'days', 'weeks', 'months' or 'years' after the number");
REMIT_ERROR(grace_count, "expected a number of days after 'with', as in 'with 7 days grace'");
REMIT_ERROR(grace_days_word, "expected 'days' after the number of grace days");
REMIT_ERROR(grace_word, "expected 'grace' after 'days', as in 'with 7 days grace'");
REMIT_ERROR(weekly_word, "expected 'weekly' after the number, as in 'at 6 weekly intervals'");
REMIT_ERROR(intervals_word, "expected 'intervals' after 'weekly'");
REMIT_ERROR(least_count, "expected a number after 'at least', as in 'at least 4 times a year'");
REMIT_ERROR(least_what, "expected a number, 'once' or 'twice' after 'at least', as in 'at least 4 times a year'");
REMIT_ERROR(times_word, "expected 'times' after the number");
REMIT_ERROR(per_period, "expected 'a year', 'a quarter', 'a month' or 'a half-year' after 'times'");
REMIT_ERROR(exactly_count, "expected a number, 'once' or 'twice' after 'exactly', as in 'exactly 4 times a year'");
REMIT_ERROR(exactly_what, "expected a number, 'once' or 'twice' after 'exactly', as in 'exactly 4 times a year'");
REMIT_ERROR(at_what, "expected 'least' or a number after 'at', as in 'at least 4 times a year' or 'at 6 weekly intervals'");
REMIT_ERROR(once_period, "expected 'a year', 'a quarter', 'a month' or 'a half-year' after 'once'");
REMIT_ERROR(twice_period, "expected 'a year', 'a quarter', 'a month' or 'a half-year' after 'twice'");

// statements
REMIT_ERROR(meets_how, "expected " REMIT_FREQUENCIES " or 'jointly with' after 'meets'");
REMIT_ERROR(jointly_with, "expected 'with' after 'jointly'");
REMIT_ERROR(jointly_partner, "expected a quoted name after 'jointly with', as in 'jointly with \"Children in Care Council\"'");
REMIT_ERROR(title_next, "expected a quoted title after 'or', as in 'or \"Forward Plan\"'");
REMIT_ERROR(title_pattern_slot, "expected a quoted regular expression after 'matching', as in 'matching \"voice|lived experience\"'");
REMIT_ERROR(jointly_frequency, "expected " REMIT_FREQUENCIES " after the name");
REMIT_ERROR(notice_published, "expected 'published' after 'agenda'");
REMIT_ERROR(notice_at_least, "expected 'at least' after 'published'");
REMIT_ERROR(notice_count, "expected a number of days after 'at least'");
REMIT_ERROR(notice_days, "expected 'days', 'working days', 'clear days' or 'clear working days' after the number");
REMIT_ERROR(notice_days_word, "expected 'days', 'working days', 'clear days' or 'clear working days' after the number");
REMIT_ERROR(notice_before, "expected 'before' after 'days'");
REMIT_ERROR(notice_each_meeting, "expected 'each meeting' after 'before'");
REMIT_ERROR(each_meeting_word, "expected 'meeting' or 'member' after 'each'");
REMIT_ERROR(each_what, "expected 'has item', 'has a title', 'has title', 'preceded by', 'attended by' or 'invites' after 'each meeting'");
REMIT_ERROR(each_has_what, "expected 'item', 'a title' or 'title' after 'has', as in 'has item \"Forward Plan\"' or 'has a title'");
REMIT_ERROR(a_title_word, "expected 'title' after 'has a', as in 'each meeting has a title'");
REMIT_ERROR(own_title_what, "expected a quoted title or 'matching \"REGEX\"' after 'title', as in 'has title \"Annual Meeting\"'");
REMIT_ERROR(item_what, "expected a quoted item title or 'matching \"REGEX\"' after 'item'");
REMIT_ERROR(preceded_by_word, "expected 'by' after 'preceded'");
REMIT_ERROR(preceded_title_slot, "expected a quoted session or meeting title or 'matching \"REGEX\"' after 'preceded by'");
REMIT_ERROR(preceded_reach, "expected 'within N days', 'since the previous meeting' or 'on the day' after the title");
REMIT_ERROR(on_the_word, "expected 'the day' after 'on'");
REMIT_ERROR(on_day_word, "expected 'day' after 'on the'");
REMIT_ERROR(since_the_word, "expected 'the previous meeting' after 'since'");
REMIT_ERROR(since_previous_word, "expected 'previous meeting' after 'since the'");
REMIT_ERROR(since_meeting_word, "expected 'meeting' after 'since the previous'");
REMIT_ERROR(preceded_count, "expected a number of days after 'within'");
REMIT_ERROR(preceded_days_word, "expected 'days' after the number");
REMIT_ERROR(reports_what, "expected " REMIT_FREQUENCIES " or a quoted report title after 'reports'");
REMIT_ERROR(report_frequency, "expected " REMIT_FREQUENCIES " after the report title");
REMIT_ERROR(report_to, "expected 'to' and the body reported to, as in 'to \"Overview and Scrutiny Committee\"'");
REMIT_ERROR(report_recipient,
            "expected the quoted name of the body reported to, or 'matching \"REGEX\"', after 'to'");
REMIT_ERROR(recipient_next, "expected the quoted name of another body reported to after 'and', as in 'and \"Council\"'");
REMIT_ERROR(recipient_regex_slot, "expected a quoted regular expression after 'matching', as in 'matching \"Scrutiny\"'");
REMIT_ERROR(received_slot, "expected a quoted agenda item or 'matching \"REGEX\"' after 'receives', as in 'receives \"Annual Report\" annually'");
REMIT_ERROR(receives_when, "expected " REMIT_FREQUENCIES " or 'by YYYY-MM-DD' after the item");
REMIT_ERROR(deadline_date, "expected a date YYYY-MM-DD after 'by'");
REMIT_ERROR(approved_slot, "expected a quoted agenda item or 'matching \"REGEX\"' after 'approves', as in 'approves \"Terms of Reference\" annually'");
REMIT_ERROR(approves_when, "expected " REMIT_FREQUENCIES " or 'by YYYY-MM-DD' after the item approved");
REMIT_ERROR(statement_rule, "expected a rule after the clause label: 'meets', 'agenda', 'each', 'reports', 'receives', "
                            "'approves', 'quorum', 'chaired', 'has', 'role', 'first', 'reflects' or 'not checked'");
REMIT_ERROR(balance_words, "expected 'the political balance of the council' after 'reflects'");
REMIT_ERROR(statement_end,
            "expected the end of the statement (one statement per line) or a modifier after a comma, as in ', advisory'");
REMIT_ERROR(not_checked_word, "expected 'checked' after 'not', as in 'not checked \"REASON\"'");
REMIT_ERROR(not_checked_reason_slot, "expected a quoted reason after 'not checked', as in 'not checked \"Conduct is not recorded\"'");
REMIT_ERROR(not_checked_end, "expected the end of the line after the reason: a clause that is not checked takes no modifier");
REMIT_ERROR(modifier, "expected 'advisory', 'severity' or 'informal meetings count' after ','");
REMIT_ERROR(severity_level, "expected 'minor', 'major' or 'critical' after 'severity'");
REMIT_ERROR(informal_meetings_word, "expected 'meetings' after 'informal', as in 'informal meetings count'");
REMIT_ERROR(informal_count_word, "expected 'count' after 'informal meetings'");

// people
REMIT_ERROR(first_meeting_word, "expected 'meeting of each year has item' after 'first'");
REMIT_ERROR(first_of_word, "expected 'of each year' after 'first meeting'");
REMIT_ERROR(first_each_word, "expected 'each year' after 'first meeting of'");
REMIT_ERROR(first_year_word, "expected 'year' after 'first meeting of each': the year is the one 'year starts' sets");
REMIT_ERROR(first_has_word, "expected 'has item' after 'first meeting of each year'");
REMIT_ERROR(first_item_word, "expected 'item' after 'has', as in 'first meeting of each year has item \"Election of Chair\"'");
REMIT_ERROR(first_items, "expected a quoted agenda item title or 'matching \"REGEX\"' after 'has item', as in 'has item \"Election of Chair\"'");
REMIT_ERROR(role_next, "expected a quoted role after 'or', as in 'or \"Vice-Chair\"'");
REMIT_ERROR(attended_by_word, "expected 'by' after 'attended'");
REMIT_ERROR(invited_roles, "expected a quoted role after 'invites', as in 'each meeting invites \"Independent Person\"'");
REMIT_ERROR(attended_roles, "expected a quoted role after 'attended by', as in 'attended by \"Children in Care Council\"'");
REMIT_ERROR(rate_percent, "expected a percentage after 'at least', as in 'at least 75% of meetings'");
REMIT_ERROR(rate_of_meetings, "expected 'of meetings' after the percentage");
REMIT_ERROR(attends_every_meeting, "expected 'meeting' after 'every'");
REMIT_ERROR(attends_how, "expected 'at least P% of meetings' or 'every meeting' after 'attends'");
REMIT_ERROR(rate_period_word, "expected 'year', 'quarter', 'half-year' or 'month' after 'each'");
REMIT_ERROR(trained_in_word, "expected 'in' after 'trained', as in 'trained in \"Corporate Parenting\"'");
REMIT_ERROR(training_name_slot, "expected the quoted name of the training after 'trained in'");
REMIT_ERROR(trained_within_word, "expected 'within' after the training, as in 'within 6 months of joining'");
REMIT_ERROR(trained_count, "expected a number after 'within'");
REMIT_ERROR(trained_unit, "expected 'days', 'weeks', 'months' or 'years' after the number");
REMIT_ERROR(trained_of_joining, "expected 'of joining' after the period");
REMIT_ERROR(each_member_what, "expected 'attends', 'except' or 'trained in' after 'each member'");
REMIT_ERROR(except_roles, "expected a quoted role after 'except', as in 'except \"Voice for All\"'");
REMIT_ERROR(except_attends, "expected 'attends' after the roles excepted, as in 'except \"Voice for All\" attends every meeting'");
REMIT_ERROR(partners_at_least, "expected 'at least' after 'from', as in 'from at least 3 partners'");
REMIT_ERROR(partners_count, "expected a number of partners after 'at least'");
REMIT_ERROR(partners_word, "expected 'partners' after the number");
REMIT_ERROR(quorum_count, "expected a number of members after 'quorum', as in 'quorum 3 members'");
REMIT_ERROR(chaired_by_word, "expected 'by' after 'chaired'");
REMIT_ERROR(chaired_roles, "expected a quoted role after 'chaired by', as in 'chaired by \"Portfolio Holder\"'");
REMIT_ERROR(absent_role_slot, "expected a quoted role after 'when', as in 'when \"Chair\" is absent'");
REMIT_ERROR(absent_is_word, "expected 'is absent' after the role");
REMIT_ERROR(absent_word, "expected 'absent' after 'is'");
REMIT_ERROR(else_last, "no step may follow ', else any member' (anyone may chair at that step, so it is the last; a modifier may)");
REMIT_ERROR(else_step, "expected a quoted role or 'any member' after 'else', as in ', else \"Vice-Chair\"' or ', else any member'");
REMIT_ERROR(has_member_roles, "expected a quoted role after 'has member', as in 'has member \"Virtual Head Teacher\"'");
REMIT_ERROR(size_count, "expected a number of members after 'at most', 'at least' or 'exactly'");
REMIT_ERROR(size_party_slot, "expected the party's quoted name after 'of party', as in 'has at least 3 members of party \"Labour\"'");
REMIT_ERROR(size_members_word, "expected 'members' after the number (or after the quoted role, or 'elected', 'co-opted' or 'voting')");
REMIT_ERROR(quorum_kind_members, "expected 'members' after the kind of member, as in 'quorum 3 voting members'");
REMIT_ERROR(including_count, "expected a number after 'including', as in 'quorum 3 members including 1 \"Chair\"'");
REMIT_ERROR(including_what, "expected a quoted role or 'elected members', 'co-opted members' or 'voting members' after the number, as in 'including 1 elected member'");
REMIT_ERROR(including_kind_members, "expected 'members' after the kind of member, as in 'including 1 elected member'");
REMIT_ERROR(has_what, "expected 'member \"ROLE\"', 'at most N members', 'at least N members', 'exactly N members' or 'members of at least N "
                      "parties' after 'has'");
REMIT_ERROR(members_of_word, "expected 'of' after 'members', as in 'has members of at least 2 parties'");
REMIT_ERROR(parties_at_least, "expected 'at least' after 'members of'");
REMIT_ERROR(parties_count, "expected a number of parties after 'at least'");
REMIT_ERROR(parties_word, "expected 'parties' after the number");
REMIT_ERROR(among_roles, "expected a quoted role after 'among', as in 'among \"Elected Member\"'");
REMIT_ERROR(rotation_role, "expected a quoted role after 'role', as in 'role \"Vice-Chair\" rotates between partners annually'");
REMIT_ERROR(role_tail, "expected 'held by' or 'rotates' after the role, as in 'role \"Chair\" held by \"Mayor\"'");
REMIT_ERROR(held_what, "expected a quoted office or 'an elected member' after 'held by', as in 'held by \"Mayor\"'");
REMIT_ERROR(between_partners, "expected 'between partners' after 'rotates'");
REMIT_ERROR(rotation_annually, "expected 'annually' after 'between partners'");

// settings
REMIT_ERROR(setting_end, "expected the end of the setting (one setting per line)");
REMIT_ERROR(council_name_slot, "expected the council's quoted name after 'council'");
REMIT_ERROR(calendar_name, "expected 'england-and-wales', 'scotland', 'northern-ireland' or 'none' after 'calendar'");
REMIT_ERROR(year_starts_word, "expected 'starts' after 'year', as in 'year starts 1 April'");
REMIT_ERROR(year_start_day_slot, "expected a day of the month after 'starts', as in 'year starts 1 April'");
REMIT_ERROR(year_start_month_slot, "expected a month name after the day, as in 'year starts 1 April'");
REMIT_ERROR(waiver_label_slot, "expected the clause label to waive after 'waive'");
REMIT_ERROR(waiver_from_word, "expected 'from' after the clause label");
REMIT_ERROR(waiver_from_slot, "expected a date YYYY-MM-DD after 'from'");
REMIT_ERROR(waiver_to_word, "expected 'to' after the start date");
REMIT_ERROR(waiver_to_slot, "expected a date YYYY-MM-DD after 'to'");
REMIT_ERROR(waiver_because_word, "expected 'because' and a quoted reason after the end date");
REMIT_ERROR(waiver_reason_slot, "expected a quoted reason after 'because'");

// structure
REMIT_ERROR(body_name_slot, "expected the body's quoted name or '*' after 'body'");
REMIT_ERROR(open_brace,
            "expected '{' (or 'also \"OTHER NAME\"' for a renamed body, or 'from YYYY-MM-DD' for a version of the "
            "body's rules) after the body's name");
REMIT_ERROR(also_name_slot, "expected the body's other name, quoted, after 'also' (as in body \"New Name\" also \"Old Name\" {)");
REMIT_ERROR(version_date_slot, "expected the date YYYY-MM-DD the version took effect after 'from'");
REMIT_ERROR(body_header_end, "expected the end of the line after '{' (one statement per line)");
REMIT_ERROR(nested_body_error, "bodies do not nest: expected '}' to close the body above first");
REMIT_ERROR(unknown_body_line, "expected a statement (a clause label, then a rule), a setting, or '}'");
REMIT_ERROR(stray_close_error, "'}' with no body open");
REMIT_ERROR(stray_statement_error, "a statement must be inside a body: body \"NAME\" { ... }");
REMIT_ERROR(unknown_file_line,
            "expected a setting ('council', 'calendar', 'year starts', 'waive') or a body: body \"NAME\" { ... }");

#undef REMIT_ERROR
#undef REMIT_FREQUENCIES

// A rule with a message insists: wherever it fails, it throws a syntax_error that points
// at the start of what it could not match. Rules without a message behave as usual.
template <typename Rule>
struct control : normal<Rule> {
  static constexpr const char* message = error_message<Rule>;

  template <apply_mode A, rewind_mode M, template <typename...> class Action, template <typename...> class Control,
            typename ParseInput, typename... States>
  static bool match(ParseInput& in, States&&... st) {
    if constexpr (message == nullptr) {
      return normal<Rule>::template match<A, M, Action, Control>(in, st...);
    } else {
      const std::size_t start = in.byte();
      if (normal<Rule>::template match<A, M, Action, Control>(in, st...)) return true;
      throw syntax_error{message, start};
    }
  }

  template <typename ParseInput, typename... States>
  [[noreturn]] static void raise(const ParseInput& in, States&&...) {
    static_assert(message != nullptr, "each rule that can fail inside must<> needs a message in error_messages.hpp");
    throw syntax_error{message, in.byte()};
  }
};

}  // namespace remit::grammar
