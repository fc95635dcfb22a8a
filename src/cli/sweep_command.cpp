// remit sweep DIR|MANIFEST [--from F] [--to T] [--format FORMAT[=FILE]]... [-o FILE] [--out DIR] [-j N]
// Audits every council of a folder or manifest, several at once, each on its own: a council whose
// files are broken is reported with its error, and every other council is still audited.
#include <atomic>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include <unistd.h>

#include <fmt/format.h>

#include "cli/audit_options.hpp"
#include "cli/commands.hpp"
#include "cli/usage.hpp"
#include "cli/outputs.hpp"
#include "core/files.hpp"
#include "core/output_file.hpp"
#include "core/parallel.hpp"
#include "report/reporter.hpp"
#include "session/audit_session.hpp"
#include "sweep/outcome.hpp"
#include "sweep/plan.hpp"

namespace remit::cli {

namespace {

namespace fs = std::filesystem;

struct sweep_options {
  std::string source;
  std::string from;
  std::string to;
  std::vector<std::string> formats;  // text or json, FORMAT or FORMAT=FILE; none: text
  std::string output;
  std::string out_dir;  // the HTML index and each council's HTML report
  unsigned jobs = 0;    // 0: one per core
  bool accept_partial = false;
};

constexpr command_words council_words{"audited for this council", "audit the rows that were read"};

sweep::council_outcome audit_one(const sweep::council_plan& plan, const sweep_options& o, bool want_json) {
  sweep::council_outcome c;
  c.plan = plan;
  if (!plan.problem.empty()) {
    c.messages = fmt::format("remit: error: {}\n", plan.problem);
    return c;
  }
  std::ostringstream err;
  // Only regular files are read: a named pipe in a corpus would hold the sweep until something
  // wrote to it, and a device might never end. Such a council is an error naming the file.
  {
    diagnostics unread;
    for (const auto* paths : {&plan.rules, &plan.logs})
      for (const std::string& path : *paths)
        if (const std::string what = not_regular_file(path); !what.empty())
          unread.error({path, 0, 0}, fmt::format("is {}, not a regular file: a sweep reads only regular files", what));
    if (!unread.empty()) {
      report_errors(unread, council_words, err);
      c.messages = err.str();
      return c;
    }
  }
  auto session = audit_session::read(
      {.rules = plan.rules, .logs = plan.logs, .accept_partial = o.accept_partial}, council_words, err);
  if (session)
    for (const log_file_summary& f : session->log().files)
      c.rows_read += f.rows_read, c.rows_used += f.rows_used, c.rows_rejected += f.rows_rejected,
          c.rows_left_out += f.rows_left_out;
  // The command line's window wins over the council's own, bound by bound.
  const auto window = session ? resolve_window(o.from.empty() ? plan.from : o.from, o.to.empty() ? plan.to : o.to,
                                               session->log(), err)
                              : std::nullopt;
  if (!window) {
    c.messages = err.str();
    return c;
  }
  c.window = window;
  // Each council's own reports carry its manifest, as check's do, so each can be verified alone.
  const std::optional<audit_report> audited = session->audit(*window, !o.out_dir.empty());
  if (!audited) {
    c.messages = err.str();
    return c;
  }
  const audit_report& report = *audited;
  c.bodies = sweep::body_rows(report);
  if (want_json) {
    std::ostringstream text;
    make_json_reporter({})->write(report, text);
    c.report_json = text.str();
  }
  if (!o.out_dir.empty()) {
    std::ostringstream page;
    make_html_reporter({})->write(report, page);
    const std::string file = plan.slug + ".html";
    if (std::string problem = write_file_atomically((fs::path(o.out_dir) / file).string(), page.str()); !problem.empty()) {
      err << fmt::format("remit: error: {}\n", problem);
      c.messages = err.str();
      return c;
    }
    c.html_file = file;
  }
  c.messages = err.str();
  c.status = report.any_breach() ? sweep::council_status::breach : sweep::council_status::clean;
  return c;
}

// A council audited, and its page in --out: written when it could be audited; when it could not,
// a page left there by an earlier run is removed, so that the folder never shows a stale report
// beside an index that says the council is in error.
sweep::council_outcome audit_council(const sweep::council_plan& plan, const sweep_options& o, bool want_json) {
  sweep::council_outcome c = audit_one(plan, o, want_json);
  if (o.out_dir.empty() || !c.html_file.empty()) return c;
  const fs::path page = fs::path(o.out_dir) / (plan.slug + ".html");
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(page, ec);
  if (ec || !(fs::is_regular_file(st) || fs::is_symlink(st))) return c;
  if (!fs::remove(page, ec) || ec)
    c.messages += fmt::format("remit: error: cannot remove {}, the page of an earlier run: {}\n", page.string(),
                              ec ? ec.message() : std::string("it is still there"));
  return c;
}

// A bar on stderr while councils finish, only for a terminal: redirected output stays clean.
class progress_bar {
 public:
  explicit progress_bar(std::size_t total) : total_(total), shown_(isatty(STDERR_FILENO) != 0 && total > 0) { draw(0); }
  ~progress_bar() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
  }
  void done_one() {
    const std::lock_guard lock(mutex_);
    draw(++done_);
  }

 private:
  void draw(std::size_t done) const {
    if (!shown_) return;
    constexpr std::size_t width = 30;
    const std::size_t filled = done * width / total_;
    std::cerr << fmt::format("\rsweep [{}{}] {}/{} councils", std::string(filled, '#'), std::string(width - filled, '.'),
                             done, total_)
              << std::flush;
  }
  std::size_t total_;
  bool shown_;
  std::size_t done_ = 0;
  std::mutex mutex_;
};

int run_sweep(const sweep_options& o) {
  std::string problem;
  const std::vector<output_target> targets = plan_outputs(o.formats, o.output, "text", problem);
  if (targets.empty()) {
    say_usage_error("remit sweep", problem);
    return exit_bad_input;
  }
  if ((!o.from.empty() && !date_option(o.from, "--from")) || (!o.to.empty() && !date_option(o.to, "--to")))
    return exit_bad_input;

  constexpr command_words sweep_words{"swept", "audit the rows that were read"};
  diagnostics diags;
  std::error_code ec;
  const std::vector<sweep::council_plan> plans =
      fs::is_directory(o.source, ec) ? sweep::plan_folder(o.source, diags) : sweep::plan_manifest(o.source, diags);
  if (!diags.empty()) {
    report_errors(diags, sweep_words);
    return exit_bad_input;
  }
  // Every file the sweep may write (the reports, the index and each council's page), checked
  // against every file it reads before anything is read or written.
  {
    std::vector<run_input> inputs;
    if (!fs::is_directory(o.source, ec)) inputs.push_back({o.source, "the sweep's manifest"});
    for (const sweep::council_plan& p : plans)
      for (const run_input& in : run_inputs(p.rules, p.logs)) inputs.push_back(in);
    std::vector<output_target> outputs = targets;
    if (!o.out_dir.empty()) {
      outputs.push_back({"index", (fs::path(o.out_dir) / "index.html").string()});
      for (const sweep::council_plan& p : plans) outputs.push_back({"html", (fs::path(o.out_dir) / (p.slug + ".html")).string()});
    }
    if (const std::string clash = outputs_clash(outputs, inputs); !clash.empty()) {
      std::cerr << "remit: error: " << clash << '\n';
      return exit_bad_input;
    }
  }
  if (!o.out_dir.empty()) {
    fs::create_directories(o.out_dir, ec);
    if (ec || !fs::is_directory(o.out_dir)) {
      std::cerr << fmt::format("remit: error: --out {}: cannot create the folder: {}\n", o.out_dir, ec.message());
      return exit_bad_input;
    }
    // The index of an earlier run goes before this run writes its first page: it would vouch for
    // pages that are no longer the ones it describes. The new index is written last, once every
    // page is, so a sweep interrupted (SIGINT, SIGTERM) or ended by a fault on the way leaves
    // pages but no index that claims they are one complete run.
    const fs::path index = fs::path(o.out_dir) / "index.html";
    const fs::file_status st = fs::symlink_status(index, ec);
    if (!ec && (fs::is_regular_file(st) || fs::is_symlink(st)) && (!fs::remove(index, ec) || ec)) {
      std::cerr << fmt::format("remit: error: cannot remove {}, the index of an earlier run: {}\n", index.string(),
                               ec ? ec.message() : std::string("it is still there"));
      return exit_bad_input;
    }
  }

  const bool want_json = std::any_of(targets.begin(), targets.end(), [](const auto& t) { return t.format == "json"; });
  sweep::sweep_outcome outcome{o.source, std::vector<sweep::council_outcome>(plans.size())};
  {
    progress_bar progress(plans.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
      for (std::size_t i; (i = next.fetch_add(1)) < plans.size();) {
        outcome.councils[i] = audit_council(plans[i], o, want_json);
        progress.done_one();
      }
    };
    const unsigned jobs = o.jobs ? o.jobs : core_count();
    std::vector<std::jthread> workers;
    for (unsigned j = 1; j < std::min<std::size_t>(jobs, plans.size()); ++j) workers.emplace_back(work);
    work();
  }

  std::vector<output_target> outputs = targets;
  if (!o.out_dir.empty()) outputs.push_back({"index", (fs::path(o.out_dir) / "index.html").string()});
  const auto render = [&](const output_target& t, std::ostream& out) {
    if (t.format == "index")
      sweep::write_sweep_html_index(outcome, out);
    else if (t.format == "json")
      sweep::write_sweep_json(outcome, out);
    else
      sweep::write_sweep_text(outcome, out);
  };
  if (const std::string problem = write_outputs(outputs, render, std::cout); !problem.empty()) {
    std::cerr << "remit: error: " << problem << '\n';
    return exit_bad_input;
  }
  switch (outcome.worst()) {
    case sweep::council_status::clean: return exit_clean;
    case sweep::council_status::breach: return exit_breach;
    case sweep::council_status::error: break;
  }
  return exit_bad_input;
}

}  // namespace

void add_sweep_command(CLI::App& app, int& status) {
  auto options = std::make_shared<sweep_options>();
  CLI::App* sweep = app.add_subcommand("sweep", "Audit every council of a folder or manifest, in parallel, in one report.");
  sweep->footer(
      "Examples:\n"
      "  remit sweep . --out sweep-report\n"
      "  remit sweep councils.manifest --from 2025-04-01 --to 2026-03-31 --format json -o sweep.json\n\n"
      "A folder holds rules/<slug>.remit and corpora/<slug>/ (its *.csv, *.jsonl and *.xml logs, and a file\n"
      "'window' with lines 'from YYYY-MM-DD' and 'to YYYY-MM-DD'). A manifest lists each council's rule files,\n"
      "logs and window. A council that cannot be audited is reported with its error; the others are still audited.\n"
      "Exit status: the worst of all councils: 0 no breach, 1 at least one breach, 2 bad usage or a council not audited.\n"
      "See docs/sweep.md.");
  sweep->add_option("source", options->source, "A folder laid out as rules/ and corpora/, or a manifest (docs/sweep.md)")
      ->required()
      ->type_name("DIR|MANIFEST");
  sweep->add_option("--from", options->from,
                    "First day of every council's audit window, yyyy-mm-dd (default: the council's window, else its "
                    "earliest event)")
      ->check(iso_date())
      ->type_name("DATE");
  sweep->add_option("--to", options->to,
                    "Last day of every council's audit window, yyyy-mm-dd (default: the council's window, else today)")
      ->check(iso_date())
      ->type_name("DATE");
  sweep->add_option("--format", options->formats,
                    "Combined report format:\n  text: a summary per council and body, with every clause in breach\n"
                    "  json: the same, with each council's whole JSON report\n"
                    "Repeat --format for both: NAME goes to stdout (at most one), NAME=FILE to FILE (default: text to stdout)")
      ->check(format_names({"text", "json"}))
      ->allow_extra_args(false)
      ->type_name("FORMAT[=FILE]");
  sweep->add_option("-o,--output", options->output,
                    "Write the report that would go to stdout to FILE instead (whole or not at all)")
      ->type_name("FILE");
  sweep->add_option("--out", options->out_dir,
                    "Write an HTML index (DIR/index.html), a row per council and body, and each council's HTML report "
                    "beside it (DIR/<slug>.html)")
      ->type_name("DIR");
  sweep->add_option("-j,--jobs", options->jobs, "Councils audited at once, 1 to 1024 (default: the number of cores)")
      ->check(whole_number("--jobs", 1, 1024))
      ->type_name("N");
  sweep->add_flag("--accept-partial", options->accept_partial,
                  "Audit the rows that were read even if some were rejected (they are still listed)");
  sweep->callback([options, &status] { status = run_sweep(*options); });
}

}  // namespace remit::cli
