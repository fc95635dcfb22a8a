// Report formats. One class per format behind this interface; a new format is one new
// file plus one line in report/registry.cpp.
#pragma once

#include <iosfwd>
#include <memory>
#include <span>
#include <string_view>

#include "evaluate/findings.hpp"

namespace remit {

struct report_options {
  bool color = false;  // ANSI colour: only for a terminal, never with NO_COLOR
};

class reporter {
 public:
  virtual ~reporter() = default;
  virtual void write(const audit_report& report, std::ostream& out) const = 0;
};

struct reporter_entry {
  std::string_view name;
  std::string_view description;
  std::unique_ptr<reporter> (*make)(const report_options&);
  bool shows_manifest = true;  // report/manifest.hpp: the inputs' digests, which cost a pass over every log
  bool binary = false;         // not text (a workbook): written to a file, never to standard output
};

std::span<const reporter_entry> reporters();
const reporter_entry* find_reporter(std::string_view name);

// Formats, each in its own file.
std::unique_ptr<reporter> make_text_reporter(const report_options& options);
std::unique_ptr<reporter> make_json_reporter(const report_options& options);
std::unique_ptr<reporter> make_html_reporter(const report_options& options);
std::unique_ptr<reporter> make_markdown_reporter(const report_options& options);
std::unique_ptr<reporter> make_csv_reporter(const report_options& options);
std::unique_ptr<reporter> make_findings_reporter(const report_options& options);
std::unique_ptr<reporter> make_junit_reporter(const report_options& options);
std::unique_ptr<reporter> make_sarif_reporter(const report_options& options);
std::unique_ptr<reporter> make_xlsx_reporter(const report_options& options);

}  // namespace remit
