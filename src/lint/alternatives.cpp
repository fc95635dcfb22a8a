// RL011 an alternative that another alternative of the same list already covers.
#include <fmt/format.h>

#include "core/text.hpp"
#include "lint/lint.hpp"

namespace remit::lint {

namespace {

// In `"A" or "B"`, a title holding B holds A when B contains A (folded): B adds nothing to the
// list, and the author most often meant something narrower than A. The same phrase twice is said once.
void covered_alternatives(const ast::statement& s, const ast::title_match& m, std::vector<finding>& out) {
  if (m.is_regex) return;
  for (std::size_t j = 0; j < m.phrases.size(); ++j)
    for (std::size_t i = 0; i < m.phrases.size(); ++i) {
      if (i == j) continue;
      const std::string wide = fold(m.phrases[i]), narrow = fold(m.phrases[j]);
      if (wide.empty() || !folded_contains(narrow, wide)) continue;
      if (wide == narrow && i > j) continue;  // the same twice: said of the second
      out.push_back({"RL011", s.rule_where,
                     wide == narrow
                         ? fmt::format("clause {}: \"{}\" is listed twice among the alternatives: the second adds nothing",
                                       s.label, m.phrases[j])
                         : fmt::format("clause {}: the alternative \"{}\" adds nothing: any title or item containing it "
                                       "contains \"{}\", which is also listed. If \"{}\" is too wide, name what is meant",
                                       s.label, m.phrases[j], m.phrases[i], m.phrases[i]),
                     std::nullopt});
      break;
    }
}

}  // namespace

void alternative_covered(const ast::rule_file& file, const context&, std::vector<finding>& out) {
  for (const ast::body& b : file.bodies)
    for (const ast::statement& s : b.statements) {
      if (const auto* r = std::get_if<ast::has_item>(&s.what)) covered_alternatives(s, r->item, out);
      if (const auto* r = std::get_if<ast::has_title>(&s.what); r && r->title) covered_alternatives(s, *r->title, out);
      if (const auto* r = std::get_if<ast::receives>(&s.what)) covered_alternatives(s, r->item, out);
      if (const auto* r = std::get_if<ast::receives_by>(&s.what)) covered_alternatives(s, r->item, out);
      if (const auto* r = std::get_if<ast::preceded_by>(&s.what)) covered_alternatives(s, r->title, out);
      if (const auto* r = std::get_if<ast::meets_jointly>(&s.what)) covered_alternatives(s, r->partner, out);
    }
}

}  // namespace remit::lint
