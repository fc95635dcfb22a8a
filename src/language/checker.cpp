#include "language/checker.hpp"

#include <map>
#include <sstream>

#include <fmt/format.h>
#include <re2/re2.h>

#include "core/text.hpp"
#include "language/form_words.hpp"
#include "language/pattern.hpp"

namespace remit {

namespace {

// The source lines a diagnostic quotes.
class source_lines {
 public:
  explicit source_lines(const std::string& text) {
    std::istringstream f(text);
    std::string line;
    while (std::getline(f, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines_.push_back(line);
    }
  }
  std::string at(const source_location& where) const {
    return where.line >= 1 && where.line <= lines_.size() ? lines_[where.line - 1] : std::string{};
  }

 private:
  std::vector<std::string> lines_;
};

struct checker {
  const ast::rule_file& file;
  diagnostics& diags;
  source_lines lines;
  bool ok = true;

  void error(const source_location& where, std::string message) {
    diags.error(where, std::move(message), lines.at(where));
    ok = false;
  }

  void require_text(const std::string& s, const source_location& where, std::string_view what) {
    if (fold(s).empty()) error(where, fmt::format("{} is empty", what));
  }

  void check_regex(const std::string& pattern, const source_location& where) {
    const auto re = compile_pattern(pattern);
    if (!re->ok()) error(where, fmt::format("invalid regular expression: {}", re->error()));
  }

  // The statement's form checks its own fields (its unit file, src/forms/<form>.cpp).
  class statement_check final : public form_check {
   public:
    statement_check(checker& c, const ast::statement& s) : c_(c), s_(s) {}
    void require_text(const std::string& text, std::string_view what) override { c_.require_text(text, s_.rule_where, what); }
    void check_pattern(const std::string& pattern) override { c_.check_regex(pattern, s_.pattern_at); }
    void error(std::string message) override { c_.error(s_.rule_where, std::move(message)); }

   private:
    checker& c_;
    const ast::statement& s_;
  };

  void check_statement(const ast::statement& s) {
    statement_check form(*this, s);
    std::visit([&](const auto& r) { ast::check(r, form); }, s.what);
    check_modifiers(s);
  }

  // Each modifier once; advisory wording has no severity; sessions count only where a rule
  // speaks of the body's held meetings.
  void check_modifiers(const ast::statement& s) {
    const ast::modifiers& m = s.modifiers;
    std::map<ast::modifier_kind, const ast::modifier_written*> seen;
    for (const ast::modifier_written& w : m.written)
      if (auto [it, fresh] = seen.emplace(w.kind, &w); !fresh)
        error(w.where, fmt::format("'{}' is written twice in this statement", it->second->text));
    const auto advisory = seen.find(ast::modifier_kind::advisory);
    const auto severity = seen.find(ast::modifier_kind::severity);
    if (advisory != seen.end() && severity != seen.end())
      error(severity->second->where, "an advisory statement has no severity: advisory wording is never a breach");
    if (m.quote) require_text(*m.quote, advisory->second->where, "the advisory quote");
    const auto informal = seen.find(ast::modifier_kind::informal_meetings);
    if (informal == seen.end()) return;
    if (std::holds_alternative<ast::reports>(s.what))
      error(informal->second->where, "'informal meetings count' does not apply to reports: a report is not a meeting");
    if (std::holds_alternative<ast::meets_jointly>(s.what))
      error(informal->second->where,
            "'informal meetings count' is already the meaning of 'meets jointly with': its sessions count");
  }

  // Versions of one body come in the order they took effect; every version after the first
  // says when it took effect.
  void check_version(const ast::body& b, const ast::body* before, const ast::body* first) {
    const std::string name = b.every_body ? "*" : fmt::format("\"{}\"", b.name);
    if (!b.in_force_from) {
      // A block of another name is the same body when they share a name through 'also'.
      const std::string described = b.every_body || fold(b.name) == fold(first->name)
                                        ? name
                                        : fmt::format("{} (\"{}\" by another name)", name, first->name);
      error(b.where, fmt::format("body {} is declared twice in this file (first on line {}): put its statements in one "
                                 "block, or, for a new version of its rules, say when it took effect: body {}{} from "
                                 "YYYY-MM-DD {{",
                                 described, first->where.line, name,
                                 b.also.empty() ? std::string{} : " also ..."));
      return;
    }
    if (!before->in_force_from) return;
    if (*b.in_force_from == *before->in_force_from)
      error(b.in_force_at, fmt::format("two versions of body {} take effect on {} (the other on line {})", name,
                                       *b.in_force_from, before->where.line));
    else if (*b.in_force_from < *before->in_force_from)
      error(b.in_force_at, fmt::format("versions of body {} must be written in the order they took effect: this one "
                                       "(from {}) comes after the one from {} on line {}",
                                       name, *b.in_force_from, *before->in_force_from, before->where.line));
  }

  // reports ... to "A" and "B": the parser made one statement per recipient, from one line; a
  // recipient named twice would be judged twice and counted as two rules.
  void check_recipients(const ast::body& b) {
    for (std::size_t k = 0; k < b.statements.size(); ++k) {
      const auto* r = std::get_if<ast::reports>(&b.statements[k].what);
      if (!r) continue;
      for (std::size_t j = 0; j < k; ++j) {
        const auto* other = std::get_if<ast::reports>(&b.statements[j].what);
        if (other && b.statements[j].where.line == b.statements[k].where.line &&
            b.statements[j].where.column == b.statements[k].where.column && fold(other->recipient) == fold(r->recipient)) {
          error(b.statements[k].rule_where,
                fmt::format("clause {}: \"{}\" is named twice after 'to': each recipient is a rule of its own, so name it once",
                            b.statements[k].label, r->recipient));
          break;
        }
      }
    }
  }

  // body "NEW" also "OLD": each other name is a name, and another one.
  void check_other_names(const ast::body& b) {
    for (std::size_t k = 0; k < b.also.size(); ++k) {
      if (b.every_body) {
        error(b.also_at[k], "body * is every body in the logs, under the names they give it: it takes no other name ('also')");
        return;
      }
      require_text(b.also[k], b.also_at[k], "the body's other name");
      const std::string folded = fold(b.also[k]);
      if (folded == fold(b.name))
        error(b.also_at[k], fmt::format("\"{}\" is this body's own name: 'also' gives the other names its logs use", b.also[k]));
      for (std::size_t j = 0; j < k; ++j)
        if (fold(b.also[j]) == folded) error(b.also_at[k], fmt::format("\"{}\" is named twice after 'also'", b.also[k]));
    }
  }

  void check_waivers(const std::vector<ast::waiver>& waivers, const std::vector<const ast::body*>& scope, bool file_level) {
    for (const ast::waiver& w : waivers) {
      bool found = false, not_checked = false;
      for (const ast::body* b : scope) {
        for (const ast::statement& s : b->statements) found = found || s.label == w.label;
        for (const ast::not_checked_clause& c : b->not_checked) not_checked = not_checked || c.label == w.label;
      }
      if (!found && not_checked)
        error(w.where, fmt::format("waiver for clause '{}', but that clause is not checked in this {}: it is never "
                                   "evaluated, so there is no breach to waive",
                                   w.label, file_level ? "file" : "body"));
      else if (!found)
        error(w.where, file_level ? fmt::format("waiver for clause '{}', but no statement in this file has that label", w.label)
                                  : fmt::format("waiver for clause '{}', but no statement in this body has that label", w.label));
      require_text(w.reason, w.where, "the waiver's reason");
    }
  }

  void run() {
    std::map<std::string, const ast::body*> seen;   // the latest block of each body
    std::map<std::string, const ast::body*> first;  // its first block
    std::vector<const ast::body*> all;
    for (const ast::body& b : file.bodies) {
      all.push_back(&b);
      const std::string key = b.every_body ? "*" : ast::folded_names(file, b).front();
      if (!b.every_body) require_text(b.name, b.where, "the body's name");
      check_other_names(b);
      first.emplace(key, &b);
      if (auto [it, fresh] = seen.emplace(key, &b); !fresh) {
        check_version(b, it->second, first.at(key));
        it->second = &b;
      }
      for (const ast::statement& s : b.statements) check_statement(s);
      check_recipients(b);
      for (const ast::not_checked_clause& c : b.not_checked)
        require_text(c.reason, c.reason_at, fmt::format("the reason why clause '{}' is not checked", c.label));
      check_waivers(b.waivers, {&b}, false);
    }
    check_waivers(file.waivers, all, true);
    if (file.bodies.empty()) diags.error({file.path, 0, 0}, "the rule file has no body: nothing to check"), ok = false;
  }
};

}  // namespace

bool check_rule_file(const ast::rule_file& file, diagnostics& diags) {
  checker c{file, diags, source_lines(file.text)};
  c.run();
  return c.ok;
}

}  // namespace remit
