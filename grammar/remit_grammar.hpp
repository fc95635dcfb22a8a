// The remit rule language (docs/language.md), as a PEGTL 3.2.7 grammar.
//
// One struct per concept of the language. A rule file is a sequence of lines; each
// statement or setting is one line. After each keyword the rest is `must`, so a bad
// word gets the message from grammar/error_messages.hpp ("expected ... after 'meets'")
// instead of a silent backtrack. `recover_line` turns such an error into a diagnostic
// and carries on at the next line, so that every error in a file is reported at once.
#pragma once

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

namespace remit::grammar {

using namespace tao::pegtl;

// ---- layout --------------------------------------------------------------------------
struct space_char : one<' ', '\t'> {};
struct sp : plus<space_char> {};
struct osp : star<space_char> {};
struct comment : seq<one<'#'>, star<not_one<'\r', '\n'>>> {};
struct line_end : seq<osp, opt<comment>, eolf> {};
// A line with nothing but white space or a comment; the last line of a file may lack its line end.
struct blank_line : sor<seq<osp, opt<comment>, eol>, seq<plus<sor<space_char, comment>>, eof>> {};
struct bom : string<'\xEF', '\xBB', '\xBF'> {};

// A keyword is a whole word: "monthly" does not match the start of "monthlyish".
template <typename Word>
struct kw : seq<Word, not_at<sor<identifier_other, one<'-'>>>> {};
#define REMIT_KW(name, text) \
  struct name : kw<TAO_PEGTL_STRING(text)> {}

REMIT_KW(kw_council, "council");
REMIT_KW(kw_calendar, "calendar");
REMIT_KW(kw_year, "year");
REMIT_KW(kw_starts, "starts");
REMIT_KW(kw_waive, "waive");
REMIT_KW(kw_from, "from");
REMIT_KW(kw_to, "to");
REMIT_KW(kw_because, "because");
REMIT_KW(kw_body, "body");
REMIT_KW(kw_meets, "meets");
REMIT_KW(kw_jointly, "jointly");
REMIT_KW(kw_with, "with");
REMIT_KW(kw_every, "every");
REMIT_KW(kw_grace, "grace");
REMIT_KW(kw_at, "at");
REMIT_KW(kw_least, "least");
REMIT_KW(kw_times, "times");
REMIT_KW(kw_time, "time");
REMIT_KW(kw_a, "a");
REMIT_KW(kw_weekly, "weekly");
REMIT_KW(kw_intervals, "intervals");
REMIT_KW(kw_once, "once");
REMIT_KW(kw_twice, "twice");
REMIT_KW(kw_agenda, "agenda");
REMIT_KW(kw_published, "published");
REMIT_KW(kw_before, "before");
REMIT_KW(kw_each, "each");
REMIT_KW(kw_meeting, "meeting");
REMIT_KW(kw_has, "has");
REMIT_KW(kw_item, "item");
REMIT_KW(kw_matching, "matching");
REMIT_KW(kw_preceded, "preceded");
REMIT_KW(kw_by, "by");
REMIT_KW(kw_within, "within");
REMIT_KW(kw_reports, "reports");
REMIT_KW(kw_receives, "receives");
REMIT_KW(kw_approves, "approves");
REMIT_KW(kw_advisory, "advisory");
REMIT_KW(kw_severity, "severity");
REMIT_KW(kw_informal, "informal");
REMIT_KW(kw_quorum, "quorum");
REMIT_KW(kw_chaired, "chaired");
REMIT_KW(kw_attended, "attended");
REMIT_KW(kw_attends, "attends");
REMIT_KW(kw_or, "or");
REMIT_KW(kw_and, "and");
REMIT_KW(kw_also, "also");
REMIT_KW(kw_member, "member");
REMIT_KW(kw_members, "members");
REMIT_KW(kw_most, "most");
REMIT_KW(kw_of, "of");
REMIT_KW(kw_meetings, "meetings");
REMIT_KW(kw_trained, "trained");
REMIT_KW(kw_in, "in");
REMIT_KW(kw_joining, "joining");
REMIT_KW(kw_role, "role");
REMIT_KW(kw_rotates, "rotates");
REMIT_KW(kw_between, "between");
REMIT_KW(kw_partners, "partners");
REMIT_KW(kw_when, "when");
REMIT_KW(kw_else, "else");
REMIT_KW(kw_any, "any");
REMIT_KW(kw_is, "is");
REMIT_KW(kw_absent, "absent");
REMIT_KW(kw_except, "except");
REMIT_KW(kw_parties, "parties");
REMIT_KW(kw_among, "among");
REMIT_KW(kw_since, "since");
REMIT_KW(kw_the, "the");
REMIT_KW(kw_previous, "previous");
REMIT_KW(kw_not, "not");
REMIT_KW(kw_checked, "checked");
REMIT_KW(kw_first, "first");
REMIT_KW(kw_title, "title");
REMIT_KW(kw_exactly, "exactly");
REMIT_KW(kw_elected, "elected");
REMIT_KW(kw_co_opted, "co-opted");
REMIT_KW(kw_voting, "voting");
REMIT_KW(kw_including, "including");
REMIT_KW(kw_invites, "invites");

// ---- literals -----------------------------------------------------------------------
struct number : plus<digit> {};
// A count as a ToR writes it, in digits or in words from one to twelve ("quorum three members").
struct number_word
    : sor<kw<TAO_PEGTL_STRING("one")>, kw<TAO_PEGTL_STRING("two")>, kw<TAO_PEGTL_STRING("three")>,
          kw<TAO_PEGTL_STRING("four")>, kw<TAO_PEGTL_STRING("five")>, kw<TAO_PEGTL_STRING("six")>,
          kw<TAO_PEGTL_STRING("seven")>, kw<TAO_PEGTL_STRING("eight")>, kw<TAO_PEGTL_STRING("nine")>,
          kw<TAO_PEGTL_STRING("ten")>, kw<TAO_PEGTL_STRING("eleven")>, kw<TAO_PEGTL_STRING("twelve")>> {};
// "once" and "twice" say how often: they stand before "a year" (a quarter, a month, a half-year),
// never where a count is (not "every once months", "quorum twice").
struct once_or_twice : sor<kw_once, kw_twice> {};
struct once_or_twice_not_a_count {};
struct count : sor<number, number_word, seq<at<once_or_twice>, raise<once_or_twice_not_a_count>>> {};
struct escaped : one<'"', '\\'> {};
struct escape : seq<one<'\\'>, must<escaped>> {};
struct string_char : sor<escape, not_one<'"', '\\', '\r', '\n'>> {};
struct closing_quote : one<'"'> {};
// A double-quoted string; each use derives its own struct so the actions know what it names.
struct quoted : seq<one<'"'>, star<string_char>, must<closing_quote>> {};
struct iso_date : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, rep<2, digit>> {};
// A ToR clause number such as 5.1, 2.4, iv, 5b, 5(a), or a word such as voice.
struct label : seq<ranges<'a', 'z', 'A', 'Z', '0', '9'>, star<sor<ranges<'a', 'z', 'A', 'Z', '0', '9'>, one<'.', '(', ')', '-', '_'>>>> {};

struct days_word : sor<kw<TAO_PEGTL_STRING("days")>, kw<TAO_PEGTL_STRING("day")>> {};

// ---- frequencies (FREQ) ----------------------------------------------------------------
struct unit_days : days_word {};
struct unit_weeks : sor<kw<TAO_PEGTL_STRING("weeks")>, kw<TAO_PEGTL_STRING("week")>> {};
struct unit_months : sor<kw<TAO_PEGTL_STRING("months")>, kw<TAO_PEGTL_STRING("month")>> {};
struct unit_years : sor<kw<TAO_PEGTL_STRING("years")>, kw<TAO_PEGTL_STRING("year")>> {};

struct every_count : seq<sp, count> {};
struct every_unit : seq<sp, sor<unit_days, unit_weeks, unit_months, unit_years>> {};
struct grace_count : seq<sp, count> {};
struct grace_days_word : seq<sp, days_word> {};
struct grace_word : seq<sp, kw_grace> {};
struct grace : seq<sp, kw_with, must<grace_count>, must<grace_days_word>, must<grace_word>> {};
// every N UNIT [with G days grace]
struct every_freq : seq<if_must<kw_every, every_count, every_unit>, opt<grace>> {};

struct weekly_count : count {};
struct weekly_word : seq<sp, kw_weekly> {};
struct intervals_word : seq<sp, kw_intervals> {};
// at N weekly intervals
struct weekly_freq : seq<weekly_count, must<weekly_word>, must<intervals_word>> {};

struct per_year : kw<TAO_PEGTL_STRING("year")> {};
struct per_quarter : kw<TAO_PEGTL_STRING("quarter")> {};
struct per_month : kw<TAO_PEGTL_STRING("month")> {};
struct per_half_year : kw<TAO_PEGTL_STRING("half-year")> {};
struct least_count : seq<sp, count> {};
struct times_word : seq<sp, sor<kw_times, kw_time>> {};
struct period_word : sor<per_year, per_quarter, per_month, per_half_year> {};
struct per_period : seq<sp, kw_a, sp, period_word> {};
// once|twice a year|a quarter|a month|a half-year: 1 or 2 times
struct once_word : kw_once {};
struct twice_word : kw_twice {};
struct once_period : seq<sp, kw_a, sp, period_word> {};
struct twice_period : seq<sp, kw_a, sp, period_word> {};
struct once_or_twice_freq : sor<if_must<once_word, once_period>, if_must<twice_word, twice_period>> {};
// at least K times a year|a quarter|a month|a half-year, or at least once|twice a ...
struct least_times : seq<least_count, times_word, per_period> {};
struct least_what : sor<seq<sp, once_or_twice_freq>, least_times> {};
struct least_freq : if_must<kw_least, least_what> {};
// K times a year|...: the same as "at least K times", as "twice a year" is "at least twice"
struct times_count : count {};
struct times_freq : seq<times_count, must<times_word>, must<per_period>> {};

// exactly K times a year|a quarter|a month|a half-year, or exactly once|twice a ...: K and no more
struct exactly_count : seq<sp, count> {};
struct exactly_times : seq<exactly_count, times_word, per_period> {};
struct exactly_what : sor<seq<sp, once_or_twice_freq>, exactly_times> {};
struct exactly_freq : if_must<kw_exactly, exactly_what> {};

struct at_what : seq<sp, sor<least_freq, weekly_freq>> {};
struct at_freq : if_must<kw_at, at_what> {};

struct often_freq : once_or_twice_freq {};

struct bi_monthly : kw<TAO_PEGTL_STRING("bi-monthly")> {};
struct six_monthly : kw<TAO_PEGTL_STRING("six-monthly")> {};
struct monthly : kw<TAO_PEGTL_STRING("monthly")> {};
struct quarterly : kw<TAO_PEGTL_STRING("quarterly")> {};
struct half_yearly : kw<TAO_PEGTL_STRING("half-yearly")> {};
struct annually : kw<TAO_PEGTL_STRING("annually")> {};
struct yearly : kw<TAO_PEGTL_STRING("yearly")> {};

struct frequency : sor<every_freq, at_freq, exactly_freq, often_freq, times_freq, bi_monthly, six_monthly, monthly, quarterly, half_yearly,
                       annually, yearly> {};

// ---- statements -----------------------------------------------------------------------
// What a title or an item must hold: "A" [or "B" ...] | matching "REGEX" (docs/language.md,
// "Titles and items"). Each form's slot before it keeps its own message.
struct title_phrase : quoted {};
struct title_next : seq<sp, title_phrase> {};
struct title_alternative : seq<sp, kw_or, must<title_next>> {};
struct title_pattern : quoted {};
struct title_pattern_slot : seq<sp, title_pattern> {};
struct title_matching : if_must<kw_matching, title_pattern_slot> {};
struct title_choice : sor<title_matching, seq<title_phrase, star<title_alternative>>> {};

// meets FREQ | meets jointly with "X" [or "Y" ...] FREQ
struct jointly_with : seq<sp, kw_with> {};
struct jointly_partner : seq<sp, title_choice> {};
struct jointly_frequency : seq<sp, frequency> {};
struct meets_jointly : if_must<kw_jointly, jointly_with, jointly_partner, jointly_frequency> {};
struct meets_how : seq<sp, sor<meets_jointly, frequency>> {};
struct meets_statement : if_must<kw_meets, meets_how> {};

// agenda published at least N [clear] [working] days before each meeting
struct notice_clear : kw<TAO_PEGTL_STRING("clear")> {};
struct notice_working : kw<TAO_PEGTL_STRING("working")> {};
struct notice_published : seq<sp, kw_published> {};
struct notice_at_least : seq<sp, kw_at, sp, kw_least> {};
struct notice_count : seq<sp, count> {};
struct notice_days_word : seq<sp, days_word> {};
struct notice_days : seq<opt<sp, notice_clear>, opt<sp, notice_working>, must<notice_days_word>> {};
struct notice_before : seq<sp, kw_before> {};
struct notice_each_meeting : seq<sp, kw_each, sp, kw_meeting> {};
struct agenda_statement
    : if_must<kw_agenda, notice_published, notice_at_least, notice_count, notice_days, notice_before, notice_each_meeting> {};

// each meeting has item "X" [or "Y" ...] | each meeting has item matching "REGEX"
struct item_what : seq<sp, title_choice> {};
struct has_item : if_must<kw_item, item_what> {};
// each meeting has a title | each meeting has title "X" [or "Y" ...] | has title matching "REGEX"
struct a_title_word : seq<sp, kw_title> {};
struct has_a_title : if_must<kw_a, a_title_word> {};
struct own_title_what : seq<sp, title_choice> {};
struct has_own_title : if_must<kw_title, own_title_what> {};
struct each_has_what : seq<sp, sor<has_item, has_a_title, has_own_title>> {};
struct each_has : if_must<kw_has, each_has_what> {};

// each meeting preceded by "X" [or "Y" ...] | matching "REGEX", within N days | since the previous meeting | on the day
struct preceded_by_word : seq<sp, kw_by> {};
struct preceded_title_slot : seq<sp, title_choice> {};
struct preceded_count : seq<sp, count> {};
struct preceded_days_word : seq<sp, days_word> {};
struct preceded_within : if_must<kw_within, preceded_count, preceded_days_word> {};
struct since_the_word : seq<sp, kw_the> {};
struct since_previous_word : seq<sp, kw_previous> {};
struct since_meeting_word : seq<sp, kw_meeting> {};
struct preceded_since : if_must<kw_since, since_the_word, since_previous_word, since_meeting_word> {};
// on the day: an event on the meeting's own date, earlier by time (docs/language.md)
struct on_the_word : seq<sp, kw_the> {};
struct on_day_word : seq<sp, kw<TAO_PEGTL_STRING("day")>> {};
struct preceded_on_day : if_must<kw<TAO_PEGTL_STRING("on")>, on_the_word, on_day_word> {};
struct preceded_reach : seq<sp, sor<preceded_within, preceded_since, preceded_on_day>> {};
struct preceded_by : if_must<kw_preceded, preceded_by_word, preceded_title_slot, preceded_reach> {};

// ---- people (docs/language.md, "People") ----
// "ROLE" [or "ROLE" ...]: any one of the roles will do.
struct role_name : quoted {};
struct role_next : seq<sp, role_name> {};
struct role_alternative : seq<sp, kw_or, must<role_next>> {};
struct role_list : seq<role_name, star<role_alternative>> {};

// A kind of member, where a quoted role may stand before `members` (docs/language.md, "Kinds of member").
struct term_elected : kw_elected {};
struct term_co_opted : kw_co_opted {};
struct term_voting : kw_voting {};
struct member_term : sor<term_elected, term_co_opted, term_voting> {};

// each meeting attended by "ROLE" [or "ROLE" ...] [from at least N partners]
struct attended_by_word : seq<sp, kw_by> {};
struct attended_roles : seq<sp, role_list> {};
struct partners_at_least : seq<sp, kw_at, sp, kw_least> {};
struct partners_count : seq<sp, count> {};
struct partners_word : seq<sp, kw_partners> {};
struct attended_from : seq<sp, if_must<kw_from, partners_at_least, partners_count, partners_word>> {};
struct attended_by : seq<if_must<kw_attended, attended_by_word, attended_roles>, opt<attended_from>> {};
// each meeting invites "ROLE" [or "ROLE" ...]: on the attendance list with any word
struct invited_roles : seq<sp, role_list> {};
struct invites : if_must<kw_invites, invited_roles> {};

// each member attends at least P% of meetings | attends every meeting, [each PERIOD]
struct rate_count : number {};
struct rate_percent : seq<sp, rate_count, one<'%'>> {};
struct rate_of_meetings : seq<sp, kw_of, sp, kw_meetings> {};
struct attends_least : seq<kw_at, sp, kw_least, must<rate_percent>, must<rate_of_meetings>> {};
struct attends_every_meeting : seq<sp, kw_meeting> {};
struct attends_every : if_must<kw_every, attends_every_meeting> {};
struct attends_how : seq<sp, sor<attends_least, attends_every>> {};
struct rate_period_word : seq<sp, sor<per_year, per_quarter, per_month, per_half_year>> {};
struct rate_period : seq<sp, if_must<kw_each, rate_period_word>> {};
struct attends_statement : seq<if_must<kw_attends, attends_how>, opt<rate_period>> {};

// each member trained in "TRAINING" within N UNIT of joining
struct training_name : quoted {};
struct trained_in_word : seq<sp, kw_in> {};
struct training_name_slot : seq<sp, training_name> {};
struct trained_within_word : seq<sp, kw_within> {};
struct trained_count : seq<sp, count> {};
struct trained_unit : seq<sp, sor<unit_days, unit_weeks, unit_months, unit_years>> {};
struct trained_of_joining : seq<sp, kw_of, sp, kw_joining> {};
struct trained_statement : if_must<kw_trained, trained_in_word, training_name_slot, trained_within_word, trained_count,
                                   trained_unit, trained_of_joining> {};

// each member except "ROLE" [or "ROLE" ...] attends ...: those roles attend when they wish
struct except_roles : seq<sp, role_list> {};
struct except_attends : seq<sp, attends_statement> {};
struct member_except : if_must<kw_except, except_roles, except_attends> {};

struct each_member_what : seq<sp, sor<attends_statement, trained_statement, member_except>> {};
struct each_member : if_must<kw_member, each_member_what> {};

struct each_what : seq<sp, sor<each_has, preceded_by, attended_by, invites>> {};
struct each_meeting : if_must<kw_meeting, each_what> {};
struct each_meeting_word : seq<sp, sor<each_meeting, each_member>> {};
struct each_statement : if_must<kw_each, each_meeting_word> {};

// quorum N [elected|co-opted|voting] [members] [including K "ROLE" | including K elected|co-opted|voting members]
struct quorum_count : seq<sp, count> {};
struct quorum_members_word : seq<sp, sor<kw_members, kw_member>> {};
struct quorum_kind_members : seq<sp, sor<kw_members, kw_member>> {};
struct quorum_kind : seq<sp, member_term, must<quorum_kind_members>> {};
struct including_count : seq<sp, count> {};
struct including_role : quoted {};
struct including_kind_members : seq<sp, sor<kw_members, kw_member>> {};
struct including_kind : seq<member_term, must<including_kind_members>> {};
struct including_what : seq<sp, sor<including_role, including_kind>> {};
struct quorum_including : seq<sp, if_must<kw_including, including_count, including_what>> {};
struct quorum_statement
    : seq<if_must<kw_quorum, quorum_count>, sor<quorum_kind, opt<quorum_members_word>>, opt<quorum_including>> {};

// chaired by "ROLE" [or "ROLE" ...] [when "ROLE" is absent] [, else "ROLE" [or ...]]... [, else any member]
struct chaired_by_word : seq<sp, kw_by> {};
struct chaired_roles : seq<sp, role_list> {};
struct absent_role : quoted {};
struct absent_role_slot : seq<sp, absent_role> {};
struct absent_is_word : seq<sp, kw_is> {};
struct absent_word : seq<sp, kw_absent> {};
struct chaired_when : seq<sp, if_must<kw_when, absent_role_slot, absent_is_word, absent_word>> {};
// , else "ROLE" [or "ROLE" ...] | , else any member: the next step of a chain of stand-ins. Part of
// the rule, so it is tried before the comma of a modifier (', advisory') and gives way to it.
struct else_word : kw_else {};
struct else_any_member : seq<kw_any, sp, kw_member> {};
// Anyone may chair at the last step, so no step can follow it.
struct else_last : not_at<osp, one<','>, osp, kw_else> {};
struct else_any_slot : seq<sp, else_any_member, must<else_last>> {};
struct else_roles : seq<sp, role_list> {};
struct else_step : sor<else_any_slot, else_roles> {};
struct chaired_else : seq<osp, one<','>, osp, if_must<else_word, else_step>> {};
struct chaired_statement : seq<if_must<kw_chaired, chaired_by_word, chaired_roles>, opt<chaired_when>, star<chaired_else>> {};

// has member "ROLE" [or "ROLE" ...] | has at most|at least|exactly N ["ROLE"|elected|co-opted|voting] members
struct has_member_roles : seq<sp, role_list> {};
struct has_member_rule : if_must<kw_member, has_member_roles> {};
struct size_at_most : seq<kw_at, sp, kw_most> {};
struct size_at_least : seq<kw_at, sp, kw_least> {};
struct size_exactly : kw_exactly {};
struct size_count : seq<sp, count> {};
struct size_role : seq<sp, sor<role_name, member_term>> {};
struct size_members_word : seq<sp, sor<kw_members, kw_member>> {};
// ... members of party "P": only the party's members are counted
struct size_party_name : quoted {};
struct size_party_slot : seq<sp, size_party_name> {};
struct size_party : seq<sp, if_must<seq<kw_of, sp, kw<TAO_PEGTL_STRING("party")>>, size_party_slot>> {};
struct has_size
    : seq<sor<size_at_most, size_at_least, size_exactly>, must<size_count>, opt<size_role>, must<size_members_word>,
          opt<size_party>> {};
// has members of at least N parties [among "ROLE" [or "ROLE" ...]]
struct members_of_word : seq<sp, kw_of> {};
struct parties_at_least : seq<sp, kw_at, sp, kw_least> {};
struct parties_count : seq<sp, count> {};
struct parties_word : seq<sp, kw_parties> {};
struct among_roles : seq<sp, role_list> {};
struct parties_among : seq<sp, if_must<kw_among, among_roles>> {};
struct party_rule
    : seq<if_must<kw_members, members_of_word, parties_at_least, parties_count, parties_word>, opt<parties_among>> {};
struct has_what : seq<sp, sor<has_member_rule, has_size, party_rule>> {};
struct membership_statement : if_must<kw_has, has_what> {};

// role "ROLE" rotates between partners annually
struct rotation_role : seq<sp, role_name> {};
struct rotates_word : seq<sp, kw_rotates> {};
struct between_partners : seq<sp, kw_between, sp, kw_partners> {};
struct rotation_annually : seq<sp, kw<TAO_PEGTL_STRING("annually")>> {};
// role "ROLE" held by "OFFICE" | role "ROLE" held by an elected member
struct held_office : quoted {};
struct held_elected : seq<kw<TAO_PEGTL_STRING("an")>, sp, kw<TAO_PEGTL_STRING("elected")>, sp, kw_member> {};
struct held_what : seq<sp, sor<held_office, held_elected>> {};
struct held_by_statement : seq<kw<TAO_PEGTL_STRING("held")>, sp, kw_by, must<held_what>> {};
struct rotates_statement : seq<kw_rotates, must<between_partners>, must<rotation_annually>> {};
struct role_tail : seq<sp, sor<held_by_statement, rotates_statement>> {};
struct rotation_statement : if_must<kw_role, rotation_role, role_tail> {};

// reports FREQ to "B" [and "C" ...] | reports "T" FREQ to "B" [and "C" ...] | ... to matching "REGEX"
struct report_title : quoted {};
struct recipient_name : quoted {};
struct recipient_next : seq<sp, recipient_name> {};
struct recipient_and : seq<sp, kw_and, must<recipient_next>> {};
struct recipient_list : seq<recipient_name, star<recipient_and>> {};
struct recipient_regex : quoted {};
struct recipient_regex_slot : seq<sp, recipient_regex> {};
struct recipient_matching : if_must<kw_matching, recipient_regex_slot> {};
struct report_frequency : seq<sp, frequency> {};
struct report_to : seq<sp, kw_to> {};
struct report_recipient : seq<sp, sor<recipient_matching, recipient_list>> {};
struct reports_what : seq<sp, sor<seq<report_title, must<report_frequency>>, frequency>> {};
struct reports_statement : if_must<kw_reports, reports_what, report_to, report_recipient> {};

// receives "X" [or "Y" ...] | matching "REGEX", then FREQ | by YYYY-MM-DD
// first meeting of each year has item "X" [or "Y" ...] | matching "REGEX": the year as `year starts` sets it
struct first_meeting_word : seq<sp, kw_meeting> {};
struct first_of_word : seq<sp, kw_of> {};
struct first_each_word : seq<sp, kw_each> {};
struct first_year_word : seq<sp, kw_year> {};
struct first_has_word : seq<sp, kw_has> {};
struct first_item_word : seq<sp, kw_item> {};
struct first_items : seq<sp, title_choice> {};
struct first_meeting_statement
    : if_must<kw_first, first_meeting_word, first_of_word, first_each_word, first_year_word, first_has_word,
              first_item_word, first_items> {};

struct deadline_date : seq<sp, iso_date> {};
struct receives_by : if_must<kw_by, deadline_date> {};
struct received_slot : seq<sp, title_choice> {};
struct receives_when : seq<sp, sor<receives_by, frequency>> {};
struct receives_statement : if_must<kw_receives, received_slot, receives_when> {};
// approves "X" [or "Y" ...] | matching "REGEX", then FREQ | by YYYY-MM-DD: receives, the item's
// recorded outcome approved, agreed or adopted
struct approved_slot : seq<sp, title_choice> {};
struct approves_when : seq<sp, sor<receives_by, frequency>> {};
struct approves_statement : if_must<kw_approves, approved_slot, approves_when> {};

// reflects the political balance of the council
struct balance_words : seq<sp, kw_the, sp, kw<TAO_PEGTL_STRING("political")>, sp, kw<TAO_PEGTL_STRING("balance")>, sp,
                           kw_of, sp, kw_the, sp, kw_council> {};
struct balance_statement : if_must<kw<TAO_PEGTL_STRING("reflects")>, balance_words> {};

struct rule : sor<meets_statement, agenda_statement, each_statement, reports_statement, receives_statement, approves_statement,
                 quorum_statement, chaired_statement, membership_statement, rotation_statement, first_meeting_statement,
                 balance_statement> {};
struct statement_rule : seq<sp, rule> {};

// ---- modifiers: after any rule, each introduced by a comma ------------------------------
// advisory ["QUOTE"]: the ToR's "usually", "should", "aims to"; never a breach
struct advisory_quote : quoted {};
struct advisory_modifier : seq<kw_advisory, opt<sp, advisory_quote>> {};
// severity minor|major|critical: how much a breach of a duty matters
struct severity_minor : kw<TAO_PEGTL_STRING("minor")> {};
struct severity_major : kw<TAO_PEGTL_STRING("major")> {};
struct severity_critical : kw<TAO_PEGTL_STRING("critical")> {};
struct severity_level : seq<sp, sor<severity_minor, severity_major, severity_critical>> {};
struct severity_modifier : if_must<kw_severity, severity_level> {};
// informal meetings count: held sessions count wherever the rule speaks of held meetings
struct informal_meetings_word : seq<sp, kw<TAO_PEGTL_STRING("meetings")>> {};
struct informal_count_word : seq<sp, kw<TAO_PEGTL_STRING("count")>> {};
struct informal_modifier : if_must<kw_informal, informal_meetings_word, informal_count_word> {};
struct modifier : sor<advisory_modifier, severity_modifier, informal_modifier> {};
struct modifier_slot : seq<osp, one<','>, osp, must<modifier>> {};

// The rule and its modifiers, as reports quote them.
struct statement_written : seq<must<statement_rule>, star<modifier_slot>> {};
struct statement_end : line_end {};
// not checked "REASON": a clause of the ToR that the rule file does not check, and why. It is
// never evaluated, so it takes no modifier: the line ends after the reason.
struct not_checked_reason : quoted {};
struct not_checked_word : seq<sp, kw_checked> {};
struct not_checked_reason_slot : seq<sp, not_checked_reason> {};
struct not_checked_end : line_end {};
struct not_checked_statement : seq<sp, if_must<kw_not, not_checked_word, not_checked_reason_slot, not_checked_end>> {};
// LABEL rule [, modifier]... | LABEL not checked "REASON"
struct statement : seq<label, sor<not_checked_statement, seq<statement_written, must<statement_end>>>> {};

// ---- settings ---------------------------------------------------------------------------
struct setting_end : line_end {};
struct council_name : quoted {};
struct council_name_slot : seq<sp, council_name> {};
struct council_setting : if_must<kw_council, council_name_slot, setting_end> {};

struct calendar_name : seq<sp, sor<kw<TAO_PEGTL_STRING("england-and-wales")>, kw<TAO_PEGTL_STRING("scotland")>,
                                   kw<TAO_PEGTL_STRING("northern-ireland")>, kw<TAO_PEGTL_STRING("none")>>> {};
struct calendar_setting : if_must<kw_calendar, calendar_name, setting_end> {};

struct year_start_day : number {};
struct month_name : plus<alpha> {};
struct year_starts_word : seq<sp, kw_starts> {};
struct year_start_day_slot : seq<sp, year_start_day> {};
struct year_start_month_slot : seq<sp, month_name> {};
struct year_setting : if_must<kw_year, year_starts_word, year_start_day_slot, year_start_month_slot, setting_end> {};

struct waiver_label : label {};
struct waiver_from : iso_date {};
struct waiver_to : iso_date {};
struct waiver_reason : quoted {};
struct waiver_label_slot : seq<sp, waiver_label> {};
struct waiver_from_word : seq<sp, kw_from> {};
struct waiver_from_slot : seq<sp, waiver_from> {};
struct waiver_to_word : seq<sp, kw_to> {};
struct waiver_to_slot : seq<sp, waiver_to> {};
struct waiver_because_word : seq<sp, kw_because> {};
struct waiver_reason_slot : seq<sp, waiver_reason> {};
// waive LABEL from YYYY-MM-DD to YYYY-MM-DD because "REASON"
struct waiver_setting : if_must<kw_waive, waiver_label_slot, waiver_from_word, waiver_from_slot, waiver_to_word,
                                waiver_to_slot, waiver_because_word, waiver_reason_slot, setting_end> {};

struct setting : seq<osp, sor<council_setting, calendar_setting, year_setting, waiver_setting>> {};

// ---- error recovery -----------------------------------------------------------------------
// Thrown where the grammar insists and the input does not comply (see error_messages.hpp):
// the message, and the byte where the rule that failed began.
struct syntax_error {
  const char* message;
  std::size_t byte;
};

// Matches Rule; if Rule throws a syntax_error, hands it to the state's `on_syntax_error`
// and skips to the next line, so one bad line does not hide the errors after it.
template <typename Rule>
struct recover_line {
  using rule_t = recover_line;
  using subs_t = type_list<Rule>;

  template <apply_mode A, rewind_mode M, template <typename...> class Action, template <typename...> class Control,
            typename ParseInput, typename State>
  static bool match(ParseInput& in, State& st) {
    if (in.empty()) return false;
    const auto start = in.iterator();
    try {
      return Control<Rule>::template match<A, M, Action, Control>(in, st);
    } catch (const syntax_error& e) {
      st.on_syntax_error(e);
      in.iterator() = start;
      while (!in.empty() && in.peek_char() != '\n') in.bump_in_this_line(1);
      if (!in.empty()) in.bump_to_next_line(1);
      return true;
    }
  }
};

// ---- structure ----------------------------------------------------------------------------
struct body_wildcard : one<'*'> {};
struct body_name : quoted {};
struct body_name_slot : seq<sp, sor<body_wildcard, body_name>> {};
struct open_brace : seq<osp, one<'{'>> {};
struct body_header_end : line_end {};
// body "NAME" from YYYY-MM-DD {: a version of the body's rules, in force from that date
struct version_date : iso_date {};
struct version_date_slot : seq<sp, version_date> {};
struct body_version : seq<sp, if_must<kw_from, version_date_slot>> {};
// body "NAME" also "OLD" [and "OLDER" ...] {: a renamed body, known in the logs by any of its names
struct also_name : quoted {};
struct also_name_slot : seq<sp, also_name> {};
struct also_and : seq<sp, kw_and, must<also_name_slot>> {};
struct body_also : seq<sp, if_must<kw_also, also_name_slot>, star<also_and>> {};
struct body_header_tail
    : seq<must<body_name_slot>, opt<body_also>, opt<body_version>, must<open_brace>, must<body_header_end>> {};
struct body_close : seq<osp, one<'}'>, line_end> {};
// Errors are raised on tags of their own: a rule with a message throws wherever it fails.
struct nested_body : seq<osp, kw_body> {};
struct nested_body_error {};  // bodies do not nest
struct unknown_body_line {};  // what a line in a body cannot be
struct body_line : sor<blank_line, setting, seq<at<nested_body>, raise<nested_body_error>>, seq<osp, statement>,
                       raise<unknown_body_line>> {};
struct body_unclosed : eof {};  // end of file before the body's '}'
struct body_end : sor<body_close, body_unclosed> {};
struct body_keyword : kw_body {};
struct body_block : seq<osp, body_keyword, recover_line<body_header_tail>,
                        star<not_at<body_close>, not_at<eof>, recover_line<body_line>>, body_end> {};

struct stray_close : seq<osp, one<'}'>> {};
struct stray_close_error {};  // '}' with no body open
struct stray_statement : seq<osp, label, sp, sor<kw_meets, kw_agenda, kw_each, kw_reports, kw_receives, kw_approves, kw_quorum,
                                                  kw_chaired, kw_has, kw_role, kw_not, kw_first>> {};
struct stray_statement_error {};  // a statement outside any body
struct unknown_file_line {};
struct file_line : sor<blank_line, body_block, setting, seq<at<stray_close>, raise<stray_close_error>>,
                       seq<at<stray_statement>, raise<stray_statement_error>>, raise<unknown_file_line>> {};
struct file : seq<opt<bom>, star<not_at<eof>, recover_line<file_line>>, eof> {};

}  // namespace remit::grammar

namespace tao::pegtl {
template <typename Name, typename Rule>
struct analyze_traits<Name, remit::grammar::recover_line<Rule>> : analyze_traits<Name, typename Rule::rule_t> {};
}  // namespace tao::pegtl
