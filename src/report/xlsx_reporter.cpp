// An Excel workbook for auditors (docs/reports.md, "xlsx"), written with libxlsxwriter: sheets
// Exceptions, Findings, Rules, Not checked, Logs and Manifest, each with a bold, frozen header
// row, an autofilter and columns as wide as their text (within reason); dates are real dates,
// counts numbers, and severity a column of its own. Text from the input is written as text,
// never as a formula. The same inputs give the same bytes: the workbook's creation time is the
// end of the window, not the clock.
//
// Debian's libxlsxwriter writes to a named file (writing to memory came in a later release), so
// the workbook is made in a private folder of the system's temporary directory, copied to the
// report's output and removed.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <stdexcept>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "core/text.hpp"
#include "language/describe.hpp"
#include "report/body_summary.hpp"
#include "report/manifest.hpp"
#include "report/reporter.hpp"
#include "report/text_parts.hpp"

namespace remit {

namespace {

// Excel's own limits: a cell holds at most 32,767 characters, a sheet at most 1,048,576 rows.
constexpr std::size_t cell_characters = 32767;
constexpr lxw_row_t sheet_rows = 1048576;

// A private folder for the workbook and libxlsxwriter's own temporary files, removed however
// the writing ends.
class scratch_folder {
 public:
  scratch_folder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "remit-xlsx-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("the Excel workbook: no temporary folder could be made");
    path_ = pattern;
  }
  ~scratch_folder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  scratch_folder(const scratch_folder&) = delete;
  scratch_folder& operator=(const scratch_folder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// One sheet: a header row, then rows written left to right; each column as wide as its widest
// cell (up to 80 characters, where long text wraps).
class sheet {
 public:
  sheet(lxw_workbook* book, const char* name, std::vector<std::string> header, lxw_format* bold, lxw_format* day,
        lxw_format* wrap)
      : ws_(workbook_add_worksheet(book, name)), columns_(header.size()), day_(day), wrap_(wrap),
        width_(header.size(), 8) {
    for (lxw_col_t c = 0; c < columns_; ++c) text(c, header[c], bold);
    worksheet_freeze_panes(ws_, 1, 0);
  }
  // Starts the next row: false when the sheet is full (Excel's limit), and the row is not written.
  bool next_row() {
    if (row_ + 1 >= sheet_rows - 1) {
      ++left_out_;
      return false;
    }
    ++row_;
    return true;
  }
  void text(lxw_col_t c, std::string_view s, lxw_format* format = nullptr) {
    std::string value(s);
    if (value.size() > cell_characters) value = value.substr(0, cell_characters - 3) + "...";
    // Never a formula: a cell that starts with '=' is text like any other.
    worksheet_write_string(ws_, row_, c, value.c_str(), format ? format : (value.size() > 80 ? wrap_ : nullptr));
    width_[c] = std::max(width_[c], std::min<std::size_t>(utf8_length(value), 80));
  }
  void number(lxw_col_t c, double n) {
    worksheet_write_number(ws_, row_, c, n, nullptr);
    width_[c] = std::max<std::size_t>(width_[c], 10);
  }
  void day(lxw_col_t c, const std::optional<date>& d) {
    if (!d) return;
    lxw_datetime when{d->year(), static_cast<int>(d->month()), static_cast<int>(d->day_of_month()), 0, 0, 0.0};
    worksheet_write_datetime(ws_, row_, c, &when, day_);
    width_[c] = std::max<std::size_t>(width_[c], 11);
  }
  // The autofilter over what was written, the widths, and a last row saying what did not fit.
  void finish(std::string_view rows_word) {
    if (left_out_ > 0) {
      ++row_;
      text(0, fmt::format("{} more {} not written: a sheet holds at most {} rows; the csv or json report holds them all",
                          left_out_, rows_word, sheet_rows));
    }
    worksheet_autofilter(ws_, 0, 0, left_out_ > 0 ? row_ - 1 : row_, static_cast<lxw_col_t>(columns_ - 1));
    for (lxw_col_t c = 0; c < columns_; ++c) worksheet_set_column(ws_, c, c, static_cast<double>(width_[c] + 2), nullptr);
  }

 private:
  lxw_worksheet* ws_;
  lxw_col_t columns_;
  lxw_format* day_;
  lxw_format* wrap_;
  std::vector<std::size_t> width_;
  lxw_row_t row_ = 0;
  std::size_t left_out_ = 0;
};

std::string council_of(const std::optional<std::string>& council) { return council.value_or(""); }

class xlsx_reporter final : public reporter {
 public:
  void write(const audit_report& report, std::ostream& out) const override {
    const scratch_folder scratch;
    const std::string file = (scratch.path() / "audit.xlsx").string();
    const std::string tmpdir = scratch.path().string();
    lxw_workbook_options options{};
    options.tmpdir = const_cast<char*>(tmpdir.c_str());
    lxw_workbook* book = workbook_new_opt(file.c_str(), &options);
    if (!book) throw std::runtime_error("the Excel workbook could not be started");
    // The creation time is the window's end, so that the same inputs give the same bytes.
    lxw_doc_properties properties{};
    const std::string title = "Terms of Reference compliance audit";
    properties.title = const_cast<char*>(title.c_str());
    properties.created = static_cast<time_t>(report.window.to.days) * 86400;
    workbook_set_properties(book, &properties);
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* day = workbook_add_format(book);
    format_set_num_format(day, "yyyy-mm-dd");
    lxw_format* wrap = workbook_add_format(book);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);

    write_exceptions(report, sheet(book, "Exceptions", {"Council", "Body", "Clause", "Statement", "Severity", "Status",
                                                        "Findings", "Worst finding"},
                                   bold, day, wrap));
    write_findings(report, sheet(book, "Findings", {"Council", "Body", "Version", "Clause", "Statement", "Severity",
                                                    "Rule status", "Finding status", "Due", "Date", "Meeting",
                                                    "Period start", "Period end", "Found", "Days late", "Derivation"},
                                 bold, day, wrap));
    write_rules(report, sheet(book, "Rules", {"Council", "Body", "Version", "Clause", "Statement", "Severity", "Status",
                                              "Findings", "Meaning", "Rule file", "Line"},
                              bold, day, wrap));
    write_not_checked(report, sheet(book, "Not checked", {"Council", "Body", "Clause", "Why not", "Rule file", "Line"}, bold,
                                    day, wrap));
    write_logs(report, sheet(book, "Logs", {"Log", "Format", "Rows read", "Used", "Rejected", "Left out"}, bold, day, wrap));
    write_manifest(report, sheet(book, "Manifest", {"Item", "Value", "SHA-256"}, bold, day, wrap));

    if (const lxw_error e = workbook_close(book); e != LXW_NO_ERROR)
      throw std::runtime_error(fmt::format("the Excel workbook could not be written: {}", lxw_strerror(e)));
    std::ifstream written(file, std::ios::binary);
    out << written.rdbuf();
  }

 private:
  static void write_exceptions(const audit_report& report, sheet s) {
    for (const audited_body& b : report.bodies) {
      for (const rule_result* r : exceptions_first(report.results_of(b)).exceptions) {
        if (!s.next_row()) continue;
        s.text(0, council_of(b.council));
        s.text(1, b.name + version_suffix(b.version));
        s.text(2, r->statement->label);
        s.text(3, r->statement->text);
        s.text(4, ast::severity_name(r->statement->modifiers));
        s.text(5, name(r->status));
        s.number(6, static_cast<double>(r->findings.size()));
        if (told_by_missing_records(report, *r)) s.text(7, missing_records_line(report, *r));
        else if (const auto worst = worst_finding(*r, report.window)) s.text(7, worst->words());
      }
    }
    s.finish("rules");
  }

  // A rule's identity and status, the first seven columns of the Findings and Rules sheets.
  static void write_rule_columns(sheet& s, const rule_result& r) {
    s.text(0, council_of(r.council));
    s.text(1, r.body);
    s.text(2, r.version ? version_words(*r.version) : std::string{});
    s.text(3, r.statement->label);
    s.text(4, r.statement->text);
    s.text(5, ast::severity_name(r.statement->modifiers));
    s.text(6, name(r.status));
  }

  static void write_findings(const audit_report& report, sheet s) {
    for (const rule_result& r : report.results)
      for (const finding& f : r.findings) {
        if (!s.next_row()) continue;
        write_rule_columns(s, r);
        s.text(7, name(f.status));
        s.day(8, f.due);
        s.day(9, f.on ? std::optional<date>(*f.on) : std::nullopt);
        s.day(10, f.meeting ? std::optional<date>(*f.meeting) : std::nullopt);
        s.day(11, f.period_start ? std::optional<date>(*f.period_start) : std::nullopt);
        s.day(12, f.period_end ? std::optional<date>(*f.period_end) : std::nullopt);
        if (f.found) s.number(13, *f.found);
        if (const auto late = days_late(f, r, report.window)) s.number(14, *late);
        s.text(15, f.words());
      }
    s.finish("findings");
  }

  static void write_rules(const audit_report& report, sheet s) {
    for (const audited_body& b : report.bodies)
      for (const rule_result& r : report.results_of(b)) {
        if (!s.next_row()) continue;
        write_rule_columns(s, r);
        s.number(7, static_cast<double>(r.findings.size()));
        s.text(8, describe(*r.statement, b.settings));
        s.text(9, r.rule_file);
        s.number(10, r.statement->where.line);
      }
    s.finish("rules");
  }

  static void write_not_checked(const audit_report& report, sheet s) {
    for (const audited_body& b : report.bodies)
      for (const clause_not_checked& c : b.not_checked) {
        if (!s.next_row()) continue;
        s.text(0, council_of(b.council));
        s.text(1, b.name + version_suffix(b.version));
        s.text(2, c.label);
        s.text(3, c.reason);
        s.text(4, b.rule_file);
        s.number(5, c.line);
      }
    s.finish("clauses");
  }

  static void write_logs(const audit_report& report, sheet s) {
    for (const log_file_summary& f : report.logs) {
      if (!s.next_row()) continue;
      s.text(0, f.path);
      s.text(1, f.format);
      s.number(2, static_cast<double>(f.rows_read));
      s.number(3, static_cast<double>(f.rows_used));
      s.number(4, static_cast<double>(f.rows_rejected));
      s.number(5, static_cast<double>(f.rows_left_out));
    }
    s.finish("logs");
  }

  static void write_manifest(const audit_report& report, sheet s) {
    const audit_manifest& m = report.manifest;
    const auto item = [&](std::string_view what, std::string_view value, std::string_view digest = {}) {
      if (!s.next_row()) return;
      s.text(0, what);
      s.text(1, value);
      if (!digest.empty()) s.text(2, digest);
    };
    item("remit", m.remit_version);
    item("window from", to_iso(report.window.from));
    item("window to", to_iso(report.window.to));
    if (!m.engine.empty()) item("engine", m.engine);
    if (!m.remit_version.empty()) item("bank holidays", bank_holidays_words(m), m.bank_holidays_sha256);
    if (m.accept_partial) item("rejected rows", "accepted (--accept-partial)");
    for (const auto& [limit, value] : m.limits) item("limit", fmt::format("{}={}", limit, value));
    for (const auto& f : m.rule_files) item("rule file", f.path, f.sha256);
    for (const auto& f : m.logs) item("log", f.path, f.sha256);
    s.finish("items");
  }
};

}  // namespace

std::unique_ptr<reporter> make_xlsx_reporter(const report_options&) { return std::make_unique<xlsx_reporter>(); }

}  // namespace remit
