#include <array>

#include "report/reporter.hpp"

namespace remit {

std::span<const reporter_entry> reporters() {
  static const std::array<reporter_entry, 2> all{{
      {"text", "for people: grouped by body, each rule with its status and findings", make_text_reporter},
      {"json", "for programs: one object, described by docs/report.schema.json", make_json_reporter},
  }};
  return all;
}

const reporter_entry* find_reporter(std::string_view name) {
  for (const reporter_entry& r : reporters())
    if (r.name == name) return &r;
  return nullptr;
}

}  // namespace remit
