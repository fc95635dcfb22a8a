// RL010 a setting written twice in one place: the last one wins, and the first does nothing.
#include <fmt/format.h>

#include "lint/lint.hpp"

namespace remit::lint {

namespace {

std::string_view setting_name(ast::setting_kind k) {
  switch (k) {
    case ast::setting_kind::council: return "council";
    case ast::setting_kind::calendar: return "calendar";
    case ast::setting_kind::year_start: return "year starts";
    case ast::setting_kind::waiver: return "waive";
  }
  return "";
}

void repeated(const std::vector<ast::setting_line>& written, std::string_view where, std::vector<finding>& out) {
  for (std::size_t j = 0; j < written.size(); ++j) {
    if (written[j].kind == ast::setting_kind::waiver) continue;  // several waivers are normal
    for (std::size_t i = j + 1; i < written.size(); ++i)
      if (written[i].kind == written[j].kind) {
        out.push_back({"RL010", written[j].where,
                       fmt::format("'{}' is set again {}, on line {}: the later setting wins, so this line has no effect",
                                   setting_name(written[j].kind), where, written[i].where.line),
                       written[i].where});
        break;
      }
  }
}

}  // namespace

void setting_repeated(const ast::rule_file& file, const context&, std::vector<finding>& out) {
  repeated(file.defaults.written, "at the top of the file", out);
  for (const ast::body& b : file.bodies) repeated(b.overrides.written, "in this body", out);
}

}  // namespace remit::lint
