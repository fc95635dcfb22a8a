// Formats of `remit due`, as reporter.hpp is for `remit check`: one class per format behind
// this interface; a new format is one new file plus one line in report/due_registry.cpp.
#pragma once

#include <iosfwd>
#include <memory>
#include <span>
#include <string_view>

#include "evaluate/due.hpp"
#include "report/reporter.hpp"

namespace remit {

class due_reporter {
 public:
  virtual ~due_reporter() = default;
  virtual void write(const due_report& report, std::ostream& out) const = 0;
};

struct due_reporter_entry {
  std::string_view name;
  std::string_view description;
  std::unique_ptr<due_reporter> (*make)(const report_options&);
};

std::span<const due_reporter_entry> due_reporters();
const due_reporter_entry* find_due_reporter(std::string_view name);

// Formats, each in its own file.
std::unique_ptr<due_reporter> make_due_text_reporter(const report_options& options);
std::unique_ptr<due_reporter> make_due_json_reporter(const report_options& options);
std::unique_ptr<due_reporter> make_due_ics_reporter(const report_options& options);
std::unique_ptr<due_reporter> make_due_brief_reporter(const report_options& options);

}  // namespace remit
