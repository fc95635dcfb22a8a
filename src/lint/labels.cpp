// RL008 a clause label used again for a different duty further down the body.
//
// A ToR clause often holds several duties, written one after another under the same label.
// The same label coming back after other clauses is more often a slip (5.1 written for 5.7):
// the report then cites the wrong clause, and a waiver for 5.1 covers both statements.
#include <fmt/format.h>

#include "lint/lint.hpp"

namespace remit::lint {

void label_reused(const ast::rule_file& file, const context&, std::vector<finding>& out) {
  for (const ast::body& b : file.bodies) {
    const auto& st = b.statements;
    for (std::size_t j = 1; j < st.size(); ++j) {
      if (st[j - 1].label == st[j].label) continue;
      for (std::size_t i = 0; i + 1 < j; ++i) {
        if (st[i].label != st[j].label) continue;
        out.push_back({"RL008", st[j].where,
                       fmt::format("clause {} is used again here, after other clauses; it heads line {} ({}) too. If "
                                   "this duty belongs to another clause, its label is wrong; if not, keep the statements "
                                   "of {} together. A waiver for {} covers both",
                                   st[j].label, st[i].where.line, st[i].text, st[j].label, st[j].label),
                       st[i].where});
        break;
      }
    }
  }
}

}  // namespace remit::lint
