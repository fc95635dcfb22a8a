#include "support.hpp"

#include <sstream>

#include <catch2/catch.hpp>

#include "evaluate/bodies.hpp"
#include "inputs/reader.hpp"
#include "language/checker.hpp"
#include "language/parser.hpp"

namespace remit::test {

date d(std::string_view iso) {
  const auto parsed = parse_iso_date(iso);
  REQUIRE(parsed.has_value());
  return *parsed;
}

std::string rule_errors(std::string_view text, std::string_view path) {
  diagnostics diags;
  if (auto file = parse_rule_file(std::string(path), text, diags)) check_rule_file(*file, diags);
  std::ostringstream out;
  diags.render(out);
  return out.str();
}

ast::rule_file rules(std::string_view text) {
  diagnostics diags;
  auto file = parse_rule_file("test.remit", text, diags);
  if (file) check_rule_file(*file, diags);
  std::ostringstream out;
  diags.render(out);
  INFO(out.str());
  REQUIRE(diags.empty());
  return std::move(*file);
}

event_log csv_log(std::string_view csv, admitted_councils councils) {
  event_log log;
  log.councils = std::move(councils);
  diagnostics diags;
  log.files.push_back({"test.csv", "csv", 0, 0, {}});
  csv_log_reader.read(csv, log, log.files.back(), diags);
  leave_out_other_councils(log);
  std::ostringstream out;
  diags.render(out);
  INFO(out.str());
  REQUIRE(diags.empty());
  return log;
}

audit_result audit(std::string_view rules_text, std::string_view csv, std::string_view from, std::string_view to) {
  std::vector<ast::rule_file> files;
  files.push_back(rules(rules_text));
  const event_log log = csv_log(csv, councils_of(files));
  diagnostics diags;
  audit_result out{{}, run_audit(files, log, {d(from), d(to)}, diags)};
  // Moving the file keeps its statements where they are, so the results still point at them.
  out.file = std::move(files.front());
  std::ostringstream err;
  diags.render(err);
  INFO(err.str());
  REQUIRE(diags.empty());
  return out;
}

const rule_result& audit_result::only() const {
  REQUIRE(report.results.size() == 1);
  return report.results.front();
}

}  // namespace remit::test
