// RL005 a statement that can never be breached.
#include <fmt/format.h>
#include <re2/re2.h>

#include "core/text.hpp"
#include "lint/lint.hpp"
#include "lint/measures.hpp"
#include "language/pattern.hpp"

namespace remit::lint {

void always_met(const ast::rule_file& file, const context&, std::vector<finding>& out) {
  for (const ast::body& b : file.bodies) {
    // Formal meetings are usually titled with the body's own name, so a phrase taken from the
    // name finds the body's ordinary meetings. (Unknown for body *: the names come from the logs.)
    const std::string own_name = b.every_body ? std::string{} : fold(b.name);
    const auto in_own_name = [&](const std::string& phrase) {
      return !own_name.empty() && folded_contains(own_name, fold(phrase));
    };
    for (const ast::statement& s : b.statements) {
      if (const auto* j = std::get_if<ast::meets_jointly>(&s.what); j && !j->partner.is_regex)
        for (const std::string& partner : j->partner.phrases)
          if (in_own_name(partner))
            out.push_back({"RL005", s.rule_where,
                           fmt::format("clause {}: \"{}\" is part of the body's own name, so every meeting titled \"{}\" counts "
                                       "as a joint meeting: this can be met without any joint meeting. Name the partner as "
                                       "the log titles joint meetings",
                                       s.label, partner, b.name),
                           std::nullopt});
      if (const auto* p = std::get_if<ast::preceded_by>(&s.what); p && !p->title.is_regex)
        for (const std::string& title : p->title.phrases)
          if (in_own_name(title))
            out.push_back({"RL005", s.rule_where,
                           fmt::format("clause {}: \"{}\" is part of the body's own name, so the body's previous meeting, if "
                                       "titled \"{}\", counts as the event that must precede each meeting: this can be met "
                                       "without any {}. Name the event as the log titles it",
                                       s.label, title, b.name, title),
                           std::nullopt});
      // Who chaired a meeting is read from the attendance role "Chair" (docs/language.md, "People"),
      // so that role is held by every chair there is.
      // With `when "Chair" is absent`, or in a chain of stand-ins, the post of Chair is read from
      // the membership instead.
      if (const auto* c = std::get_if<ast::chaired_by>(&s.what);
          c && !c->chain() && !(c->only_when_absent && fold(*c->only_when_absent) == "chair"))
        for (const std::string& role : c->roles)
          if (fold(role) == "chair")
            out.push_back({"RL005", s.rule_where,
                           fmt::format("clause {}: whoever chairs a meeting is recorded in the role \"Chair\", so "
                                       "\"{}\" is met by every chair: name the post that must hold the chair, such as "
                                       "\"Portfolio Holder for Children and Young People\"",
                                       s.label, role),
                           std::nullopt});
      // A pattern that matches "" matches every text: `consequence` says what that does to the rule.
      const auto flag_empty_match = [&](const std::string& pattern, std::string_view consequence) {
        const auto re = compile_pattern(pattern);
        if (!re->ok() || !RE2::PartialMatch("", *re)) return;
        out.push_back({"RL005", s.pattern_at,
                       fmt::format("clause {}: the pattern \"{}\" matches {}. Look for an empty alternative (\"a|\" or "
                                   "\"a||b\") or a pattern that may match nothing (\"x*\")",
                                   s.label, pattern, consequence),
                       std::nullopt});
      };
      if (const auto* r = std::get_if<ast::reports>(&s.what); r && r->recipient_is_regex)
        flag_empty_match(r->recipient, "an empty name, so a report to any body, or to none, counts");
      if (const auto* i = std::get_if<ast::has_item>(&s.what); i && i->item.is_regex)
        flag_empty_match(i->item.phrases.front(), "an empty title, so it matches every agenda item: any meeting whose items "
                                                  "are recorded meets it");
      if (const auto* t = std::get_if<ast::has_title>(&s.what); t && t->title && t->title->is_regex)
        flag_empty_match(t->title->phrases.front(), "an empty title, so any meeting whose title is recorded meets it: "
                                                    "'each meeting has a title' says so plainly");
      if (const auto* v = std::get_if<ast::receives>(&s.what); v && v->item.is_regex)
        flag_empty_match(v->item.phrases.front(), "an empty title, so it matches every agenda item: any meeting whose items "
                                                  "are recorded receives it");
      if (const auto* v = std::get_if<ast::receives_by>(&s.what); v && v->item.is_regex)
        flag_empty_match(v->item.phrases.front(), "an empty title, so it matches every agenda item: any meeting whose items "
                                                  "are recorded receives it");
      if (const auto* j = std::get_if<ast::meets_jointly>(&s.what); j && j->partner.is_regex)
        flag_empty_match(j->partner.phrases.front(), "an empty title, so every held meeting and session counts as a joint meeting");
      if (const auto* p = std::get_if<ast::preceded_by>(&s.what); p && p->title.is_regex)
        flag_empty_match(p->title.phrases.front(), "an empty title, so every held meeting or session before a meeting "
                                                   "precedes it");
    }
  }
}

}  // namespace remit::lint
