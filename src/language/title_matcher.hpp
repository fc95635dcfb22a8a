// What a statement asks of a title or an agenda item (`"A" [or "B" ...]`, `matching "REGEX"`),
// compiled once for a judge or a lint check to ask of each title it reads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "language/ast.hpp"

namespace re2 {
class RE2;
}

namespace remit {

// Whether a title or an agenda item, folded (case and runs of white space), is one a statement
// asks for: it contains one of the phrases, folded, or the pattern is found in it, ignoring case.
class title_matcher {
 public:
  explicit title_matcher(const ast::title_match& m);
  bool matches(std::string_view folded) const;

 private:
  std::vector<std::string> wanted_;     // folded phrases
  std::shared_ptr<const re2::RE2> re_;  // only for `matching`; the checker has already rejected bad patterns
};

}  // namespace remit
