#include "language/pattern.hpp"

#include "core/text.hpp"
#include "language/title_matcher.hpp"

namespace remit {

std::unique_ptr<const re2::RE2> compile_pattern(const std::string& pattern) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  return std::make_unique<const re2::RE2>(pattern, options);
}

title_matcher::title_matcher(const ast::title_match& m) {
  if (m.is_regex) re_ = compile_pattern(m.phrases.front());
  else
    for (const std::string& phrase : m.phrases) wanted_.push_back(fold(phrase));
}

bool title_matcher::matches(std::string_view folded) const {
  if (re_) return RE2::PartialMatch(folded, *re_);
  for (const std::string& w : wanted_)
    if (folded_contains(folded, w)) return true;
  return false;
}

}  // namespace remit
