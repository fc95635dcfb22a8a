// What an audit finds: per rule, a status and the findings that justify it.
// A breach is a result, not an error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/large_allocator.hpp"
#include "core/date.hpp"
#include "inputs/event_log.hpp"
#include "language/ast.hpp"

namespace remit {

// `advisory`: a shortfall against advisory wording (", advisory"), never a breach.
enum class finding_status { breach, no_evidence, waived, advisory };
// In order of precedence: a rule's status is the first of these that applies.
enum class rule_status { breach, no_evidence, advisory, waived, not_due, pass };

std::string_view name(finding_status s);
std::string_view name(rule_status s);

struct finding;

// Writes a finding's derivation when a report asks for it. A streamed audit of millions of
// events (evaluate/streamed_audit.hpp) keeps its findings' dates and writes their words only
// as each is reported: held whole, the words would be most of its memory.
class finding_writer {
 public:
  virtual ~finding_writer() = default;
  virtual std::string words(const finding& f) const = 0;
};

struct finding {
  finding_status status = finding_status::breach;
  date due;                      // the latest date by which the duty had to be met
  optional_date on;              // the date of the evidence, if there was any ("date" in reports)
  optional_date meeting;         // the meeting a notice, item or precedence finding is about
  optional_date period_start;
  optional_date period_end;
  std::optional<int> found;      // count family: how many qualifying events the period had
  std::string message;           // the derivation, in plain English (see words())
  std::vector<std::string> people = {};  // people statements: who the finding is about, as the log names them
  // Gap family: the qualifying event the interval ran from; none when it ran from the start of
  // the audit window.
  optional_date after = {};
  // Set when `message` was left to be written on demand.
  std::shared_ptr<const finding_writer> writer = {};

  // The derivation, in plain English: what every report prints.
  std::string words() const { return writer ? writer->words(*this) : message; }
};

// A finding in 32 bytes: its dates and count without words or people. A streamed audit keeps
// its findings so, and a report makes each a finding only as it reads it.
struct compact_finding {
  finding_status status = finding_status::breach;
  date due;
  optional_date on, meeting, period_start, period_end, after;
  std::int32_t found = -1;  // -1: none

  compact_finding() = default;
  explicit compact_finding(const finding& f)
      : status(f.status), due(f.due), on(f.on), meeting(f.meeting), period_start(f.period_start),
        period_end(f.period_end), after(f.after), found(f.found.value_or(-1)) {}
  finding expanded(std::shared_ptr<const finding_writer> writer) const {
    finding f;
    expand_into(f, writer);
    return f;
  }
  // Makes `f` this finding, in place: a report reading a million findings one after another
  // through one finding copies the writer (an atomic count, shared by every core) only when it
  // changes.
  void expand_into(finding& f, const std::shared_ptr<const finding_writer>& writer) const {
    f.status = status;
    f.due = due;
    f.on = on;
    f.meeting = meeting;
    f.period_start = period_start;
    f.period_end = period_end;
    f.found = found < 0 ? std::nullopt : std::optional(found);
    f.message.clear();
    f.people.clear();
    f.after = after;
    if (f.writer != writer) f.writer = writer;
  }
};

// A rule's findings, in order. Held as findings, or as compact findings with the writer of their
// words, each made a finding as it is read: at a national scale the findings held whole would be
// most of the audit's memory. Read it as a list of findings (by index or with a for loop); a
// reference from it is good until the next read.
class finding_list {
 public:
  finding_list() = default;
  finding_list(std::vector<finding> findings) : findings_(std::move(findings)) {}  // NOLINT: a list is its findings
  finding_list(std::vector<compact_finding> compact, std::shared_ptr<const finding_writer> writer)
      : compact_(std::move(compact)), writer_(std::move(writer)) {}

  std::size_t size() const { return findings_.size() + compact_.size(); }
  bool empty() const { return size() == 0; }
  finding operator[](std::size_t i) const { return compact_.empty() ? findings_[i] : compact_[i].expanded(writer_); }
  finding front() const { return (*this)[0]; }

  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = finding;
    using difference_type = std::ptrdiff_t;
    using pointer = const finding*;
    using reference = const finding&;
    iterator() = default;
    iterator(const finding_list* list, std::size_t i) : list_(list), i_(i) {}
    const finding& operator*() const {
      if (list_->compact_.empty()) return list_->findings_[i_];
      list_->compact_[i_].expand_into(current_, list_->writer_);
      return current_;
    }
    const finding* operator->() const { return &**this; }
    iterator& operator++() {
      ++i_;
      return *this;
    }
    iterator operator++(int) {
      iterator before = *this;
      ++i_;
      return before;
    }
    bool operator==(const iterator& other) const { return i_ == other.i_; }

   private:
    const finding_list* list_ = nullptr;
    std::size_t i_ = 0;
    mutable finding current_;
  };
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, size()}; }

 private:
  std::vector<finding> findings_;
  std::vector<compact_finding> compact_;
  std::shared_ptr<const finding_writer> writer_;
};

// The days a version of a body's rules was in force, both included; an open end has no date
// (docs/language.md, "Versions").
struct version_span {
  std::optional<date> from;
  std::optional<date> until;
};
// "the version in force from 2025-06-01", "the version in force until 2025-05-31", ...
std::string version_words(const version_span& v);
// " (the version in force from 2025-06-01)" after a body's name, or nothing for an unversioned body.
std::string version_suffix(const std::optional<version_span>& v);

struct rule_result {
  std::string rule_file;
  std::optional<std::string> council;
  std::string body;
  const ast::statement* statement = nullptr;
  rule_status status = rule_status::pass;
  finding_list findings;
  std::optional<version_span> version;  // when the body block is one version of the body's rules
};

struct audit_window {
  date from;
  date to;
};

// An event of an audited body, as reports draw it on the body's timeline.
struct timeline_event {
  date day;
  std::optional<date> published;  // agenda publication, when recorded
  event_kind kind = event_kind::meeting;
  event_status status = event_status::held;
  bool held = true;  // counts as held (docs/language.md): drawn as held, whatever the status says
  std::string title;
  std::string to;  // reports: the body the report went to
};

// A waiver that bears on one of the body's rules: breaches due from `from` to `to` are waived.
struct waiver_window {
  std::string label;
  date from;
  date to;
  std::string reason;
};

// A clause that the body block says remit does not check (`LABEL not checked "REASON"`): never
// evaluated, no status, no finding; every report lists it under the body (docs/reports.md).
struct clause_not_checked {
  std::string label;
  std::string reason;
  std::uint32_t line = 0;  // in the body's rule file
};

// One body as one body block of one rule file audits it: what reports need beside the results
// to summarise it and draw its timeline, copied so that a report never needs the log.
struct audited_body {
  std::string rule_file;
  std::optional<std::string> council;
  std::string name;
  ast::resolved_settings settings;
  std::size_t first_result = 0;  // its rules are results[first_result, first_result + rule_count)
  std::size_t rule_count = 0;
  std::vector<timeline_event> events;  // in the window, in date order
  std::vector<waiver_window> waivers;  // the body's own, then the file's, for labels the body uses
  std::optional<version_span> version;  // when the body block is one version of the body's rules
  // The body's first and last events in the logs that the file's council admits, of any kind or
  // status and at any date (after the window too); none when the logs hold no record of it. Read
  // first says when the logs stop early or start late (stopped_early_words).
  std::optional<date> first_event = {};
  std::optional<date> last_event = {};
  std::vector<clause_not_checked> not_checked = {};  // in file order
};

// What a report was made from, so that anyone can check it again (remit verify): remit's
// version, the SHA-256 of every rule file and log as read (paths as given on the command
// line), the bank-holiday data and the window. Empty lists when the caller named no files.
struct audit_manifest {
  struct input {
    std::string path;
    std::string sha256;
  };
  std::string remit_version;
  std::vector<input> rule_files;
  std::vector<input> logs;
  std::string bank_holidays_sha256;
  int bank_holidays_last_year = 0;
  bool accept_partial = false;  // --accept-partial: rejected rows did not stop the audit
  // The day the run took as today, when the window ends after it: then it decides what counts
  // as held, and `remit verify` runs the audit again as of that day.
  std::optional<date> today = {};
  std::vector<std::pair<std::string, std::uint64_t>> limits;  // those set other than their default (--limit)
  // The engine that ran the audit, "batch" or "stream" (--engine); empty for remit due, which
  // runs neither. The same report either way: remit verify does not compare it.
  std::string engine = {};
};

struct audit_report {
  audit_window window;
  std::vector<rule_result, large_allocator<rule_result>> results;
  std::vector<audited_body> bodies;  // in the order of results
  std::vector<log_file_summary> logs;
  std::size_t events_after_window = 0;
  // Bodies that appear in the logs but that no rule file audits, and bodies that rule
  // files name but the logs never mention: either is often a name spelt two ways.
  std::vector<std::string> unaudited_bodies;
  std::vector<std::string> bodies_without_events;
  audit_manifest manifest = {};  // filled by the command that ran the audit
  // The kinds of people records any log of the run held (filled by the audit session): a rule
  // that needs a kind none held says so once in the human reports (report/text_parts.hpp).
  ast::records records_given = ast::records::none;

  std::size_t count(rule_status s) const;
  std::size_t count(finding_status s) const;
  // The clauses not checked, as listed under every body audited (a `body *` clause once per body).
  std::size_t clauses_not_checked() const;
  std::span<const rule_result> results_of(const audited_body& b) const {
    return std::span<const rule_result>(results).subspan(b.first_result, b.rule_count);
  }
  // Advisory findings never count: only a breach of a duty is a breach.
  bool any_breach() const { return count(rule_status::breach) > 0; }
};

}  // namespace remit
