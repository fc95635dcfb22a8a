#include "lint/report.hpp"

#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/sarif.hpp"

namespace remit::lint {

namespace {

std::string line_of(const std::string& text, std::uint32_t line) {
  std::size_t begin = 0;
  for (std::uint32_t n = 1; n < line && begin != std::string::npos; ++n) {
    begin = text.find('\n', begin);
    if (begin != std::string::npos) ++begin;
  }
  if (begin == std::string::npos || begin > text.size()) return {};
  std::size_t end = text.find('\n', begin);
  std::string out = text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return out;
}

nlohmann::ordered_json location_of(const source_location& where) {
  return sarif::location(where.file, {{"startLine", where.line}, {"startColumn", std::max<std::uint32_t>(where.column, 1)}});
}

}  // namespace

void write_text(const std::vector<file_findings>& files, std::ostream& out) {
  for (const file_findings& f : files)
    for (const finding& x : f.findings) {
      diagnostic d{x.where, x.message, line_of(f.text, x.where.line)};
      // The diagnostic renderer draws the line and the caret; only the severity word differs.
      std::string shown = render(d);
      const std::string error_word = ": error: ";
      if (const std::size_t at = shown.find(error_word); at != std::string::npos)
        shown.replace(at, error_word.size(), fmt::format(": warning {}: ", x.code));
      out << shown;
    }
}

void write_sarif(const std::vector<file_findings>& files, std::ostream& out) {
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const check& c : checks())
    rules.push_back({{"id", c.code},
                     {"name", c.name},
                     {"shortDescription", {{"text", c.summary}}},
                     {"help", {{"text", fmt::format("{}: see 'Lint codes' in docs/tools.md of remit", c.code)}}},
                     {"defaultConfiguration", {{"level", "warning"}}}});
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const file_findings& f : files)
    for (const finding& x : f.findings) {
      nlohmann::ordered_json r;
      r["ruleId"] = x.code;
      for (std::size_t i = 0; i < checks().size(); ++i)
        if (checks()[i].code == x.code) r["ruleIndex"] = i;
      r["level"] = "warning";
      r["message"] = {{"text", x.message}};
      r["locations"] = nlohmann::ordered_json::array({location_of(x.where)});
      if (x.related) {
        nlohmann::ordered_json related = location_of(*x.related);
        related["id"] = 1;
        related["message"] = {{"text", "the other statement"}};
        r["relatedLocations"] = nlohmann::ordered_json::array({related});
      }
      results.push_back(std::move(r));
    }
  nlohmann::ordered_json artifacts = nlohmann::ordered_json::array();
  for (const file_findings& f : files) artifacts.push_back({{"location", {{"uri", sarif::uri_of(f.path)}}}});
  sarif::write_log({{"tool", {{"driver", {{"name", "remit lint"}, {"version", REMIT_VERSION}, {"rules", rules}}}}},
                     {"artifacts", artifacts},
                     {"columnKind", "unicodeCodePoints"},
                     {"results", results}},
                    out);
}

}  // namespace remit::lint
