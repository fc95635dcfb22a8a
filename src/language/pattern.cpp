#include "language/pattern.hpp"

namespace remit {

std::unique_ptr<const re2::RE2> compile_pattern(const std::string& pattern) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  return std::make_unique<const re2::RE2>(pattern, options);
}

}  // namespace remit
